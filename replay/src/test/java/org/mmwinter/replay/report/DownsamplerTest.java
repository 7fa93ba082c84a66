package org.mmwinter.replay.report;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class DownsamplerTest
{
    @Test
    void aSeriesNoLongerThanTheLimitIsKeptExactly()
    {
        final double[] values = new double[4_000];
        Arrays.fill(values, 1.0);
        final int[] kept = new Downsampler(4_000).keep(values);
        assertEquals(4_000, kept.length);
        for (int i = 0; i < kept.length; i++)
        {
            assertEquals(i, kept[i]);
        }
    }

    @Test
    void eachBucketKeepsItsFirstMinMaxAndLast()
    {
        // 20 points, limit 10: 10 / 5 = 2 buckets, [0, 10) and [10, 20). Flat at 5 except a low at 3 and a high
        // at 7 in the first, a low at 12 and a high at 18 in the second.
        final double[] values = new double[20];
        Arrays.fill(values, 5.0);
        values[3] = 1.0;
        values[7] = 9.0;
        values[12] = 0.5;
        values[18] = 7.0;
        assertArrayEquals(new int[] {0, 3, 7, 9, 10, 12, 18, 19}, new Downsampler(10).keep(values));
    }

    @Test
    void bucketsSplitUnevenLengthsByIndex()
    {
        // 11 points, 2 buckets: [0, 11 / 2 = 5) and [5, 11). Rising, so each bucket's min is its first point and its
        // max its last.
        final double[] values = new double[11];
        for (int i = 0; i < values.length; i++)
        {
            values[i] = i;
        }
        assertArrayEquals(new int[] {0, 4, 5, 10}, new Downsampler(10).keep(values));
    }

    @Test
    void aCrashInsideOneBucketKeepsTheLevelBeforeAndTheBottom()
    {
        // 1000 points, limit 100: 20 buckets of 50. 80 until index 525, then 0.008 (80 * 0.0001: a 99.99 % fall)
        // inside bucket 10 = [500, 550). Flat buckets keep first and last only (their min and max are the first).
        final double[] values = new double[1_000];
        for (int i = 0; i < values.length; i++)
        {
            values[i] = i < 525 ? 80.0 : 0.008;
        }
        final int[] kept = new Downsampler(100).keep(values);
        // 19 flat buckets * 2 + the crash bucket's first (500, the max), min (525) and last (549).
        assertEquals(19 * 2 + 3, kept.length);
        assertEquals(500, kept[20]);
        assertEquals(525, kept[21]);
        assertEquals(549, kept[22]);
        final double[] picked = Downsampler.pick(values, kept);
        assertEquals(80.0, picked[20]);
        assertEquals(0.008, picked[21]);
    }

    @Test
    void aOnePointFlashCrashSurvives()
    {
        // The same 20 buckets; one print at 0.008 at index 537 and straight back to 80.
        final double[] values = new double[1_000];
        Arrays.fill(values, 80.0);
        values[537] = 0.008;
        final int[] kept = new Downsampler(100).keep(values);
        assertEquals(19 * 2 + 3, kept.length);
        assertArrayEquals(new int[] {500, 537, 549}, Arrays.copyOfRange(kept, 20, 23));
    }

    @Test
    void aGapKeepsItsFirstNaN()
    {
        // 30 points, 2 buckets of 15; NaN at 4 and 5 (a halt with no mid). The first bucket keeps 0 (first, min and
        // max, since NaN is no value and ties do not move the min or the max), 4 (the gap) and 14 (last).
        final double[] values = new double[30];
        Arrays.fill(values, 1.0);
        values[4] = Double.NaN;
        values[5] = Double.NaN;
        assertArrayEquals(new int[] {0, 4, 14, 15, 29}, new Downsampler(10).keep(values));
    }

    @Test
    void outputIsBoundedAscendingAndHoldsTheEnds()
    {
        final SplittableRandom random = new SplittableRandom(11);
        final double[] values = new double[1_000_003];
        int argMin = 0;
        int argMax = 0;
        double level = 100.0;
        for (int i = 0; i < values.length; i++)
        {
            level += random.nextGaussian();
            values[i] = level;
            argMin = values[i] < values[argMin] ? i : argMin;
            argMax = values[i] > values[argMax] ? i : argMax;
        }
        final int[] kept = new Downsampler(4_000).keep(values);
        assertTrue(kept.length <= 4_000, "kept " + kept.length);
        assertEquals(0, kept[0]);
        assertEquals(values.length - 1, kept[kept.length - 1]);
        for (int i = 1; i < kept.length; i++)
        {
            assertTrue(kept[i] > kept[i - 1], "not ascending at " + i);
        }
        assertTrue(Arrays.binarySearch(kept, argMin) >= 0, "global low dropped");
        assertTrue(Arrays.binarySearch(kept, argMax) >= 0, "global high dropped");
    }

    @Test
    void aLimitBelowOneBucketIsAConfigurationError()
    {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Downsampler(4));
        assertEquals("maxPoints must be at least 5: 4", e.getMessage());
    }
}
