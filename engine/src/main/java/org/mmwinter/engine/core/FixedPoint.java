package org.mmwinter.engine.core;

import java.math.BigDecimal;

/**
 * Exact decimal text to and from scaled longs, for the edges only: no {@code double}, no {@code BigDecimal}.
 */
public final class FixedPoint
{
    /** Parse succeeded. */
    public static final int OK = 0;
    /** Not a plain decimal number. */
    public static final int NOT_A_NUMBER = 1;
    /** More decimal places than the scale allows. */
    public static final int TOO_MANY_DECIMALS = 2;
    /** Does not fit the fixed-point range. */
    public static final int OVERFLOW = 3;
    /** Empty text. */
    public static final int EMPTY = 4;

    private static final long[] POWERS_OF_TEN = new long[19];

    static
    {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private long value;

    /**
     * The value of the last successful {@link #parse}, scaled by 10^scale.
     */
    public long value()
    {
        return value;
    }

    /**
     * Parses {@code text[from, to)} as an optionally signed plain decimal ({@code 12}, {@code -0.5}, {@code 1.250})
     * scaled by 10^scale. Trailing zeros beyond the scale are accepted; any other extra digit is not.
     *
     * @return {@link #OK} or one of the error codes of this class.
     */
    public int parse(final CharSequence text, final int from, final int to, final int scale)
    {
        if (from >= to)
        {
            return EMPTY;
        }
        int i = from;
        boolean negative = false;
        final char first = text.charAt(i);
        if (first == '-' || first == '+')
        {
            negative = first == '-';
            i++;
        }
        long result = 0;
        int digits = 0;
        int decimals = 0;
        boolean seenPoint = false;
        boolean overflow = false;
        boolean extraDecimals = false;
        for (; i < to; i++)
        {
            final char c = text.charAt(i);
            if (c == '.')
            {
                if (seenPoint)
                {
                    return NOT_A_NUMBER;
                }
                seenPoint = true;
                continue;
            }
            if (c < '0' || c > '9')
            {
                return NOT_A_NUMBER;
            }
            digits++;
            final int digit = c - '0';
            if (seenPoint)
            {
                if (decimals == scale)
                {
                    if (digit != 0)
                    {
                        extraDecimals = true;
                    }
                    continue;
                }
                decimals++;
            }
            if (result > (Long.MAX_VALUE - digit) / 10)
            {
                overflow = true;
            }
            else
            {
                result = result * 10 + digit;
            }
        }
        if (digits == 0)
        {
            return NOT_A_NUMBER;
        }
        if (extraDecimals)
        {
            return TOO_MANY_DECIMALS;
        }
        if (overflow)
        {
            return OVERFLOW;
        }
        final long multiplier = POWERS_OF_TEN[scale - decimals];
        if (result > Long.MAX_VALUE / multiplier)
        {
            return OVERFLOW;
        }
        result *= multiplier;
        value = negative ? -result : result;
        return OK;
    }

    /**
     * Plain decimal text of {@code scaled / 10^scale} without trailing zeros: {@code 12.5}, {@code 0.001}, {@code 100}.
     */
    public static String format(final long scaled, final int scale)
    {
        final StringBuilder sb = new StringBuilder(24);
        append(sb, scaled, scale);
        return sb.toString();
    }

    /**
     * Appends the text of {@link #format} to {@code sb}.
     */
    public static StringBuilder append(final StringBuilder sb, final long scaled, final int scale)
    {
        if (scale == 0)
        {
            return sb.append(scaled);
        }
        long abs = scaled;
        if (scaled < 0)
        {
            sb.append('-');
            if (scaled == Long.MIN_VALUE)
            {
                // Only reachable through a caller bug; keep the text exact anyway.
                return sb.append(new BigDecimal(scaled).movePointLeft(scale).stripTrailingZeros().toPlainString()
                    .substring(1));
            }
            abs = -scaled;
        }
        final long divisor = POWERS_OF_TEN[scale];
        final long whole = abs / divisor;
        long fraction = abs % divisor;
        sb.append(whole);
        if (fraction != 0)
        {
            int width = scale;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                width--;
            }
            sb.append('.');
            final int start = sb.length();
            sb.append(fraction);
            final int pad = width - (sb.length() - start);
            for (int i = 0; i < pad; i++)
            {
                sb.insert(start, '0');
            }
        }
        return sb;
    }
}
