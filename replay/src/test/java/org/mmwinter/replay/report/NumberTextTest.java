package org.mmwinter.replay.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

final class NumberTextTest
{
    @Test
    void formatsNumbersForReaders()
    {
        assertEquals("0.3", NumberText.format(0.1 + 0.2));
        assertEquals("1234567", NumberText.format(1_234_567.0));
        // 52874.4123 to six significant digits.
        assertEquals("52874.4", NumberText.format(52_874.4123));
        assertEquals("-338352", NumberText.format(-338_352.12));
        assertEquals("0.0001", NumberText.format(1e-4));
        assertEquals("0.0000996519", NumberText.format(0.00009965191234));
        assertEquals("n/a", NumberText.format(Double.NaN));
        assertEquals("5321", NumberText.format((Object)5_321L));
        assertEquals("2.5", NumberText.format((Object)2.5));
        assertEquals("no", NumberText.format((Object)"no"));
    }

    @Test
    void percentChangeKeepsACrashShortOfATotalLoss()
    {
        // (20 - 80) / 80 = -0.75.
        assertEquals("-75.00 %", NumberText.percentChange(80, 20));
        // (0.008 - 80) / 80 = -0.9999.
        assertEquals("-99.99 %", NumberText.percentChange(80, 0.008));
        // (0.0001 - 100) / 100 = -0.999999: -100.00 and -100.000 at two and three decimals, -99.9999 at four.
        assertEquals("-99.9999 %", NumberText.percentChange(100, 0.0001));
        assertEquals("-100.00 %", NumberText.percentChange(100, 0));
        // (3 - 2) / 2 = +0.5.
        assertEquals("+50.00 %", NumberText.percentChange(2, 3));
        assertEquals("n/a", NumberText.percentChange(0, 3));
    }

    @Test
    void elapsedTimesAndLatencies()
    {
        // 3723.5 s = 1 h + 2 min + 3.5 s.
        assertEquals("1:02:03.500", NumberText.elapsed(3_723.5));
        assertEquals("0:00:59.999", NumberText.elapsed(59.999));
        assertEquals("-0:01:00.000", NumberText.elapsed(-60));
        assertEquals("999 ns", NumberText.nanos(999));
        assertEquals("1.5 µs", NumberText.nanos(1_500));
        assertEquals("48 µs", NumberText.nanos(48_000));
        assertEquals("2.5 ms", NumberText.nanos(2_500_000));
        assertEquals("3 s", NumberText.nanos(3_000_000_000L));
    }
}
