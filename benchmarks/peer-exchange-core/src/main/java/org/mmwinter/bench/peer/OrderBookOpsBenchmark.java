package org.mmwinter.bench.peer;

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
 * The same single-thread order-book operations as our module's benchmark of the same name, on the same base
 * book, against exchange-core's {@code OrderBookDirectImpl} and {@code OrderBookNaiveImpl}. The resets of the
 * batch benchmarks run outside the measurement, but exchange-core allocates an event object for each of their
 * commands too, and {@code -prof gc} counts a whole iteration: its B/op on add, cancel and sweep include them.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
public class OrderBookOpsBenchmark
{
    /**
     * A book holding the base book, for one implementation.
     */
    @State(Scope.Thread)
    public abstract static class BaseBook
    {
        @Param({PeerBooks.DIRECT, PeerBooks.NAIVE})
        public String impl;

        Workload base;
        OrderBookAdapter book;

        void createBook(final CommandArrays fill)
        {
            base = OpScenarios.baseBook();
            book = PeerBooks.create(impl);
            Replay.run(fill == null ? base.fill() : fill, book);
        }

        @TearDown(Level.Trial)
        public void check()
        {
            PeerBooks.checkNoRejects(book, impl);
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
            createBook(null);
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
            createBook(null);
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
            createBook(OpScenarios.bidsOf(baseBook.fill()));
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
        long nextOrderId;

        @Setup(Level.Trial)
        public void setUp()
        {
            createBook(null);
            final CommandArrays maker = OpScenarios.marketMaker(base);
            Replay.run(maker, book);
            nextOrderId = maker.orderIds()[0] + 1;
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
        return state.book.market(7, state.nextOrderId++, OrderSide.BUY, 1);
    }
}
