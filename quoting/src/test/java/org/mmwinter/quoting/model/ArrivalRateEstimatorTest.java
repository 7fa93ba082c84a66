package org.mmwinter.quoting.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class ArrivalRateEstimatorTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final double MID = 100.0;
    private static final double DEFAULT_K = 0.75;
    private static final double DEFAULT_A = 7.0;
    /** ln 2 / 0.5: the tail halves every 0.5 of depth. */
    private static final double LN2_PER_HALF = 1.3862943611198906;

    /**
     * 1024 trades at t = 0, both sides alternately, buckets 0.5 wide: 512 in [0, 0.5), 256 in [0.5, 1), 128, 64, 32
     * in the next, and 32 at depth 2.5 or more (16 at 2.75, 16 at 10: the last bucket takes every deeper trade). The
     * trades reaching at least depth 0.5 i are 1024 x 2^-i: exactly A e^(-k delta) with k = ln 2 / 0.5.
     */
    private static void halvingTails(final ArrivalRateEstimator estimator, final double bucketWidth)
    {
        int side = 1;
        for (int bucket = 0; bucket < 5; bucket++)
        {
            final double depth = (bucket + 0.5) * bucketWidth;
            for (int n = 0; n < 512 >> bucket; n++)
            {
                estimator.onTrade(0, MID + side * depth, MID);
                side = -side;
            }
        }
        for (int n = 0; n < 16; n++)
        {
            estimator.onTrade(0, MID + side * 5.5 * bucketWidth, MID);
            side = -side;
            estimator.onTrade(0, MID + side * 20.0 * bucketWidth, MID);
            side = -side;
        }
    }

    private static ArrivalRateEstimator estimator(final double bucketWidth, final double minK, final double maxK)
    {
        return new ArrivalRateEstimator(bucketWidth, 6, 100.0, 100, DEFAULT_K, DEFAULT_A, minK, maxK);
    }

    @Test
    void recoversKAndAFromExactlyExponentialTails()
    {
        // All at t = 0, then 100 s pass (one window): every count decays by e^-1, the exposure is
        // 100 (1 - e^-1) = 63.212055882855765 s. lambda(0.5 i) = 1024 e^-1 2^-i / (100 (1 - e^-1))
        // = (10.24 / (e - 1)) e^(-(ln 2 / 0.5) 0.5 i): pooled intercept 10.24 / (e - 1) = 5.959441478341903, one side
        // A = 5.12 / (e - 1) = 2.9797207391709515 trades per second, k = ln 2 / 0.5 = 1.3862943611198906 per price.
        final ArrivalRateEstimator estimator = estimator(0.5, 0.01, 100.0);
        halvingTails(estimator, 0.5);
        estimator.advanceTo(100 * SECOND);

        assertEquals(1024, estimator.trades());
        assertEquals(63.212055882855765, estimator.exposureSeconds(), 1e-12);
        assertEquals(LN2_PER_HALF, estimator.k(), 1e-12);
        assertEquals(2.9797207391709515, estimator.a(), 1e-12);
    }

    @Test
    void aQuietMarketLowersAButNotK()
    {
        // 100 s more without a trade: counts x e^-2 in all, exposure 100 (1 - e^-2) = 86.46647167633873 s,
        // A = 5.12 e^-2 / (1 - e^-2) = 5.12 / (e^2 - 1) = 0.8013703308782882; the ratios, and so k, do not move.
        final ArrivalRateEstimator estimator = estimator(0.5, 0.01, 100.0);
        halvingTails(estimator, 0.5);
        estimator.advanceTo(100 * SECOND);
        estimator.advanceTo(200 * SECOND);

        assertEquals(86.46647167633873, estimator.exposureSeconds(), 1e-12);
        assertEquals(LN2_PER_HALF, estimator.k(), 1e-12);
        assertEquals(0.8013703308782882, estimator.a(), 1e-12);
    }

    @Test
    void steadyFlowOfBothSidesGivesTheOneSidedRate()
    {
        // A trade every 0.1 s for 2000 s (20 windows), alternately a buy at depth 0.25 and a sell at depth 0.75:
        // 10 trades per second reach depth 0, 5 reach depth 0.5. Pooled lambda(0) = 10, so one-sided A = 5, and
        // k = ln(10 / 5) / 0.5 = 1.3862943611198906. The decayed counts of a discrete flow are rate x window
        // + 1/2 at most (the trade just counted has not decayed), 0.05% here.
        final ArrivalRateEstimator estimator = estimator(0.5, 0.01, 100.0);
        for (int n = 0; n < 20_000; n++)
        {
            final boolean buy = (n & 1) == 0;
            estimator.onTrade(n * (SECOND / 10), buy ? MID + 0.25 : MID - 0.75, MID);
        }

        assertEquals(5.0, estimator.a(), 5.0 * 0.001);
        assertEquals(LN2_PER_HALF, estimator.k(), LN2_PER_HALF * 0.001);
    }

    @Test
    void defaultsDuringTheWarmUp()
    {
        // Ten trades of warm-up, in two buckets, one a second.
        final ArrivalRateEstimator estimator =
            new ArrivalRateEstimator(0.5, 6, 100.0, 10, DEFAULT_K, DEFAULT_A, 0.01, 100.0);
        for (int n = 0; n < 9; n++)
        {
            estimator.onTrade(n * SECOND, MID + ((n & 1) == 0 ? 0.25 : 0.75), MID);
        }
        assertFalse(estimator.warm());
        assertEquals(DEFAULT_K, estimator.k(), 0.0);
        assertEquals(DEFAULT_A, estimator.a(), 0.0);

        estimator.onTrade(9 * SECOND, MID + 0.75, MID);
        assertTrue(estimator.warm());
        assertTrue(estimator.k() != DEFAULT_K && estimator.a() != DEFAULT_A, estimator.toString());
    }

    @Test
    void oneBucketOrNoExposureIsDegenerate()
    {
        // 200 trades over 200 s all in bucket 0: no line through one point.
        final ArrivalRateEstimator oneBucket = estimator(0.5, 0.01, 100.0);
        for (int n = 0; n < 200; n++)
        {
            oneBucket.onTrade(n * SECOND, MID - 0.1, MID);
        }
        assertEquals(DEFAULT_K, oneBucket.k(), 0.0);
        assertEquals(DEFAULT_A, oneBucket.a(), 0.0);

        // Every trade at one instant: no observed time to divide by, until time passes.
        final ArrivalRateEstimator oneInstant = estimator(0.5, 0.01, 100.0);
        halvingTails(oneInstant, 0.5);
        assertEquals(0.0, oneInstant.exposureSeconds(), 0.0);
        assertEquals(DEFAULT_K, oneInstant.k(), 0.0);
        assertEquals(DEFAULT_A, oneInstant.a(), 0.0);
        oneInstant.advanceTo(100 * SECOND);
        assertEquals(LN2_PER_HALF, oneInstant.k(), 1e-12);
    }

    @Test
    void kIsClampedAndAIsRefittedForTheClampedK()
    {
        // The data of the exact test (k = 1.386) with maxK = 1. The weighted means over the six points (weights
        // 1024, 512, ..., 32, sum 2016; depth-weighted sum 0.5 x (512 + 2 x 256 + 3 x 128 + 4 x 64 + 5 x 32) = 0.5 x
        // 1824): mean depth = 0.5 x 19/21, mean ln lambda = ln(10.24 / (e - 1)) - ln 2 x 19/21. The line of slope -1
        // through them: ln(2A) = ln(10.24 / (e - 1)) - (19/21)(ln 2 - 0.5), A = 2.501967377662925.
        final ArrivalRateEstimator estimator = estimator(0.5, 0.01, 1.0);
        halvingTails(estimator, 0.5);
        estimator.advanceTo(100 * SECOND);

        assertEquals(1.0, estimator.k(), 0.0);
        assertEquals(2.501967377662925, estimator.a(), 1e-12);
    }

    @Test
    void kBelowItsFloorIsRaisedToIt()
    {
        // Buckets 5 wide: k = ln 2 / 5 = 0.1386 < minK = 0.5. Mean depth 5 x 19/21, so
        // ln(2A) = ln(10.24 / (e - 1)) - ln 2 x 19/21 + 0.5 x 5 x 19/21, A = 15.280861804706738.
        final ArrivalRateEstimator estimator = estimator(5.0, 0.5, 100.0);
        halvingTails(estimator, 5.0);
        estimator.advanceTo(100 * SECOND);

        assertEquals(0.5, estimator.k(), 0.0);
        assertEquals(15.280861804706738, estimator.a(), 1e-11);
    }

    @Test
    void aIsClampedToItsBounds()
    {
        // The exact data answers A = 2.98; maxA = 1 caps it and leaves k alone.
        final ArrivalRateEstimator estimator =
            new ArrivalRateEstimator(0.5, 6, 100.0, 100, DEFAULT_K, 0.5, 0.01, 100.0, 0.1, 1.0);
        halvingTails(estimator, 0.5);
        estimator.advanceTo(100 * SECOND);

        assertEquals(1.0, estimator.a(), 0.0);
        assertEquals(LN2_PER_HALF, estimator.k(), 1e-12);
    }

    @Test
    void depthOnABucketEdgeLandsInTheUpperBucket()
    {
        // Buckets one tick (0.1) wide; |100.1 - 100.0| = 0.09999999999999432 is one tick. Two trades at the mid and
        // one a tick away: tails 3 at depth 0 and 1 at depth 0.1, so k = ln(3/1) / 0.1 = 10.986122886681096
        // (two points: the line through both, whatever the weights). Rounded into bucket 0 it would be one bucket.
        final ArrivalRateEstimator estimator = new ArrivalRateEstimator(0.1, 4, 10.0, 0, 1.0, 1.0, 0.01, 100.0);
        estimator.onTrade(0, 100.0, 100.0);
        estimator.onTrade(0, 100.0, 100.0);
        estimator.onTrade(0, 100.1, 100.0);
        estimator.advanceTo(10 * SECOND);

        assertEquals(10.986122886681096, estimator.k(), 1e-9);
    }

    @Test
    void tradesWithoutAPriceOrABookAreIgnored()
    {
        final ArrivalRateEstimator estimator = estimator(0.5, 0.01, 100.0);
        estimator.onTrade(0, Double.NaN, MID);
        estimator.onTrade(0, MID, 0.0);
        estimator.onTrade(0, MID, Double.POSITIVE_INFINITY);

        assertEquals(0, estimator.trades());
    }

    @Test
    void resetForgetsEverything()
    {
        final ArrivalRateEstimator estimator = estimator(0.5, 0.01, 100.0);
        halvingTails(estimator, 0.5);
        estimator.advanceTo(100 * SECOND);
        assertTrue(estimator.warm());

        estimator.reset();
        assertFalse(estimator.warm());
        assertEquals(0, estimator.trades());
        assertEquals(0.0, estimator.exposureSeconds(), 0.0);
        assertEquals(DEFAULT_K, estimator.k(), 0.0);
        assertEquals(DEFAULT_A, estimator.a(), 0.0);
    }

    @Test
    void configurationErrorsNameTheField()
    {
        assertMessage("bucketWidth", () -> new ArrivalRateEstimator(0.0, 6, 100.0, 10, 1.0, 1.0, 0.1, 10.0));
        assertMessage("buckets", () -> new ArrivalRateEstimator(0.5, 1, 100.0, 10, 1.0, 1.0, 0.1, 10.0));
        assertMessage("windowSeconds", () -> new ArrivalRateEstimator(0.5, 6, -1.0, 10, 1.0, 1.0, 0.1, 10.0));
        assertMessage("defaultK", () -> new ArrivalRateEstimator(0.5, 6, 100.0, 10, 20.0, 1.0, 0.1, 10.0));
        assertMessage("minK", () -> new ArrivalRateEstimator(0.5, 6, 100.0, 10, 1.0, 1.0, 0.0, 10.0));
        assertMessage("defaultA", () -> new ArrivalRateEstimator(0.5, 6, 100.0, 10, 1.0, 5.0, 0.1, 10.0, 0.1, 1.0));
    }

    private static void assertMessage(final String field, final Runnable construction)
    {
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, construction::run);
        assertTrue(error.getMessage().contains(field), error.getMessage());
    }
}
