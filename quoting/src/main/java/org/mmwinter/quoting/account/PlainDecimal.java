package org.mmwinter.quoting.account;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Doubles as plain decimal text for tools to parse: never an exponent, never a locale's separators, at most
 * {@link #DECIMALS} decimals with trailing zeros trimmed. For the status report, off the hot path.
 */
final class PlainDecimal
{
    /** Decimal places kept; the value is rounded half-even from its exact binary value. */
    static final int DECIMALS = 8;

    private PlainDecimal()
    {
    }

    /**
     * Appends {@code value} (e.g. {@code -200.02}, {@code 4}, {@code 0.25}); NaN and infinities as {@code NaN},
     * {@code Infinity}, {@code -Infinity}. Negative zero, and anything that rounds to zero, is {@code 0}.
     */
    static void append(final StringBuilder out, final double value)
    {
        if (Double.isNaN(value) || Double.isInfinite(value))
        {
            out.append(value);
            return;
        }
        final BigDecimal rounded = new BigDecimal(value).setScale(DECIMALS, RoundingMode.HALF_EVEN);
        if (rounded.signum() == 0)
        {
            out.append('0');
            return;
        }
        out.append(rounded.stripTrailingZeros().toPlainString());
    }

    /**
     * As {@link #append}, but NaN and infinities, which JSON has no number for, as {@code null}.
     */
    static void appendJson(final StringBuilder out, final double value)
    {
        if (Double.isNaN(value) || Double.isInfinite(value))
        {
            out.append("null");
            return;
        }
        append(out, value);
    }
}
