package org.mmwinter.replay.amm;

import java.lang.management.ManagementFactory;

import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After construction a price update and every getter allocate nothing: a warmed-up loop over a path that trades up,
 * trades down and stays inside the band must not allocate a byte on the calling thread. Counts bytes, not time.
 */
final class AmmPositionAllocationFreeTest
{
    private static final int WARM_UP_ROUNDS = 50_000;
    private static final int MEASURED_ROUNDS = 50_000;
    /** Rises out of the band, a wiggle inside it, a fall out of it, a crash step and the recovery. */
    private static final double[] PATH = {100.0, 120.0, 120.1, 119.9, 90.0, 45.0, 100.0};

    @Test
    void priceUpdatesAllocateNothing()
    {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        final long threadId = Thread.currentThread().getId();
        final AmmPosition pool = new AmmPosition(10_000.0, 100.0, 0.003);
        final double[] sink = new double[1];

        for (int round = 0; round < WARM_UP_ROUNDS; round++)
        {
            round(pool, round, sink);
        }
        final long start = threads.getThreadAllocatedBytes(threadId);
        // Reading the counter twice back to back gives what the reading itself costs (expected 0).
        final long calibration = threads.getThreadAllocatedBytes(threadId) - start;
        final long before = threads.getThreadAllocatedBytes(threadId);
        for (int round = 0; round < MEASURED_ROUNDS; round++)
        {
            round(pool, round, sink);
        }
        final long allocated = threads.getThreadAllocatedBytes(threadId) - before - calibration;

        assertEquals((long)(WARM_UP_ROUNDS + MEASURED_ROUNDS) * PATH.length, pool.updates());
        assertTrue(pool.arbitrageVolume() > 0.0 && !Double.isNaN(sink[0]), "the path traded");
        assertEquals(0, allocated, "bytes allocated by " + MEASURED_ROUNDS * PATH.length + " price updates");
    }

    private static void round(final AmmPosition pool, final int round, final double[] sink)
    {
        long nowNs = (long)round * PATH.length;
        for (int i = 0; i < PATH.length; i++)
        {
            pool.onPrice(nowNs++, PATH[i]);
            sink[0] += pool.value() + pool.holdValue() + pool.impermanentLoss() + pool.feeIncome() + pool.pnl() +
                pool.baseInventory() + pool.quoteInventory() + pool.poolPrice() + pool.maxDrawdown() +
                pool.maxAbsInventory() + pool.arbitrageVolume() + pool.updates() + pool.lastUpdateNs();
        }
    }
}
