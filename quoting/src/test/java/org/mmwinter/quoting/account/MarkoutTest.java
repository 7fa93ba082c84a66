package org.mmwinter.quoting.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mmwinter.engine.core.Side.BUY;
import static org.mmwinter.engine.core.Side.SELL;
import static org.mmwinter.quoting.account.InstrumentLedger.MARKOUT_10S;
import static org.mmwinter.quoting.account.InstrumentLedger.MARKOUT_1S;
import static org.mmwinter.quoting.account.InstrumentLedger.MARKOUT_60S;

/**
 * Markouts settle on the first mid at or after fill time + horizon, with that mid; a full ring settles its oldest
 * fill early.
 */
final class MarkoutTest
{
    private static final double EPS = 1e-9;
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;

    @Test
    void eachHorizonUsesTheFirstMidAtOrAfterIt()
    {
        final InstrumentLedger ledger = new InstrumentLedger(1, "BTC", 16);
        ledger.onFill(0, BUY, 100, 1, 0, 99.5);

        ledger.onMid(500 * MS, 101);
        assertCounts(ledger, 0, 0, 0);

        // First mid at or after 1 s: 1.2 s, 102. markout_1s = (102 - 100) * 1 * +1 = 2.
        ledger.onMid(1_200 * MS, 102);
        assertCounts(ledger, 1, 0, 0);
        assertEquals(2, ledger.markout(MARKOUT_1S), EPS);

        ledger.onMid(9 * SECOND, 99);
        assertCounts(ledger, 1, 0, 0);

        // First mid at or after 10 s: 10.5 s, 98. markout_10s = (98 - 100) * 1 = -2 (adverse).
        ledger.onMid(10_500 * MS, 98);
        assertCounts(ledger, 1, 1, 0);
        assertEquals(-2, ledger.markout(MARKOUT_10S), EPS);

        // First mid at or after 60 s: 61 s, 103. markout_60s = (103 - 100) * 1 = 3.
        ledger.onMid(61 * SECOND, 103);
        assertCounts(ledger, 1, 1, 1);
        assertEquals(2, ledger.markout(MARKOUT_1S), EPS);
        assertEquals(-2, ledger.markout(MARKOUT_10S), EPS);
        assertEquals(3, ledger.markout(MARKOUT_60S), EPS);
        assertEquals(0, ledger.markoutsPending());
        assertEquals(0, ledger.markoutsDropped());
    }

    @Test
    void sellMarkoutIsPositiveWhenTheMidFallsAndSettlesExactlyAtTheHorizon()
    {
        final InstrumentLedger ledger = new InstrumentLedger(1, "BTC", 16);
        ledger.onFill(5 * SECOND, SELL, 110, 2, 0, 110);

        // Exactly fill time + 1 s counts: (108 - 110) * 2 * -1 = 4.
        ledger.onMid(6 * SECOND, 108);
        assertCounts(ledger, 1, 0, 0);
        assertEquals(4, ledger.markout(MARKOUT_1S), EPS);

        // One nanosecond before fill time + 10 s is not due.
        ledger.onMid(15 * SECOND - 1, 107);
        assertCounts(ledger, 1, 0, 0);
        // At 15 s, mid 112: (112 - 110) * 2 * -1 = -4.
        ledger.onMid(15 * SECOND, 112);
        assertCounts(ledger, 1, 1, 0);
        assertEquals(-4, ledger.markout(MARKOUT_10S), EPS);
        assertEquals(1, ledger.markoutsPending());
    }

    @Test
    void fullRingSettlesTheOldestFillEarlyAtTheCurrentMid()
    {
        final InstrumentLedger ledger = new InstrumentLedger(1, "BTC", 2);
        ledger.onFill(0, BUY, 100, 1, 0, 100);
        ledger.onFill(100 * MS, BUY, 100, 1, 0, 100);
        assertEquals(2, ledger.markoutsPending());

        // Third fill, mid 101, ring full: the first fill settles at 101 at every horizon: (101 - 100) * 1 = 1 each.
        ledger.onFill(200 * MS, BUY, 100, 1, 0, 101);
        assertEquals(1, ledger.markoutsDropped());
        assertEquals(2, ledger.markoutsPending());
        assertCounts(ledger, 1, 1, 1);
        assertEquals(1, ledger.markout(MARKOUT_1S), EPS);
        assertEquals(1, ledger.markout(MARKOUT_10S), EPS);
        assertEquals(1, ledger.markout(MARKOUT_60S), EPS);

        // At 1.2 s, mid 102, the second (due 1.1 s) and third (due 1.2 s) settle at 1 s: 1 + 2 + 2 = 5.
        ledger.onMid(1_200 * MS, 102);
        assertCounts(ledger, 3, 1, 1);
        assertEquals(5, ledger.markout(MARKOUT_1S), EPS);
    }

    @Test
    void earlySettlementCoversOnlyTheHorizonsStillPending()
    {
        final InstrumentLedger ledger = new InstrumentLedger(1, "BTC", 1);
        ledger.onFill(0, BUY, 100, 1, 0, 100);
        // 1 s horizon at 1.5 s, mid 102: (102 - 100) * 1 = 2.
        ledger.onMid(1_500 * MS, 102);
        assertCounts(ledger, 1, 0, 0);

        // Second fill at 2 s, mid 103, ring of one is full: the first settles its 10 s and 60 s at 103: 3 each.
        ledger.onFill(2 * SECOND, BUY, 100, 1, 0, 103);
        assertCounts(ledger, 1, 1, 1);
        assertEquals(2, ledger.markout(MARKOUT_1S), EPS);
        assertEquals(3, ledger.markout(MARKOUT_10S), EPS);
        assertEquals(3, ledger.markout(MARKOUT_60S), EPS);
        assertEquals(1, ledger.markoutsDropped());

        // The second fill's 1 s horizon at 3.5 s, mid 104: 2 + (104 - 100) = 6.
        ledger.onMid(3_500 * MS, 104);
        assertCounts(ledger, 2, 1, 1);
        assertEquals(6, ledger.markout(MARKOUT_1S), EPS);
    }

    private static void assertCounts(
        final InstrumentLedger ledger, final long oneSecond, final long tenSeconds, final long sixtySeconds)
    {
        assertEquals(oneSecond, ledger.markoutCount(MARKOUT_1S), "markout_1s count");
        assertEquals(tenSeconds, ledger.markoutCount(MARKOUT_10S), "markout_10s count");
        assertEquals(sixtySeconds, ledger.markoutCount(MARKOUT_60S), "markout_60s count");
    }
}
