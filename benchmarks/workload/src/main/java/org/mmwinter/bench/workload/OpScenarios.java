package org.mmwinter.bench.workload;

import java.util.SplittableRandom;


/**
 * The fixed scenarios of the single-operation benchmarks, all built on the same base book (the 1,000-order
 * book of the mix, after its fill phase) so that every operation meets realistic depth, and all seeded.
 */
public final class OpScenarios
{
    /** Seed of the base book and of every scenario built on it. */
    public static final long SEED = 20_240_601L;
    /** Orders added or cancelled per invocation of the add and cancel benchmarks. */
    public static final int BATCH = 10_000;
    /** Sweeps per invocation of the sweep benchmark. */
    public static final int SWEEPS = 1_000;
    /** Orders the amend benchmarks cycle through. */
    public static final int AMENDED_ORDERS = 1_000;

    private OpScenarios()
    {
    }

    /**
     * The 1,000-order book of exchange-core's mix, fill phase only.
     */
    public static Workload baseBook()
    {
        return WorkloadGenerator.generate(
            WorkloadConfig.exchangeCoreShape(SEED, WorkloadConfig.BASE_RESTING_ORDERS, 0));
    }

    /**
     * {@code count} new GTC orders, half each side, spread over the window behind the base book's touch: none
     * crosses. Ids follow the base book's.
     */
    public static CommandArrays passiveAdds(final Workload base, final int count)
    {
        final ModelBook book = modelOf(base.fill());
        final SplittableRandom random = new SplittableRandom(SEED + 1);
        final int window = base.config().windowTicks();
        final CommandArrays adds = new CommandArrays(count);
        long orderId = base.maxOrderId();
        for (int i = 0; i < count; i++)
        {
            final byte side = (i & 1) == 0 ? OrderSide.BUY : OrderSide.SELL;
            final long price = passivePrice(book, side, random.nextInt(window));
            adds.add(CommandType.GTC, 1 + random.nextInt(base.config().accounts()), ++orderId, side, price,
                1 + random.nextInt(6) * random.nextInt(6) * random.nextInt(6));
        }
        return adds;
    }

    /**
     * Cancels of every order placed by {@code placements}, in a shuffled order.
     */
    public static CommandArrays cancelsOf(final CommandArrays placements)
    {
        final int n = placements.count();
        final int[] order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }
        final SplittableRandom random = new SplittableRandom(SEED + 2);
        for (int i = n - 1; i > 0; i--)
        {
            final int j = random.nextInt(i + 1);
            final int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        final CommandArrays cancels = new CommandArrays(n);
        for (int i = 0; i < n; i++)
        {
            final int k = order[i];
            cancels.add(CommandType.CANCEL, placements.accounts()[k], placements.orderIds()[k],
                placements.sides()[k], 0, 0);
        }
        return cancels;
    }

    /**
     * {@code count} resting orders of {@code 2^40} lots over the base book's window, to be amended in turn.
     */
    public static AmendCycle amendCycle(final Workload base, final int count)
    {
        final CommandArrays adds = passiveAdds(base, count);
        final CommandArrays placements = new CommandArrays(count);
        for (int i = 0; i < count; i++)
        {
            placements.add(CommandType.GTC, adds.accounts()[i], adds.orderIds()[i], adds.sides()[i],
                adds.prices()[i], 1L << 40);
        }
        return new AmendCycle(placements);
    }

    /**
     * A ladder of {@code levels * sweeps} asks from one tick above the base book's best bid, and {@code sweeps}
     * buy IOC orders each taking {@code levels} levels. Replay it on a book holding the base book's bids only
     * ({@link #bidsOf}), so that no other ask sits inside the ladder.
     */
    public static SweepScenario sweep(final Workload base, final int levels, final int sweeps)
    {
        final ModelBook book = modelOf(base.fill());
        final long first = book.bestBid() + 1;
        final int rungs = levels * sweeps;
        final CommandArrays ladder = new CommandArrays(rungs);
        long orderId = base.maxOrderId();
        final int accounts = base.config().accounts();
        // Worst price first: each rung then becomes the new best, which every book appends cheaply (resets are not
        // measured, but a ladder built best-first makes a sorted-array book shift the whole side per rung).
        for (int i = rungs - 1; i >= 0; i--)
        {
            ladder.add(CommandType.GTC, 1 + i % accounts, ++orderId, OrderSide.SELL, first + i, SweepScenario.LOT);
        }
        final CommandArrays sweepOrders = new CommandArrays(sweeps);
        for (int j = 0; j < sweeps; j++)
        {
            sweepOrders.add(CommandType.IOC, 1 + (j * 7) % accounts, ++orderId, OrderSide.BUY,
                first + (long)(j + 1) * levels - 1, SweepScenario.LOT * levels);
        }
        return new SweepScenario(levels, ladder, sweepOrders);
    }

    /**
     * The buy orders of a fill phase.
     */
    public static CommandArrays bidsOf(final CommandArrays fill)
    {
        final CommandArrays bids = new CommandArrays(fill.count());
        for (int i = 0; i < fill.count(); i++)
        {
            if (fill.sides()[i] == OrderSide.BUY)
            {
                bids.add(fill.types()[i], fill.accounts()[i], fill.orderIds()[i], OrderSide.BUY, fill.prices()[i],
                    fill.sizes()[i]);
            }
        }
        return bids;
    }

    /**
     * One sell order of {@code 2^50} lots at the front of the base book's ask side, for market buys of one lot
     * that trade against it without ever using it up.
     */
    public static CommandArrays marketMaker(final Workload base)
    {
        final ModelBook book = modelOf(base.fill());
        final long price = book.bestAsk() - 1 > book.bestBid() ? book.bestAsk() - 1 : book.bestAsk();
        final CommandArrays maker = new CommandArrays(1);
        maker.add(CommandType.GTC, 1, base.maxOrderId() + 1, OrderSide.SELL, price, 1L << 50);
        return maker;
    }

    private static ModelBook modelOf(final CommandArrays fill)
    {
        final ModelBook book = new ModelBook();
        for (int i = 0; i < fill.count(); i++)
        {
            book.submit(new ModelOrder(fill.orderIds()[i], fill.accounts()[i], fill.sides()[i], fill.prices()[i],
                fill.sizes()[i]), true);
        }
        return book;
    }

    private static long passivePrice(final ModelBook book, final byte side, final int depth)
    {
        return side == OrderSide.BUY ? book.bestAsk() - 1 - depth : book.bestBid() + 1 + depth;
    }
}
