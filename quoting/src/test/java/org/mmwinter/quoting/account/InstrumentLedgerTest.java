package org.mmwinter.quoting.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mmwinter.engine.core.Side.BUY;
import static org.mmwinter.engine.core.Side.SELL;

/**
 * Cash, inventory at average cost, realized and unrealized P&amp;L, fees, equity and spread captured, each worked by
 * hand.
 */
final class InstrumentLedgerTest
{
    private static final double EPS = 1e-9;
    private static final long SECOND = 1_000_000_000L;

    private final InstrumentLedger ledger = new InstrumentLedger(7, "BTC", 16);

    @Test
    void buysAveragedThenPartlySold()
    {
        assertTrue(Double.isNaN(ledger.averageCost()), "flat at the start");
        assertEquals(0, ledger.equity(), EPS);

        // Buy 2 @ 100, fee 0.02 paid, mid 100.5.
        ledger.onFill(0, BUY, 100, 2, 0.02, 100.5);
        // cash = -2 * 100 - 0.02 = -200.02; inventory 2 at 100.
        assertEquals(-200.02, ledger.cash(), EPS);
        assertEquals(2, ledger.inventory(), EPS);
        assertEquals(100, ledger.averageCost(), EPS);
        assertEquals(0.02, ledger.fees(), EPS);

        // Buy 1 @ 103, no fee, mid 103.5.
        ledger.onFill(SECOND, BUY, 103, 1, 0, 103.5);
        // cash = -200.02 - 103 = -303.02; average cost = (2 * 100 + 1 * 103) / 3 = 303 / 3 = 101.
        assertEquals(-303.02, ledger.cash(), EPS);
        assertEquals(3, ledger.inventory(), EPS);
        assertEquals(101, ledger.averageCost(), EPS);
        // unrealized = (103.5 - 101) * 3 = 7.5; equity = -303.02 + 3 * 103.5 = 7.48 = 0 + 7.5 - 0.02.
        assertEquals(7.5, ledger.unrealizedPnl(), EPS);
        assertEquals(7.48, ledger.equity(), EPS);

        // Sell 2 @ 104, rebate 0.01 received (fee -0.01), mid 103.5.
        ledger.onFill(2 * SECOND, SELL, 104, 2, -0.01, 103.5);
        // cash = -303.02 + 2 * 104 + 0.01 = -95.01; inventory 1, average cost still 101.
        assertEquals(-95.01, ledger.cash(), EPS);
        assertEquals(1, ledger.inventory(), EPS);
        assertEquals(101, ledger.averageCost(), EPS);
        // realized = 2 * (104 - 101) = 6; fees = 0.02 - 0.01 = 0.01.
        assertEquals(6, ledger.realizedPnl(), EPS);
        assertEquals(0.01, ledger.fees(), EPS);
        // unrealized = (103.5 - 101) * 1 = 2.5; equity = -95.01 + 103.5 = 8.49 = 6 + 2.5 - 0.01.
        assertEquals(2.5, ledger.unrealizedPnl(), EPS);
        assertEquals(8.49, ledger.equity(), EPS);

        ledger.onMid(3 * SECOND, 105);
        // unrealized = (105 - 101) * 1 = 4; equity = -95.01 + 105 = 9.99 = 6 + 4 - 0.01.
        assertEquals(4, ledger.unrealizedPnl(), EPS);
        assertEquals(9.99, ledger.equity(), EPS);
        assertEquals(ledger.realizedPnl() + ledger.unrealizedPnl() - ledger.fees(), ledger.equity(), EPS);

        // 3 fills; volume 2 + 1 + 2 = 5; notional 200 + 103 + 208 = 511; bought 3, sold 2.
        assertEquals(3, ledger.fills());
        assertEquals(5, ledger.volume(), EPS);
        assertEquals(511, ledger.notionalTraded(), EPS);
        assertEquals(3, ledger.buyQty(), EPS);
        assertEquals(2, ledger.sellQty(), EPS);
        assertEquals(105, ledger.lastMid(), EPS);
        // Spread: (100.5 - 100) * 2 + (103.5 - 103) * 1 + (104 - 103.5) * 2 = 1 + 0.5 + 1 = 2.5.
        assertEquals(2.5, ledger.spreadCaptured(), EPS);
    }

    @Test
    void fillThroughZeroRealizesTheClosedPartAndOpensTheRestAtItsPrice()
    {
        ledger.onFill(0, BUY, 100, 1, 0, 100);
        // Long 1 @ 100, sell 3 @ 110: 1 closes (realized 1 * (110 - 100) = 10), 2 open short at 110.
        ledger.onFill(SECOND, SELL, 110, 3, 0, 110);
        assertEquals(10, ledger.realizedPnl(), EPS);
        assertEquals(-2, ledger.inventory(), EPS);
        assertEquals(110, ledger.averageCost(), EPS);
        // cash = -100 + 330 = 230.
        assertEquals(230, ledger.cash(), EPS);

        ledger.onMid(2 * SECOND, 108);
        // unrealized = (108 - 110) * -2 = 4; equity = 230 - 2 * 108 = 14 = 10 + 4.
        assertEquals(4, ledger.unrealizedPnl(), EPS);
        assertEquals(14, ledger.equity(), EPS);

        // Buy 2 @ 107 closes the short: realized += 2 * (110 - 107) = 6, so 16; flat, cash = 230 - 214 = 16.
        ledger.onFill(3 * SECOND, BUY, 107, 2, 0, 108);
        assertEquals(16, ledger.realizedPnl(), EPS);
        assertEquals(0, ledger.inventory());
        assertTrue(Double.isNaN(ledger.averageCost()), "flat again");
        assertEquals(0, ledger.unrealizedPnl());
        assertEquals(16, ledger.equity(), EPS);
    }

    @Test
    void partialCoverOfAShortRealizesAgainstItsAverage()
    {
        // Short 4 @ 50, buy back 1 @ 45: realized = 1 * (50 - 45) = 5; still short 3 at 50.
        ledger.onFill(0, SELL, 50, 4, 0, 50);
        ledger.onFill(SECOND, BUY, 45, 1, 0, 45);
        assertEquals(5, ledger.realizedPnl(), EPS);
        assertEquals(-3, ledger.inventory(), EPS);
        assertEquals(50, ledger.averageCost(), EPS);
        // cash = 200 - 45 = 155; equity at mark 45 = 155 - 135 = 20 = 5 + (45 - 50) * -3 = 5 + 15.
        assertEquals(20, ledger.equity(), EPS);
    }

    @Test
    void spreadCapturedIsPositiveWhenTheFillBeatsTheMid()
    {
        // Buy 1 @ 99 under mid 100: +1.
        ledger.onFill(0, BUY, 99, 1, 0, 100);
        assertEquals(1, ledger.spreadCaptured(), EPS);
        // Sell 2 @ 101 over mid 100: +(101 - 100) * 2 = +2, total 3.
        ledger.onFill(0, SELL, 101, 2, 0, 100);
        assertEquals(3, ledger.spreadCaptured(), EPS);
        // Buy 1 @ 101 over mid 100 (paid through the mid): (100 - 101) * 1 = -1, total 2.
        ledger.onFill(0, BUY, 101, 1, 0, 100);
        assertEquals(2, ledger.spreadCaptured(), EPS);
        // Sell 1 @ 98 under mid 100: (98 - 100) * 1 = -2, total 0.
        ledger.onFill(0, SELL, 98, 1, 0, 100);
        assertEquals(0, ledger.spreadCaptured(), EPS);
    }

    @Test
    void fillWithoutAMidCapturesNothingAndIsMarkedAtItsPrice()
    {
        ledger.onFill(0, BUY, 100, 1, 0, Double.NaN);
        assertEquals(0, ledger.spreadCaptured());
        assertEquals(100, ledger.lastMid());
        // cash -100 + 1 * 100 = 0.
        assertEquals(0, ledger.equity(), EPS);

        ledger.onMid(SECOND, Double.NaN);
        assertEquals(100, ledger.lastMid(), "a NaN mid changes nothing");
        ledger.onMid(2 * SECOND, 102);
        // -100 + 102 = 2.
        assertEquals(2, ledger.equity(), EPS);
    }

    @Test
    void decimalQuantitiesThatDoNotCancelInBinaryStillComeBackFlat()
    {
        // 0.1 + 0.2 is 0.30000000000000004 in binary; selling 0.3 must still leave the ledger flat.
        ledger.onFill(0, BUY, 100, 0.1, 0, 100);
        ledger.onFill(0, BUY, 100, 0.2, 0, 100);
        ledger.onFill(0, SELL, 100, 0.3, 0, 100);
        assertEquals(0, ledger.inventory());
        assertTrue(Double.isNaN(ledger.averageCost()), "flat");
        assertEquals(0, ledger.realizedPnl(), EPS);
    }

    @Test
    void callerBugsAreRejectedWithTheField()
    {
        assertEquals("side=5: not Side.BUY or Side.SELL",
            assertThrows(IllegalArgumentException.class, () -> ledger.onFill(0, 5, 100, 1, 0, 100)).getMessage());
        assertEquals("qty=0.0: a fill quantity must be positive and finite",
            assertThrows(IllegalArgumentException.class, () -> ledger.onFill(0, BUY, 100, 0, 0, 100)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ledger.onFill(0, BUY, Double.NaN, 1, 0, 100));
        assertThrows(IllegalArgumentException.class, () -> ledger.onFill(0, BUY, 100, 1, Double.NaN, 100));
        assertThrows(IllegalArgumentException.class, () -> ledger.markout(3));
        assertEquals("markoutCapacity=0: must be at least 1",
            assertThrows(IllegalArgumentException.class, () -> new InstrumentLedger(1, "X", 0)).getMessage());
        assertEquals(0, ledger.fills(), "nothing booked by a rejected fill");
    }
}
