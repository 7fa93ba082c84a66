package org.mmwinter.bench.jmh.codec;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.lmax.disruptor.EventHandler;
import org.mmwinter.bench.jmh.IdStyle;
import org.mmwinter.bench.jmh.pipeline.CommandCycle;
import org.mmwinter.bench.jmh.pipeline.PipelineDriver;
import org.mmwinter.bench.jmh.pipeline.PipelineSettings;
import org.mmwinter.bench.jmh.pipeline.ScratchDirectory;
import org.mmwinter.bench.workload.MixShape;
import org.mmwinter.bench.workload.Workload;
import org.mmwinter.bench.workload.WorkloadConfig;
import org.mmwinter.engine.journal.ResultCodec;
import org.mmwinter.engine.message.ResultEvent;
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
 * The output journal's codec alone, per command: encoding every result of {@value #COMMANDS} commands of the mixed
 * workload as one document (what the output journal stage does with a batch) and decoding it back (what
 * {@code replay verify} and a cluster client do). The results are the engine's own, captured from a pipeline (journal
 * off) running the workload after its book is filled, so their mix of execution reports, market data and DONEs is
 * the one the output journal sees. Results per command and bytes per command are printed at set-up, from the same run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class ResultCodecBenchmark
{
    static final int COMMANDS = 4096;
    /** Room for the results of {@link #COMMANDS} commands: a sweeping IOC can fill many orders. */
    private static final int MAX_RESULTS = COMMANDS * 16;

    /**
     * The captured results with the chosen id style, and the codecs that encode and decode them.
     */
    @State(Scope.Thread)
    public static class Results
    {
        @Param({IdStyle.NUMERIC, IdStyle.UUID36})
        public String ids;

        ResultEvent[] results;
        int count;
        final ResultCodec encoder = new ResultCodec(1 << 22);
        final ResultCodec decoder = new ResultCodec(1 << 22);
        final ResultEvent decoded = new ResultEvent();
        long checksum;
        final ResultCodec.ResultHandler handler = r -> checksum += r.price + r.qty + r.type;
        int length;

        @Setup
        public void setUp()
        {
            final Workload workload = MixShape.generate(WorkloadConfig.BASE_RESTING_ORDERS);
            final CommandCycle cycle = new CommandCycle(workload, ids);
            final long first = cycle.fill().count();
            final Capture capture = new Capture(first, first + COMMANDS);
            try (ScratchDirectory data = ScratchDirectory.create("result-codec-bench"))
            {
                final PipelineDriver pipeline = PipelineDriver.start(
                    PipelineSettings.config(data.path(), PipelineSettings.OFF, PipelineSettings.SPLIT),
                    workload.config().accounts(), capture);
                try
                {
                    pipeline.publishAndAwait(cycle.fill(), cycle.ids());
                    for (int i = 0; i < COMMANDS; i++)
                    {
                        pipeline.publish(cycle.commands(), cycle.next(), cycle.ids(), 0);
                    }
                    pipeline.awaitCompleted(first + COMMANDS);
                    if (!pipeline.pipeline().awaitIdle(1, TimeUnit.MINUTES))
                    {
                        throw new IllegalStateException("the pipeline did not drain its results");
                    }
                }
                finally
                {
                    pipeline.close();
                }
            }
            results = capture.results;
            count = capture.count.get();
            if (count == 0 || count == MAX_RESULTS)
            {
                throw new IllegalStateException("captured " + count + " results of " + COMMANDS + " commands");
            }
            length = encodeAll(this);
            System.arraycopy(encoder.buffer(), 0, decoder.wrapForDecode(length), 0, length);
            System.out.printf("%n%s: %d commands, %d results (%.2f a command) in %d bytes = %.2f bytes/command%n",
                ids, COMMANDS, count, (double)count / COMMANDS, length, (double)length / COMMANDS);
        }
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public int encode(final Results results)
    {
        return encodeAll(results);
    }

    static int encodeAll(final Results batch)
    {
        final ResultCodec codec = batch.encoder;
        codec.beginBatch();
        final ResultEvent[] results = batch.results;
        for (int i = 0; i < batch.count; i++)
        {
            codec.add(results[i]);
        }
        codec.endBatch();
        return codec.length();
    }

    @Benchmark
    @OperationsPerInvocation(COMMANDS)
    public long decode(final Results results)
    {
        results.decoder.decode(results.length, results.decoded, results.handler, "benchmark");
        return results.checksum;
    }

    /**
     * Copies every result of the driver's commands with correlation ids in {@code [from, to)}: the workload's
     * commands after the fill, in the order the engine published them.
     */
    private static final class Capture implements EventHandler<ResultEvent>
    {
        private final long from;
        private final long to;
        private final ResultEvent[] results = new ResultEvent[MAX_RESULTS];
        private final AtomicInteger count = new AtomicInteger();

        Capture(final long from, final long to)
        {
            this.from = from;
            this.to = to;
        }

        public void onEvent(final ResultEvent event, final long sequence, final boolean endOfBatch)
        {
            final int n = count.get();
            if (event.sourceId != PipelineDriver.SOURCE_ID || event.correlationId < from ||
                event.correlationId >= to || n == MAX_RESULTS)
            {
                return;
            }
            results[n] = new ResultEvent().copyFrom(event);
            count.lazySet(n + 1);
        }
    }
}
