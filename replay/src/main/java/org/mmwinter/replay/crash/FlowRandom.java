package org.mmwinter.replay.crash;

/**
 * The crash flow's own seeded generator (SplitMix64): written out here rather than taken from the JDK so that the
 * same seed gives the same day on every JVM, and so that the draws the agents need (uniform, exponential waiting
 * times, Pareto sizes) are plain arithmetic on primitives.
 */
final class FlowRandom
{
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final double UNIT = 0x1.0p-53;

    private long state;

    FlowRandom(final long seed)
    {
        state = seed;
    }

    long nextLong()
    {
        state += GOLDEN;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform in [0, 1). */
    double nextDouble()
    {
        return (nextLong() >>> 11) * UNIT;
    }

    /** Uniform in (0, 1]: safe under a logarithm or a negative power. */
    double nextOpenDouble()
    {
        return 1.0 - nextDouble();
    }

    /** Uniform in [0, bound). */
    int nextInt(final int bound)
    {
        return (int)((nextLong() >>> 33) % bound);
    }

    /** Waiting time of a Poisson process of this rate (per second), in seconds. */
    double exponential(final double ratePerS)
    {
        return -Math.log(nextOpenDouble()) / ratePerS;
    }

    /**
     * A Pareto draw with minimum {@code scale} and tail index {@code alpha}, capped at {@code cap} times the scale:
     * order sizes on crypto venues are heavy-tailed, and the cap keeps one draw from emptying a whole book.
     */
    double pareto(final double scale, final double alpha, final double cap)
    {
        return scale * Math.min(cap, Math.pow(nextOpenDouble(), -1.0 / alpha));
    }
}
