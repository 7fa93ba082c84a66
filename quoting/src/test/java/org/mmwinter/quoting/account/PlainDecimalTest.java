package org.mmwinter.quoting.account;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Plain decimal text: no exponent, no locale, at most 8 decimals, trailing zeros trimmed.
 */
final class PlainDecimalTest
{
    @Test
    void plainDecimalsTrimmedToEightPlaces()
    {
        assertEquals("4", text(4.0));
        assertEquals("-200.02", text(-200.02));
        assertEquals("0.25", text(0.25));
        assertEquals("0.3", text(0.1 + 0.2), "0.30000000000000004 rounds to 0.3");
        assertEquals("1.23456789", text(1.23456789));
        assertEquals("1.23456789", text(1.234567891), "the ninth decimal is dropped");
        assertEquals("0.00000025", text(2.5e-7), "no exponent for small numbers");
        assertEquals("100000000000000000000", text(1e20), "no exponent for large numbers");
        assertEquals("123456789012.5", text(123456789012.5));
        assertEquals("0", text(-0.0));
        assertEquals("0", text(1e-9), "rounds to zero");
        assertEquals("0", text(-1e-9), "rounds to zero, no sign");
    }

    @Test
    void nonFiniteValues()
    {
        assertEquals("NaN", text(Double.NaN));
        assertEquals("Infinity", text(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", text(Double.NEGATIVE_INFINITY));
        final StringBuilder json = new StringBuilder();
        PlainDecimal.appendJson(json, Double.NaN);
        json.append(',');
        PlainDecimal.appendJson(json, Double.NEGATIVE_INFINITY);
        json.append(',');
        PlainDecimal.appendJson(json, 1.5);
        assertEquals("null,null,1.5", json.toString());
    }

    @Test
    void theDefaultLocaleDoesNotMatter()
    {
        final Locale before = Locale.getDefault();
        try
        {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("-1234567.25", text(-1234567.25));
        }
        finally
        {
            Locale.setDefault(before);
        }
    }

    private static String text(final double value)
    {
        final StringBuilder out = new StringBuilder();
        PlainDecimal.append(out, value);
        return out.toString();
    }
}
