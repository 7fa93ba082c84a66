package org.mmwinter.bench.workload;

/**
 * The aggressive-order benchmark: a ladder of asks, one order of {@link #LOT} lots per tick, and buy IOC orders
 * each of which takes exactly {@code levels} whole levels. After every sweep has run the ladder is gone, and
 * replaying {@link #ladder()} puts it back.
 */
public final class SweepScenario
{
    /** Size of each ladder order. */
    public static final long LOT = 10;

    private final int levels;
    private final CommandArrays ladder;
    private final CommandArrays sweeps;

    SweepScenario(final int levels, final CommandArrays ladder, final CommandArrays sweeps)
    {
        this.levels = levels;
        this.ladder = ladder;
        this.sweeps = sweeps;
    }

    public int levels()
    {
        return levels;
    }

    /** GTC asks, one per tick from just above the best bid, placed worst price first. */
    public CommandArrays ladder()
    {
        return ladder;
    }

    /** Buy IOC orders, the n-th priced at the top of the n-th block of {@code levels} ticks. */
    public CommandArrays sweeps()
    {
        return sweeps;
    }
}
