package org.mmwinter.quoting.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class EwmaVolatilityTest
{
    private static final long SECOND = 1_000_000_000L;
    private static final long HALF_SECOND = SECOND / 2;

    @Test
    void knownSequenceWithEqualSpacing()
    {
        // Half-life 0.5 s, one mid every 0.5 s: w = exp(-ln2) = 1/2 and 1 - w = 1/2. Prior v0 = 0.001^2 = 1e-6.
        // Log returns 0.002, -0.001, 0.003 over dt = 0.5 s, so r^2 / dt = 8e-6, 2e-6, 18e-6:
        //   v1 = 0.5 x 1e-6    + 0.5 x 8e-6  = 4.5e-6
        //   v2 = 0.5 x 4.5e-6  + 0.5 x 2e-6  = 3.25e-6
        //   v3 = 0.5 x 3.25e-6 + 0.5 x 18e-6 = 10.625e-6
        // sigma = sqrt(10.625e-6) = 0.0032596012026013246 per square-root second
        final EwmaVolatility volatility = new EwmaVolatility(0.5, 0.001, 0, 0.0, 1.0);
        double mid = 100.0;
        volatility.onMid(0, mid);
        mid *= Math.exp(0.002);
        volatility.onMid(HALF_SECOND, mid);
        assertEquals(4.5e-6, volatility.varianceRate(), 1e-18);
        mid *= Math.exp(-0.001);
        volatility.onMid(2 * HALF_SECOND, mid);
        assertEquals(3.25e-6, volatility.varianceRate(), 1e-18);
        mid *= Math.exp(0.003);
        volatility.onMid(3 * HALF_SECOND, mid);

        assertEquals(10.625e-6, volatility.varianceRate(), 1e-18);
        assertEquals(0.0032596012026013246, volatility.sigma(), 1e-15);
        assertEquals(3, volatility.samples());
    }

    @Test
    void longerGapsWeighTheNewReturnMore()
    {
        // Half-life 1 s, prior 1e-6. One return of 0.01 over 2 s: w = 2^-2 = 0.25, r^2 / dt = 1e-4 / 2 = 5e-5:
        //   v = 0.25 x 1e-6 + 0.75 x 5e-5 = 0.25e-6 + 37.5e-6 = 37.75e-6
        final EwmaVolatility volatility = new EwmaVolatility(1.0, 0.001, 0, 0.0, 1.0);
        volatility.onMid(0, 100.0);
        volatility.onMid(2 * SECOND, 100.0 * Math.exp(0.01));

        assertEquals(37.75e-6, volatility.varianceRate(), 1e-18);
    }

    @Test
    void warmUpReportsTheInitialSigmaUntilEnoughReturns()
    {
        // Three returns of warm-up; unchanged mids are zero returns and do not count.
        final EwmaVolatility volatility = new EwmaVolatility(1.0, 0.0005, 3, 0.0001, 0.1);
        volatility.onMid(0, 100.0);
        volatility.onMid(SECOND, 101.0);
        volatility.onMid(2 * SECOND, 101.0);
        volatility.onMid(3 * SECOND, 100.0);
        assertFalse(volatility.warm());
        assertEquals(2, volatility.samples());
        assertEquals(0.0005, volatility.sigma(), 0.0);

        volatility.onMid(4 * SECOND, 101.0);
        assertTrue(volatility.warm());
        assertEquals(StrictMath.sqrt(volatility.varianceRate()), volatility.sigma(), 0.0);
    }

    @Test
    void constantMidDecaysSigmaToItsFloor()
    {
        // Warm (one return) at v = 37.75e-6 as above, then the mid stays: each unchanged mid 1 s later multiplies v
        // by 1/2. After 10 s v = 37.75e-6 / 1024 = 3.6865234375e-8, sigma = 1.92003214e-4 > the floor 1e-4.
        // After 12 s v = 37.75e-6 / 4096 = 9.21630859375e-9, sqrt = 9.6e-5 < 1e-4: sigma is the floor.
        final EwmaVolatility volatility = new EwmaVolatility(1.0, 0.001, 1, 1e-4, 1.0);
        volatility.onMid(0, 100.0);
        final double moved = 100.0 * Math.exp(0.01);
        volatility.onMid(2 * SECOND, moved);
        for (int second = 3; second <= 12; second++)
        {
            volatility.onMid(second * SECOND, moved);
        }
        assertEquals(37.75e-6 / 1024, volatility.varianceRate(), 1e-20);
        assertEquals(Math.sqrt(37.75e-6 / 1024), volatility.sigma(), 1e-15);

        volatility.onMid(14 * SECOND, moved);
        assertEquals(37.75e-6 / 4096, volatility.varianceRate(), 1e-20);
        assertEquals(1e-4, volatility.sigma(), 0.0);
        assertEquals(1, volatility.samples(), "zero returns are not samples");
    }

    @Test
    void sigmaIsCappedAtItsMaximum()
    {
        // A 10% move in 1 s with half-life 1 s: v = 0.5 x 1e-6 + 0.5 x ln(1.1)^2 = 4.5425e-3, sqrt = 0.0674 > 0.05.
        final EwmaVolatility volatility = new EwmaVolatility(1.0, 0.001, 0, 0.0, 0.05);
        volatility.onMid(0, 100.0);
        volatility.onMid(SECOND, 110.0);

        assertEquals(0.05, volatility.sigma(), 0.0);
    }

    @Test
    void sameTimestampIsOneInstantMeasuredAtTheNextLaterMid()
    {
        // Mids 100 then 105 then 101 at t = 0, then 101 at t = 1 s: the anchor stays 100 at t = 0 (no dt = 0 division,
        // the transient 105 is not a return), and the return is ln(101/100) over 1 s. Half-life 1 s, prior 1e-6:
        //   v = 0.5 x 1e-6 + 0.5 x ln(1.01)^2 / 1 = 0.5e-6 + 0.5 x 9.900908408750885e-5 = 5.000454204375442e-5
        final EwmaVolatility volatility = new EwmaVolatility(1.0, 0.001, 0, 0.0, 1.0);
        volatility.onMid(0, 100.0);
        volatility.onMid(0, 105.0);
        volatility.onMid(0, 101.0);
        assertEquals(1e-6, volatility.varianceRate(), 1e-20);
        assertEquals(0, volatility.samples());

        volatility.onMid(SECOND, 101.0);
        assertEquals(5.000454204375442e-5, volatility.varianceRate(), 1e-18);
        assertEquals(1, volatility.samples());

        // A timestamp that goes back is the same instant as the anchor's: nothing changes.
        volatility.onMid(SECOND / 2, 90.0);
        assertEquals(5.000454204375442e-5, volatility.varianceRate(), 1e-18);
        assertEquals(1, volatility.samples());
    }

    @Test
    void midsThatAreNotPricesAreIgnored()
    {
        final EwmaVolatility volatility = new EwmaVolatility(1.0, 0.001, 0, 0.0, 1.0);
        volatility.onMid(0, 100.0);
        volatility.onMid(SECOND, 0.0);
        volatility.onMid(SECOND, Double.NaN);
        volatility.onMid(SECOND, Double.POSITIVE_INFINITY);
        volatility.onMid(SECOND, -5.0);

        assertEquals(0, volatility.samples());
        assertEquals(1e-6, volatility.varianceRate(), 0.0);
    }

    @Test
    void resetForgetsEverything()
    {
        final EwmaVolatility volatility = new EwmaVolatility(1.0, 0.001, 1, 0.0, 1.0);
        volatility.onMid(0, 100.0);
        volatility.onMid(SECOND, 110.0);
        assertTrue(volatility.warm());

        volatility.reset();
        assertFalse(volatility.warm());
        assertEquals(0, volatility.samples());
        assertEquals(0.001, volatility.sigma(), 0.0);
        // The first mid after a reset only anchors again.
        volatility.onMid(5 * SECOND, 50.0);
        assertEquals(0, volatility.samples());
    }

    @Test
    void configurationErrorsNameTheField()
    {
        assertMessage("halfLifeSeconds", () -> new EwmaVolatility(0.0, 0.001, 0, 0.0, 1.0));
        assertMessage("warmupSamples", () -> new EwmaVolatility(1.0, 0.001, -1, 0.0, 1.0));
        assertMessage("maxSigma", () -> new EwmaVolatility(1.0, 0.001, 0, 0.01, 0.001));
        assertMessage("initialSigma", () -> new EwmaVolatility(1.0, 2.0, 0, 0.0, 1.0));
    }

    private static void assertMessage(final String field, final Runnable construction)
    {
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, construction::run);
        assertTrue(error.getMessage().contains(field), error.getMessage());
    }
}
