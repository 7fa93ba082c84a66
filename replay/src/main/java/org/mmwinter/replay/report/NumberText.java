package org.mmwinter.replay.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers and times as a reader sees them in the header and the tables: whole numbers in full, others to six
 * significant digits, a dot for the decimal point whatever the JVM's locale, no exponent in the range a report shows.
 */
final class NumberText
{
    /** Shown for NaN and the infinities. */
    static final String NOT_A_NUMBER = "n/a";

    private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);
    private static final double PLAIN_LOW = 1e-9;
    private static final double PLAIN_HIGH = 1e15;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int MAX_PERCENT_DECIMALS = 6;
    private static final long SECONDS_PER_HOUR = 3_600;
    private static final long SECONDS_PER_MINUTE = 60;
    private static final long MILLIS_PER_SECOND = 1_000;
    private static final long NS_PER_MICRO = 1_000;

    private NumberText()
    {
    }

    static String format(final Object value)
    {
        if (value instanceof Double || value instanceof Float)
        {
            return format(((Number)value).doubleValue());
        }
        if (value instanceof Number number)
        {
            return number.toString();
        }
        return String.valueOf(value);
    }

    static String format(final double value)
    {
        if (!Double.isFinite(value))
        {
            return NOT_A_NUMBER;
        }
        if (value == 0.0)
        {
            return "0";
        }
        if (value == Math.rint(value) && Math.abs(value) < PLAIN_HIGH)
        {
            // A count or a whole amount is shown in full: 1234567 fills, not 1234570.
            return Long.toString((long)value);
        }
        final BigDecimal rounded = new BigDecimal(value).round(SIX_DIGITS).stripTrailingZeros();
        final double magnitude = Math.abs(value);
        if (magnitude >= PLAIN_LOW && magnitude < PLAIN_HIGH)
        {
            return rounded.toPlainString();
        }
        return rounded.toString();
    }

    /**
     * A change from {@code from} to {@code to} in percent of {@code from}, signed, two decimals, or as many more (up
     * to six) as it takes not to round a 99.99 % crash to a total loss.
     */
    static String percentChange(final double from, final double to)
    {
        if (from == 0.0 || !Double.isFinite(from) || !Double.isFinite(to))
        {
            return NOT_A_NUMBER;
        }
        final BigDecimal exact = new BigDecimal((to - from) / Math.abs(from) * 100.0);
        BigDecimal pct = exact.setScale(2, RoundingMode.HALF_EVEN);
        for (int scale = 3; scale <= MAX_PERCENT_DECIMALS && pct.abs().compareTo(HUNDRED) == 0 &&
            exact.abs().compareTo(HUNDRED) != 0; scale++)
        {
            pct = exact.setScale(scale, RoundingMode.HALF_EVEN);
        }
        return (pct.signum() > 0 ? "+" : "") + pct.toPlainString() + " %";
    }

    /** Seconds since the start as {@code h:mm:ss.mmm} (milliseconds rounded down). */
    static String elapsed(final double seconds)
    {
        final long totalMillis = (long)Math.floor(Math.abs(seconds) * MILLIS_PER_SECOND);
        final long totalSeconds = totalMillis / MILLIS_PER_SECOND;
        final long hours = totalSeconds / SECONDS_PER_HOUR;
        final long minutes = totalSeconds % SECONDS_PER_HOUR / SECONDS_PER_MINUTE;
        final long secs = totalSeconds % SECONDS_PER_MINUTE;
        final long millis = totalMillis % MILLIS_PER_SECOND;
        return (seconds < 0 ? "-" : "") + hours + ':' + twoDigits(minutes) + ':' + twoDigits(secs) + '.' +
            (millis < 100 ? "0" : "") + (millis < 10 ? "0" : "") + millis;
    }

    /** A latency in the unit that keeps it short: ns below a microsecond, else µs, ms or s with six digits. */
    static String nanos(final long ns)
    {
        if (ns < NS_PER_MICRO)
        {
            return ns + " ns";
        }
        if (ns < NS_PER_MICRO * NS_PER_MICRO)
        {
            return format(ns / 1e3) + " µs";
        }
        if (ns < NS_PER_MICRO * NS_PER_MICRO * NS_PER_MICRO)
        {
            return format(ns / 1e6) + " ms";
        }
        return format(ns / 1e9) + " s";
    }

    private static String twoDigits(final long value)
    {
        return value < 10 ? "0" + value : Long.toString(value);
    }
}
