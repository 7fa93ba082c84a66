package org.mmwinter.replay.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.replay.ReplayMain;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code exodus} day through {@code replay crash}: liquidity providers leave over the day, and the summary's
 * medians of the first and the last sixth of it show the book thinning (market spread up, depth within 1 % of mid
 * down, the slippage of a 10,000 USD market order up) and the reference bot widening its quotes and shrinking them
 * with the book (its thin-book rule: a side shows at most a quarter of the others' depth within 1 % of mid) without
 * breaching a limit.
 */
final class ExodusDayTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theBookThinsAndTheReferenceBotWidensWithoutBreachingALimit() throws IOException
    {
        final int exit = new CommandLine(new ReplayMain()).execute("crash", "--scenario", "exodus", "--seed", "1",
            "--out", dir.toString());
        assertEquals(0, exit);
        final JsonNode summary = JSON.readTree(dir.resolve("summary.json").toFile());
        final JsonNode book = summary.path("book");
        final JsonNode reference = summary.path("bots").path("reference");
        assertEquals(0, reference.path("limit_breaches").asLong());
        assertEquals(10_000.0, book.path("order_notional").asDouble());

        // Eight providers at the open, one at the end, each quoting wider and smaller: a ratio, not a level.
        final double spreadFirst = first(book, "spread_bps");
        final double spreadLast = last(book, "spread_bps");
        // The market spread counts the bot's own quotes, which stay near the touch (smaller) to the end: half again.
        assertTrue(spreadLast > 1.5 * spreadFirst, "market spread " + spreadFirst + " -> " + spreadLast + " bps");
        final double depthFirst = first(book, "depth_1pct");
        final double depthLast = last(book, "depth_1pct");
        assertTrue(depthLast < depthFirst / 4, "depth within 1 % " + depthFirst + " -> " + depthLast);
        for (final String side : new String[]{"slippage_buy_bps", "slippage_sell_bps"})
        {
            assertTrue(last(book, side) > 2 * first(book, side), side + " " + first(book, side) + " -> " +
                last(book, side));
        }

        final double quotedFirst = first(reference, "quoted_spread_bps");
        final double quotedLast = last(reference, "quoted_spread_bps");
        assertTrue(quotedLast > 1.5 * quotedFirst, "reference spread " + quotedFirst + " -> " + quotedLast + " bps");
        // At the open its touch size is order_notional / first mid (1,000 / 0.85, about 1,176 EXO): a quarter of
        // 129,000 USD a side is far above its 3-level ladder. At the end the others show about 10,500 USD a side
        // within 1 %, a quarter of which (2,600 USD) is below the ladder's 3,000: the size shrinks.
        final double sizeFirst = first(reference, "quoted_size");
        final double sizeLast = last(reference, "quoted_size");
        assertTrue(sizeFirst > 0 && sizeLast < 0.9 * sizeFirst, "reference size " + sizeFirst + " -> " + sizeLast);

        final String page = Files.readString(dir.resolve("report.html"));
        for (final String chart : new String[]{"quoted_size", "book_spread", "book_depth", "slippage"})
        {
            assertTrue(page.contains("data-chart=\"" + chart + "\""), "the page draws " + chart);
        }
        assertTrue(page.contains("Slippage of a 10,000 USD market order"));
    }

    private static double first(final JsonNode figures, final String name)
    {
        return figures.path(name).path("first_sixth_median").asDouble(Double.NaN);
    }

    private static double last(final JsonNode figures, final String name)
    {
        return figures.path(name).path("last_sixth_median").asDouble(Double.NaN);
    }
}
