package org.mmwinter.replay.amm;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.testing.AllocationWindows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After construction a price update and every getter allocate nothing: once warm, a window of loops over a path that
 * trades up, trades down and stays inside the band must not allocate a byte on the calling thread (windows run until
 * one is clean, as {@link AllocationWindows} says why; every window takes every path). Counts bytes, not time.
 */
final class AmmPositionAllocationFreeTest
{
    private static final int WARM_UP_ROUNDS = 50_000;
    private static final int WINDOW_ROUNDS = 50_000;
    private static final int MAX_WINDOWS = 8;
    /** Rises out of the band, a wiggle inside it, a fall out of it, a crash step and the recovery. */
    private static final double[] PATH = {100.0, 120.0, 120.1, 119.9, 90.0, 45.0, 100.0};

    private final AmmPosition pool = new AmmPosition(10_000.0, 100.0, 0.003);
    private double sink;
    private int round;

    @Test
    void priceUpdatesAllocateNothing()
    {
        while (round < WARM_UP_ROUNDS)
        {
            round();
        }
        final int windows = AllocationWindows.untilOneAllocatesNothing(WINDOW_ROUNDS * PATH.length + " price updates",
            MAX_WINDOWS, this::window);

        assertEquals((long)(WARM_UP_ROUNDS + windows * WINDOW_ROUNDS) * PATH.length, pool.updates());
        assertTrue(pool.arbitrageVolume() > 0.0 && !Double.isNaN(sink), "the path traded");
    }

    private void window(final int window)
    {
        for (int i = 0; i < WINDOW_ROUNDS; i++)
        {
            round();
        }
    }

    private void round()
    {
        long nowNs = (long)round++ * PATH.length;
        for (int i = 0; i < PATH.length; i++)
        {
            pool.onPrice(nowNs++, PATH[i]);
            sink += pool.value() + pool.holdValue() + pool.impermanentLoss() + pool.feeIncome() + pool.pnl() +
                pool.baseInventory() + pool.quoteInventory() + pool.poolPrice() + pool.maxDrawdown() +
                pool.maxAbsInventory() + pool.arbitrageVolume() + pool.updates() + pool.lastUpdateNs();
        }
    }
}
