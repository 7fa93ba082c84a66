package org.mmwinter.quoting.model;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.Test;
import org.mmwinter.quoting.model.QuoteLadder.SizeShape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the market maker runs on every event allocates nothing once warm: 100,000 rounds of a mid, a trade, sigma,
 * k and A (a refit each time, the trade made them stale), both models' quotes and a ladder build must not allocate a
 * byte on the calling thread. Counts bytes, not time.
 *
 * <p>Three windows of 100,000 rounds are measured: one must be exactly 0 and none above a few hundred bytes. Any
 * allocation of ours would repeat every round (16 bytes x 100,000 at the least, in every window); what the JVM may
 * do once on this thread in a window (linking a native method on its first call allocates the lookup's strings, a
 * couple of hundred bytes) does not repeat.
 */
final class ModelAllocationFreeTest
{
    private static final int WARM_UP_ROUNDS = 50_000;
    private static final int MEASURED_ROUNDS = 100_000;
    private static final int WINDOWS = 3;
    private static final long ONE_OFF_BOUND_BYTES = 1_024;
    private static final long EVENT_SPACING_NS = 1_000_000L;

    private final EwmaVolatility volatility = new EwmaVolatility(30.0, 0.0005, 10, 0.00001, 0.01);
    private final ArrivalRateEstimator arrivals =
        new ArrivalRateEstimator(0.5, 20, 60.0, 50, 1.5, 2.0, 0.05, 50.0);
    private final QuoteModel glft = new GueantLehalleFernandezTapia(0.05, 0.1);
    private final QuoteModel avellanedaStoikov = new AvellanedaStoikov(0.05, 30.0, 0.1);
    private final QuoteLadder ladder = new QuoteLadder(5, 2.0, SizeShape.GEOMETRIC, 0.1, 1.5, 8);
    private final QuoteResult quote = new QuoteResult();
    private final Ladder orders = ladder.newLadder();
    private long levelsQuoted;

    @Test
    void steadyStateQuotingAllocatesNothing()
    {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        int round = 0;
        while (round < WARM_UP_ROUNDS)
        {
            round(round++);
        }
        // Reading the counter twice back to back gives what the reading itself costs (expected 0).
        final long start = threads.getCurrentThreadAllocatedBytes();
        final long calibration = threads.getCurrentThreadAllocatedBytes() - start;
        final long[] allocated = new long[WINDOWS];
        final long levelsBefore = levelsQuoted;
        for (int window = 0; window < WINDOWS; window++)
        {
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < MEASURED_ROUNDS; i++)
            {
                round(round++);
            }
            allocated[window] = threads.getCurrentThreadAllocatedBytes() - before - calibration;
        }

        assertTrue(volatility.warm() && arrivals.warm(), "signals warm");
        assertTrue(levelsQuoted - levelsBefore > WINDOWS * MEASURED_ROUNDS, "levels quoted: " + levelsQuoted);
        final String perWindow = Arrays.toString(allocated);
        assertEquals(0, Math.min(allocated[0], Math.min(allocated[1], allocated[2])),
            "bytes allocated by " + MEASURED_ROUNDS + " rounds in steady state, per window: " + perWindow);
        for (final long bytes : allocated)
        {
            assertTrue(bytes < ONE_OFF_BOUND_BYTES, "a window allocated per round: " + perWindow);
        }
    }

    /**
     * One market-data event: a mid that wanders deterministically on a half-tick grid, a trade a few ticks from it on
     * alternate sides, then everything the bot computes from them.
     */
    private void round(final int round)
    {
        final long nowNs = round * EVENT_SPACING_NS;
        final double mid = 30_000.0 + 0.5 * ((round * 7) % 23) - 0.25 * ((round * 3) % 5);
        final double depth = 0.5 * ((round * 5) % 9);
        final double tradePrice = (round & 1) == 0 ? mid + depth : mid - depth;
        volatility.onMid(nowNs, mid);
        arrivals.onTrade(nowNs, tradePrice, mid);
        final double sigmaAbs = volatility.sigma() * mid;
        final double k = arrivals.k();
        final double a = arrivals.a();
        final double inventory = 0.1 * ((round % 11) - 5);
        avellanedaStoikov.quote(mid, inventory, sigmaAbs, k, a, quote);
        glft.quote(mid, inventory, sigmaAbs, k, a, quote);
        ladder.build(quote, 0.5, 0.001, 2, 0.0002, 1.0, (round & 3) == 0 ? 0.0 : 0.5, orders);
        levelsQuoted += orders.bidLevels + orders.askLevels;
    }
}
