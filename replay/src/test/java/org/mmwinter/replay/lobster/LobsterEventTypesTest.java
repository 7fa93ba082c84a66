package org.mmwinter.replay.lobster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.process.EngineConsole;
import org.mmwinter.replay.ReplayMain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A hand-written two-level message/book pair with every event type, run as {@code replay lobster}.
 * <p>
 * The story (prices are dollars x 10,000; S1, S2, ... are the synthetic orders in the order they are made; on a
 * row, bids are filled in before asks):
 * <pre>
 *  1  NEW 101 buy 50 @1000100         row 1 seeds what the messages cannot know: S1 bid 1000000x100,
 *                                     S2 ask 1000500x30, S3 ask 1001000x40 (101 is already there: 50 = 50)
 *  2  partial cancel 101 by 20        AMEND 50 -> 30, priority kept               bid 1000100x30
 *  3  NEW 102 sell 25 @1000500        behind S2                                   ask 1000500x(30+25=55)
 *  4  execute unknown 9, 10 @1000500  acts on S2, the front: trade 1 (S2 30->20)  ask 1000500x45
 *  5  delete unknown 8, 20 @1000500   S2 20 -> 0                                  ask 1000500x25
 *  6  execute 102, 25                 trade 2, level gone; ask 1001500x60 comes into view (beyond row 5's ask 2,
 *                                     1001000): S4 ask 1001500x60
 *  7  hidden execution 7 @1000300     print 3 only
 *  8  cross trade -2, 500 @1000200    print 4 only
 *  9  halt                            the core halts
 * 10  NEW 103 buy 10 @1000100         held (the core refuses orders while halted); the book row shows 40, the
 *                                     rebuild 30: a level-1 mismatch, no resync while halted
 * 11  execute 101, 5                  the core refuses the taker: print 5 "halted", no trade; mismatch again
 * 12  quoting resumes                 103 does not cross (ask 1001000): it enters, bid 1000100x(30+10=40)
 * 13  NEW 104 sell 15 @1000100        would cross bid 1000100: held, nothing matches while only quoting
 * 14  trading resumes                 104 enters and trades 15 against 101, the front: trade 6 (101 30->15),
 *                                     bid 1000100x(15+10=25)
 * 15  execute 103, 10                 101 is ahead of 103 in the rebuilt queue (queue differs: 1): 101 is taken
 *                                     out, the taker trades 103 (trade 7), 101 re-enters with 15; bid 1000100x15
 * 16  delete 101, 15                  bid 1000100 gone; bid 999500x70 comes into view (beyond row 15's bid 2,
 *                                     1000000): S5 bid 999500x70
 * 17  delete unknown 7, 30 @1000000   S1 100 -> 70, but the row says 50: mismatch, resync takes 20 off S1
 * 18  execute unknown 6, 50 @1000000  S1 50 -> 0: trade 8; bids: 999500x70 only (level 2 padded)
 * </pre>
 * Level 1 mismatches on rows 10, 11, 17: 15 of 18 (83.33%); level 2 on none: 18 of 18.
 */
final class LobsterEventTypesTest
{
    static final String MESSAGES = String.join("\n",
        "34201.0,1,101,50,1000100,1",
        "34202.0,2,101,20,1000100,1",
        "34203.0,1,102,25,1000500,-1",
        "34204.0,4,9,10,1000500,-1",
        "34205.0,3,8,20,1000500,-1",
        "34206.0,4,102,25,1000500,-1",
        "34207.0,5,0,7,1000300,-1",
        "34208.0,6,-2,500,1000200,-1",
        "34209.0,7,0,0,-1,-1",
        "34210.0,1,103,10,1000100,1",
        "34211.0,4,101,5,1000100,1",
        "34212.0,7,0,0,0,-1",
        "34213.0,1,104,15,1000100,-1",
        "34214.0,7,0,0,1,-1",
        "34215.0,4,103,10,1000100,1",
        "34216.0,3,101,15,1000100,1",
        "34217.0,3,7,30,1000000,1",
        "34218.0,4,6,50,1000000,1") + "\n";

    private static final String ROW_6 = "1001000,40,1000100,30,1001500,60,1000000,100";
    private static final String ROW_10 = "1001000,40,1000100,40,1001500,60,1000000,100";

    static final String BOOK = String.join("\n",
        "1000500,30,1000100,50,1001000,40,1000000,100",
        "1000500,30,1000100,30,1001000,40,1000000,100",
        "1000500,55,1000100,30,1001000,40,1000000,100",
        "1000500,45,1000100,30,1001000,40,1000000,100",
        "1000500,25,1000100,30,1001000,40,1000000,100",
        ROW_6, ROW_6, ROW_6, ROW_6,
        ROW_10, ROW_10, ROW_10, ROW_10,
        "1001000,40,1000100,25,1001500,60,1000000,100",
        "1001000,40,1000100,15,1001500,60,1000000,100",
        "1001000,40,1000000,100,1001500,60,999500,70",
        "1001000,40,1000000,50,1001500,60,999500,70",
        "1001000,40,999500,70,1001500,60,-9999999999,0") + "\n";

    static final List<String> TRADES = List.of(
        LobsterRebuild.TRADES_HEADER,
        "1,34204.000000000,engine,1000500,10,buy,S2,taker,4",
        "2,34206.000000000,engine,1000500,25,buy,102,taker,6",
        "3,34207.000000000,hidden,1000300,7,buy,,0,7",
        "4,34208.000000000,cross,1000200,500,buy,,-2,8",
        "5,34211.000000000,halted,1000100,5,sell,,101,11",
        "6,34214.000000000,engine,1000100,15,sell,101,104,14",
        "7,34215.000000000,engine,1000100,10,sell,103,taker,15",
        "8,34218.000000000,engine,1000000,50,sell,S1,taker,18");

    @TempDir
    Path dir;

    static Path write(final Path path, final String text) throws IOException
    {
        Files.writeString(path, text, StandardCharsets.US_ASCII);
        return path;
    }

    static Path writeGzip(final Path path, final String text) throws IOException
    {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(path)))
        {
            out.write(text.getBytes(StandardCharsets.US_ASCII));
        }
        return path;
    }

    @Test
    void everyEventTypeGoesThroughTheCoreWithTheBookAndTradesWorkedOutByHand() throws IOException
    {
        final Path messages = write(dir.resolve("TEST_2012-06-21_34200000_57600000_message_2.csv"), MESSAGES);
        final Path book = write(dir.resolve("TEST_2012-06-21_34200000_57600000_orderbook_2.csv"), BOOK);
        final Path out = dir.resolve("out");

        final EngineConsole run = replay("lobster", "--messages", messages.toString(), "--book",
            book.toString(), "--out", out.toString());

        assertEquals(0, run.exitCode, run.err);
        assertEquals("", run.err);
        final String[] lines = run.out.split("\n");
        assertEquals("level=1 rows=18 matched=15 share=83.33%", lines[0]);
        assertEquals("level=2 rows=18 matched=18 share=100.00%", lines[1]);
        assertTrue(lines[2].startsWith("replay lobster: symbol=TEST events=18 malformed=0 "), lines[2]);
        assertTrue(lines[2].contains(" trades=5 hidden_prints=1 cross_prints=1 unmatched_prints=1 resyncs=1 " +
            "unknown_id_events=4 unseeded=0 gone_id_events=0 queue_differs=1 "), lines[2]);
        assertTrue(lines[2].contains(" levels_from_book=5 "), lines[2]);
        assertEquals(3, lines.length);

        assertEquals(TRADES, Files.readAllLines(out.resolve("trades.csv")));
        assertEquals(List.of(
            LevelTally.CSV_HEADER,
            "1,18,15,83.33,10,time 34210.000000000 type 1 order 103 size 10 price 1000100 direction 1," +
                "ask 1001000x40 bid 1000100x40,ask 1001000x40 bid 1000100x30",
            "2,18,18,100.00,,,,"), Files.readAllLines(out.resolve("lobster-match.csv")));
    }

    @Test
    void theFinalBookIsTheSyntheticLiquidityLeft() throws IOException
    {
        final Path messages = write(dir.resolve("m.csv"), MESSAGES);
        final Path book = write(dir.resolve("b.csv"), BOOK);
        final LobsterResult result = new LobsterRun(System.err).run(messages, book, LobsterRun.LEVELS_FROM_FILE,
            dir.resolve("out"));
        assertEquals(LobsterRun.DEFAULT_SYMBOL, result.symbol());
        final StringBuilder orders = new StringBuilder();
        result.rebuild().engine().forEachOrder(0, (instrument, side, price, qty, account, clientOrderId, orderId) ->
            orders.append(side).append(' ').append(price).append('x').append(qty).append(" account ").append(account)
                .append(" id ").append(clientOrderId).append('\n'));
        // Side 0 is buy, 1 sell; account 1 holds the synthetic orders.
        assertEquals("0 999500x70 account 1 id 5\n1 1001000x40 account 1 id 3\n1 1001500x60 account 1 id 4\n",
            orders.toString());
        assertEquals(2, result.rebuild().heldInHalt());
        assertEquals(0, result.rebuild().misdirectedFills());
        BookAgreement.assertViewMatchesCore(result.rebuild());
    }

    @Test
    void aHeaderLineAndGzipFilesGiveTheSameRun() throws IOException
    {
        final Path messages = writeGzip(dir.resolve("TEST_2012-06-21_34200000_57600000_message_2.csv.gz"),
            "Time,Type,OrderId,Size,Price,Direction\n" + MESSAGES);
        final Path book = writeGzip(dir.resolve("book.csv.gz"),
            "AskPrice1,AskSize1,BidPrice1,BidSize1,AskPrice2,AskSize2,BidPrice2,BidSize2\n" + BOOK);
        final Path out = dir.resolve("out");
        final EngineConsole run = replay("lobster", "--messages", messages.toString(), "--book",
            book.toString(), "--out", out.toString());
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.out.startsWith("level=1 rows=18 matched=15 share=83.33%\n" +
            "level=2 rows=18 matched=18 share=100.00%\nreplay lobster: symbol=TEST events=18 "), run.out);
        assertEquals(TRADES, Files.readAllLines(out.resolve("trades.csv")));
    }

    @Test
    void levelsOneComparesTheTopOnly() throws IOException
    {
        final Path messages = write(dir.resolve("m.csv"), MESSAGES);
        final Path book = write(dir.resolve("b.csv"), BOOK);
        final EngineConsole run = replay("lobster", "--messages", messages.toString(), "--book",
            book.toString(), "--levels", "1", "--out", dir.resolve("out").toString());
        assertEquals(0, run.exitCode, run.err);
        final String[] lines = run.out.split("\n");
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("level=1 rows=18 matched="), lines[0]);
    }

    /** {@code replay ARGS} in this JVM. */
    private static EngineConsole replay(final String... args)
    {
        return EngineConsole.capture(new ReplayMain(), args);
    }
}
