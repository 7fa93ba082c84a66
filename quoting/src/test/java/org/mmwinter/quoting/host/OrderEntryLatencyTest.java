package org.mmwinter.quoting.host;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The latency of a recorded series: linear between its points in event time, the end values held outside, and its
 * minimum the lookahead's lower bound.
 */
final class OrderEntryLatencyTest
{
    /** Points (1,000 ns: 500), (3,000: 900), (4,000: 100). */
    private static final OrderEntryLatency SERIES = OrderEntryLatency.interpolated(new long[]{1_000, 3_000, 4_000},
        new long[]{500, 900, 100});

    @Test
    void interpolatesLinearlyBetweenPoints()
    {
        // 2,000 is halfway from 1,000 to 3,000: 500 + 400 / 2 = 700.
        assertEquals(700, SERIES.next(2_000));
        // 3,250 is a quarter from 3,000 to 4,000: 900 - 800 / 4 = 700.
        assertEquals(700, SERIES.next(3_250));
        assertEquals(900, SERIES.next(3_000));
    }

    @Test
    void holdsTheEndValuesOutsideTheSeries()
    {
        assertEquals(500, SERIES.next(0));
        assertEquals(500, SERIES.next(1_000));
        assertEquals(100, SERIES.next(4_000));
        assertEquals(100, SERIES.next(1_000_000));
    }

    @Test
    void theMinimumIsTheSmallestPoint()
    {
        assertEquals(100, SERIES.minimumNs());
        assertEquals(250, OrderEntryLatency.interpolated(new long[]{5}, new long[]{250}).minimumNs());
    }

    @Test
    void refusesASeriesOutOfOrderOrNegative()
    {
        assertThrows(IllegalArgumentException.class,
            () -> OrderEntryLatency.interpolated(new long[]{2, 1}, new long[]{1, 1}));
        assertThrows(IllegalArgumentException.class,
            () -> OrderEntryLatency.interpolated(new long[]{1}, new long[]{-1}));
        assertThrows(IllegalArgumentException.class,
            () -> OrderEntryLatency.interpolated(new long[0], new long[0]));
    }
}
