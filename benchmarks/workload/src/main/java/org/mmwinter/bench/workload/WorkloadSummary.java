package org.mmwinter.bench.workload;

/**
 * Prints the shape of the workloads the benchmarks replay (mix by type, share of trading commands, book size and
 * levels), so that a report shows what was measured: {@code java -cp benchmarks.jar
 * org.mmwinter.bench.workload.WorkloadSummary [restingOrders ...]}.
 */
public final class WorkloadSummary
{
    private WorkloadSummary()
    {
    }

    public static void main(final String[] args)
    {
        final String[] sizes = args.length == 0 ? new String[] {"1000", "100000", "1000000"} : args;
        for (final String size : sizes)
        {
            final int restingOrders = Integer.parseInt(size);
            final Workload workload = MixShape.generate(restingOrders);
            System.out.println(restingOrders + " resting orders, seed " + MixShape.SEED + ", window " +
                workload.config().windowTicks() + " ticks: " + workload.stats());
        }
    }
}
