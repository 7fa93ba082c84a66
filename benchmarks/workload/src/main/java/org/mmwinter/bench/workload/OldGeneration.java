package org.mmwinter.bench.workload;

/**
 * Puts a benchmark's filled book where a venue's book lives after its first minutes: in the old generation.
 * <p>
 * A book built during a benchmark's set-up is young, or in survivor space, for as long as no collection has tenured
 * it, and whether one has depends on how the set-up's allocations happened to fall. It matters because G1's write
 * barrier skips stores into young objects but fences and queues a card for refinement on stores into old ones: the
 * same jar, same book of 1,000,000 orders, ran 1.5-1.7 M ops/s in forks whose book was still young and 0.4-0.65 M in
 * forks whose book had been tenured (2026-12-02), each fork steady across its iterations. A full collection at the
 * end of the set-up tenures everything for every fork and both sides alike, so that forks measure the same state.
 */
public final class OldGeneration
{
    private OldGeneration()
    {
    }

    /**
     * Asks for a full collection: under G1 and the parallel collector, every object that survives it is old.
     */
    public static void tenureEverything()
    {
        System.gc();
    }
}
