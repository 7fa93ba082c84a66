package org.mmwinter.bench.workload;

/**
 * What the generator produced, from its own model: the mix by type, how many commands traded, and the book's size
 * and number of price levels, so that a report can show the shape it measured.
 */
public final class WorkloadStats
{
    private final int mixCommands;
    private final int gtc;
    private final int ioc;
    private final int cancel;
    private final int move;
    private final int tradingCommands;
    private final long fills;
    private final int ordersAfterFill;
    private final int levelsAfterFill;
    private final int ordersAfterMix;
    private final int levelsAfterMix;
    private final double meanOrders;
    private final double meanLevels;
    private final long maxOrderId;

    WorkloadStats(
        final int mixCommands,
        final int gtc,
        final int ioc,
        final int cancel,
        final int move,
        final int tradingCommands,
        final long fills,
        final int ordersAfterFill,
        final int levelsAfterFill,
        final int ordersAfterMix,
        final int levelsAfterMix,
        final double meanOrders,
        final double meanLevels,
        final long maxOrderId)
    {
        this.mixCommands = mixCommands;
        this.gtc = gtc;
        this.ioc = ioc;
        this.cancel = cancel;
        this.move = move;
        this.tradingCommands = tradingCommands;
        this.fills = fills;
        this.ordersAfterFill = ordersAfterFill;
        this.levelsAfterFill = levelsAfterFill;
        this.ordersAfterMix = ordersAfterMix;
        this.levelsAfterMix = levelsAfterMix;
        this.meanOrders = meanOrders;
        this.meanLevels = meanLevels;
        this.maxOrderId = maxOrderId;
    }

    public int mixCommands()
    {
        return mixCommands;
    }

    public int gtc()
    {
        return gtc;
    }

    public int ioc()
    {
        return ioc;
    }

    public int cancel()
    {
        return cancel;
    }

    public int move()
    {
        return move;
    }

    /** Commands of the mix that made at least one trade. */
    public int tradingCommands()
    {
        return tradingCommands;
    }

    public long fills()
    {
        return fills;
    }

    public int ordersAfterFill()
    {
        return ordersAfterFill;
    }

    public int levelsAfterFill()
    {
        return levelsAfterFill;
    }

    public int ordersAfterMix()
    {
        return ordersAfterMix;
    }

    public int levelsAfterMix()
    {
        return levelsAfterMix;
    }

    /** Resting orders, averaged over the mix (sampled every 64 commands). */
    public double meanOrders()
    {
        return meanOrders;
    }

    /** Occupied price levels, both sides, averaged over the mix (sampled every 64 commands). */
    public double meanLevels()
    {
        return meanLevels;
    }

    public long maxOrderId()
    {
        return maxOrderId;
    }

    public String toString()
    {
        final double n = Math.max(1, mixCommands);
        return String.format(
            "mix=%d gtc=%.1f%% ioc=%.1f%% cancel=%.1f%% move=%.1f%% trading=%.1f%% fills=%d " +
            "book: after fill %d orders/%d levels, mean over mix %.0f orders/%.0f levels, " +
            "after mix %d orders/%d levels",
            mixCommands, 100 * gtc / n, 100 * ioc / n, 100 * cancel / n, 100 * move / n, 100 * tradingCommands / n,
            fills, ordersAfterFill, levelsAfterFill, meanOrders, meanLevels, ordersAfterMix, levelsAfterMix);
    }
}
