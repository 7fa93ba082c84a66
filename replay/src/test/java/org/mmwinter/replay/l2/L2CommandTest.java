package org.mmwinter.replay.l2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.replay.ReplayMain;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code replay l2} as a command: exit 2 for usage errors, 1 for a malformed recorded line (named on stderr, the
 * run stops: lines are never skipped), 0 with summary.json and report.html of the recorded market without --bot.
 */
final class L2CommandTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String err;

    private int run(final String... args)
    {
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        final PrintStream stderr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try
        {
            return new CommandLine(new ReplayMain()).execute(args);
        }
        finally
        {
            System.setErr(stderr);
            err = captured.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void usageErrorsExit2() throws IOException
    {
        final String book = L2TestFiles.resource(dir, L2TestFiles.DERIBIT).toString();
        final String out = dir.resolve("out").toString();
        assertEquals(2, run("l2", "--out", out));
        assertEquals(2, run("l2", "--book", book, "--out", out, "--queue", "optimistic"));
        assertTrue(err.contains("--queue must be risk-averse or probabilistic, not optimistic"), err);
        assertEquals(2, run("l2", "--book", book, "--out", out, "--latency-us", "0"));
        assertTrue(err.contains("--latency-us must be at least 1"), err);
        assertEquals(2, run("l2", "--book", book, "--out", out, "--latency-us", "5", "--latency-file", book));
        assertEquals(2, run("l2", "--book", book, "--out", out, "--tick", "-1"));
        assertTrue(err.contains("--tick must be a positive decimal"), err);
        assertEquals(2, run("l2", "--book", book, "--out", out, "--bot-config", book));
        assertFalse(Files.exists(dir.resolve("out").resolve("summary.json")));
    }

    @Test
    void aMalformedLineStopsTheRunWithExit1NamingIt() throws IOException
    {
        final Path book = L2TestFiles.write(dir, "book.csv", L2TestFiles.BOOK_HEADER +
            "x,T,1,1,true,bid,9,3\n" + "x,T,1,1,true,ask,10,3\n" + "x,T,2,2,false,ask,10,1.5.1\n");
        assertEquals(1, run("l2", "--book", book.toString(), "--out", dir.resolve("out").toString()));
        assertTrue(err.contains("book.csv:4: field amount"), err);
        assertEquals(1, run("l2", "--book", dir.resolve("missing.csv").toString(), "--out",
            dir.resolve("out").toString()));
    }

    /**
     * The real Deribit snapshot (15 asks, the best 6421.5 x 18640, local_timestamp 1585699200355684), a hand-written
     * buy before it (skipped: no book yet) and a buy of 640 at 6421.5 after it: one trade; without --bot the
     * summary has no bots section and the report draws the recorded market. {@code --limit 5}: the skipped trade
     * and four book rows.
     */
    @Test
    void withoutTheBotItReportsTheRecordedMarket() throws IOException
    {
        final Path book = L2TestFiles.resource(dir, L2TestFiles.DERIBIT);
        final Path trades = L2TestFiles.write(dir, "trades.csv", L2TestFiles.TRADES_HEADER +
            "deribit,BTC-PERPETUAL,1585699200100000,1585699200100000,0,buy,6421.5,1\n" +
            "deribit,BTC-PERPETUAL,1585699200300000,1585699200400000,1,buy,6421.5,640\n");
        final Path out = dir.resolve("out");
        assertEquals(0, run("l2", "--book", book.toString(), "--trades", trades.toString(), "--out", out.toString()));
        final JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals(17, summary.get("rows").asLong());
        assertEquals(1, summary.get("trades").asLong());
        assertEquals(1, summary.get("recorded").get("trades_before_first_snapshot").asLong());
        assertEquals("0.1", summary.get("tick").asText());
        assertEquals("deribit", summary.get("exchange").asText());
        assertFalse(summary.has("bots"));
        assertTrue(Files.readString(out.resolve("report.html")).contains("recorded market"));

        assertEquals(0, run("l2", "--book", book.toString(), "--trades", trades.toString(), "--limit", "5", "--out",
            out.toString()));
        final JsonNode limited = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals(5, limited.get("rows").asLong());
        assertEquals(4, limited.get("recorded").get("book_rows").asLong());
        assertEquals(0, limited.get("trades").asLong());
    }

    /**
     * --bot with --bot-config: the file's bot.* keys reach the bot (one level a side: its first orders are one bid
     * and one ask, where the default quotes three a side); an unknown bot key is a usage error.
     */
    @Test
    void theBotConfigFileReachesTheBot() throws IOException
    {
        final StringBuilder rows = new StringBuilder(L2TestFiles.BOOK_HEADER);
        for (int i = 0; i < 20; i++)
        {
            final long t = 1_000_000_000L + i * 100_000L;
            rows.append("x,TEST,").append(t).append(',').append(t).append(i == 0 ? ",true" : ",false")
                .append(",bid,99.5,").append(40 + i).append('\n');
            rows.append("x,TEST,").append(t).append(',').append(t).append(i == 0 ? ",true" : ",false")
                .append(",ask,100.5,").append(40 + i).append('\n');
        }
        final Path book = L2TestFiles.write(dir, "book.csv", rows.toString());
        final Path config = L2TestFiles.write(dir, "bot.conf", "bot.levels=1\n");
        final Path out = dir.resolve("out");
        assertEquals(0, run("l2", "--book", book.toString(), "--tick", "0.5", "--bot", "--bot-config",
            config.toString(), "--out", out.toString()));
        final JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals(2, summary.get("bots").get("reference").get("quotes").asLong(), summary.toString());
        final Path bad = L2TestFiles.write(dir, "bad.conf", "bot.no_such_key=1\n");
        assertEquals(2, run("l2", "--book", book.toString(), "--tick", "0.5", "--bot", "--bot-config",
            bad.toString(), "--out", out.toString()));
        assertTrue(err.contains("no_such_key"), err);
    }
}
