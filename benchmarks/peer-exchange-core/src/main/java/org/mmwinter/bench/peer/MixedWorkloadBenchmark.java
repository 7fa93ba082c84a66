package org.mmwinter.bench.peer;

import java.util.concurrent.TimeUnit;

import org.mmwinter.bench.workload.MixShape;
import org.mmwinter.bench.workload.OldGeneration;
import org.mmwinter.bench.workload.OrderBookAdapter;
import org.mmwinter.bench.workload.Replay;
import org.mmwinter.bench.workload.Workload;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * exchange-core's benchmark mix at 1,000, 100,000 and 1,000,000 resting orders, against its two books: the same
 * workload, seed and chunking as our module's benchmark of the same name.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class MixedWorkloadBenchmark
{
    /**
     * One exchange-core book implementation filled to the chosen depth, and the mixed workload it replays.
     */
    @State(Scope.Thread)
    public static class MixState
    {
        @Param({PeerBooks.DIRECT, PeerBooks.NAIVE})
        public String impl;

        @Param({"1000", "100000", "1000000"})
        public int restingOrders;

        Workload workload;
        OrderBookAdapter book;
        int chunks;
        int nextChunk;

        @Setup(Level.Trial)
        public void setUp()
        {
            workload = MixShape.generate(restingOrders);
            chunks = workload.mix().count() / MixShape.CHUNK;
            book = PeerBooks.create(impl);
            Replay.run(workload.fill(), book);
            OldGeneration.tenureEverything();
        }

        @Setup(Level.Invocation)
        public void rewindWhenUsedUp()
        {
            if (nextChunk == chunks)
            {
                Replay.run(workload.drain(), book);
                Replay.run(workload.fill(), book);
                nextChunk = 0;
            }
        }

        @TearDown(Level.Trial)
        public void check()
        {
            PeerBooks.checkNoRejects(book, impl + " with " + restingOrders + " resting orders");
        }
    }

    @Benchmark
    @OperationsPerInvocation(MixShape.CHUNK)
    public long mixed(final MixState state)
    {
        final int from = state.nextChunk++ * MixShape.CHUNK;
        return Replay.run(state.workload.mix(), from, from + MixShape.CHUNK, state.book);
    }
}
