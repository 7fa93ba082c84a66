package org.mmwinter.bench.harness;

/**
 * The highest offered rate a system sustains: runs the latency harness at rising rates (each step
 * {@value #STEP}× the last) until one is not sustained. Sustained means that the results kept up (achieved at least
 * {@value #MIN_ACHIEVED_SHARE} of the offered rate, the drain included) and that p99 stayed under a bound (10 ms by
 * default: on a 2-core machine a bare Disruptor hop's p99 already reaches milliseconds, while a system that falls
 * behind shows p99s that grow with the run, hundreds of milliseconds and more). Coarse by design: the step is
 * 50 %, so the answer is within a factor 1.5 of the true ceiling, on a shared machine whose ceiling moves anyway.
 * The search starts with one unjudged run at the start rate: in a fresh JVM the first run is also the JIT's
 * warm-up, and would otherwise end the search at its first step.
 */
public final class MaxRateSearch
{
    public static final double STEP = 1.5;
    public static final double MIN_ACHIEVED_SHARE = 0.95;
    public static final long DEFAULT_MAX_P99_US = 10_000;
    /** No search goes past this rate (the sender alone cannot offer much more on these machines). */
    static final long RATE_CEILING = 50_000_000;

    /**
     * One run at one offered rate, on a fresh system.
     */
    @FunctionalInterface
    public interface Probe
    {
        LatencyResult run(long ratePerSecond);
    }

    /**
     * What the search found.
     *
     * @param highestSustained the highest rate that passed, or null when even the first failed.
     * @param firstFailed      the first rate that did not pass, or null when the ceiling was reached.
     */
    public record Outcome(LatencyResult highestSustained, LatencyResult firstFailed)
    {
    }

    private MaxRateSearch()
    {
    }

    public static Outcome search(final Probe probe, final long startRate, final long maxP99Ns)
    {
        if (startRate <= 0)
        {
            throw new IllegalArgumentException("start rate must be positive: " + startRate);
        }
        System.out.println("  max search: warm-up (not judged) " + probe.run(startRate));
        LatencyResult best = null;
        long rate = startRate;
        while (rate <= RATE_CEILING)
        {
            final LatencyResult result = probe.run(rate);
            final boolean ok = sustained(result, maxP99Ns);
            System.out.println("  max search: " + (ok ? "sustained " : "NOT sustained ") + result);
            if (!ok)
            {
                return new Outcome(best, result);
            }
            best = result;
            rate = Math.round(rate * STEP);
        }
        return new Outcome(best, null);
    }

    /**
     * Searches from the first of {@code options.rates()} and reports, under {@code label}, the highest rate
     * sustained ({@code "<label>, highest sustained"}) and the next step, which was not
     * ({@code "<label>, first not sustained"}): the ceiling lies between the two.
     */
    public static Outcome searchAndReport(final Probe probe, final String label, final LatencyOptions options)
    {
        final Outcome outcome = search(probe, options.rates()[0], options.maxP99Ns());
        // A search under another bound than the default is a different question: its rows must not merge.
        final String bounded = options.maxP99Ns() == DEFAULT_MAX_P99_US * 1_000 ? label :
            label + " (p99 <= " + options.maxP99Ns() / 1_000 + " us)";
        if (outcome.highestSustained() != null)
        {
            options.report(outcome.highestSustained().withVariant(bounded + ", highest sustained"));
        }
        if (outcome.firstFailed() != null)
        {
            options.report(outcome.firstFailed().withVariant(bounded + ", first not sustained"));
        }
        return outcome;
    }

    static boolean sustained(final LatencyResult result, final long maxP99Ns)
    {
        return result.achievedRate() >= MIN_ACHIEVED_SHARE * result.offeredRate() &&
            result.percentileNs(99) <= maxP99Ns;
    }
}
