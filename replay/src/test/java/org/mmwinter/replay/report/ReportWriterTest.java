package org.mmwinter.replay.report;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class ReportWriterTest
{
    /** Size and SHA-256 of dist/uPlot.iife.min.js in org.webjars.npm:uplot:1.6.30, taken with sha256sum. */
    private static final int UPLOT_JS_BYTES = 49_672;
    private static final String UPLOT_JS_SHA256 = "7f29cd14e36d84141ab49c5e0a806d88e4d855596a9bc0e10799bc2c114b4c4f";
    private static final int UPLOT_CSS_BYTES = 1_857;
    private static final String UPLOT_CSS_SHA256 = "df630c6a8d6f8eeaff264b50f73ce5b114f646ffd9a0bb74f049b0a00135fa04";
    /** The one URL in the whole page: uPlot's own banner comment, kept with the library it credits. */
    private static final String UPLOT_BANNER = "/*! https://github.com/leeoniya/uPlot (v1.6.30) */";
    private static final Pattern DATA = Pattern.compile(
        "<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL);

    @TempDir
    Path dir;

    @Test
    void everyChartOfTheCrashDayHasData() throws Exception
    {
        final ReportData data = SyntheticCrashDay.build(7);
        final JsonNode json = embedded(ReportWriter.render(data));
        final List<String> ids = new ArrayList<>();
        final List<Integer> seriesCounts = new ArrayList<>();
        for (final JsonNode chart : json.get("charts"))
        {
            ids.add(chart.get("id").asText());
            seriesCounts.add(chart.get("series").size());
            for (final JsonNode series : chart.get("series"))
            {
                final int points = series.get("points").asInt();
                assertTrue(points > 0 && points <= Downsampler.DEFAULT_MAX_POINTS, chart.get("id") + ": " + points);
                assertEquals(points, series.get("t").size());
                assertEquals(points, series.get("v").size());
            }
        }
        assertEquals(List.of("price", "inventory", "pnl", "spread", "quoted_size", "book_spread", "book_depth",
            "slippage", "markouts"), ids);
        assertEquals(List.of(1, 2, 2, 1, 2, 1, 1, 2, 2), seriesCounts);
        // Six hours at one point a second; the markouts have 400 fills.
        assertEquals(6 * 3_600, json.get("charts").get(0).get("series").get(0).get("sourcePoints").asInt());
        assertEquals(400, json.get("charts").get(8).get("series").get(0).get("sourcePoints").asInt());
        assertEquals(24, json.get("latency").get("counts").size());
        assertEquals(12_000, json.get("latency").get("p50").asLong());
        // Nine time charts and the latency histogram.
        assertEquals(10, data.chartCount());
    }

    @Test
    void aCrashSurvivesThinningInTheEmbeddedData() throws Exception
    {
        // 10,000 points at 100, then 0.01 (a 99.99 % fall) from index 6000; limit 4000 = 800 buckets of 12.5.
        // Bucket 480 starts at 480 * 12.5 = 6000 exactly, so every bucket is flat and keeps its first and last:
        // 800 * 2 = 1600 points, 5999 (100) and 6000 (0.01) among them.
        final double[] t = new double[10_000];
        final double[] v = new double[10_000];
        for (int i = 0; i < t.length; i++)
        {
            t[i] = i * 0.5;
            v[i] = i < 6_000 ? 100.0 : 0.01;
        }
        final JsonNode series = embedded(ReportWriter.render(new ReportData().addSeries(ReportData.PRICE, "mid", t, v)))
            .get("charts").get(0).get("series").get(0);
        assertEquals(1_600, series.get("points").asInt());
        assertEquals(10_000, series.get("sourcePoints").asInt());
        int at = -1;
        for (int i = 0; i < series.get("t").size(); i++)
        {
            if (series.get("t").get(i).asDouble() == 2_999.5)
            {
                at = i;
            }
        }
        assertTrue(at >= 0, "the last point before the crash was dropped");
        assertEquals(100.0, series.get("v").get(at).asDouble());
        assertEquals(3_000.0, series.get("t").get(at + 1).asDouble());
        assertEquals(0.01, series.get("v").get(at + 1).asDouble());
    }

    @Test
    void aShortSeriesIsEmbeddedExactlyWithGapsAsNull() throws Exception
    {
        final String page = ReportWriter.render(new ReportData()
            .addSeries(ReportData.PRICE, "mid", new double[] {0, 1, 2.5, 3}, new double[] {1.5, Double.NaN, 3,
                Double.POSITIVE_INFINITY}));
        assertTrue(page.contains("\"t\":[0,1,2.5,3],\"v\":[1.5,null,3,null]"), embeddedText(page));
        final JsonNode v = embedded(page).get("charts").get(0).get("series").get(0).get("v");
        assertTrue(v.get(1).isNull());
    }

    @Test
    void theThinningLimitIsAParameter() throws Exception
    {
        final double[] t = new double[1_000];
        final double[] v = new double[1_000];
        for (int i = 0; i < t.length; i++)
        {
            t[i] = i;
            v[i] = i % 7;
        }
        final JsonNode series = embedded(ReportWriter.render(new ReportData().addSeries(ReportData.PNL, "a", t, v),
            100)).get("charts").get(0).get("series").get(0);
        assertTrue(series.get("points").asInt() <= 100);
        assertEquals(1_000, series.get("sourcePoints").asInt());
    }

    @Test
    void markersAreEmbeddedAndListed() throws Exception
    {
        final String page = ReportWriter.render(SyntheticCrashDay.build(7));
        final JsonNode markers = embedded(page).get("markers");
        assertEquals(6, markers.size());
        assertEquals("LUNA halted", markers.get(2).get("label").asText());
        assertEquals("halt", markers.get(2).get("kind").asText());
        // HALT_START = 3 h + 600 s = 11,400 s = 3:10:00.
        assertEquals(11_400.0, markers.get(2).get("t").asDouble());
        assertTrue(page.contains("<tr><td>3:10:00.000</td><td class=\"kind halt\">halt</td><td>LUNA halted</td></tr>"));
        assertTrue(page.contains("<td class=\"kind kill\">kill</td><td>fast: kill switch</td>"));
    }

    @Test
    void theSummaryTableHasTheGivenKeysFlattened()
    {
        final Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("pnl", -1_234.5);
        reference.put("killed", "no");
        final Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("fills", 5_321L);
        summary.put("bots", Map.of("reference", reference));
        final String page = ReportWriter.render(new ReportData().summary(summary));
        assertTrue(page.contains("<section id=\"summary\">\n<h2>Summary</h2>\n<table>\n" +
            "<tr><th>fills</th><td>5321</td></tr>\n" +
            "<tr><th>bots.reference.pnl</th><td>-1234.5</td></tr>\n" +
            "<tr><th>bots.reference.killed</th><td>no</td></tr>\n" +
            "</table>"), page.substring(page.indexOf("<main>")));
    }

    @Test
    void aRunWithoutASeedNamesNone()
    {
        // A backtest on recorded data has no seed: the header must not claim "seed 0".
        final ReportData data = new ReportData().scenario("deribit BTC-PERPETUAL")
            .addSeries(ReportData.PRICE, "mid", new double[] {0, 1}, new double[] {80, 81});
        final String page = ReportWriter.render(data);
        assertTrue(page.contains("scenario <b>deribit BTC-PERPETUAL</b> · 1 charts · 0 events"), page);
        assertFalse(page.contains("seed <b>"));
    }

    @Test
    void theHeaderCarriesScenarioSeedAndKeyNumbers()
    {
        final ReportData data = new ReportData().scenario("terra").seed(42)
            .addSeries(ReportData.PRICE, "mid", new double[] {0, 1, 2}, new double[] {80, 8, 20})
            .addSeries(ReportData.PNL, "ref", new double[] {0, 1, 2}, new double[] {0, 10.5, Double.NaN})
            .addSeries(ReportData.INVENTORY, "ref", new double[] {0, 1, 2}, new double[] {3, -7, 2})
            .addMarker(1, "halted", ReportData.HALT)
            .latencyPercentiles(12_000, 48_000, ReportData.NO_PERCENTILE)
            .addKeyNumber("fills", "17");
        final String page = ReportWriter.render(data);
        assertTrue(page.contains("scenario <b>terra</b> · seed <b>42</b> · 3 charts · 1 events"));
        // 80 -> 20 is (20 - 80) / 80 = -75 %; the low 8 is (8 - 80) / 80 = -90 %; PnL ends at its last number, 10.5;
        // the largest |inventory| is |-7|. The caller's key number comes first; p99.9 was not given.
        assertTrue(page.contains("<dl class=\"keys\">\n" +
            "<div><dt>fills</dt><dd>17</dd></div>\n" +
            "<div><dt>mid first → last</dt><dd>80 → 20 (-75.00 %)</dd></div>\n" +
            "<div><dt>mid low</dt><dd>8 (-90.00 %)</dd></div>\n" +
            "<div><dt>final PnL ref</dt><dd>10.5</dd></div>\n" +
            "<div><dt>max |inventory| ref</dt><dd>7</dd></div>\n" +
            "<div><dt>halts</dt><dd>1</dd></div>\n" +
            "<div><dt>latency p50</dt><dd>12 µs</dd></div>\n" +
            "<div><dt>latency p99</dt><dd>48 µs</dd></div>\n" +
            "</dl>"), page.substring(page.indexOf("<header>"), page.indexOf("<main>")));
        assertTrue(page.contains("No data for: spread, markouts, latency"));
    }

    @Test
    void anInventoryPeakTheCallerTrackedReplacesTheSampledOneInItsPlace()
    {
        // The samples saw |-7| at most; the run, checking after every command, saw 9.25 between two samples.
        final ReportData data = new ReportData()
            .addSeries(ReportData.PNL, "ref", new double[] {0, 1}, new double[] {0, 10.5})
            .addSeries(ReportData.INVENTORY, "ref", new double[] {0, 1, 2}, new double[] {3, -7, 2})
            .addKeyNumber("fills", "17")
            .inventoryPeak("ref", 9.25);
        final String page = ReportWriter.render(data);
        assertTrue(page.contains("<dl class=\"keys\">\n" +
            "<div><dt>fills</dt><dd>17</dd></div>\n" +
            "<div><dt>final PnL ref</dt><dd>10.5</dd></div>\n" +
            "<div><dt>max |inventory| ref</dt><dd>9.25</dd></div>\n" +
            "</dl>"), page.substring(page.indexOf("<header>"), page.indexOf("<main>")));
    }

    @Test
    void theMidGoesLogarithmicOnlyForACrash()
    {
        // 80 -> 0.008 spans a factor of 10,000 (>= 100): log. 80 -> 20 spans 4: linear.
        final String crash = ReportWriter.render(new ReportData()
            .addSeries(ReportData.PRICE, "mid", new double[] {0, 1}, new double[] {80, 0.008}));
        final String calm = ReportWriter.render(new ReportData()
            .addSeries(ReportData.PRICE, "mid", new double[] {0, 1}, new double[] {80, 20}));
        assertTrue(crash.contains("y: price (log scale) · x: time since start<"));
        assertTrue(calm.contains("y: price · x: time since start<"));
        assertTrue(crash.contains("\"log\":true"));
        assertTrue(calm.contains("\"log\":false"));
    }

    @Test
    void nothingOnThePageIsFetchedFromElsewhere() throws Exception
    {
        final String page = ReportWriter.render(SyntheticCrashDay.build(7));
        for (final String forbidden : List.of(
            "(?i)<link\\b", "(?i)<script[^>]*\\ssrc\\s*=", "(?i)\\b(src|href|srcset|action|poster)\\s*=",
            "(?i)@import", "(?i)url\\s*\\(", "(?i)@font-face", "(?i)<(iframe|img|object|embed)\\b"))
        {
            final Matcher m = Pattern.compile(forbidden).matcher(page);
            assertFalse(m.find(), () -> forbidden + " found: " + page.substring(m.start(), m.start() + 80));
        }
        final String library = ReportWriter.resource(ReportWriter.UPLOT_JS);
        assertTrue(library.startsWith(UPLOT_BANNER));
        // Take the library out and no URL of any kind is left: no scheme, no protocol-relative "//".
        final String ours = page.replace(library, "");
        for (final String forbidden : List.of("http:", "https:", "//", "ftp:", "data:"))
        {
            assertFalse(ours.toLowerCase(Locale.ROOT).contains(forbidden), forbidden);
        }
        // And the library's one URL is its banner comment.
        assertEquals(library.indexOf("http"), library.lastIndexOf("http"));
        assertEquals(UPLOT_BANNER.indexOf("http"), library.indexOf("http"));
    }

    @Test
    void theInlinedLibraryIsTheWebJars() throws Exception
    {
        final byte[] js = classPathBytes(ReportWriter.UPLOT_JS);
        final byte[] css = classPathBytes(ReportWriter.UPLOT_CSS);
        assertEquals(UPLOT_JS_BYTES, js.length);
        assertEquals(UPLOT_JS_SHA256, sha256(js));
        assertEquals(UPLOT_CSS_BYTES, css.length);
        assertEquals(UPLOT_CSS_SHA256, sha256(css));
        final String page = ReportWriter.render(SyntheticCrashDay.build(7));
        assertTrue(page.contains("<script>\n" + new String(js, StandardCharsets.UTF_8) + "\n</script>"));
        assertTrue(page.contains("<style>\n" + new String(css, StandardCharsets.UTF_8) + "\n</style>"));
    }

    @Test
    void theSameDataRenderTheSameBytes() throws Exception
    {
        final String first = ReportWriter.render(SyntheticCrashDay.build(7));
        final String second = ReportWriter.render(SyntheticCrashDay.build(7));
        assertEquals(first, second);
        final Path html = dir.resolve("out/report.html");
        ReportWriter.write(SyntheticCrashDay.build(7), html);
        assertArrayEquals(first.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(html));
    }

    @Test
    void theJvmsLocaleDoesNotChangeThePage()
    {
        final ReportData data = new ReportData()
            .addSeries(ReportData.PRICE, "mid", new double[] {0, 1.5}, new double[] {2.5, 1234.75})
            .summary(Map.of("pnl", 1234.5));
        final Locale saved = Locale.getDefault();
        final String root;
        final String german;
        try
        {
            Locale.setDefault(Locale.ROOT);
            root = ReportWriter.render(data);
            Locale.setDefault(Locale.GERMANY);
            german = ReportWriter.render(data);
        }
        finally
        {
            Locale.setDefault(saved);
        }
        assertEquals(root, german);
        assertTrue(german.contains("\"t\":[0,1.5],\"v\":[2.5,1234.75]"));
        assertTrue(german.contains("<td>1234.5</td>"));
    }

    @Test
    void textFromTheCallerIsEscaped() throws Exception
    {
        final String evil = "</script><script src=//x.test/a.js>\"'&";
        final String page = ReportWriter.render(new ReportData().title(evil).scenario("s")
            .addSeries(ReportData.PRICE, evil, new double[] {0}, new double[] {1})
            .addMarker(0, evil, ReportData.VENUE)
            .note(ReportData.PRICE, evil));
        assertTrue(page.contains("<p class=\"note\">&lt;/script&gt;&lt;script src=//x.test/a.js&gt;&quot;&#39;&amp;" +
            "</p>"), "the chart's note, escaped");
        // Three script elements (data, uPlot, ours), no more, and no src anywhere.
        assertEquals(3, page.split("</script>", -1).length - 1);
        assertFalse(page.contains("<script src"));
        assertTrue(page.contains("<h1>&lt;/script&gt;&lt;script src=//x.test/a.js&gt;&quot;&#39;&amp;</h1>"));
        final JsonNode json = embedded(page);
        assertEquals(evil, json.get("title").asText());
        assertEquals(evil, json.get("charts").get(0).get("series").get(0).get("name").asText());
    }

    @Test
    void aChartsNoteIsShownUnderItsUnitsAndOnlyThere()
    {
        final String page = ReportWriter.render(SyntheticCrashDay.build(7));
        final int slippage = page.indexOf("<section class=\"chart\" id=\"chart-slippage\">");
        final int note = page.indexOf("<p class=\"note\">Gaps where the book could not fill a 10,000 USD order.</p>");
        assertTrue(slippage >= 0 && note > page.indexOf("<p class=\"units\">", slippage), "under the units line");
        assertTrue(note < page.indexOf("data-chart=\"slippage\"", slippage), "above the plot");
        assertEquals(1, page.split("<p class=\"note\">", -1).length - 1, "no other chart has one");
    }

    @Test
    void chartCountIsTheChartsWithData()
    {
        assertEquals(0, new ReportData().chartCount());
        assertEquals(1, new ReportData().addSeries(ReportData.SPREAD, "r", new double[] {0}, new double[] {1})
            .chartCount());
        assertEquals(2, new ReportData().addSeries(ReportData.SPREAD, "r", new double[] {0}, new double[] {1})
            .latencyHistogram(new long[] {1_000}, new long[] {4}).chartCount());
        assertEquals(1, new ReportData().chart("depth", "Book depth", "lots")
            .addSeries("depth", "bid", new double[] {0}, new double[] {1}).chartCount());
    }

    @Test
    void callerMistakesNameWhatWasWrong()
    {
        final ReportData data = new ReportData().addSeries(ReportData.PNL, "a", new double[] {0}, new double[] {0});
        assertEquals("chart 'depth' is not declared: call chart(id, title, units) first, or use one of " +
            "[price, inventory, pnl, spread, quoted_size, book_spread, book_depth, slippage, markouts, latency]",
            assertThrows(IllegalArgumentException.class,
                () -> data.addSeries("depth", "x", new double[0], new double[0])).getMessage());
        assertEquals("series 'pnl/b': tSeconds has 2 points, values has 1", assertThrows(
            IllegalArgumentException.class, () -> data.addSeries(ReportData.PNL, "b", new double[] {0, 1},
                new double[] {0})).getMessage());
        assertEquals("series 'pnl/c': tSeconds[2]=0.5 is not finite or goes back in time", assertThrows(
            IllegalArgumentException.class, () -> data.addSeries(ReportData.PNL, "c", new double[] {0, 1, 0.5},
                new double[] {0, 0, 0})).getMessage());
        assertEquals("chart 'pnl' already has a series 'a'", assertThrows(IllegalArgumentException.class,
            () -> data.addSeries(ReportData.PNL, "a", new double[] {0}, new double[] {0})).getMessage());
        assertEquals("marker 'x': kind='crash', expected one of [halt, resume, venue, kill, pull]", assertThrows(
            IllegalArgumentException.class, () -> data.addMarker(0, "x", "crash")).getMessage());
        assertEquals("latencyHistogram: upperBoundsNs[1]=5 must be above zero and above the bound before",
            assertThrows(IllegalArgumentException.class,
                () -> data.latencyHistogram(new long[] {5, 5}, new long[] {1, 1})).getMessage());
    }

    @Test
    void theFirstLatencyBucketIsAsWideAsTheSecond()
    {
        // Bounds 1000, 1500: ratio 1.5, so the first bucket starts at 1000 / 1.5 = 666.67 = 1000 * 1000 / 1500.
        assertEquals(1_000.0 * 1_000.0 / 1_500.0, ReportWriter.firstLowerBound(new long[] {1_000, 1_500}));
        assertEquals(500.0, ReportWriter.firstLowerBound(new long[] {1_000}));
    }

    private static JsonNode embedded(final String page) throws Exception
    {
        return new ObjectMapper().readTree(embeddedText(page));
    }

    private static String embeddedText(final String page)
    {
        final Matcher m = DATA.matcher(page);
        assertTrue(m.find(), "no embedded data");
        final String text = m.group(1);
        assertFalse(m.find(), "data embedded twice");
        return text;
    }

    private static byte[] classPathBytes(final String path) throws Exception
    {
        try (InputStream in = ReportWriterTest.class.getClassLoader().getResourceAsStream(path))
        {
            assertTrue(in != null, path);
            return in.readAllBytes();
        }
    }

    private static String sha256(final byte[] bytes) throws Exception
    {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
