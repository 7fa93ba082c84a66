package org.mmwinter.replay.l2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.quoting.host.OrderEntryLatency;
import org.mmwinter.replay.ReplayMain;
import org.mmwinter.replay.crash.BookMeasures;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A longer synthetic recording ({@link SyntheticL2Files}, seeded, about 20,000 rows) end to end: the recorded
 * market alone rebuilds the generator's final book exactly; with the bot, {@code replay l2} writes summary.json and
 * report.html and the bot trades.
 */
final class L2GeneratedFileTest
{
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int STEPS = 8_000;

    @TempDir
    Path dir;

    @Test
    void theRecordedMarketAloneRebuildsTheGeneratedBook() throws IOException
    {
        final SyntheticL2Files files = new SyntheticL2Files(11);
        final Path book = dir.resolve("book.csv");
        final Path trades = dir.resolve("trades.csv");
        files.write(book, trades, STEPS);
        assertTrue(files.bookRows + files.tradeRows >= 20_000, "rows " + (files.bookRows + files.tradeRows));
        final L2Inputs inputs = L2Inputs.open(book, trades, "0.5", null);
        assertEquals("0.001", inputs.lot.text(), "inferred");
        final L2Run run = new L2Run(inputs, false, Map.of(), QueueModel.RISK_AVERSE,
            OrderEntryLatency.fixed(1_000_000), Long.MAX_VALUE, BookMeasures.DEFAULT_ORDER_NOTIONAL);
        run.checkMirror = true;
        run.run(dir.resolve("engine"));
        // The replay's copy of the book, trusted between reads, was the engine's book at every check.
        assertTrue(run.mirrorChecks > 0);
        assertEquals(0, run.mirrorDivergences);
        assertEquals(files.bookRows, run.bookRows);
        assertEquals(files.tradeRows, run.tradeRows);
        // Every trade row took exactly what it says (the generated book always holds it at the price): one taker
        // order each, nothing skipped; the rebuilt book is the generator's.
        assertEquals(files.tradeRows, run.recordedFigures.get("taker_orders"));
        assertEquals(files.bids(), run.finalBids);
        assertEquals(files.asks(), run.finalAsks);
    }

    @Test
    void theBotBacktestsOnTheGeneratedFileEndToEnd() throws IOException
    {
        final SyntheticL2Files files = new SyntheticL2Files(5);
        final Path book = dir.resolve("book.csv");
        final Path trades = dir.resolve("trades.csv");
        files.write(book, trades, STEPS);
        final Path out = dir.resolve("out");
        final ByteArrayOutputStream printed = new ByteArrayOutputStream();
        final PrintStream stdout = System.out;
        final int code;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try
        {
            code = new CommandLine(new ReplayMain()).execute("l2", "--book", book.toString(), "--trades",
                trades.toString(), "--bot", "--queue", "probabilistic", "--tick", "0.5", "--check-mirror", "--out",
                out.toString());
        }
        finally
        {
            System.setOut(stdout);
        }
        assertEquals(0, code);
        final String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("report: " + out.resolve("report.html").toAbsolutePath().normalize()), text);
        assertTrue(text.contains("summary: " + out.resolve("summary.json").toAbsolutePath().normalize()), text);
        final JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals("BTC-TEST", summary.get("symbol").asText());
        assertEquals("incremental_book_L2", summary.get("layout").asText());
        assertEquals("probabilistic", summary.get("queue_model").asText());
        assertEquals(files.bookRows + files.tradeRows, summary.get("rows").asLong());
        assertTrue(summary.get("bots").get("reference").get("fills").asLong() > 0, summary.toString());
        assertTrue(summary.get("bots").get("reference").get("quotes").asLong() > 0);
        // With the bot's orders in the book and its trades against the recorded flow, the copy still held.
        assertTrue(summary.get("recorded").get("mirror_checks").asLong() > 0, summary.toString());
        assertEquals(0, summary.get("recorded").get("mirror_divergences").asLong(), summary.toString());
        final String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("BTC-TEST recorded mid"));
        assertTrue(html.contains("Reference bot's fills"));
        assertFalse(html.isEmpty());
    }
}
