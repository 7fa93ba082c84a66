package org.mmwinter.replay.l2;

import java.math.BigDecimal;

import org.mmwinter.engine.core.FixedPoint;

/**
 * A decimal step (a tick or a lot) and the exact conversion of recorded decimals into whole steps at the edge:
 * a value off the grid is refused, never rounded, so the book in the engine is the recorded book.
 */
final class DecimalGrid
{
    /** {@link #steps}: the value is not a whole number of steps. */
    static final long OFF_GRID = -1;
    /** {@link #steps}: the text is not a non-negative decimal (or too big for a long). */
    static final long NOT_A_NUMBER = -2;

    private final String text;
    private final BigDecimal step;
    private final int scale;
    private final long stepUnits;
    private final FixedPoint parser = new FixedPoint();

    /**
     * @throws IllegalArgumentException naming {@code what} when {@code stepText} is not a positive decimal.
     */
    DecimalGrid(final String stepText, final String what)
    {
        final BigDecimal parsed;
        try
        {
            parsed = new BigDecimal(stepText.trim());
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(what + " must be a positive decimal, not '" + stepText + "'");
        }
        if (parsed.signum() <= 0)
        {
            throw new IllegalArgumentException(what + " must be a positive decimal, not '" + stepText + "'");
        }
        this.step = parsed.stripTrailingZeros();
        this.scale = Math.max(0, step.scale());
        this.text = step.toPlainString();
        this.stepUnits = step.movePointRight(scale).longValueExact();
    }

    /** The step as a plain decimal ("0.5"), as the engine's instrument configuration takes it. */
    String text()
    {
        return text;
    }

    double value()
    {
        return step.doubleValue();
    }

    /** @return the value in whole steps, or {@link #OFF_GRID} or {@link #NOT_A_NUMBER}. */
    long steps(final String value)
    {
        return steps(value, 0, value.length());
    }

    /** {@link #steps(String)} of {@code text[from, to)}, parsed in place. */
    long steps(final CharSequence text, final int from, final int to)
    {
        final int result = parser.parse(text, from, to, scale);
        if (result == FixedPoint.OK)
        {
            final long units = parser.value();
            if (units < 0)
            {
                return NOT_A_NUMBER;
            }
            return units % stepUnits == 0 ? units / stepUnits : OFF_GRID;
        }
        // Exponents (1e-05), trailing zeros beyond the step's places, or something that is no number at all.
        final BigDecimal exact;
        try
        {
            exact = new BigDecimal(text.subSequence(from, to).toString());
        }
        catch (final NumberFormatException ex)
        {
            return NOT_A_NUMBER;
        }
        if (exact.signum() < 0)
        {
            return NOT_A_NUMBER;
        }
        final BigDecimal[] division = exact.divideAndRemainder(step);
        if (division[1].signum() != 0)
        {
            return OFF_GRID;
        }
        try
        {
            return division[0].longValueExact();
        }
        catch (final ArithmeticException ex)
        {
            return NOT_A_NUMBER;
        }
    }

    /** Decimal places a recorded value shows, trailing zeros left out (what the grid inference reads). */
    static int decimals(final String value)
    {
        try
        {
            return Math.max(0, new BigDecimal(value).stripTrailingZeros().scale());
        }
        catch (final NumberFormatException ex)
        {
            return 0;
        }
    }
}
