package org.mmwinter.replay.crash;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.StpMode;
import org.mmwinter.engine.core.TimeInForce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The book measures on a book built by hand, every figure worked out on paper. The instrument has a tick of 0.01
 * (price scale 2) and a lot of 1, so one tick-lot is 0.01 USD and 10,000 USD is 1,000,000 tick-lots. The book:
 * <pre>
 *   bids: 99 x 3,000   98 x 2,000   95 x 10,000            (ticks x lots)
 *   asks: 101 x 1,500 and 101 x 500 (two orders)   102 x 4,000   110 x 1,000
 * </pre>
 * Best bid 0.99, best ask 1.01, mid 1.00 (bid + ask = 200 ticks).
 */
final class BookMeasuresTest
{
    private static final Instrument EXO = new Instrument(0, "EXO-USD", 2, 1, 0, 1, Instrument.NO_BAND);

    private final MatchingEngine engine = new MatchingEngine(MatchingListener.NO_OP);
    private int ids;

    @Test
    void spreadAndDepthWithinOnePercentOfMid()
    {
        engine.addInstrument(EXO);
        handBuiltBook();
        final BookMeasures book = new BookMeasures(EXO, BookMeasures.DEFAULT_ORDER_NOTIONAL);
        book.measure(engine, 0);
        assertTrue(book.twoSided());
        // (1.01 - 0.99) / 1.00 = 2 % = 200 bps.
        assertEquals(200.0, book.spreadBps(), 1e-9);
        // 1 % of mid is 0.99 to 1.01, both ends in: the bids at 99 (3,000 x 0.99 = 2,970 USD) and the asks at 101
        // (2,000 x 1.01 = 2,020 USD); 98 and 102 are outside.
        assertEquals(2_970.0, book.bidDepth(), 1e-9);
        assertEquals(2_020.0, book.askDepth(), 1e-9);
        assertEquals(4_990.0, book.depth(), 1e-9);
    }

    @Test
    void aTenThousandDollarSellWalksThreeLevelsAndTheBuyCannotFill()
    {
        engine.addInstrument(EXO);
        handBuiltBook();
        final BookMeasures book = new BookMeasures(EXO, 10_000);
        assertEquals(1_000_000, book.targetTickLots());
        book.measure(engine, 0);
        // Sell: 3,000 at 99 (297,000 tick-lots) and 2,000 at 98 (196,000) leave 507,000; at 95 that takes
        // ceil(507,000 / 95) = 5,337 lots (507,015). 10,337 lots for 1,000,015 tick-lots; the cost against mid is
        // (10,337 x 200 - 2 x 1,000,015) / (10,337 x 200) = 67,370 / 2,067,400 of mid.
        assertTrue(book.sellFilled());
        assertEquals(67_370.0 / 2_067_400.0 * 1e4, book.sellSlippageBps(), 1e-9);
        // Buy: every ask together is 2,000 x 101 + 4,000 x 102 + 1,000 x 110 = 720,000 tick-lots, 7,200 USD.
        assertFalse(book.buyFilled());
        assertTrue(Double.isNaN(book.buySlippageBps()));
    }

    @Test
    void aFiveThousandDollarOrderFillsOnBothSides()
    {
        engine.addInstrument(EXO);
        handBuiltBook();
        final BookMeasures book = new BookMeasures(EXO, 5_000);
        book.measure(engine, 0);
        // Buy 500,000 tick-lots: 2,000 at 101 (202,000) leave 298,000; at 102, ceil(298,000 / 102) = 2,922 lots
        // (298,044). 4,922 lots for 500,044: (2 x 500,044 - 4,922 x 200) / (4,922 x 200) = 15,688 / 984,400.
        assertTrue(book.buyFilled());
        assertEquals(15_688.0 / 984_400.0 * 1e4, book.buySlippageBps(), 1e-9);
        // Sell: 3,000 at 99 (297,000) and all 2,000 at 98 (196,000) leave 7,000; at 95, ceil(7,000 / 95) = 74 lots
        // (7,030). 5,074 lots for 500,030: (5,074 x 200 - 2 x 500,030) / (5,074 x 200) = 14,740 / 1,014,800.
        assertTrue(book.sellFilled());
        assertEquals(14_740.0 / 1_014_800.0 * 1e4, book.sellSlippageBps(), 1e-9);
    }

    @Test
    void anOrderExactlyAsBigAsTheTouchStaysAtTheTouch()
    {
        engine.addInstrument(EXO);
        handBuiltBook();
        // 20.20 USD is 2,020 tick-lots: 20 lots at 101, the first ask order alone. VWAP 1.01 against mid 1.00 is
        // 100 bps, the half spread and nothing more.
        final BookMeasures book = new BookMeasures(EXO, 20.20);
        assertEquals(2_020, book.targetTickLots());
        book.measure(engine, 0);
        assertEquals(100.0, book.buySlippageBps(), 1e-9);
        // At 99 the same 2,020 tick-lots take ceil(2,020 / 99) = 21 lots (2,079): (21 x 200 - 4,158) / 4,200.
        assertEquals(42.0 / 4_200.0 * 1e4, book.sellSlippageBps(), 1e-9);
    }

    @Test
    void aOneSidedBookHasNoMidAndNoFigures()
    {
        engine.addInstrument(EXO);
        bid(99, 3_000);
        final BookMeasures book = new BookMeasures(EXO, 10_000);
        book.measure(engine, 0);
        assertFalse(book.twoSided());
        assertTrue(Double.isNaN(book.spreadBps()));
        assertTrue(Double.isNaN(book.depth()));
        assertTrue(Double.isNaN(book.bidDepth()));
        assertFalse(book.sellFilled());
        assertTrue(Double.isNaN(book.sellSlippageBps()));
    }

    @Test
    void theNotionalIsRoundedUpToWholeTickLotsAndTerrasTickIsSmall()
    {
        // A third of a cent is under one tick-lot of 0.01 USD: rounded up to one.
        assertEquals(1, new BookMeasures(EXO, 0.003).targetTickLots());
        // LUNA-USD: tick 0.00000001 (scale 8), lot 0.01 (scale 2), a tick-lot of 1e-10 USD: 10,000 USD is 1e14.
        final Instrument luna = new Instrument(0, "LUNA-USD", 8, 1, 2, 1, Instrument.NO_BAND);
        assertEquals(100_000_000_000_000L, new BookMeasures(luna, 10_000).targetTickLots());
    }

    @Test
    void aBadNotionalIsRefusedByName()
    {
        assertEquals("order notional must be a number above zero: 0.0",
            assertThrows(IllegalArgumentException.class, () -> new BookMeasures(EXO, 0)).getMessage());
        final Instrument fine = new Instrument(0, "FINE", 18, 1, 18, 1, Instrument.NO_BAND);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new BookMeasures(fine, 10_000)).getMessage()
            .startsWith("order notional 10000.0 is "));
    }

    private void handBuiltBook()
    {
        bid(99, 3_000);
        bid(98, 2_000);
        bid(95, 10_000);
        ask(101, 1_500);
        ask(101, 500);
        ask(102, 4_000);
        ask(110, 1_000);
    }

    private void bid(final long ticks, final long lots)
    {
        order(Side.BUY, ticks, lots);
    }

    private void ask(final long ticks, final long lots)
    {
        order(Side.SELL, ticks, lots);
    }

    private void order(final int side, final long ticks, final long lots)
    {
        final int result = engine.newOrder(++ids, 0, 1, ClientOrderId.of("o" + ids), side, OrderType.LIMIT,
            TimeInForce.GTC, StpMode.NONE, ticks, lots);
        assertEquals(RejectReason.NONE, result);
    }
}
