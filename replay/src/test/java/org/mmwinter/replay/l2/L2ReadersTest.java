package org.mmwinter.replay.l2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.Side;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both Tardis book layouts and the trades layout read from the real samples and hand-written files, plain and gzip:
 * the instrument inferred, the level changes and resets they become, and every malformed field named with its file
 * and line.
 */
final class L2ReadersTest
{
    @TempDir
    Path dir;

    /** Each event as {kind, side, price, amount, timeUs, line}. */
    private static List<long[]> events(final L2Inputs inputs) throws IOException
    {
        final List<long[]> events = new ArrayList<>();
        try (BookSource source = inputs.openBook())
        {
            final BookEvent e = new BookEvent();
            while (source.next(e))
            {
                events.add(new long[]{e.kind, e.side, e.price, e.amount, e.timeUs, e.line});
            }
        }
        return events;
    }

    private static void assertSameEvents(final List<long[]> expected, final List<long[]> actual)
    {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++)
        {
            assertEquals(List.of(expected.get(i)[0], expected.get(i)[1], expected.get(i)[2], expected.get(i)[3],
                expected.get(i)[4]), List.of(actual.get(i)[0], actual.get(i)[1], actual.get(i)[2], actual.get(i)[3],
                actual.get(i)[4]), "event " + i);
        }
    }

    /**
     * The real Deribit sample: 15 ask snapshot rows at local_timestamp 1585699200355684. Prices show one decimal at
     * most (6421.5), amounts none (18640): tick 0.1, lot 1; 6421.5 is 64215 ticks, 6428.5 is 64285.
     */
    @Test
    void readsTheRealIncrementalSamplePlainAndGzip() throws IOException
    {
        final Path plain = L2TestFiles.resource(dir, L2TestFiles.DERIBIT);
        final L2Inputs inputs = L2Inputs.open(plain, L2Inputs.NO_TRADES, null, null);
        assertEquals("BTC-PERPETUAL", inputs.symbol);
        assertEquals("deribit", inputs.exchange);
        assertEquals(IncrementalBookReader.LAYOUT, inputs.layout);
        assertEquals("0.1", inputs.tick.text());
        assertEquals("1", inputs.lot.text());
        assertTrue(inputs.tickInferred && inputs.lotInferred);
        final List<long[]> events = events(inputs);
        assertEquals(16, events.size(), "the reset and 15 levels");
        assertEquals(BookEvent.RESET, events.get(0)[0]);
        assertEquals(List.of((long)BookEvent.LEVEL, (long)Side.SELL, 64215L, 18640L, 1585699200355684L, 2L),
            List.of(events.get(1)[0], events.get(1)[1], events.get(1)[2], events.get(1)[3], events.get(1)[4],
                events.get(1)[5]));
        assertEquals(List.of(64285L, 39950L, 16L), List.of(events.get(15)[2], events.get(15)[3], events.get(15)[5]));

        final Path gz = L2TestFiles.gzip(plain);
        final L2Inputs zipped = L2Inputs.open(gz, L2Inputs.NO_TRADES, null, null);
        assertEquals("0.1", zipped.tick.text());
        assertSameEvents(events, events(zipped));
    }

    /**
     * The real Binance book_snapshot_5 sample: prices with 2 decimals (11657.08), amounts with 3 (1.714): tick 0.01,
     * lot 0.001. Row 1 is a reset and its 10 levels; row 2 changes asks[0]'s amount only (1.714 to 1.476: one
     * event); row 4 bids[0]'s (10.896 to 10.881).
     */
    @Test
    void readsTheRealSnapshotSampleAsChangesPlainAndGzip() throws IOException
    {
        final Path plain = L2TestFiles.resource(dir, L2TestFiles.BINANCE);
        final L2Inputs inputs = L2Inputs.open(plain, L2Inputs.NO_TRADES, null, null);
        assertEquals("BTCUSDT", inputs.symbol);
        assertEquals("book_snapshot_5", inputs.layout);
        assertEquals("0.01", inputs.tick.text());
        assertEquals("0.001", inputs.lot.text());
        final List<long[]> events = events(inputs);
        assertEquals(BookEvent.RESET, events.get(0)[0]);
        long bids = 0;
        long asks = 0;
        for (int i = 1; i <= 10; i++)
        {
            assertEquals(2, events.get(i)[5]);
            bids += events.get(i)[1] == Side.BUY ? 1 : 0;
            asks += events.get(i)[1] == Side.SELL ? 1 : 0;
        }
        assertEquals(5, bids);
        assertEquals(5, asks);
        assertEquals(List.of((long)Side.SELL, 1165708L, 1476L, 1598918403894256L, 3L),
            List.of(events.get(11)[1], events.get(11)[2], events.get(11)[3], events.get(11)[4], events.get(11)[5]));
        assertEquals(List.of((long)Side.SELL, 1165708L, 1475L, 4L),
            List.of(events.get(12)[1], events.get(12)[2], events.get(12)[3], events.get(12)[5]));
        assertEquals(List.of((long)Side.BUY, 1165707L, 10881L, 5L),
            List.of(events.get(13)[1], events.get(13)[2], events.get(13)[3], events.get(13)[5]));
        assertSameEvents(events, events(L2Inputs.open(L2TestFiles.gzip(plain), L2Inputs.NO_TRADES, null, null)));
    }

    /**
     * Rows before the first snapshot are skipped; a snapshot after updates starts over with a reset; a snapshot's
     * rows over two local_timestamps are one snapshot (one reset).
     */
    @Test
    void skipsLeadingUpdatesAndResetsAtEachNewSnapshot() throws IOException
    {
        final Path book = L2TestFiles.write(dir, "book.csv", L2TestFiles.BOOK_HEADER +
            "x,T,1,1,false,bid,9,1\n" +
            "x,T,1,1,false,ask,11,1\n" +
            "x,T,2,2,true,bid,9,5\n" +
            "x,T,3,3,true,ask,11,6\n" +
            "x,T,4,4,false,ask,11,0\n" +
            "x,T,5,5,true,bid,8,2\n");
        final L2Inputs inputs = L2Inputs.open(book, L2Inputs.NO_TRADES, "1", "1");
        final List<long[]> events = events(inputs);
        final List<List<Long>> kinds = new ArrayList<>();
        for (final long[] e : events)
        {
            kinds.add(List.of(e[0], e[2], e[3], e[5]));
        }
        assertEquals(List.of(
            List.of((long)BookEvent.RESET, 9L, 5L, 4L),
            List.of((long)BookEvent.LEVEL, 9L, 5L, 4L),
            List.of((long)BookEvent.LEVEL, 11L, 6L, 5L),
            List.of((long)BookEvent.LEVEL, 11L, 0L, 6L),
            List.of((long)BookEvent.RESET, 8L, 2L, 7L),
            List.of((long)BookEvent.LEVEL, 8L, 2L, 7L)), kinds);
        try (BookSource source = inputs.openBook())
        {
            final BookEvent e = new BookEvent();
            while (source.next(e))
            {
                assertFalse(e.timeUs == 1, "a skipped row came through");
            }
            assertEquals(2, source.skippedRows());
            assertEquals(6, source.rows());
        }
    }

    private String bookError(final String rows, final String tick) throws IOException
    {
        final Path book = L2TestFiles.write(dir, "bad.csv", L2TestFiles.BOOK_HEADER +
            "x,T,1,1,true,bid,99.5,3\n" + rows);
        final L2Inputs inputs = L2Inputs.open(book, L2Inputs.NO_TRADES, tick, null);
        final L2InputException ex = assertThrows(L2InputException.class, () -> events(inputs));
        return ex.getMessage();
    }

    @Test
    void namesTheFileLineAndFieldOfAMalformedRow() throws IOException
    {
        assertTrue(bookError("x,T,2,2,false,ask,100,abc\n", null).endsWith("bad.csv:3: field amount: not an " +
            "amount of zero or more: 'abc'"), bookError("x,T,2,2,false,ask,100,abc\n", null));
        assertTrue(bookError("x,T,2,2,false,middle,100,1\n", null).contains("bad.csv:3: field side: neither bid " +
            "nor ask"));
        assertTrue(bookError("x,T,2,2,maybe,ask,100,1\n", null).contains("bad.csv:3: field is_snapshot"));
        assertTrue(bookError("x,T,2,2x,false,ask,100,1\n", null).contains("bad.csv:3: field local_timestamp"));
        assertTrue(bookError("x,T,2,2,false,ask,100\n", null).contains("bad.csv:3: 7 fields, the header has 8"));
        assertTrue(bookError("x,T,2,2,false,ask,100,-1\n", null).contains("bad.csv:3: field amount"));
    }

    @Test
    void refusesAPriceOffTheTickGrid() throws IOException
    {
        final String message = bookError("x,T,2,2,false,ask,100.25,1\n", "0.5");
        assertTrue(message.contains("bad.csv:3: field price: price 100.25 is off the tick grid 0.5"), message);
    }

    @Test
    void refusesASecondSymbolNamingItsLine() throws IOException
    {
        final Path book = L2TestFiles.write(dir, "book.csv", L2TestFiles.BOOK_HEADER + "x,T,1,1,true,bid,9,3\n");
        final Path trades = L2TestFiles.write(dir, "trades.csv", L2TestFiles.TRADES_HEADER +
            "x,T,2,2,1,buy,9,1\n" + "x,U,3,3,2,sell,9,1\n");
        final L2Inputs inputs = L2Inputs.open(book, trades, null, null);
        try (TradeReader reader = inputs.openTrades())
        {
            final TradeEvent t = new TradeEvent();
            assertTrue(reader.next(t));
            assertEquals(Side.BUY, t.side);
            final L2InputException ex = assertThrows(L2InputException.class, () -> reader.next(t));
            assertTrue(ex.getMessage().contains("trades.csv:3: field symbol: 'U', but this run replays T"),
                ex.getMessage());
        }
    }

    /** Trades: taker sides buy, sell, unknown (and empty as unknown); amounts onto the lot grid 0.001. */
    @Test
    void readsTradesWithEverySide() throws IOException
    {
        final Path book = L2TestFiles.write(dir, "book.csv", L2TestFiles.BOOK_HEADER + "x,T,1,1,true,bid,9,3\n");
        final Path trades = L2TestFiles.write(dir, "trades.csv", L2TestFiles.TRADES_HEADER +
            "x,T,2,20,a,buy,9.5,0.25\n" + "x,T,3,30,,sell,9,1\n" + "x,T,4,40,c,unknown,9,0.001\n" +
            "x,T,5,,d,,9,2\n");
        final L2Inputs inputs = L2Inputs.open(book, trades, null, null);
        assertEquals("0.1", inputs.tick.text());
        assertEquals("0.001", inputs.lot.text());
        final List<List<Long>> rows = new ArrayList<>();
        try (TradeReader reader = inputs.openTrades())
        {
            final TradeEvent t = new TradeEvent();
            while (reader.next(t))
            {
                rows.add(List.of(t.timeUs, (long)t.side, t.price, t.amount));
            }
        }
        assertEquals(List.of(
            List.of(20L, (long)Side.BUY, 95L, 250L),
            List.of(30L, (long)Side.SELL, 90L, 1000L),
            List.of(40L, (long)TradeEvent.UNKNOWN_SIDE, 90L, 1L),
            // No local_timestamp: the exchange's timestamp stands in.
            List.of(5L, (long)TradeEvent.UNKNOWN_SIDE, 90L, 2000L)), rows);
    }

    @Test
    void refusesAFileThatIsNeitherBookLayout() throws IOException
    {
        final Path trades = L2TestFiles.write(dir, "trades.csv", L2TestFiles.TRADES_HEADER + "x,T,2,2,1,buy,9,1\n");
        final L2InputException ex = assertThrows(L2InputException.class,
            () -> L2Inputs.open(trades, L2Inputs.NO_TRADES, null, null));
        assertTrue(ex.getMessage().contains("trades.csv:1: neither a Tardis incremental_book_L2 header"),
            ex.getMessage());
    }
}
