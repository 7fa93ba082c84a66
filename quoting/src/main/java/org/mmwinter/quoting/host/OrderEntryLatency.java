package org.mmwinter.quoting.host;

import java.util.SplittableRandom;

/**
 * How long a command of the bot takes to reach the engine in a lockstep run: a fixed delay plus a uniform jitter
 * drawn from a seeded generator, so that the same seed gives the same run. The strategy itself draws nothing.
 */
public final class OrderEntryLatency
{
    private final long fixedNs;
    private final long jitterNs;
    private final SplittableRandom random;

    /**
     * @param fixedNs  the delay every command has, nanoseconds of event time.
     * @param jitterNs up to this much more, uniformly; 0 for none.
     */
    public OrderEntryLatency(final long fixedNs, final long jitterNs, final long seed)
    {
        if (fixedNs < 0 || jitterNs < 0)
        {
            throw new IllegalArgumentException("latency must not be negative: " + fixedNs + " + " + jitterNs);
        }
        this.fixedNs = fixedNs;
        this.jitterNs = jitterNs;
        this.random = new SplittableRandom(seed);
    }

    /** A fixed latency without jitter. */
    public static OrderEntryLatency fixed(final long ns)
    {
        return new OrderEntryLatency(ns, 0, 0);
    }

    long next()
    {
        return jitterNs == 0 ? fixedNs : fixedNs + random.nextLong(jitterNs + 1);
    }
}
