package org.mmwinter.quoting.model;

import java.util.Arrays;

/**
 * The order-arrival intensity {@code lambda(delta) = A e^(-k delta)} of Avellaneda and Stoikov (2008), equation (12),
 * estimated from the trade flow: the rate, in trades per second, of trades that reach at least depth delta from the
 * mid, which is the rate at which a quote resting at delta would be filled.
 *
 * <p>A trade at price p when the mid was s has depth |p - s| (price units) and is counted in bucket
 * floor(depth / bucketWidth); the last bucket takes every deeper trade. Counts decay exponentially with event time
 * (time constant {@code windowSeconds}, so that a steady flow keeps rate x window trades, as a sliding window of that
 * length would), and so does the exposure, the observed time they are divided by. At each bucket i that holds
 * trades, lambda(i x bucketWidth) = (trades in buckets i and deeper) / exposure, and
 * {@code ln lambda = ln(2A) - k delta} is fitted by least squares weighted by those counts (the inverse variance of
 * the log of a Poisson count). Trades of both sides are pooled, so the intercept is twice the one-sided A the models
 * take; {@link #a()} answers the one-sided A.
 *
 * <p>The configured defaults answer during the warm-up (fewer than {@code minTrades} trades since the last reset)
 * and whenever the fit is degenerate: fewer than two buckets with trades, no exposure yet (every trade at one
 * instant), or a slope that is not negative. Otherwise k is clamped to [minK, maxK], A refitted for the clamped k
 * and clamped to [minA, maxA].
 *
 * <p>Each call is one arrival. A sweep through several levels should be reported once, at its furthest fill price
 * (the depth it reached): one call per fill would count one market order several times at the shallow depths.
 */
public final class ArrivalRateEstimator
{
    private static final double NANOS_PER_SECOND = 1e9;
    /**
     * A billionth of a bucket: depths exactly on a bucket edge (a whole number of ticks when the bucket is a tick)
     * land in the upper bucket whatever the rounding of |p - s|.
     */
    private static final double EDGE_TOLERANCE = 1e-9;

    private final double bucketWidth;
    private final int buckets;
    private final double windowSeconds;
    private final int minTrades;
    private final double defaultK;
    private final double defaultA;
    private final double minK;
    private final double maxK;
    private final double minA;
    private final double maxA;
    private final double[] counts;
    private final double[] logRates;

    private boolean started;
    private long lastNs;
    private double exposureSeconds;
    private long trades;
    private boolean stale;
    private double k;
    private double a;

    /**
     * Estimates with A bounded only by positivity: {@code minA = Double.MIN_VALUE, maxA = Double.MAX_VALUE}.
     *
     * @see #ArrivalRateEstimator(double, int, double, int, double, double, double, double, double, double)
     */
    public ArrivalRateEstimator(
        final double bucketWidth, final int buckets, final double windowSeconds, final int minTrades,
        final double defaultK, final double defaultA, final double minK, final double maxK)
    {
        this(bucketWidth, buckets, windowSeconds, minTrades, defaultK, defaultA, minK, maxK, Double.MIN_VALUE,
            Double.MAX_VALUE);
    }

    /**
     * @param bucketWidth   the width of a depth bucket in price units, > 0.
     * @param buckets       the number of buckets, >= 2; the last takes every deeper trade.
     * @param windowSeconds the time constant of the decay, seconds, > 0.
     * @param minTrades     trades before the fit is used, >= 0.
     * @param defaultK      k during the warm-up and when the fit is degenerate, in [minK, maxK].
     * @param defaultA      one-sided A during the warm-up and when the fit is degenerate, in [minA, maxA].
     * @param minK          the lower bound of k, 1/price unit, > 0.
     * @param maxK          the upper bound of k, >= minK.
     * @param minA          the lower bound of A, trades per second, > 0.
     * @param maxA          the upper bound of A, >= minA.
     */
    public ArrivalRateEstimator(
        final double bucketWidth, final int buckets, final double windowSeconds, final int minTrades,
        final double defaultK, final double defaultA, final double minK, final double maxK, final double minA,
        final double maxA)
    {
        if (!(bucketWidth > 0.0) || Double.isInfinite(bucketWidth))
        {
            throw new IllegalArgumentException("bucketWidth must be a positive number: " + bucketWidth);
        }
        if (buckets < 2)
        {
            throw new IllegalArgumentException("buckets must be >= 2 (a line needs two points): " + buckets);
        }
        if (!(windowSeconds > 0.0) || Double.isInfinite(windowSeconds))
        {
            throw new IllegalArgumentException("windowSeconds must be a positive number: " + windowSeconds);
        }
        if (minTrades < 0)
        {
            throw new IllegalArgumentException("minTrades must be >= 0: " + minTrades);
        }
        if (!(minK > 0.0))
        {
            throw new IllegalArgumentException("minK must be > 0: " + minK);
        }
        if (!(maxK >= minK))
        {
            throw new IllegalArgumentException("maxK must be >= minK (" + minK + "): " + maxK);
        }
        if (!(defaultK >= minK && defaultK <= maxK) || Double.isInfinite(defaultK))
        {
            throw new IllegalArgumentException(
                "defaultK must be a number in [minK, maxK] = [" + minK + ", " + maxK + "]: " + defaultK);
        }
        if (!(minA > 0.0))
        {
            throw new IllegalArgumentException("minA must be > 0: " + minA);
        }
        if (!(maxA >= minA))
        {
            throw new IllegalArgumentException("maxA must be >= minA (" + minA + "): " + maxA);
        }
        if (!(defaultA >= minA && defaultA <= maxA) || Double.isInfinite(defaultA))
        {
            throw new IllegalArgumentException(
                "defaultA must be a number in [minA, maxA] = [" + minA + ", " + maxA + "]: " + defaultA);
        }
        this.bucketWidth = bucketWidth;
        this.buckets = buckets;
        this.windowSeconds = windowSeconds;
        this.minTrades = minTrades;
        this.defaultK = defaultK;
        this.defaultA = defaultA;
        this.minK = minK;
        this.maxK = maxK;
        this.minA = minA;
        this.maxA = maxA;
        this.counts = new double[buckets];
        this.logRates = new double[buckets];
        reset();
    }

    /**
     * Counts one trade at {@code tradePrice} while the mid was {@code mid}, at event time {@code nowNs}. A price or
     * mid that is not a finite number, or a mid that is not positive (no book), is not a trade and is ignored.
     */
    public void onTrade(final long nowNs, final double tradePrice, final double mid)
    {
        if (!Double.isFinite(tradePrice) || !(mid > 0.0) || Double.isInfinite(mid))
        {
            return;
        }
        advanceTo(nowNs);
        final double position = Math.abs(tradePrice - mid) / bucketWidth + EDGE_TOLERANCE;
        final int last = buckets - 1;
        final int bucket = position >= last ? last : (int)position;
        counts[bucket] += 1.0;
        trades++;
        stale = true;
    }

    /**
     * Lets the decay see event time pass without a trade, so that a market gone quiet lowers A. The first call (or
     * first trade) starts the exposure; a time that does not move forward changes nothing.
     */
    public void advanceTo(final long nowNs)
    {
        if (!started)
        {
            started = true;
            lastNs = nowNs;
            return;
        }
        final long dtNs = nowNs - lastNs;
        if (dtNs <= 0)
        {
            return;
        }
        final double exponent = -(dtNs / NANOS_PER_SECOND) / windowSeconds;
        final double decay = StrictMath.exp(exponent);
        final double[] counts = this.counts;
        for (int i = 0; i < counts.length; i++)
        {
            counts[i] *= decay;
        }
        // The exposure is the decayed length of the observed time: window x (1 - e^(-t/window)) from the start.
        exposureSeconds = exposureSeconds * decay - windowSeconds * StrictMath.expm1(exponent);
        lastNs = nowNs;
        stale = true;
    }

    /**
     * The decay of the intensity with depth, 1/price unit.
     */
    public double k()
    {
        fitIfStale();
        return k;
    }

    /**
     * The intensity at depth 0 on one side, trades per second.
     */
    public double a()
    {
        fitIfStale();
        return a;
    }

    /**
     * True once {@code minTrades} trades were counted since construction or the last {@link #reset()}.
     */
    public boolean warm()
    {
        return trades >= minTrades;
    }

    /**
     * Trades counted since construction or the last {@link #reset()}, undecayed.
     */
    public long trades()
    {
        return trades;
    }

    /**
     * The decayed observed time the counts are divided by, in seconds.
     */
    public double exposureSeconds()
    {
        return exposureSeconds;
    }

    /**
     * Back to the state after construction: no trades, no exposure, the defaults.
     */
    public void reset()
    {
        Arrays.fill(counts, 0.0);
        started = false;
        lastNs = 0;
        exposureSeconds = 0.0;
        trades = 0;
        stale = false;
        k = defaultK;
        a = defaultA;
    }

    private void fitIfStale()
    {
        if (!stale)
        {
            return;
        }
        stale = false;
        k = defaultK;
        a = defaultA;
        if (trades < minTrades || !(exposureSeconds > 0.0))
        {
            return;
        }
        final double[] counts = this.counts;
        final double[] logRates = this.logRates;
        // First pass, deepest bucket first so that the tail accumulates: the weighted means of depth and log rate.
        double weightSum = 0.0;
        double depthSum = 0.0;
        double logRateSum = 0.0;
        double tail = 0.0;
        int points = 0;
        for (int i = counts.length - 1; i >= 0; i--)
        {
            tail += counts[i];
            if (counts[i] > 0.0)
            {
                points++;
                weightSum += tail;
                depthSum += tail * (i * bucketWidth);
                logRates[i] = StrictMath.log(tail / exposureSeconds);
                logRateSum += tail * logRates[i];
            }
        }
        if (points < 2)
        {
            return;
        }
        final double meanDepth = depthSum / weightSum;
        final double meanLogRate = logRateSum / weightSum;
        // Second pass, centred sums: the slope without the cancellation of the one-pass formula.
        double sxy = 0.0;
        double sxx = 0.0;
        tail = 0.0;
        for (int i = counts.length - 1; i >= 0; i--)
        {
            tail += counts[i];
            if (counts[i] > 0.0)
            {
                final double dx = i * bucketWidth - meanDepth;
                final double dy = logRates[i] - meanLogRate;
                sxy += tail * dx * dy;
                sxx += tail * dx * dx;
            }
        }
        final double slope = sxy / sxx;
        if (!(slope < 0.0))
        {
            return;
        }
        final double fittedK = clamp(-slope, minK, maxK);
        // The weighted least-squares line passes through the weighted means; for a clamped k, so does the best line
        // of that slope. Halved: the pooled counts hold both sides' arrivals.
        final double fittedA = 0.5 * StrictMath.exp(meanLogRate + fittedK * meanDepth);
        if (!(fittedA > 0.0) || Double.isInfinite(fittedA))
        {
            return;
        }
        k = fittedK;
        a = clamp(fittedA, minA, maxA);
    }

    private static double clamp(final double value, final double min, final double max)
    {
        if (value < min)
        {
            return min;
        }
        return value > max ? max : value;
    }

    @Override
    public String toString()
    {
        return "ArrivalRateEstimator{trades=" + trades + ", exposureSeconds=" + exposureSeconds + ", k=" + k() +
            ", a=" + a() + '}';
    }
}
