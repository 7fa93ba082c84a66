package org.mmwinter.engine.core;

/**
 * The fee of one side of a fill, in the instrument's quote currency, in units of 10^-{@code priceScale} (the units
 * prices are counted in before they become ticks: a fee {@code f} is the decimal {@code f / 10^priceScale}):
 * <pre>
 * notional = priceTicks * tickUnits * qtyLots * lotUnits / 10^qtyScale      (in 10^-priceScale)
 * fee      = notional * rate / 1,000,000                                   (rate in millionths: 1 bps = 100)
 * </pre>
 * Exact integer arithmetic: the product of price and quantity does not fit in a long for ordinary instruments (BTC
 * at 10^-8 ticks and lots: 30,000 x 1 BTC is 3 * 10^20 before the division), so it is taken in 128 bits and divided
 * exactly, without {@code BigInteger} or {@code double}, and without allocating.
 * <p>
 * Rounding is toward positive infinity, in the venue's favour: a charge (positive rate) is rounded up to the next
 * unit, a rebate (negative rate) is rounded toward zero. A fee beyond the range of a long (a notional of more than
 * about 10^21 units at the largest rate: no real instrument) saturates at {@link Long#MAX_VALUE} or
 * {@link Long#MIN_VALUE} rather than wrapping.
 */
public final class Fees
{
    /** Rates are millionths of notional. */
    public static final long RATE_UNITS = 1_000_000;
    /** One basis point as a rate. */
    public static final long RATE_PER_BPS = 100;
    /** The largest rate, either way: 100 bps (1 %). */
    public static final long MAX_RATE = 100 * RATE_PER_BPS;

    private static final long[] POWERS_OF_TEN = new long[19];
    private static final long LOW_32 = 0xFFFF_FFFFL;
    /** A quotient's high word at or past this makes any fee out of range, so the product below cannot overflow. */
    private static final long HIGH_WORD_LIMIT = 1L << 24;

    static
    {
        long p = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = p;
            p *= 10;
        }
    }

    private Fees()
    {
    }

    /**
     * The fee at {@code rate} of a fill of {@code qtyLots} at {@code priceTicks} on {@code instrument}.
     */
    public static long fee(final Instrument instrument, final long priceTicks, final long qtyLots, final long rate)
    {
        if (rate == 0)
        {
            return 0;
        }
        return fee(priceTicks * instrument.tickUnits(), qtyLots * instrument.lotUnits(), instrument.qtyScale(), rate);
    }

    /**
     * The fee at {@code rate} of a fill of {@code qtyUnits} (in 10^-{@code qtyScale}) at {@code priceUnits} (in
     * 10^-priceScale), both positive, as the core's range checks keep them; {@code |rate| <=} {@link #MAX_RATE}.
     */
    public static long fee(final long priceUnits, final long qtyUnits, final int qtyScale, final long rate)
    {
        if (rate == 0)
        {
            return 0;
        }
        if (rate > MAX_RATE || rate < -MAX_RATE)
        {
            // The bounds below rely on it; an Instrument never holds such a rate.
            throw new IllegalArgumentException("fee rate beyond " + MAX_RATE + " millionths: " + rate);
        }
        final boolean charge = rate > 0;
        final long magnitude = charge ? rate : -rate;
        final long scale = POWERS_OF_TEN[qtyScale];

        // 1. The notional, priceUnits * qtyUnits / 10^qtyScale, as a 128-bit quotient and a remainder. Both factors
        //    are below 2^63, so the signed high word is the unsigned one.
        final long productHigh = Math.multiplyHigh(priceUnits, qtyUnits);
        final long productLow = priceUnits * qtyUnits;
        final long notionalHigh = Long.divideUnsigned(productHigh, scale);
        final long notionalLow = divide(Long.remainderUnsigned(productHigh, scale), productLow, scale);
        final long notionalRemainder = productLow - notionalLow * scale;
        if (notionalHigh >= HIGH_WORD_LIMIT)
        {
            return saturated(charge);
        }

        // 2. ceil (or floor) of notional * rate / 10^qtyScale, the remainder's share added exactly: the remainder is
        //    below the scale, so its share is below the rate.
        final long shareHigh = Math.multiplyHigh(notionalRemainder, magnitude);
        final long shareLow = notionalRemainder * magnitude;
        long share = divide(shareHigh, shareLow, scale);
        if (charge && shareLow - share * scale != 0)
        {
            share++;
        }
        final long scaledHigh = notionalHigh * magnitude + unsignedMultiplyHigh(notionalLow, magnitude);
        final long scaledLowBeforeShare = notionalLow * magnitude;
        final long scaledLow = scaledLowBeforeShare + share;
        final long carriedHigh = scaledHigh + (Long.compareUnsigned(scaledLow, scaledLowBeforeShare) < 0 ? 1 : 0);

        // 3. ceil (or floor) of that over 10^6: rounding twice in the same direction is rounding once, as
        //    ceil(ceil(x / a) / b) = ceil(x / (a * b)) for positive integers.
        if (Long.compareUnsigned(carriedHigh, RATE_UNITS) >= 0)
        {
            return saturated(charge);
        }
        long fee = divide(carriedHigh, scaledLow, RATE_UNITS);
        if (fee < 0)
        {
            return saturated(charge);
        }
        if (charge && scaledLow - fee * RATE_UNITS != 0)
        {
            if (fee == Long.MAX_VALUE)
            {
                return Long.MAX_VALUE;
            }
            fee++;
        }
        return charge ? fee : -fee;
    }

    private static long saturated(final boolean charge)
    {
        return charge ? Long.MAX_VALUE : Long.MIN_VALUE;
    }

    /**
     * The high word of the unsigned 128-bit product of {@code a} (any bits) and {@code b} (below 2^63).
     */
    private static long unsignedMultiplyHigh(final long a, final long b)
    {
        // The signed high word counts a's top bit as -2^64: add b back when it is set.
        return Math.multiplyHigh(a, b) + ((a >> 63) & b);
    }

    /**
     * The unsigned quotient of the 128-bit {@code high:low} by {@code divisor} (positive), where {@code high} is
     * below the divisor so that the quotient fits in 64 bits (Knuth's algorithm D with two 32-bit digits: each
     * digit is estimated from the top of the normalised divisor and corrected at most twice). The remainder is
     * {@code low - quotient * divisor} in wrapping arithmetic, since it is below the divisor.
     */
    private static long divide(final long high, final long low, final long divisor)
    {
        if (high == 0)
        {
            return Long.divideUnsigned(low, divisor);
        }
        final int shift = Long.numberOfLeadingZeros(divisor);
        final long d = divisor << shift;
        final long dHigh = d >>> 32;
        final long dLow = d & LOW_32;
        // Normalising cannot lose bits of high: high < divisor.
        final long top = shift == 0 ? high : (high << shift) | (low >>> (64 - shift));
        final long bottom = low << shift;
        final long bottomHigh = bottom >>> 32;
        final long bottomLow = bottom & LOW_32;

        final long q1 = digit(top, bottomHigh, dHigh, dLow);
        final long middle = (top << 32) + bottomHigh - q1 * d;
        final long q0 = digit(middle, bottomLow, dHigh, dLow);
        return (q1 << 32) | q0;
    }

    /**
     * One 32-bit digit of the quotient of {@code (numerator << 32) + next} by the normalised divisor
     * {@code dHigh:dLow}, where that quotient is known to be below 2^32.
     */
    private static long digit(final long numerator, final long next, final long dHigh, final long dLow)
    {
        long q = Long.divideUnsigned(numerator, dHigh);
        long remainder = numerator - q * dHigh;
        while (q > LOW_32 || Long.compareUnsigned(q * dLow, (remainder << 32) | next) > 0)
        {
            q--;
            remainder += dHigh;
            if (remainder > LOW_32)
            {
                break;
            }
        }
        return q;
    }
}
