package org.mmwinter.replay.amm;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A LUNA-like collapse, 80 to 0.0001 in 100 equal log steps at a 0.3% fee tier: the pool buys base all the way down
 * and ends holding almost nothing of value. Capital 10 000 at p0 = 80: x0 = 10 000 / 160 = 62.5, y0 = 5 000,
 * k = 312 500.
 */
final class AmmCrashPathTest
{
    private static final double CAPITAL = 10_000.0;
    private static final double P0 = 80.0;
    private static final double FINAL_PRICE = 0.0001;
    private static final double FEE = 0.003;
    private static final int STEPS = 100;

    @Test
    void thePoolBuysAllTheWayDownAndItsValueGoesWithThePrice()
    {
        final AmmPosition pool = new AmmPosition(CAPITAL, P0, FEE);
        // Each step multiplies the price by (0.0001 / 80)^(1/100) = 0.8728, far outside the 0.3% band: every step
        // trades, so the base reserve must grow at every step.
        final double ratio = Math.pow(FINAL_PRICE / P0, 1.0 / STEPS);
        double previousBase = pool.baseInventory();
        for (int step = 1; step <= STEPS; step++)
        {
            final double price = step == STEPS ? FINAL_PRICE : P0 * Math.pow(ratio, step);
            pool.onPrice(step * 1_000_000_000L, price);
            assertTrue(pool.baseInventory() > previousBase, "the pool bought base at step " + step);
            previousBase = pool.baseInventory();
        }

        // Last pool price P = 0.0001 / 0.997 = 1.003009e-4: x = sqrt(312 500 / 1.003009e-4) = sqrt(3.115625e9)
        // = 55 817.78 base, y = sqrt(312 500 * 1.003009e-4) = sqrt(31.344) = 5.598574 quote.
        assertEquals(FINAL_PRICE / 0.997, pool.poolPrice(), 1e-18);
        assertEquals(55_817.783904415264, pool.baseInventory(), 1e-8);
        assertEquals(5.5985741127798665, pool.quoteInventory(), 1e-12);
        // The inventory only grew, so its largest value is the last one.
        assertEquals(55_817.783904415264, pool.maxAbsInventory(), 1e-8);
        // Value = 55 817.78 * 0.0001 + 5.598574 = 5.581778 + 5.598574 = 11.180353.
        assertEquals(11.180352503221393, pool.value(), 1e-9);
        // Holding would be worth 62.5 * 0.0001 + 5 000 = 5 000.00625: the pool lost almost all of it, close to the
        // fee-free closed form at r = 1.25e-6 (2 * 0.00111803 / 1.00000125 - 1 = -0.997764), a little better
        // because the pool price lags the market by one band.
        assertEquals(5_000.00625, pool.holdValue(), 1e-9);
        assertEquals(11.180352503221393 / 5_000.00625 - 1, pool.impermanentLoss(), 1e-12);
        assertTrue(pool.impermanentLoss() > AmmPosition.impermanentLoss(FINAL_PRICE / P0));
        assertEquals(AmmPosition.impermanentLoss(FINAL_PRICE / P0), pool.impermanentLoss(), 2e-6);

        // Fees: a step that moves the pool price from P_old down to P_new lets dx base into the reserves, sold in as
        // dx / (1 - f) at p = P_new (1 - f): fee = f dx / (1 - f) * p = f dx P_new. Along the curve the quote paid out
        // is the integral of P dx, and P_new is the lowest P of its step, at least 0.8728 P_old (the step ratio; the
        // first step's is 0.8728 / 0.997). So the fees lie between 0.8728 and 1 times f (y0 - y) =
        // 0.003 * (5 000 - 5.5986) = 14.98: between 13.07 and 14.98.
        assertTrue(pool.feeIncome() > 13.07 && pool.feeIncome() < 14.99, "fee income " + pool.feeIncome());
        assertEquals(FEE * pool.arbitrageVolume(), pool.feeIncome(), 1e-12);

        // Value + fees only fell (each step loses far more than it earns), so the peak stayed at the capital and the
        // drawdown is 10 000 - 11.18 - (13.07 to 14.98): about 9 974, 99.7% of the capital.
        assertEquals(CAPITAL - pool.value() - pool.feeIncome(), pool.maxDrawdown(), 1e-9);
        assertTrue(pool.maxDrawdown() > 9_973.8 && pool.maxDrawdown() < 9_975.8, "drawdown " + pool.maxDrawdown());
        assertEquals(-pool.maxDrawdown(), pool.pnl(), 1e-9);
        assertEquals(STEPS, pool.updates());
    }
}
