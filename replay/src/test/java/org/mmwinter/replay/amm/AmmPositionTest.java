package org.mmwinter.replay.amm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pool's arithmetic on short paths worked by hand. Most cases use capital 10 000 at p0 = 100:
 * x0 = 10 000 / 200 = 50 base, y0 = 5 000 quote, k = 50 * 5 000 = 250 000, sqrt(k) = 500, so that on the curve
 * x = 500 / sqrt(P) and y = 500 sqrt(P).
 */
final class AmmPositionTest
{
    private static final double CAPITAL = 10_000.0;
    private static final double P0 = 100.0;
    private static final double TOLERANCE = 1e-9;

    @Test
    void closedFormImpermanentLoss()
    {
        // r = 4: 2 * 2 / 5 - 1 = -0.2; r = 1/4: 2 * 0.5 / 1.25 - 1 = -0.2; r = 1: 2 / 2 - 1 = 0.
        assertEquals(-0.2, AmmPosition.impermanentLoss(4.0), 1e-15);
        assertEquals(-0.2, AmmPosition.impermanentLoss(0.25), 1e-15);
        assertEquals(0.0, AmmPosition.impermanentLoss(1.0), 0.0);
        // r = 0.01 (LUNA-like): 2 * 0.1 / 1.01 - 1 = -0.801980198...
        assertEquals(2 * 0.1 / 1.01 - 1, AmmPosition.impermanentLoss(0.01), 1e-15);
        assertEquals(-0.801980198019802, AmmPosition.impermanentLoss(0.01), 1e-15);
    }

    @Test
    void depositIsHalfBaseHalfQuote()
    {
        final AmmPosition pool = new AmmPosition(CAPITAL, P0, 0.003);

        assertEquals(50.0, pool.baseInventory(), 0.0);
        assertEquals(5_000.0, pool.quoteInventory(), 0.0);
        assertEquals(100.0, pool.poolPrice(), 0.0);
        assertEquals(CAPITAL, pool.value(), 0.0);
        assertEquals(CAPITAL, pool.holdValue(), 0.0);
        assertEquals(0.0, pool.impermanentLoss(), 0.0);
        assertEquals(0.0, pool.pnl(), 0.0);
        assertEquals(50.0, pool.maxAbsInventory(), 0.0);
        assertEquals(0L, pool.updates());
        assertEquals(AmmPosition.NO_UPDATE, pool.lastUpdateNs());
    }

    @Test
    void feeFreeRiseToFourTimesSitsOnTheCurveAtTheNewPrice()
    {
        final AmmPosition pool = new AmmPosition(CAPITAL, P0, 0.0);
        pool.onPrice(1L, 400.0);

        // x = sqrt(250 000 / 400) = sqrt(625) = 25, y = sqrt(250 000 * 400) = sqrt(1e8) = 10 000, both exact.
        assertEquals(Math.sqrt(250_000.0 / 400.0), pool.baseInventory(), 0.0);
        assertEquals(Math.sqrt(250_000.0 * 400.0), pool.quoteInventory(), 0.0);
        assertEquals(25.0, pool.baseInventory(), 0.0);
        assertEquals(10_000.0, pool.quoteInventory(), 0.0);
        assertEquals(400.0, pool.poolPrice(), 0.0);
        // value = 25 * 400 + 10 000 = 20 000 = 2 sqrt(k p) = 2 * 10 000; hold = 50 * 400 + 5 000 = 25 000.
        assertEquals(2 * Math.sqrt(250_000.0 * 400.0), pool.value(), 0.0);
        assertEquals(25_000.0, pool.holdValue(), 0.0);
        // 20 000 / 25 000 - 1 = -0.2, the closed form at r = 4.
        assertEquals(AmmPosition.impermanentLoss(4.0), pool.impermanentLoss(), 1e-15);
        assertEquals(-0.2, pool.impermanentLoss(), 1e-15);
        assertEquals(0.0, pool.feeIncome(), 0.0);
        // pnl = 20 000 - 10 000.
        assertEquals(10_000.0, pool.pnl(), 0.0);
        // The arbitrageur paid y - y0 = 10 000 - 5 000 quote in.
        assertEquals(5_000.0, pool.arbitrageVolume(), 0.0);
        assertEquals(1L, pool.updates());
        assertEquals(1L, pool.lastUpdateNs());
    }

    @Test
    void withoutFeesThePathDoesNotMatter()
    {
        final AmmPosition direct = new AmmPosition(CAPITAL, P0, 0.0);
        direct.onPrice(1L, 400.0);
        final AmmPosition detour = new AmmPosition(CAPITAL, P0, 0.0);
        detour.onPrice(1L, 50.0);
        detour.onPrice(2L, 400.0);

        assertEquals(direct.baseInventory(), detour.baseInventory(), 0.0);
        assertEquals(direct.quoteInventory(), detour.quoteInventory(), 0.0);
        assertEquals(direct.value(), detour.value(), 0.0);
        assertEquals(direct.impermanentLoss(), detour.impermanentLoss(), 0.0);
        // On the detour the pool held most base at p = 50: sqrt(250 000 / 50) = sqrt(5 000) = 70.710678...
        assertEquals(70.71067811865476, detour.maxAbsInventory(), TOLERANCE);
        // Value + fees started at 10 000 and fell to 2 sqrt(250 000 * 50) = 2 * 3 535.53... = 7 071.0678...
        assertEquals(10_000.0 - 7_071.067811865475, detour.maxDrawdown(), TOLERANCE);
    }

    @Test
    void aMoveInsideTheFeeBandTradesNothing()
    {
        // f = 1%: around P = 100 nobody trades while p is in [100 * 0.99, 100 / 0.99] = [99, 101.0101...].
        final AmmPosition pool = new AmmPosition(CAPITAL, P0, 0.01);
        pool.onPrice(1L, 100.5);
        pool.onPrice(2L, 99.5);
        pool.onPrice(3L, 101.0);
        pool.onPrice(4L, 99.01);

        assertEquals(50.0, pool.baseInventory(), 0.0);
        assertEquals(5_000.0, pool.quoteInventory(), 0.0);
        assertEquals(100.0, pool.poolPrice(), 0.0);
        assertEquals(0.0, pool.feeIncome(), 0.0);
        assertEquals(0.0, pool.arbitrageVolume(), 0.0);
        assertEquals(4L, pool.updates());
        // Marked at 99.01 all the same: 50 * 99.01 + 5 000 = 9 950.5, the same as holding.
        assertEquals(9_950.5, pool.value(), TOLERANCE);
        assertEquals(0.0, pool.impermanentLoss(), 1e-15);
    }

    @Test
    void aRiseOutOfTheBandTradesToItsUpperEdge()
    {
        // f = 1%, p = 121 / 0.99 = 122.22...: the arbitrageur buys base until P = p * 0.99 = 121.
        final AmmPosition pool = new AmmPosition(CAPITAL, P0, 0.01);
        pool.onPrice(1L, 121.0 / 0.99);

        assertEquals(121.0, pool.poolPrice(), TOLERANCE);
        // x = 500 / sqrt(121) = 500 / 11 = 45.4545...; y = 500 * 11 = 5 500.
        assertEquals(500.0 / 11.0, pool.baseInventory(), TOLERANCE);
        assertEquals(5_500.0, pool.quoteInventory(), TOLERANCE);
        // 500 quote reached the reserves, 99% of the input: input = 500 / 0.99 = 505.0505..., fee = 5.0505...
        assertEquals(500.0 / 0.99, pool.arbitrageVolume(), TOLERANCE);
        assertEquals(5.05050505050505, pool.feeIncome(), TOLERANCE);
        // The arbitrageur's marginal cost at the end, P / (1 - f) = 121 / 0.99, is the market: no more profit.
        assertEquals(pool.price(), pool.poolPrice() / 0.99, TOLERANCE);
        // pnl = 45.4545 * 122.2222 + 5 500 + 5.0505 - 10 000 = 5 555.5556 + 5 500 + 5.0505 - 10 000 = 1 060.6061.
        assertEquals(500.0 / 11.0 * 121.0 / 0.99 + 5_500.0 + 5.0 / 0.99 - 10_000.0, pool.pnl(), TOLERANCE);
        assertEquals(1_060.6060606060605, pool.pnl(), 1e-6);
    }

    @Test
    void aFallOutOfTheBandTradesToItsLowerEdge()
    {
        // f = 1%, p = 81 * 0.99 = 80.19: the arbitrageur sells base until P = p / 0.99 = 81.
        final AmmPosition pool = new AmmPosition(CAPITAL, P0, 0.01);
        pool.onPrice(1L, 80.19);

        assertEquals(81.0, pool.poolPrice(), TOLERANCE);
        // x = 500 / 9 = 55.5556, y = 500 * 9 = 4 500.
        assertEquals(500.0 / 9.0, pool.baseInventory(), TOLERANCE);
        assertEquals(4_500.0, pool.quoteInventory(), TOLERANCE);
        // 50 / 9 base reached the reserves: input = 50 / 9 / 0.99 = 5.6117 base, worth 5.6117 * 80.19 = 450 quote;
        // the fee is 1% of it, 4.5 quote (0.0561 base sold at 80.19).
        assertEquals(450.0, pool.arbitrageVolume(), TOLERANCE);
        assertEquals(4.5, pool.feeIncome(), TOLERANCE);
        assertEquals(500.0 / 9.0, pool.maxAbsInventory(), TOLERANCE);
    }

    @Test
    void roundTripsEarnFeesAndTheFeeFreePoolComesBackToItsDeposit()
    {
        final AmmPosition fees = new AmmPosition(CAPITAL, P0, 0.01);
        final AmmPosition free = new AmmPosition(CAPITAL, P0, 0.0);
        long nowNs = 0;
        for (int cycle = 0; cycle < 10; cycle++)
        {
            fees.onPrice(++nowNs, 120.0);
            free.onPrice(nowNs, 120.0);
            fees.onPrice(++nowNs, 100.0);
            free.onPrice(nowNs, 100.0);
        }

        // Fee-free: back at P = 100 the reserves are sqrt(2 500) = 50 and sqrt(25e6) = 5 000 exactly, nothing earned.
        assertEquals(50.0, free.baseInventory(), 0.0);
        assertEquals(5_000.0, free.quoteInventory(), 0.0);
        assertEquals(CAPITAL, free.value(), 0.0);
        assertEquals(0.0, free.feeIncome(), 0.0);
        assertEquals(0.0, free.pnl(), 0.0);
        assertTrue(free.arbitrageVolume() > 0.0, "the fee-free pool traded");

        // With f = 1% the pool rises to P = 120 * 0.99 = 118.8 and falls back to P = 100 / 0.99 = 101.0101.
        // First rise from P = 100: 500 (sqrt(118.8) - 10) = 500 * 0.899541 = 449.7706 reaches the reserves,
        // fee = 449.7706 * 0.01 / 0.99 = 4.543138.
        // Each fall from 118.8 to 101.0101: 500 (1 / sqrt(101.0101) - 1 / sqrt(118.8)) = 500 (0.0994987 - 0.0917470)
        // = 3.875882 base reach the reserves; fee = 0.01 * 3.875882 / 0.99 base at 100 = 0.01 * 3.875882 * 101.0101
        // = 3.915032.
        // Each later rise from 101.0101: 500 (10.899541 - 10.050378) = 424.5815, fee = 4.288703.
        // Ten cycles: 4.543138 + 3.915032 + 9 * (4.288703 + 3.915032) = 8.458170 + 73.833611 = 82.291781.
        assertEquals(82.29178109922172, fees.feeIncome(), 1e-9);
        assertEquals(0.01 * fees.arbitrageVolume(), fees.feeIncome(), 1e-12);
        assertEquals(100.0 / 0.99, fees.poolPrice(), TOLERANCE);
        // Reserves at P = 101.0101: x = 500 * sqrt(0.99) / 10 = 49.749372, y = 500 * 10 / sqrt(0.99) = 5 025.189076.
        assertEquals(49.749371855331, fees.baseInventory(), TOLERANCE);
        assertEquals(5_025.18907629606, fees.quoteInventory(), TOLERANCE);
        // Marked at 100: 4 974.937186 + 5 025.189076 = 10 000.126262; pnl = 0.126262 + 82.291781.
        assertEquals(10_000.12626182916, fees.value(), TOLERANCE);
        assertEquals(0.12626182916 + 82.29178109922172, fees.pnl(), 1e-8);
        // A pool one band off the market is worth a little more at the market price than holding:
        // (sqrt(1 / 0.99) + sqrt(0.99)) / 2 - 1 = cosh(ln(0.99) / 2) - 1 = 1.2626e-5, the most the fee band allows.
        assertEquals(1.2626182916086748e-5, fees.impermanentLoss(), 1e-12);
        assertEquals(Math.cosh(Math.log(0.99) / 2) - 1, fees.impermanentLoss(), 1e-12);
    }

    @Test
    void feeIncomeGrowsByTheSameAmountEveryLaterCycle()
    {
        final AmmPosition pool = new AmmPosition(CAPITAL, P0, 0.01);
        pool.onPrice(1L, 120.0);
        pool.onPrice(2L, 100.0);
        final double afterFirst = pool.feeIncome();
        pool.onPrice(3L, 120.0);
        pool.onPrice(4L, 100.0);
        final double afterSecond = pool.feeIncome();
        pool.onPrice(5L, 120.0);
        pool.onPrice(6L, 100.0);

        // First cycle 4.543138 + 3.915032 = 8.458170; each later one 4.288703 + 3.915032 = 8.203735 (see above).
        assertEquals(8.458169712613628, afterFirst, 1e-9);
        assertEquals(8.20373459851201, afterSecond - afterFirst, 1e-9);
        assertEquals(8.20373459851201, pool.feeIncome() - afterSecond, 1e-9);
    }

    @Test
    void invalidConfigurationIsRefusedNamingTheValue()
    {
        assertMessage("capital must be a positive finite number: 0.0", () -> new AmmPosition(0.0, P0, 0.0));
        assertMessage("capital must be a positive finite number: NaN", () -> new AmmPosition(Double.NaN, P0, 0.0));
        assertMessage("capital must be a positive finite number: Infinity",
            () -> new AmmPosition(Double.POSITIVE_INFINITY, P0, 0.0));
        assertMessage("initialPrice must be a positive finite number: -1.0",
            () -> new AmmPosition(CAPITAL, -1.0, 0.0));
        assertMessage("feeRate must be in [0, 1): 1.0", () -> new AmmPosition(CAPITAL, P0, 1.0));
        assertMessage("feeRate must be in [0, 1): -0.001", () -> new AmmPosition(CAPITAL, P0, -0.001));
        assertMessage("feeRate must be in [0, 1): NaN", () -> new AmmPosition(CAPITAL, P0, Double.NaN));
        assertMessage("priceRatio must be a positive finite number: 0.0", () -> AmmPosition.impermanentLoss(0.0));
    }

    @Test
    void aPriceThatIsNotPositiveIsACallerBugAndChangesNothing()
    {
        final AmmPosition pool = new AmmPosition(CAPITAL, P0, 0.003);
        assertMessage("price must be a positive finite number: 0.0", () -> pool.onPrice(1L, 0.0));
        assertMessage("price must be a positive finite number: -5.0", () -> pool.onPrice(1L, -5.0));
        assertMessage("price must be a positive finite number: NaN", () -> pool.onPrice(1L, Double.NaN));
        assertMessage("price must be a positive finite number: Infinity",
            () -> pool.onPrice(1L, Double.POSITIVE_INFINITY));

        assertEquals(0L, pool.updates());
        assertEquals(50.0, pool.baseInventory(), 0.0);
        assertEquals(100.0, pool.price(), 0.0);
    }

    private static void assertMessage(final String expected, final Runnable call)
    {
        final IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(expected, thrown.getMessage());
    }
}
