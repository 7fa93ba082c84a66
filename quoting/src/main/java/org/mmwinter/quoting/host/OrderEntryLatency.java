package org.mmwinter.quoting.host;

import java.util.SplittableRandom;

/**
 * How long a command of the bot takes to reach the engine in a lockstep run: a fixed delay, a uniform jitter drawn
 * from a seeded generator (the same seed gives the same run; the strategy itself draws nothing), and optionally a
 * part that grows with the message load, as venues' gateways slowed down on crash days: {@code loadNs} more
 * nanoseconds for every message a second of flow, the rate measured as an exponentially decaying count over
 * event time (time constant one second).
 */
public final class OrderEntryLatency
{
    private static final double RATE_TIME_CONSTANT_NS = 1e9;

    private final long fixedNs;
    private final long jitterNs;
    private final double loadNs;
    private final SplittableRandom random;
    private double ratePerSecond;
    private long lastMessageNs = Long.MIN_VALUE;

    /**
     * @param fixedNs  the delay every command has, nanoseconds of event time.
     * @param jitterNs up to this much more, uniformly; 0 for none.
     */
    public OrderEntryLatency(final long fixedNs, final long jitterNs, final long seed)
    {
        this(fixedNs, jitterNs, 0, seed);
    }

    /**
     * @param loadNs nanoseconds added per message a second of flow (0: a constant latency).
     */
    public OrderEntryLatency(final long fixedNs, final long jitterNs, final double loadNs, final long seed)
    {
        if (fixedNs < 0 || jitterNs < 0 || loadNs < 0)
        {
            throw new IllegalArgumentException("latency must not be negative: " + fixedNs + " + " + jitterNs +
                " + " + loadNs + " per message/s");
        }
        this.fixedNs = fixedNs;
        this.jitterNs = jitterNs;
        this.loadNs = loadNs;
        this.random = new SplittableRandom(seed);
    }

    /** A fixed latency without jitter. */
    public static OrderEntryLatency fixed(final long ns)
    {
        return new OrderEntryLatency(ns, 0, 0);
    }

    /** One message of flow at event time {@code nowNs}: the load the latency grows with. */
    void onMessage(final long nowNs)
    {
        if (loadNs == 0)
        {
            return;
        }
        if (lastMessageNs != Long.MIN_VALUE)
        {
            ratePerSecond *= Math.exp(-(nowNs - lastMessageNs) / RATE_TIME_CONSTANT_NS);
        }
        ratePerSecond += 1e9 / RATE_TIME_CONSTANT_NS;
        lastMessageNs = nowNs;
    }

    /**
     * The least latency any command can have, whatever the draw or the load: how far a lockstep host may run the
     * flow ahead of the strategy (conservative lookahead).
     */
    public long minimumNs()
    {
        return fixedNs;
    }

    /** The message rate the latency sees now, messages a second. */
    public double messageRate()
    {
        return ratePerSecond;
    }

    long next()
    {
        final long load = (long)(loadNs * ratePerSecond);
        return (jitterNs == 0 ? fixedNs : fixedNs + random.nextLong(jitterNs + 1)) + load;
    }
}
