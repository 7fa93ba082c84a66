package org.mmwinter.bench.harness;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of one run at one offered rate, and the rate actually achieved; prints as one JSON object per line
 * so that the report script can read it without a library.
 */
public final class LatencyResult
{
    private final String benchmark;
    private final String variant;
    private final long offeredRate;
    private final double achievedRate;
    private final long count;
    private final long sendBehindMaxNs;
    private final Histogram histogram;

    LatencyResult(
        final String benchmark,
        final String variant,
        final long offeredRate,
        final double achievedRate,
        final long count,
        final long sendBehindMaxNs,
        final Histogram histogram)
    {
        this.benchmark = benchmark;
        this.variant = variant;
        this.offeredRate = offeredRate;
        this.achievedRate = achievedRate;
        this.count = count;
        this.sendBehindMaxNs = sendBehindMaxNs;
        this.histogram = histogram;
    }

    /** The same measurement under another variant name (e.g. marked as the highest rate sustained). */
    public LatencyResult withVariant(final String newVariant)
    {
        return new LatencyResult(benchmark, newVariant, offeredRate, achievedRate, count, sendBehindMaxNs, histogram);
    }

    public long offeredRate()
    {
        return offeredRate;
    }

    public long count()
    {
        return count;
    }

    public double achievedRate()
    {
        return achievedRate;
    }

    /** Response time at {@code percentile} (0..100) in ns. */
    public long percentileNs(final double percentile)
    {
        return histogram.getValueAtPercentile(percentile);
    }

    public long maxNs()
    {
        return histogram.getMaxValue();
    }

    public String toJson()
    {
        return "{\"benchmark\":\"" + benchmark + "\",\"variant\":\"" + variant + "\"" +
            ",\"offeredRate\":" + offeredRate +
            ",\"achievedRate\":" + Math.round(achievedRate) +
            ",\"count\":" + count +
            ",\"sendBehindMaxNs\":" + sendBehindMaxNs +
            ",\"meanNs\":" + Math.round(histogram.getMean()) +
            ",\"p50Ns\":" + percentileNs(50) +
            ",\"p90Ns\":" + percentileNs(90) +
            ",\"p99Ns\":" + percentileNs(99) +
            ",\"p999Ns\":" + percentileNs(99.9) +
            ",\"p9999Ns\":" + percentileNs(99.99) +
            ",\"maxNs\":" + maxNs() + "}";
    }

    public String toString()
    {
        return String.format("%s [%s] offered %,d/s achieved %,.0f/s n=%,d  p50 %s  p90 %s  p99 %s  p99.9 %s  " +
            "p99.99 %s  max %s", benchmark, variant, offeredRate, achievedRate, count, micros(percentileNs(50)),
            micros(percentileNs(90)), micros(percentileNs(99)), micros(percentileNs(99.9)),
            micros(percentileNs(99.99)), micros(maxNs()));
    }

    private static String micros(final long ns)
    {
        return String.format("%.1fus", ns / 1000.0);
    }
}
