package org.mmwinter.engine.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fee of one side of a fill, worked out by hand: notional = price units x qty units / 10^qtyScale, in
 * 10^-priceScale; fee = notional x rate / 10^6, rate in millionths (1 bps = 100), rounded toward +infinity (a charge
 * up, a rebate toward zero). Then the same against a {@link BigInteger} reckoning on random operands of every size.
 */
final class FeesTest
{
    /** BTC-USD with 10^-8 ticks and lots (as a symbol created on first use): price scale 8, quantity scale 8. */
    private static final Instrument BTC = new Instrument(0, "BTC-USD", 8, 1, 8, 1, Instrument.NO_BAND, -25, 250);
    /** Cents with a 5-cent tick and lots of 10 whole units: price scale 2, tick 5, quantity scale 0, lot 10. */
    private static final Instrument COARSE = new Instrument(1, "CRS", 2, 5, 0, 10, Instrument.NO_BAND);

    @Test
    void thirtyThousandDollarsForOneBitcoinOverflowsALongBeforeTheDivision()
    {
        // 30,000 USD = 3 * 10^12 ticks; 1 BTC = 10^8 lots. Price units x qty units = 3 * 10^20 > 2^63 (9.22 * 10^18).
        // notional = 3 * 10^20 / 10^8 = 3 * 10^12 units of 10^-8 USD (30,000.00000000 USD).
        // taker 2.5 bps = 250: 3 * 10^12 * 250 / 10^6 = 7.5 * 10^8 (7.50 USD);
        // maker -0.25 bps = -25: -7.5 * 10^7 (a 0.75 USD rebate).
        assertEquals(750_000_000L, Fees.fee(BTC, 3_000_000_000_000L, 100_000_000L, BTC.takerFeeRate()));
        assertEquals(-75_000_000L, Fees.fee(BTC, 3_000_000_000_000L, 100_000_000L, BTC.makerFeeRate()));
    }

    @Test
    void aChargeRoundsUpAndARebateTowardZero()
    {
        // 30,000.12345678 USD x 0.00012345 BTC: 3,000,012,345,678 x 12,345 = 37,035,152,407,394,910;
        // / 10^8 = 370,351,524.07394910 units of 10^-8 USD.
        // x 250 / 10^6 = 92,587.881018... -> 92,588 (up); x -25 / 10^6 = -9,258.788... -> -9,258 (toward zero).
        assertEquals(92_588L, Fees.fee(BTC, 3_000_012_345_678L, 12_345L, 250));
        assertEquals(-9_258L, Fees.fee(BTC, 3_000_012_345_678L, 12_345L, -25));

        // The smallest fill: 1 tick x 1 lot = 1 / 10^8 units; any charge is at least 1 unit, a rebate nothing.
        assertEquals(1L, Fees.fee(BTC, 1, 1, 250));
        assertEquals(0L, Fees.fee(BTC, 1, 1, -25));
    }

    @Test
    void feesAreInUnitsOfThePriceScaleWhateverTheTickAndLot()
    {
        // 101 ticks of 5 = 505 cents (5.05); 3 lots of 10 = 30 units: notional 505 x 30 / 10^0 = 15,150 cents.
        // 2.5 bps: 15,150 x 250 / 10^6 = 3.7875 -> 4;   1 bps: 1.515 -> 2;
        // -0.25 bps: -0.37875 -> 0;                      -1 bps: -1.515 -> -1.
        assertEquals(4L, Fees.fee(COARSE, 101, 3, 250));
        assertEquals(2L, Fees.fee(COARSE, 101, 3, 100));
        assertEquals(0L, Fees.fee(COARSE, 101, 3, -25));
        assertEquals(-1L, Fees.fee(COARSE, 101, 3, -100));
        // 100 lots = 1,000 units: notional 505,000 cents; 2 bps = 200: 505,000 x 200 / 10^6 = 101 exactly, either way.
        assertEquals(101L, Fees.fee(COARSE, 101, 100, 200));
        assertEquals(-101L, Fees.fee(COARSE, 101, 100, -200));
    }

    @Test
    void theRemainderOfTheNotionalStillCounts()
    {
        // 400,000,000,001 units x 1 unit / 10^8 = 4,000.00000001; x 250 / 10^6 = 1.0000000025: a whole 1 from the
        // quotient alone, and the remainder's 0.0000000025 makes the charge 2 and leaves the rebate at -1.
        assertEquals(2L, Fees.fee(400_000_000_001L, 1, 8, 250));
        assertEquals(-1L, Fees.fee(400_000_000_001L, 1, 8, -250));
        assertEquals(1L, Fees.fee(400_000_000_000L, 1, 8, 250), "4,000 x 250 / 10^6 = 1 exactly");
    }

    @Test
    void aNotionalBeyondSixtyFourBitsStillGivesAnExactFee()
    {
        // (10^14 + 1) x (10^14 + 3) = 10^28 + 4 * 10^14 + 3; / 10^8 = 10^20 + 4 * 10^6 + 3 * 10^-8 (above 2^64 too);
        // at 100 bps (10,000): / 100 = 10^18 + 40,000 + 3 * 10^-10 -> 10^18 + 40,001 charged, 10^18 + 40,000 rebated.
        assertEquals(1_000_000_000_000_040_001L, Fees.fee(100_000_000_000_001L, 100_000_000_000_003L, 8, 10_000));
        assertEquals(-1_000_000_000_000_040_000L, Fees.fee(100_000_000_000_001L, 100_000_000_000_003L, 8, -10_000));
    }

    @Test
    void aFeeBeyondALongSaturatesAndTheLargestOneThatFitsIsExact()
    {
        // (2^63 - 1) x 100 / 10^0 x 10,000 / 10^6 = 2^63 - 1 exactly; one more unit of quantity is beyond a long.
        assertEquals(Long.MAX_VALUE, Fees.fee(Long.MAX_VALUE, 100, 0, 10_000));
        assertEquals(-Long.MAX_VALUE, Fees.fee(Long.MAX_VALUE, 100, 0, -10_000));
        assertEquals(Long.MAX_VALUE, Fees.fee(Long.MAX_VALUE, 101, 0, 10_000));
        assertEquals(Long.MIN_VALUE, Fees.fee(Long.MAX_VALUE, 101, 0, -10_000));
        assertEquals(Long.MAX_VALUE, Fees.fee(Long.MAX_VALUE, Long.MAX_VALUE, 0, 1));
        assertEquals(Long.MIN_VALUE, Fees.fee(Long.MAX_VALUE, Long.MAX_VALUE, 0, -1));
    }

    @Test
    void aZeroRateCostsNothingAndARateBeyondOneHundredBpsIsACallerBug()
    {
        assertEquals(0L, Fees.fee(Long.MAX_VALUE, Long.MAX_VALUE, 0, 0));
        assertEquals(0L, Fees.fee(COARSE, 101, 3, COARSE.takerFeeRate()));
        assertThrows(IllegalArgumentException.class, () -> Fees.fee(1, 1, 0, Fees.MAX_RATE + 1));
        assertThrows(IllegalArgumentException.class, () -> Fees.fee(1, 1, 0, -Fees.MAX_RATE - 1));
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> new Instrument(2, "BAD", 8, 1, 8, 1, Instrument.NO_BAND, 0, 10_001));
        assertTrue(refused.getMessage().contains("BAD") && refused.getMessage().contains("taker fee of 100.01 bps"),
            refused.getMessage());
        assertEquals(10_000L, new Instrument(3, "MAX", 8, 1, 8, 1, Instrument.NO_BAND, -10_000, 10_000)
            .takerFeeRate(), "100 bps either way is allowed");
    }

    @Test
    void agreesWithBigIntegerArithmeticOnOperandsOfEverySize()
    {
        final SplittableRandom random = new SplittableRandom(20221111);
        final BigInteger million = BigInteger.valueOf(Fees.RATE_UNITS);
        final BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        final BigInteger min = BigInteger.valueOf(Long.MIN_VALUE);
        for (int i = 0; i < 200_000; i++)
        {
            final long price = operand(random);
            final long qty = operand(random);
            final int scale = random.nextInt(19);
            final long rate = random.nextLong(-Fees.MAX_RATE, Fees.MAX_RATE + 1);
            final BigInteger numerator = BigInteger.valueOf(price).multiply(BigInteger.valueOf(qty))
                .multiply(BigInteger.valueOf(rate));
            final BigInteger denominator = BigInteger.TEN.pow(scale).multiply(million);
            // Toward +infinity: ceiling for both signs (a rebate's ceiling is toward zero).
            final BigInteger exact = new BigDecimal(numerator)
                .divide(new BigDecimal(denominator), 0, RoundingMode.CEILING).toBigIntegerExact();
            final long expected = exact.compareTo(max) > 0 ? Long.MAX_VALUE :
                exact.compareTo(min) < 0 ? Long.MIN_VALUE : exact.longValueExact();
            assertEquals(expected, Fees.fee(price, qty, scale, rate),
                "price=" + price + " qty=" + qty + " scale=" + scale + " rate=" + rate);
        }
    }

    /** A positive long of a random bit length, so that products fall in every range up to 126 bits. */
    private static long operand(final SplittableRandom random)
    {
        final int bits = 1 + random.nextInt(63);
        final long value = random.nextLong() >>> (64 - bits);
        return Math.max(1, value);
    }
}
