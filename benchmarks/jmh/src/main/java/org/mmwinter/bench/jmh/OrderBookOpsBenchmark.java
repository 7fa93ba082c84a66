package org.mmwinter.bench.jmh;

import java.util.concurrent.TimeUnit;

import org.mmwinter.bench.workload.AmendCycle;
import org.mmwinter.bench.workload.CommandArrays;
import org.mmwinter.bench.workload.OpScenarios;
import org.mmwinter.bench.workload.OrderBookAdapter;
import org.mmwinter.bench.workload.OrderSide;
import org.mmwinter.bench.workload.Replay;
import org.mmwinter.bench.workload.SweepScenario;
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
 * Single-thread order-book operations on the 1,000-order base book, one score per operation (ops/s), for our
 * engine and the naive baseline; the peer module has the same benchmarks, by the same names, for exchange-core.
 * Operations that change the book's size run in batches whose reset happens outside the measurement and
 * allocates nothing (cancelling what a batch added, or re-adding what it took), so {@code -prof gc} shows the
 * operation's own allocation.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class OrderBookOpsBenchmark
{
    /**
     * Order ids above the base book's that the scenarios use (at most 51,001: the 50-level sweep's ladder and its
     * sweeps), and the market orders' {@link #MARKET_ORDER_IDS}: the ids are spelt into a table before measurement.
     */
    static final int OP_ORDER_IDS = 1 << 16;
    /**
     * Market orders cycle through this many ids: each is gone (filled) before its id comes back, and a bounded set
     * of ids is what lets them be spelt beforehand.
     */
    static final int MARKET_ORDER_IDS = 1 << 10;

    /**
     * A book holding the base book, for one implementation.
     */
    @State(Scope.Thread)
    public abstract static class BaseBook
    {
        @Param({Books.OURS, Books.NAIVE})
        public String impl;

        Workload base;
        OrderBookAdapter book;

        void createBook(final int extraOrders, final CommandArrays fill)
        {
            base = OpScenarios.baseBook();
            book = Books.create(impl, 2 * (base.fill().count() + extraOrders),
                ClientOrderIdTable.of(IdStyle.NUMERIC, base.maxOrderId() + OP_ORDER_IDS));
            Replay.run(fill == null ? base.fill() : fill, book);
        }

        @TearDown(Level.Trial)
        public void check()
        {
            Books.checkNoRejects(book, impl);
        }
    }

    /**
     * Passive GTC orders that one benchmark adds to the base book and the other cancels.
     */
    @State(Scope.Thread)
    public abstract static class AddedOrders extends BaseBook
    {
        CommandArrays adds;
        CommandArrays cancels;
        boolean present;

        @Setup(Level.Trial)
        public void setUp()
        {
            createBook(OpScenarios.BATCH, null);
            adds = OpScenarios.passiveAdds(base, OpScenarios.BATCH);
            cancels = OpScenarios.cancelsOf(adds);
        }
    }

    /**
     * Each invocation adds the orders to a book without them.
     */
    @State(Scope.Thread)
    public static class AddState extends AddedOrders
    {
        @Setup(Level.Invocation)
        public void removeAdded()
        {
            if (present)
            {
                Replay.run(cancels, book);
                present = false;
            }
        }
    }

    /**
     * Each invocation cancels the orders, in shuffled order, from a book holding them.
     */
    @State(Scope.Thread)
    public static class CancelState extends AddedOrders
    {
        @Setup(Level.Invocation)
        public void restoreAdded()
        {
            if (!present)
            {
                Replay.run(adds, book);
                present = true;
            }
        }
    }

    /**
     * Large resting orders amended in turn, see {@link AmendCycle}.
     */
    @State(Scope.Thread)
    public static class AmendState extends BaseBook
    {
        AmendCycle cycle;

        @Setup(Level.Trial)
        public void setUp()
        {
            createBook(OpScenarios.AMENDED_ORDERS, null);
            cycle = OpScenarios.amendCycle(base, OpScenarios.AMENDED_ORDERS);
            Replay.run(cycle.placements(), book);
        }
    }

    /**
     * The base book's bids and a ladder of asks swept {@code levels} levels at a time.
     */
    @State(Scope.Thread)
    public static class SweepState extends BaseBook
    {
        @Param({"1", "10", "50"})
        public int levels;

        SweepScenario scenario;
        boolean swept;

        @Setup(Level.Trial)
        public void setUp()
        {
            final Workload baseBook = OpScenarios.baseBook();
            scenario = OpScenarios.sweep(baseBook, levels, OpScenarios.SWEEPS);
            createBook(levels * OpScenarios.SWEEPS, OpScenarios.bidsOf(baseBook.fill()));
            Replay.run(scenario.ladder(), book);
        }

        @Setup(Level.Invocation)
        public void restoreLadder()
        {
            if (swept)
            {
                Replay.run(scenario.ladder(), book);
                swept = false;
            }
        }
    }

    /**
     * The base book with a huge ask in front that one-lot market buys trade against.
     */
    @State(Scope.Thread)
    public static class MarketState extends BaseBook
    {
        long firstOrderId;
        int sent;

        @Setup(Level.Trial)
        public void setUp()
        {
            createBook(1, null);
            final CommandArrays maker = OpScenarios.marketMaker(base);
            Replay.run(maker, book);
            firstOrderId = maker.orderIds()[0] + 1;
        }
    }

    @Benchmark
    @OperationsPerInvocation(OpScenarios.BATCH)
    public long add(final AddState state)
    {
        state.present = true;
        return Replay.run(state.adds, state.book);
    }

    @Benchmark
    @OperationsPerInvocation(OpScenarios.BATCH)
    public long cancel(final CancelState state)
    {
        state.present = false;
        return Replay.run(state.cancels, state.book);
    }

    @Benchmark
    public long amendKeepPriority(final AmendState state)
    {
        return state.cycle.keepPriority(state.book);
    }

    @Benchmark
    public long amendLosePriority(final AmendState state)
    {
        return state.cycle.losePriority(state.book);
    }

    @Benchmark
    @OperationsPerInvocation(OpScenarios.SWEEPS)
    public long sweep(final SweepState state)
    {
        state.swept = true;
        return Replay.run(state.scenario.sweeps(), state.book);
    }

    @Benchmark
    public long market(final MarketState state)
    {
        return state.book.market(7, state.firstOrderId + (state.sent++ & (MARKET_ORDER_IDS - 1)), OrderSide.BUY, 1);
    }
}
