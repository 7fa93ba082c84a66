package org.mmwinter.quoting.model;

/**
 * The volatility of the mid in event time: an exponentially weighted mean of squared log returns per second,
 * whose weights decay with the time that elapsed between observations (a half-life in seconds), not with their
 * number, so that bursts of events and quiet spells weigh what their duration weighs.
 *
 * <p>On each observation after the first, with r = ln(mid / previous mid) over dt seconds and
 * w = exp(-ln2 dt / halfLife): {@code v = w v + (1 - w) r^2 / dt}. That is the exponentially weighted average of a
 * variance rate spread evenly over each interval; v starts at initialSigma^2, so that the first returns move it away
 * from a prior rather than from zero. {@link #sigma()} is sqrt(v) clamped to [minSigma, maxSigma], a relative
 * volatility (of log returns) per square-root second; multiply it by the mid for price units.
 *
 * <p>A mid equal to the previous one is a zero return: v decays by w over the elapsed time, but it does not count
 * as a sample, so a quiet start does not end the warm-up with sigma at its floor. Several mids with one timestamp
 * (or a timestamp that goes back) are one instant: the estimator keeps its anchor, the last mid seen at an earlier
 * time, and measures the next later mid against it, so that no return is lost and none is divided by a zero dt.
 * A mid that is not a positive finite number (an empty book side) is not an observation and is ignored.
 */
public final class EwmaVolatility
{
    private static final double LN2 = 0.6931471805599453;
    private static final double NANOS_PER_SECOND = 1e9;

    private final double halfLifeSeconds;
    private final double initialSigma;
    private final int warmupSamples;
    private final double minSigma;
    private final double maxSigma;
    private final double decayPerSecond;

    private boolean anchored;
    private long anchorNs;
    private double anchorMid;
    private double varianceRate;
    private long samples;

    /**
     * @param halfLifeSeconds the event time after which an observation weighs half, > 0.
     * @param initialSigma    sigma reported during the warm-up and the prior the average starts from, in
     *                        [minSigma, maxSigma].
     * @param warmupSamples   the number of non-zero returns before sigma comes from the data, >= 0.
     * @param minSigma        the floor of sigma once warm, >= 0.
     * @param maxSigma        the cap of sigma once warm, >= minSigma (may be infinite).
     */
    public EwmaVolatility(
        final double halfLifeSeconds, final double initialSigma, final int warmupSamples, final double minSigma,
        final double maxSigma)
    {
        if (!(halfLifeSeconds > 0.0) || Double.isInfinite(halfLifeSeconds))
        {
            throw new IllegalArgumentException("halfLifeSeconds must be a positive number: " + halfLifeSeconds);
        }
        if (warmupSamples < 0)
        {
            throw new IllegalArgumentException("warmupSamples must be >= 0: " + warmupSamples);
        }
        if (!(minSigma >= 0.0) || Double.isInfinite(minSigma))
        {
            throw new IllegalArgumentException("minSigma must be a number >= 0: " + minSigma);
        }
        if (!(maxSigma >= minSigma))
        {
            throw new IllegalArgumentException("maxSigma must be >= minSigma (" + minSigma + "): " + maxSigma);
        }
        if (!(initialSigma >= minSigma && initialSigma <= maxSigma) || Double.isInfinite(initialSigma))
        {
            throw new IllegalArgumentException(
                "initialSigma must be a number in [minSigma, maxSigma] = [" + minSigma + ", " + maxSigma + "]: " +
                initialSigma);
        }
        this.halfLifeSeconds = halfLifeSeconds;
        this.initialSigma = initialSigma;
        this.warmupSamples = warmupSamples;
        this.minSigma = minSigma;
        this.maxSigma = maxSigma;
        this.decayPerSecond = LN2 / halfLifeSeconds;
        reset();
    }

    /**
     * Observes the mid at event time {@code nowNs}.
     */
    public void onMid(final long nowNs, final double mid)
    {
        if (!(mid > 0.0) || Double.isInfinite(mid))
        {
            return;
        }
        if (!anchored)
        {
            anchored = true;
            anchorNs = nowNs;
            anchorMid = mid;
            return;
        }
        final long dtNs = nowNs - anchorNs;
        if (dtNs <= 0)
        {
            return;
        }
        final double dtSeconds = dtNs / NANOS_PER_SECOND;
        final double exponent = -decayPerSecond * dtSeconds;
        final double weight = StrictMath.exp(exponent);
        if (mid == anchorMid)
        {
            varianceRate *= weight;
        }
        else
        {
            final double logReturn = StrictMath.log(mid / anchorMid);
            // 1 - w through expm1: for dt much shorter than the half-life, 1 - exp(x) would lose its digits.
            final double newWeight = -StrictMath.expm1(exponent);
            varianceRate = weight * varianceRate + newWeight * (logReturn * logReturn / dtSeconds);
            samples++;
        }
        anchorNs = nowNs;
        anchorMid = mid;
    }

    /**
     * Relative volatility per square-root second: initialSigma during the warm-up, then the square root of the
     * average variance rate clamped to [minSigma, maxSigma].
     */
    public double sigma()
    {
        if (samples < warmupSamples)
        {
            return initialSigma;
        }
        final double sigma = StrictMath.sqrt(varianceRate);
        if (sigma < minSigma)
        {
            return minSigma;
        }
        return sigma > maxSigma ? maxSigma : sigma;
    }

    /**
     * The average variance rate of log returns per second, unclamped (what sigma() is the root of once warm).
     */
    public double varianceRate()
    {
        return varianceRate;
    }

    /**
     * True once {@code warmupSamples} non-zero returns were seen.
     */
    public boolean warm()
    {
        return samples >= warmupSamples;
    }

    /**
     * The number of non-zero returns seen since construction or the last {@link #reset()}.
     */
    public long samples()
    {
        return samples;
    }

    /**
     * Back to the state after construction: no anchor, the prior, no samples.
     */
    public void reset()
    {
        anchored = false;
        anchorNs = 0;
        anchorMid = 0.0;
        varianceRate = initialSigma * initialSigma;
        samples = 0;
    }

    public double halfLifeSeconds()
    {
        return halfLifeSeconds;
    }

    @Override
    public String toString()
    {
        return "EwmaVolatility{halfLifeSeconds=" + halfLifeSeconds + ", samples=" + samples + ", sigma=" + sigma() +
            '}';
    }
}
