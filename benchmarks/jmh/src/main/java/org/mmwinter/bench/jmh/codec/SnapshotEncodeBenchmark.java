package org.mmwinter.bench.jmh.codec;

import java.util.concurrent.TimeUnit;

import org.mmwinter.bench.jmh.EngineBookAdapter;
import org.mmwinter.bench.jmh.IdStyle;
import org.mmwinter.bench.jmh.pipeline.CommandCycle;
import org.mmwinter.bench.jmh.pipeline.WorkloadCommands;
import org.mmwinter.bench.workload.CommandArrays;
import org.mmwinter.bench.workload.MixShape;
import org.mmwinter.bench.workload.Workload;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.journal.SnapshotEncoder;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.state.EngineState;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The matching thread's pause for a periodic snapshot: {@link SnapshotEncoder#encode} of a book of
 * {@code restingOrders} orders, the whole of what a periodic snapshot holds matching for (the file is written on
 * another thread). The book is the mixed workload's after its fill and one pass of the mix, so that orders sit in
 * their levels in the order the churn left them, not in the order they were created.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@State(Scope.Thread)
public class SnapshotEncodeBenchmark
{
    @Param({"1000", "100000", "1000000"})
    public int restingOrders;

    @Param({IdStyle.NUMERIC})
    public String ids;

    private final SnapshotEncoder encoder = new SnapshotEncoder();
    private EngineState state;

    @Setup
    public void setUp()
    {
        final Workload workload = MixShape.generate(restingOrders);
        final CommandCycle cycle = new CommandCycle(workload, ids);
        state = new EngineState(MatchingListener.NO_OP, restingOrders + restingOrders / 2);
        state.engine().addInstrument(EngineBookAdapter.instrument(0));
        for (int account = 0; account <= workload.config().accounts(); account++)
        {
            state.accounts().register("bench-" + account);
        }
        final CommandEvent event = new CommandEvent();
        long sequence = 0;
        sequence = apply(cycle.fill(), cycle, event, sequence);
        apply(workload.mix(), cycle, event, sequence);
        encoder.makeRoom(state.engine().liveOrderCount());
        System.out.printf("%n%,d resting orders, snapshot of %,d bytes%n", state.engine().liveOrderCount(),
            encoder.encode(state));
    }

    @Benchmark
    public int encode()
    {
        return encoder.encode(state);
    }

    private long apply(final CommandArrays commands, final CommandCycle cycle, final CommandEvent event,
        final long sequenceBefore)
    {
        long sequence = sequenceBefore;
        for (int i = 0; i < commands.count(); i++)
        {
            WorkloadCommands.write(commands, i, cycle.ids().get(commands.orderIds()[i]), event, 0, 1, i, 0);
            event.sequence = ++sequence;
            event.nowNs = 1_700_000_000_000_000_000L + sequence * 350;
            state.apply(event);
        }
        return sequence;
    }
}
