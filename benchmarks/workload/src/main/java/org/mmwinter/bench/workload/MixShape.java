package org.mmwinter.bench.workload;

/**
 * How both sides cut the mixed workload for JMH, in one place so that they cannot drift apart: the seed, the
 * commands per invocation, and the mix length for each book size.
 */
public final class MixShape
{
    /** Seed of the mixed workload. */
    public static final long SEED = 1L;
    /** Commands replayed per benchmark invocation. */
    public static final int CHUNK = 200_000;

    private MixShape()
    {
    }

    /**
     * Length of the mix: at least 1,000,000 commands and twice the book, a whole number of chunks, so that a big
     * book is drained and refilled only every few chunks.
     */
    public static int mixCommands(final int restingOrders)
    {
        final int wanted = Math.max(1_000_000, 2 * restingOrders);
        return (wanted + CHUNK - 1) / CHUNK * CHUNK;
    }

    public static Workload generate(final int restingOrders)
    {
        return WorkloadGenerator.generate(
            WorkloadConfig.exchangeCoreShape(SEED, restingOrders, mixCommands(restingOrders)));
    }
}
