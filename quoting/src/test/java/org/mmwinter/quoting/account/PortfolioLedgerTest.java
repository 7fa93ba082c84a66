package org.mmwinter.quoting.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mmwinter.engine.core.Side.BUY;
import static org.mmwinter.engine.core.Side.SELL;
import static org.mmwinter.quoting.account.InstrumentLedger.MARKOUT_1S;

/**
 * Totals over instruments, equity's peak and drawdown, and the session counters, worked by hand.
 */
final class PortfolioLedgerTest
{
    private static final double EPS = 1e-9;
    private static final long SECOND = 1_000_000_000L;
    private static final int BTC = 1;
    private static final int ETH = 2;

    private final PortfolioLedger ledger = new PortfolioLedger(4, 16);

    @Test
    void drawdownIsMeasuredFromThePeakNotFromTheStart()
    {
        ledger.add(BTC, "BTC");
        // Long 1 @ 100 at mid 100: equity -100 + 100 = 0. Each later mid m gives equity m - 100.
        ledger.onFill(0, BTC, BUY, 100, 1, 0, 100);
        assertEquals(0, ledger.equity(), EPS);

        ledger.onMid(SECOND, BTC, 110);
        assertFigures(10, 10, 0, 0);
        ledger.onMid(2 * SECOND, BTC, 104);
        // peak 10, drawdown 10 - 4 = 6.
        assertFigures(4, 10, 6, 6);
        ledger.onMid(3 * SECOND, BTC, 112);
        // new peak 12, drawdown 0, the worst so far still 6.
        assertFigures(12, 12, 0, 6);
        ledger.onMid(4 * SECOND, BTC, 101);
        // drawdown 12 - 1 = 11, measured from the peak 12 (from the start it would be -1).
        assertFigures(1, 12, 11, 11);
        assertEquals(1, ledger.pnl(), EPS);
    }

    @Test
    void sessionThatOnlyLosesHasPeakZero()
    {
        ledger.add(BTC, "BTC");
        ledger.onFill(0, BTC, BUY, 100, 1, 0, 100);
        ledger.onMid(SECOND, BTC, 98);
        ledger.onMid(2 * SECOND, BTC, 95);
        ledger.onMid(3 * SECOND, BTC, 97);
        // equity 0 -> -2 -> -5 -> -3: peak 0, drawdown 0 - (-3) = 3, worst 5.
        assertFigures(-3, 0, 3, 5);
    }

    @Test
    void uptimeIsTimeTwoSidedOverTimeSinceTheFirstCall()
    {
        assertEquals(0, ledger.quoteUptime(), "no call yet");
        ledger.onQuoting(0, true);
        assertEquals(0, ledger.quoteUptime(), "no time has passed");
        ledger.onQuoting(4 * SECOND, false);
        ledger.onQuoting(5 * SECOND, true);
        ledger.onQuoting(10 * SECOND, true);
        // live 0-4 s and 5-10 s = 9 s of 10 s.
        assertEquals(0.9, ledger.quoteUptime(), EPS);
    }

    @Test
    void fillsAndMidsKeepTheUptimeClockRunning()
    {
        ledger.add(BTC, "BTC");
        ledger.onMid(SECOND, BTC, 100);
        ledger.onQuoting(2 * SECOND, true);
        // The mid at 1 s came before the first call: not counted. Live 2 s to 4 s by a mid: 2 s of 2 s.
        ledger.onMid(4 * SECOND, BTC, 100);
        assertEquals(1, ledger.quoteUptime(), EPS);
        ledger.onQuoting(4 * SECOND, false);
        // Pulled at 4 s, a fill at 6 s moves the clock: 2 s live of 4 s.
        ledger.onFill(6 * SECOND, BTC, BUY, 100, 1, 0, 100);
        assertEquals(0.5, ledger.quoteUptime(), EPS);
        // Time that goes backwards changes nothing.
        ledger.onMid(5 * SECOND, BTC, 100);
        assertEquals(0.5, ledger.quoteUptime(), EPS);
    }

    @Test
    void sessionCounters()
    {
        ledger.add(BTC, "BTC");
        assertEquals(0, ledger.fillRatio(), "no quotes sent");
        ledger.onQuoteSent(3);
        ledger.onQuoteSent(5);
        ledger.onFill(0, BTC, BUY, 100, 1, 0, 100);
        ledger.onFill(0, BTC, SELL, 101, 1, 0, 100);
        // 2 fills / 8 quotes = 0.25.
        assertEquals(8, ledger.quotesSent());
        assertEquals(0.25, ledger.fillRatio(), EPS);
        ledger.onLimitBreach();
        ledger.onLimitBreach();
        ledger.onKillSwitch();
        assertEquals(2, ledger.limitBreaches());
        assertEquals(1, ledger.killSwitchEvents());
    }

    @Test
    void totalsAreSumsOverInstruments()
    {
        final InstrumentLedger btc = ledger.add(BTC, "BTC");
        final InstrumentLedger eth = ledger.add(ETH, "ETH");
        // BTC: buy 2 @ 100 fee 0.02 at mid 100.5; cash -200.02, spread (100.5 - 100) * 2 = 1.
        ledger.onFill(0, BTC, BUY, 100, 2, 0.02, 100.5);
        // ETH: sell 3 @ 10 rebate 0.03 at mid 9.9; cash 30.03, spread (10 - 9.9) * 3 = 0.3.
        ledger.onFill(0, ETH, SELL, 10, 3, -0.03, 9.9);
        ledger.onMid(SECOND, BTC, 101);
        ledger.onMid(SECOND, ETH, 10.5);

        assertEquals(2, ledger.count());
        assertSame(btc, ledger.at(0));
        assertSame(eth, ledger.ledger(ETH));
        assertEquals(1, ledger.indexOf(ETH));
        // cash -200.02 + 30.03 = -169.99; fees 0.02 - 0.03 = -0.01; spread 1 + 0.3 = 1.3.
        assertEquals(-169.99, ledger.cash(), EPS);
        assertEquals(-0.01, ledger.fees(), EPS);
        assertEquals(1.3, ledger.spreadCaptured(), EPS);
        // unrealized: BTC (101 - 100) * 2 = 2, ETH (10.5 - 10) * -3 = -1.5; total 0.5.
        assertEquals(0.5, ledger.unrealizedPnl(), EPS);
        assertEquals(0, ledger.realizedPnl(), EPS);
        // equity: BTC -200.02 + 202 = 1.98, ETH 30.03 - 31.5 = -1.47; total 0.51 = 0 + 0.5 - (-0.01).
        assertEquals(0.51, ledger.equity(), EPS);
        assertEquals(0.51, ledger.pnl(), EPS);
        // gross notional |2| * 101 + |-3| * 10.5 = 202 + 31.5 = 233.5.
        assertEquals(233.5, ledger.grossNotional(), EPS);
        // markout_1s: BTC (101 - 100) * 2 = 2, ETH (10.5 - 10) * 3 * -1 = -1.5; total 0.5.
        assertEquals(0.5, ledger.markout(MARKOUT_1S), EPS);
        assertEquals(2, ledger.markoutCount(MARKOUT_1S));
        assertEquals(2, ledger.fills());
        assertEquals(-1, ledger.inventory(), EPS);
    }

    @Test
    void unknownInstrumentsAndBadConfiguration()
    {
        ledger.add(BTC, "BTC");
        assertNull(ledger.ledger(99));
        assertEquals(PortfolioLedger.NOT_FOUND, ledger.indexOf(99));
        assertEquals("instrumentId=99: not added to this ledger",
            assertThrows(IllegalArgumentException.class, () -> ledger.onMid(0, 99, 100)).getMessage());
        assertEquals("instrumentId=1: already added",
            assertThrows(IllegalArgumentException.class, () -> ledger.add(BTC, "XBT")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ledger.add(ETH, "BTC"));
        assertThrows(IllegalArgumentException.class, () -> ledger.add(ETH, "ETH USD"));
        assertThrows(IllegalArgumentException.class, () -> ledger.add(ETH, "a=b"));
        assertThrows(IllegalArgumentException.class, () -> ledger.onQuoteSent(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> ledger.at(1));

        final PortfolioLedger one = new PortfolioLedger(1, 4);
        one.add(5, "SOL");
        assertEquals("instrumentId=6: maxInstruments=1 already added",
            assertThrows(IllegalArgumentException.class, () -> one.add(6, "ADA")).getMessage());
    }

    private void assertFigures(final double equity, final double peak, final double drawdown, final double worst)
    {
        assertEquals(equity, ledger.equity(), EPS, "equity");
        assertEquals(peak, ledger.peakEquity(), EPS, "peak equity");
        assertEquals(drawdown, ledger.drawdown(), EPS, "drawdown");
        assertEquals(worst, ledger.maxDrawdown(), EPS, "max drawdown");
    }
}
