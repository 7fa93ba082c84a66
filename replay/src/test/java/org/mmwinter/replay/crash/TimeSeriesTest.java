package org.mmwinter.replay.crash;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class TimeSeriesTest
{
    @Test
    void theMedianOfAWindowLeavesGapsOut()
    {
        final TimeSeries series = new TimeSeries();
        // t:  0  1    2  3  4  5   6
        // v:  5  NaN  1  9  3  7   100
        final double[] values = {5, Double.NaN, 1, 9, 3, 7, 100};
        for (int i = 0; i < values.length; i++)
        {
            series.add(i, values[i]);
        }
        // [0, 2]: 5 and 1 (the gap left out), an even count: (1 + 5) / 2 = 3.
        assertEquals(3.0, series.median(0, 2));
        // [2, 5]: 1 3 7 9 sorted, (3 + 7) / 2 = 5; both ends in.
        assertEquals(5.0, series.median(2, 5));
        // [3, 6]: 3 7 9 100 sorted: (7 + 9) / 2 = 8; [4, 6]: 3 7 100, the middle one is 7.
        assertEquals(8.0, series.median(3, 6));
        assertEquals(7.0, series.median(4, 6));
        assertTrue(Double.isNaN(series.median(1, 1)), "only a gap");
        assertTrue(Double.isNaN(series.median(7, 9)), "nothing there");
        assertEquals(6.0, series.lastSeconds());
        assertEquals(0.0, new TimeSeries().lastSeconds());
    }

    @Test
    void aTrailingMeanAveragesTheLastPointsLeavingGapsOut()
    {
        final TimeSeries series = new TimeSeries();
        final double[] values = {4, 0, Double.NaN, 8, 2};
        for (int i = 0; i < values.length; i++)
        {
            series.add(i, values[i]);
        }
        final TimeSeries mean = series.trailingMean(3);
        // t0: 4; t1: (4 + 0) / 2 = 2; t2: 4, 0 and a gap, 2; t3: 0, gap, 8: 4; t4: gap, 8, 2: 5.
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, mean.seconds());
        assertArrayEquals(new double[] {4, 2, 2, 4, 5}, mean.values());
        assertTrue(Double.isNaN(series.trailingMean(1).values()[2]), "a window of only a gap");
    }
}
