package org.mmwinter.bench.jmh;

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
 * exchange-core's benchmark mix (9 % GTC, 3 % IOC, 6 % cancel, 82 % move, single symbol, 1,000 accounts), at
 * three book sizes: 1,000 resting orders is the published shape, 100,000 and 1,000,000 show how cost grows with
 * the book. Each invocation replays the next chunk of the mix; when the mix is used up the book is drained and
 * refilled outside the measurement, so every chunk meets exactly the book it was generated against.
 * <p>
 * {@code ids} is how our engine is sent the workload's order ids ({@link IdStyle}): {@code numeric} the decimal
 * text (today's flows), {@code alnum8} eight characters, {@code uuid36} a 36-character UUID-like id. The ids are
 * spelt before measurement into a {@link ClientOrderIdTable}, one per command in command order (52 bytes a
 * command: 2.1 M commands or 110 MB at 1,000 orders, 4 M or 210 MB at 1,000,000), so a command pays a sequential
 * array read, as exchange-core's side pays for its {@code long} order id, and what the engine does with the id's
 * text, not the spelling. The fork heap stays at 3 GB for every {@code ids}: the 1,000,000-order book preallocates
 * two million orders (each carrying its id's four words) beside the 2,000,000-command mix, and one heap for all
 * values keeps the runs comparable. The naive book ignores {@code ids} (it keys by the numbers); run it with
 * {@code -p ids=numeric}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class MixedWorkloadBenchmark
{
    /**
     * One book implementation filled to the chosen depth, and the mixed workload it replays, built before timing.
     */
    @State(Scope.Thread)
    public static class MixState
    {
        /** {@link #capacity} value meaning twice {@link #restingOrders}. */
        public static final int SIZED_TO_BOOK = 0;

        @Param({Books.OURS, Books.NAIVE})
        public String impl;

        @Param({"1000", "100000", "1000000"})
        public int restingOrders;

        @Param({IdStyle.NUMERIC, IdStyle.ALNUM8, IdStyle.UUID36})
        public String ids;

        /**
         * Live orders our engine is built for; {@link #SIZED_TO_BOOK} (the default) sizes it at twice the resting
         * orders. A venue sizes for its peak, not for today's book: {@code -p capacity=1048576 -p
         * restingOrders=1000} shows what a small book pays for a large capacity. The naive book ignores it.
         */
        @Param({"0"})
        public int capacity;

        Workload workload;
        OrderBookAdapter book;
        int chunks;
        int nextChunk;

        @Setup(Level.Trial)
        public void setUp()
        {
            workload = MixShape.generate(restingOrders);
            chunks = workload.mix().count() / MixShape.CHUNK;
            final int expectedOrders = capacity == SIZED_TO_BOOK ? 2 * restingOrders : capacity;
            book = Books.create(impl, expectedOrders, ClientOrderIdTable.of(ids, workload));
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
            Books.checkNoRejects(book, impl + " with " + restingOrders + " resting orders, " + ids + " ids, capacity "
                + capacity);
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
