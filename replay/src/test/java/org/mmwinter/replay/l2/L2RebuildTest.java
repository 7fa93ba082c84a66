package org.mmwinter.replay.l2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.quoting.host.OrderEntryLatency;
import org.mmwinter.replay.crash.BookMeasures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The recorded market alone through the engine pipeline: after the run, the engine's book (read from its state)
 * holds exactly the hand-computed level book, level by level. Prices in ticks of 0.5 (99.5 is 199), amounts in
 * lots of 1 unless said.
 */
final class L2RebuildTest
{
    private static final String SNAPSHOT_AND_UPDATES = L2TestFiles.BOOK_HEADER +
        "x,TEST,1000,1000,false,bid,99.5,3\n" +
        "x,TEST,1000,1000,false,ask,100,3\n" +
        "x,TEST,2000,2000,true,bid,99.5,10\n" +
        "x,TEST,2000,2000,true,bid,99,20\n" +
        "x,TEST,2000,2000,true,ask,100,5\n" +
        "x,TEST,2000,2000,true,ask,100.5,7\n" +
        "x,TEST,3000,3000,false,bid,99.5,4\n" +
        "x,TEST,3000,3000,false,ask,101,2\n" +
        "x,TEST,3600,3600,false,ask,100,2\n" +
        "x,TEST,3800,3800,false,bid,99.5,3\n" +
        "x,TEST,4000,4000,false,bid,99,25\n" +
        "x,TEST,4000,4000,false,bid,98.5,0\n";
    private static final String TRADES = L2TestFiles.TRADES_HEADER +
        "x,TEST,3500,3500,t1,buy,100,3\n" +
        "x,TEST,3700,3700,t2,unknown,99.5,1\n";

    @TempDir
    Path dir;

    private L2Run run(final Path book, final Path trades, final String tick, final String lot) throws IOException
    {
        final L2Inputs inputs = L2Inputs.open(book, trades, tick, lot);
        final L2Run run = new L2Run(inputs, false, Map.of(), QueueModel.RISK_AVERSE, OrderEntryLatency.fixed(1_000_000),
            Long.MAX_VALUE, BookMeasures.DEFAULT_ORDER_NOTIONAL);
        run.run(dir.resolve("engine-" + book.getFileName()));
        return run;
    }

    private static TreeMap<Long, Long> levels(final long... priceAmount)
    {
        final TreeMap<Long, Long> levels = new TreeMap<>();
        for (int i = 0; i < priceAmount.length; i += 2)
        {
            levels.put(priceAmount[i], priceAmount[i + 1]);
        }
        return levels;
    }

    /**
     * The two leading updates are skipped. Snapshot: bids 99.5 x 10, 99 x 20; asks 100 x 5, 100.5 x 7. Then bid 99.5
     * to 4 and a new ask 101 x 2; the buy of 3 at 100 takes ask 100 to 2 (its update to 2 changes nothing); the
     * unknown-side trade of 1 at 99.5 is at the best bid, so a sell: bid 99.5 to 3 (its update to 3 changes
     * nothing); bid 99 to 25; the removal of 98.5, never recorded, changes nothing.
     * Bids 99.5 x 3, 99 x 25; asks 100 x 2, 100.5 x 7, 101 x 2; two trades.
     */
    @Test
    void aSnapshotFollowedByUpdatesAndTradesRebuildsTheLevelBookExactly() throws IOException
    {
        final Path book = L2TestFiles.write(dir, "book.csv", SNAPSHOT_AND_UPDATES);
        final Path trades = L2TestFiles.write(dir, "trades.csv", TRADES);
        final L2Run run = run(book, trades, "0.5", "1");
        assertEquals(levels(199, 3, 198, 25), run.finalBids);
        assertEquals(levels(200, 2, 201, 7, 202, 2), run.finalAsks);
        assertEquals(2, run.trades);
        assertEquals(10, run.bookRows);
        assertEquals(2, run.tradeRows);
        assertEquals(2, run.skippedRows);
        assertEquals(1L, run.recordedFigures.get("trade_sides_inferred"));
    }

    /** The same with a second snapshot after it: bid 98 x 1, ask 102 x 1, then ask 102.5 x 4; nothing else left. */
    @Test
    void aSecondSnapshotResetsTheBook() throws IOException
    {
        final Path book = L2TestFiles.gzip(L2TestFiles.write(dir, "book2.csv", SNAPSHOT_AND_UPDATES +
            "x,TEST,5000,5000,true,bid,98,1\n" +
            "x,TEST,5000,5000,true,ask,102,1\n" +
            "x,TEST,6000,6000,false,ask,102.5,4\n"));
        final Path trades = L2TestFiles.gzip(L2TestFiles.write(dir, "trades.csv", TRADES));
        final L2Run run = run(book, trades, "0.5", "1");
        assertEquals(levels(196, 1), run.finalBids);
        assertEquals(levels(204, 1, 205, 4), run.finalAsks);
        assertEquals(2L, run.recordedFigures.get("snapshot_resets"));
    }

    /**
     * The real book_snapshot_5 sample: the engine's book after it is its last row. Asks 11657.08 x 1.393,
     * 11657.54 x 5.4, 11657.56 x 0.238, 11657.61 x 0.077, 11657.92 x 0.918; bids 11657.07 x 10.881, 11656.97 x 0.2,
     * 11655.78 x 0.2, 11655.77 x 0.98, 11655.7 x 0.188 (bids[4] was 11655.68 x 0.111 in the first row). Ticks of
     * 0.01, lots of 0.001 (inferred).
     */
    @Test
    void theRealSnapshotSampleRebuildsItsLastRow() throws IOException
    {
        final Path book = L2TestFiles.resource(dir, L2TestFiles.BINANCE);
        final L2Run run = run(book, L2Inputs.NO_TRADES, null, null);
        assertEquals(levels(1165708, 1393, 1165754, 5400, 1165756, 238, 1165761, 77, 1165792, 918), run.finalAsks);
        assertEquals(levels(1165707, 10881, 1165697, 200, 1165578, 200, 1165577, 980, 1165570, 188), run.finalBids);
        assertEquals(0, run.trades);
    }
}
