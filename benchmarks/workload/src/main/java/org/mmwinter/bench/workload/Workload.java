package org.mmwinter.bench.workload;

/**
 * One generated workload in three phases, all replayed through the same {@link Replay} loop:
 * {@link #fill()} builds the resting book (non-crossing GTC orders), {@link #mix()} is the measured command mix,
 * and {@link #drain()} cancels every order still live after the mix, so that drain then fill puts any book back
 * into the state the mix starts from without allocating a new one.
 */
public final class Workload
{
    private final WorkloadConfig config;
    private final CommandArrays fill;
    private final CommandArrays mix;
    private final CommandArrays drain;
    private final WorkloadStats stats;

    Workload(
        final WorkloadConfig config,
        final CommandArrays fill,
        final CommandArrays mix,
        final CommandArrays drain,
        final WorkloadStats stats)
    {
        this.config = config;
        this.fill = fill;
        this.mix = mix;
        this.drain = drain;
        this.stats = stats;
    }

    public WorkloadConfig config()
    {
        return config;
    }

    public CommandArrays fill()
    {
        return fill;
    }

    public CommandArrays mix()
    {
        return mix;
    }

    public CommandArrays drain()
    {
        return drain;
    }

    public WorkloadStats stats()
    {
        return stats;
    }

    /** Largest order id used, so that scenarios built on top can use fresh ids above it. */
    public long maxOrderId()
    {
        return stats.maxOrderId();
    }
}
