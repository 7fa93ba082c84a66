package org.mmwinter.quoting.host;

import java.util.SplittableRandom;

/**
 * How long a command of the bot takes to reach the engine in a lockstep run: a fixed delay, a uniform jitter drawn
 * from a seeded generator (the same seed gives the same run; the strategy itself draws nothing), and optionally a
 * part that grows with the message load, as venues' gateways slowed down on crash days: {@code loadNs} more
 * nanoseconds for every message a second of flow, the rate measured as an exponentially decaying count over
 * event time (time constant one second). Or a recorded series ({@link #interpolated}): the latency measured at
 * points of event time, linearly interpolated between them and held at the first and last value outside them.
 */
public final class OrderEntryLatency
{
    private static final double RATE_TIME_CONSTANT_NS = 1e9;
    private static final long[] NO_SERIES = new long[0];

    private final long fixedNs;
    private final long jitterNs;
    private final double loadNs;
    private final SplittableRandom random;
    /** Event times of a recorded series, ascending; empty when the latency is not one. */
    private final long[] seriesAtNs;
    private final long[] seriesLatencyNs;
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
        this.seriesAtNs = NO_SERIES;
        this.seriesLatencyNs = NO_SERIES;
    }

    private OrderEntryLatency(final long[] atNs, final long[] latencyNs)
    {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < latencyNs.length; i++)
        {
            least = Math.min(least, latencyNs[i]);
        }
        // The series' minimum is the least any interpolated value can be: the lookahead's lower bound.
        this.fixedNs = least;
        this.jitterNs = 0;
        this.loadNs = 0;
        this.random = new SplittableRandom(0);
        this.seriesAtNs = atNs.clone();
        this.seriesLatencyNs = latencyNs.clone();
    }

    /** A fixed latency without jitter. */
    public static OrderEntryLatency fixed(final long ns)
    {
        return new OrderEntryLatency(ns, 0, 0);
    }

    /**
     * A latency read off a recorded series: {@code latencyNs[i]} measured at event time {@code atNs[i]}; between two
     * points linear in event time, before the first and after the last the end value.
     *
     * @param atNs      event times, nanoseconds, strictly ascending, at least one.
     * @param latencyNs the latency at each, nanoseconds, not negative.
     */
    public static OrderEntryLatency interpolated(final long[] atNs, final long[] latencyNs)
    {
        if (atNs.length == 0 || atNs.length != latencyNs.length)
        {
            throw new IllegalArgumentException("a latency series needs as many latencies as times, at least one: " +
                atNs.length + " times, " + latencyNs.length + " latencies");
        }
        for (int i = 0; i < atNs.length; i++)
        {
            if (latencyNs[i] < 0)
            {
                throw new IllegalArgumentException("latency must not be negative: " + latencyNs[i] + " at point " + i);
            }
            if (i > 0 && atNs[i] <= atNs[i - 1])
            {
                throw new IllegalArgumentException("latency series times must be strictly ascending: " + atNs[i] +
                    " after " + atNs[i - 1] + " at point " + i);
            }
        }
        return new OrderEntryLatency(atNs, latencyNs);
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

    /** The latency of a command sent at event time {@code nowNs}. */
    long next(final long nowNs)
    {
        if (seriesAtNs.length > 0)
        {
            return interpolate(nowNs);
        }
        final long load = (long)(loadNs * ratePerSecond);
        return (jitterNs == 0 ? fixedNs : fixedNs + random.nextLong(jitterNs + 1)) + load;
    }

    private long interpolate(final long nowNs)
    {
        final long[] at = seriesAtNs;
        final long[] value = seriesLatencyNs;
        if (nowNs <= at[0])
        {
            return value[0];
        }
        final int last = at.length - 1;
        if (nowNs >= at[last])
        {
            return value[last];
        }
        int low = 0;
        int high = last;
        while (high - low > 1)
        {
            final int middle = (low + high) >>> 1;
            if (at[middle] <= nowNs)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }
        final double share = (double)(nowNs - at[low]) / (at[high] - at[low]);
        return value[low] + Math.round((value[high] - value[low]) * share);
    }
}
