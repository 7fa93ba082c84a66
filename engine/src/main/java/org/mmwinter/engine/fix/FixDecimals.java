package org.mmwinter.engine.fix;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.mmwinter.engine.core.FixedPoint;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.RejectReason;

/**
 * FIX decimals (Price 44, OrderQty 38, as written on the wire) to an instrument's ticks and lots and back, exactly:
 * the text is read with the engine's fixed-point parser, never through a double. One per thread (it holds the
 * parser and the last value).
 */
final class FixDecimals
{
    /** The most decimals a price or quantity may be written with (the order-flow contract's limit). */
    private static final int MAX_DECIMALS = 8;

    private final FixedPoint decimal = new FixedPoint();
    private long value;

    /** The ticks or lots of the last successful {@link #price} or {@link #qty}. */
    long value()
    {
        return value;
    }

    /** @return a {@link RejectReason}; on {@link RejectReason#NONE} the price in ticks is {@link #value()}. */
    int price(final String text, final Instrument instrument)
    {
        final int reason = parse(text, instrument.priceScale(), RejectReason.PRICE_OUT_OF_RANGE);
        if (reason != RejectReason.NONE)
        {
            return reason;
        }
        final long units = decimal.value();
        if (units <= 0)
        {
            return RejectReason.BAD_PRICE;
        }
        if (units % instrument.tickUnits() != 0)
        {
            return RejectReason.OFF_TICK;
        }
        value = units / instrument.tickUnits();
        return RejectReason.NONE;
    }

    /** @return a {@link RejectReason}; on {@link RejectReason#NONE} the quantity in lots is {@link #value()}. */
    int qty(final String text, final Instrument instrument)
    {
        final int reason = parse(text, instrument.qtyScale(), RejectReason.QTY_OUT_OF_RANGE);
        if (reason != RejectReason.NONE)
        {
            return reason;
        }
        final long units = decimal.value();
        if (units <= 0)
        {
            return RejectReason.BAD_QTY;
        }
        if (units % instrument.lotUnits() != 0)
        {
            return RejectReason.OFF_LOT;
        }
        value = units / instrument.lotUnits();
        return RejectReason.NONE;
    }

    /** A price in ticks as a plain decimal without trailing zeros ({@code 80150.25}). */
    static String priceText(final long ticks, final Instrument instrument)
    {
        return plain(BigDecimal.valueOf(ticks).multiply(BigDecimal.valueOf(instrument.tickUnits()))
            .movePointLeft(instrument.priceScale()));
    }

    /** A quantity in lots as a plain decimal without trailing zeros ({@code 0.5}). */
    static String qtyText(final long lots, final Instrument instrument)
    {
        return plain(BigDecimal.valueOf(lots).multiply(BigDecimal.valueOf(instrument.lotUnits()))
            .movePointLeft(instrument.qtyScale()));
    }

    /**
     * The average price of fills worth {@code notionalTicksLots} (the sum of ticks times lots) over {@code lots}, to
     * four more decimals than the tick's scale; 0 before any fill.
     */
    static String averagePriceText(final BigDecimal notionalTicksLots, final long lots, final Instrument instrument)
    {
        if (lots == 0)
        {
            return "0";
        }
        final int scale = instrument.priceScale() + 4;
        return plain(notionalTicksLots.multiply(BigDecimal.valueOf(instrument.tickUnits()))
            .movePointLeft(instrument.priceScale())
            .divide(BigDecimal.valueOf(lots), scale, RoundingMode.HALF_EVEN));
    }

    private int parse(final String text, final int scale, final int overflow)
    {
        final int dot = text.indexOf('.');
        if (dot >= 0 && text.length() - dot - 1 > MAX_DECIMALS)
        {
            return RejectReason.TOO_MANY_DECIMALS;
        }
        switch (decimal.parse(text, 0, text.length(), scale))
        {
            case FixedPoint.OK:
                return RejectReason.NONE;
            case FixedPoint.TOO_MANY_DECIMALS:
                return RejectReason.TOO_MANY_DECIMALS;
            case FixedPoint.OVERFLOW:
                return overflow;
            default:
                return RejectReason.BAD_NUMBER;
        }
    }

    private static String plain(final BigDecimal value)
    {
        final BigDecimal stripped = value.stripTrailingZeros();
        return stripped.signum() == 0 ? "0" : stripped.toPlainString();
    }
}
