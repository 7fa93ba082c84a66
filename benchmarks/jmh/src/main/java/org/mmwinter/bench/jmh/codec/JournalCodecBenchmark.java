package org.mmwinter.bench.jmh.codec;

import java.util.concurrent.TimeUnit;

import org.mmwinter.bench.jmh.IdStyle;
import org.mmwinter.bench.jmh.pipeline.CommandCycle;
import org.mmwinter.bench.jmh.pipeline.WorkloadCommands;
import org.mmwinter.bench.workload.MixShape;
import org.mmwinter.bench.workload.WorkloadConfig;
import org.mmwinter.engine.journal.BatchCodec;
import org.mmwinter.engine.message.CommandEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The input journal's codec alone, per command: encoding a batch of {@value #BATCH} commands of the mixed workload
 * (what the sequencer does) and decoding it back (what recovery does), in the journal's own layout. The batch's
 * size in bytes is printed at set-up, so that bytes per command and speed come from the same run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JournalCodecBenchmark
{
    static final int BATCH = 4096;

    /**
     * One batch of commands with the chosen id style, already built, and the codecs that encode and decode it.
     */
    @State(Scope.Thread)
    public static class Batch
    {
        @Param({IdStyle.NUMERIC, IdStyle.UUID36})
        public String ids;

        final CommandEvent[] commands = new CommandEvent[BATCH];
        final BatchCodec encoder = new BatchCodec(1 << 20);
        final BatchCodec decoder = new BatchCodec(1 << 20);
        final CommandEvent decoded = new CommandEvent();
        long checksum;
        final BatchCodec.RecordHandler handler = event -> checksum += event.price + event.qty;
        int length;

        @Setup
        public void setUp()
        {
            final CommandCycle cycle = new CommandCycle(MixShape.generate(WorkloadConfig.BASE_RESTING_ORDERS), ids);
            long nowNs = 1_700_000_000_000_000_000L;
            for (int i = 0; i < BATCH; i++)
            {
                final int index = cycle.next();
                final CommandEvent c = new CommandEvent();
                WorkloadCommands.write(cycle.commands(), index, cycle.ids().get(cycle.commands().orderIds()[index]),
                    c, 0, 1_000_001, i, nowNs);
                nowNs += 350;
                c.nowNs = nowNs;
                c.sequence = i + 1;
                commands[i] = c;
            }
            length = encodeAll(this);
            System.arraycopy(encoder.buffer(), 0, decoder.wrapForDecode(length), 0, length);
            System.out.printf("%n%s: %d commands in %d bytes = %.2f bytes/command%n", ids, BATCH, length,
                (double)length / BATCH);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int encode(final Batch batch)
    {
        return encodeAll(batch);
    }

    static int encodeAll(final Batch batch)
    {
        final BatchCodec codec = batch.encoder;
        codec.beginBatch(1);
        final CommandEvent[] commands = batch.commands;
        for (int i = 0; i < BATCH; i++)
        {
            codec.add(commands[i]);
        }
        codec.endBatch();
        return codec.length();
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long decode(final Batch batch)
    {
        batch.decoder.decode(batch.length, batch.decoded, batch.handler, "benchmark");
        return batch.checksum;
    }
}
