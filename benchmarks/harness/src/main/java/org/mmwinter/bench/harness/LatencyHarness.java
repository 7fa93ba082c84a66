package org.mmwinter.bench.harness;

import java.util.concurrent.locks.LockSupport;

/**
 * Sends commands to a {@link LatencyTarget} at a fixed offered rate, on a schedule fixed in advance: command
 * {@code i} is due at {@code start + i * interval}, and its latency counts from then (intended start times). The
 * sender waits for each due time (yielding, then spinning for the last microseconds) and never skips one, so a
 * stall shows as the latency of every command queued behind it. Warm-up and measurement are one continuous
 * schedule; the warm-up's values are dropped by index.
 */
public final class LatencyHarness
{
    /**
     * Farther than this from the next due time the sender yields instead of spinning: on a 2-core machine a
     * sender that spins the whole interval takes a core from the system under test (exchange-core's five yielding
     * stages then fall behind at only 100,000 commands/s).
     */
    static final long YIELD_ABOVE_NS = 2_000;

    private LatencyHarness()
    {
    }

    /**
     * @param drainTimeoutNs how long to wait, after the last send, for the results still in flight.
     * @return the measured phase only.
     */
    public static LatencyResult run(
        final String benchmark,
        final String variant,
        final LatencyTarget target,
        final LatencyRecorder recorder,
        final long ratePerSecond,
        final long warmupNs,
        final long measureNs,
        final long drainTimeoutNs)
    {
        if (ratePerSecond <= 0)
        {
            throw new IllegalArgumentException("rate must be positive: " + ratePerSecond);
        }
        final double intervalNs = 1e9 / ratePerSecond;
        final long warmupCount = (long)(warmupNs / intervalNs);
        final long totalCount = warmupCount + Math.max(1, (long)(measureNs / intervalNs));
        final long completedBefore = target.completed();
        recorder.startRun(warmupCount);
        final long start = System.nanoTime() + 1_000_000;
        final long measureStartNs = start + (long)(warmupCount * intervalNs);
        long behindMax = 0;
        for (long i = 0; i < totalCount; i++)
        {
            final long due = start + (long)(i * intervalNs);
            long now;
            while ((now = System.nanoTime()) < due)
            {
                if (due - now > YIELD_ABOVE_NS)
                {
                    Thread.yield();
                }
                else
                {
                    Thread.onSpinWait();
                }
            }
            if (i >= warmupCount)
            {
                behindMax = Math.max(behindMax, now - due);
            }
            target.send(i, due);
        }
        final long expected = completedBefore + totalCount;
        final long deadline = System.nanoTime() + drainTimeoutNs;
        while (target.completed() < expected && System.nanoTime() < deadline)
        {
            LockSupport.parkNanos(20_000);
        }
        final long endNs = System.nanoTime();
        final long missing = expected - target.completed();
        if (missing > 0)
        {
            System.err.printf("%s [%s] at %,d/s: %,d results still missing after the drain timeout%n",
                benchmark, variant, ratePerSecond, missing);
        }
        final long measured = totalCount - warmupCount - Math.max(0, missing);
        return new LatencyResult(benchmark, variant, ratePerSecond,
            measured * 1e9 / Math.max(1, endNs - measureStartNs), measured, behindMax, recorder.takeHistogram());
    }
}
