package org.mmwinter.replay.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the crash-day page: one self-contained HTML file a person reads in a minute. The header carries the
 * scenario, the seed and the key numbers; the time charts (mid with its halts, venue events and pulls, inventory,
 * PnL, quoted spread and size, the book's spread, depth and slippage, markouts) share one time axis, zoom together
 * and sync their cursors; the latency histogram and the summary
 * table follow. uPlot (from the WebJar on the class path) and the page's own script and style are inlined, the data
 * are embedded once as JSON, and nothing is fetched from anywhere: the file opens the same offline, from a mail
 * attachment or from a CI artifact. The same data always render to the same bytes.
 */
public final class ReportWriter
{
    /** The chart library, inlined verbatim. */
    public static final String UPLOT_JS = "META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.iife.min.js";
    /** The chart library's style, inlined verbatim. */
    public static final String UPLOT_CSS = "META-INF/resources/webjars/uplot/1.6.30/dist/uPlot.min.css";
    /** The page's own script: builds the charts from the embedded JSON. */
    static final String PAGE_JS = "report/report.js";
    /** The page's own style. */
    static final String PAGE_CSS = "report/report.css";
    /** The id of the script element holding the data. */
    static final String DATA_ID = "report-data";

    /** AUTO turns logarithmic when the highest value is at least this many times the lowest. */
    private static final double AUTO_LOG_RATIO = 100.0;
    private static final DateTimeFormatter UTC_TIME =
        DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);
    private static final int PAGE_CAPACITY = 1 << 18;

    private ReportWriter()
    {
    }

    /**
     * Renders with the default limit of {@link Downsampler#DEFAULT_MAX_POINTS} points a series and writes the page
     * (UTF-8), creating the parent directories.
     */
    public static void write(final ReportData data, final Path html) throws IOException
    {
        write(data, html, Downsampler.DEFAULT_MAX_POINTS);
    }

    public static void write(final ReportData data, final Path html, final int maxPointsPerSeries) throws IOException
    {
        final String page = render(data, maxPointsPerSeries);
        final Path parent = html.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        Files.writeString(html, page, StandardCharsets.UTF_8);
    }

    public static String render(final ReportData data)
    {
        return render(data, Downsampler.DEFAULT_MAX_POINTS);
    }

    /**
     * The page as a string; series longer than {@code maxPointsPerSeries} are thinned by a {@link Downsampler}.
     */
    public static String render(final ReportData data, final int maxPointsPerSeries)
    {
        final Downsampler downsampler = new Downsampler(maxPointsPerSeries);
        final String uplotJs = resource(UPLOT_JS);
        final String pageJs = resource(PAGE_JS);
        requireNoScriptEnd(uplotJs, UPLOT_JS);
        requireNoScriptEnd(pageJs, PAGE_JS);

        final StringBuilder html = new StringBuilder(PAGE_CAPACITY);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        escape(html, data.title()).append(" · ");
        escape(html, data.scenario()).append("</title>\n<style>\n").append(resource(UPLOT_CSS)).append("\n</style>\n")
            .append("<style>\n").append(resource(PAGE_CSS)).append("</style>\n</head>\n<body>\n");
        header(html, data);
        html.append("<main>\n");
        charts(html, data, maxPointsPerSeries);
        events(html, data);
        summary(html, data);
        html.append("</main>\n<script type=\"application/json\" id=\"").append(DATA_ID).append("\">");
        json(html, data, downsampler);
        html.append("</script>\n<script>\n").append(uplotJs).append("\n</script>\n<script>\n").append(pageJs)
            .append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    /** True when the chart draws on a logarithmic axis, deciding {@link YScale#AUTO} from the full data. */
    static boolean logScale(final ReportChart chart)
    {
        if (chart.yScale() != YScale.AUTO)
        {
            return chart.yScale() == YScale.LOG;
        }
        double low = Double.POSITIVE_INFINITY;
        double high = 0.0;
        boolean any = false;
        for (final ReportSeries series : chart.series())
        {
            final double[] values = series.values();
            for (int i = 0; i < values.length; i++)
            {
                final double v = values[i];
                if (Double.isFinite(v))
                {
                    if (v <= 0.0)
                    {
                        return false;
                    }
                    any = true;
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        return any && high >= AUTO_LOG_RATIO * low;
    }

    private static void header(final StringBuilder html, final ReportData data)
    {
        html.append("<header>\n<h1>");
        escape(html, data.title()).append("</h1>\n<p class=\"meta\">scenario <b>");
        escape(html, data.scenario()).append("</b> · ");
        if (data.seeded())
        {
            html.append("seed <b>").append(data.seed()).append("</b> · ");
        }
        html.append(data.chartCount()).append(" charts · ").append(data.markers().size()).append(" events</p>\n");
        html.append("<dl class=\"keys\">\n");
        for (final Map.Entry<String, String> key : KeyNumbers.of(data).entrySet())
        {
            html.append("<div><dt>");
            escape(html, key.getKey()).append("</dt><dd>");
            escape(html, key.getValue()).append("</dd></div>\n");
        }
        html.append("</dl>\n");
        final StringBuilder missing = new StringBuilder();
        for (final String standard : List.of(ReportData.PRICE, ReportData.INVENTORY, ReportData.PNL,
            ReportData.SPREAD, ReportData.MARKOUTS))
        {
            if (data.charts().get(standard).series().isEmpty())
            {
                missing.append(missing.length() == 0 ? "" : ", ").append(standard);
            }
        }
        if (!data.hasLatency())
        {
            missing.append(missing.length() == 0 ? "" : ", ").append(ReportData.LATENCY);
        }
        if (missing.length() > 0)
        {
            html.append("<p class=\"missing\">No data for: ");
            escape(html, missing.toString()).append("</p>\n");
        }
        html.append("<p class=\"hint\">Drag across a time chart to zoom them all, double-click to zoom out; click a ")
            .append("legend entry to hide its line.</p>\n</header>\n");
    }

    private static void charts(final StringBuilder html, final ReportData data, final int maxPoints)
    {
        // No format in the title: the axis labels change with the span (h:mm:ss, h:mm, "+N d" and the hour).
        final String timeUnits = data.epochTime() ? "time (UTC)" : "time since start";
        for (final ReportChart chart : data.charts().values())
        {
            if (chart.series().isEmpty())
            {
                continue;
            }
            boolean thinned = false;
            for (final ReportSeries series : chart.series())
            {
                thinned |= series.values().length > maxPoints;
            }
            section(html, chart);
            html.append("<p class=\"units\">y: ");
            escape(html, chart.units()).append(logScale(chart) ? " (log scale)" : "").append(" · x: ")
                .append(timeUnits);
            if (thinned)
            {
                html.append(" · thinned to ≤ ").append(maxPoints)
                    .append(" points a series (each bucket's first, low, high, gap, last)");
            }
            html.append("</p>\n");
            if (!chart.note().isEmpty())
            {
                html.append("<p class=\"note\">");
                escape(html, chart.note()).append("</p>\n");
            }
            html.append("<div class=\"plot\" data-chart=\"");
            escape(html, chart.id()).append("\"></div>\n</section>\n");
        }
        if (data.hasLatency())
        {
            final ReportChart latency = data.charts().get(ReportData.LATENCY);
            section(html, latency);
            html.append("<p class=\"units\">y: ");
            escape(html, latency.units()).append(" · x: latency (log scale)");
            percentile(html, "p50", data.p50Ns());
            percentile(html, "p99", data.p99Ns());
            percentile(html, "p99.9", data.p999Ns());
            html.append("</p>\n<div class=\"plot\" data-chart=\"").append(ReportData.LATENCY)
                .append("\"></div>\n</section>\n");
        }
    }

    private static void section(final StringBuilder html, final ReportChart chart)
    {
        html.append("<section class=\"chart\" id=\"chart-");
        escape(html, chart.id()).append("\">\n<h2>");
        escape(html, chart.title()).append("</h2>\n");
    }

    private static void percentile(final StringBuilder html, final String name, final long ns)
    {
        if (ns != ReportData.NO_PERCENTILE)
        {
            html.append(" · ").append(name).append(' ').append(NumberText.nanos(ns));
        }
    }

    private static void events(final StringBuilder html, final ReportData data)
    {
        if (data.markers().isEmpty())
        {
            return;
        }
        html.append("<section id=\"events\">\n<h2>Events</h2>\n<table>\n<tr><th>time</th><th>kind</th>")
            .append("<th>event</th></tr>\n");
        for (final ReportMarker marker : data.markers())
        {
            html.append("<tr><td>").append(time(data, marker.tSeconds())).append("</td><td class=\"kind ");
            escape(html, marker.kind()).append("\">");
            escape(html, marker.kind()).append("</td><td>");
            escape(html, marker.label()).append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static void summary(final StringBuilder html, final ReportData data)
    {
        if (data.summary().isEmpty())
        {
            return;
        }
        html.append("<section id=\"summary\">\n<h2>Summary</h2>\n<table>\n");
        for (final Map.Entry<String, Object> row : data.summary().entrySet())
        {
            html.append("<tr><th>");
            escape(html, row.getKey()).append("</th><td>");
            escape(html, NumberText.format(row.getValue())).append("</td></tr>\n");
        }
        html.append("</table>\n</section>\n");
    }

    private static String time(final ReportData data, final double seconds)
    {
        if (data.epochTime())
        {
            final long millis = (long)Math.floor(seconds * 1_000.0);
            return UTC_TIME.format(Instant.ofEpochMilli(millis));
        }
        return NumberText.elapsed(seconds);
    }

    private static void json(final StringBuilder html, final ReportData data, final Downsampler downsampler)
    {
        final JsonWriter json = new JsonWriter(html);
        json.beginObject()
            .name("title").value(data.title())
            .name("scenario").value(data.scenario())
            .name("seed").value(data.seeded() ? Long.toString(data.seed()) : "")
            .name("epochTime").value(data.epochTime());
        double tMin = Double.POSITIVE_INFINITY;
        double tMax = Double.NEGATIVE_INFINITY;
        for (final ReportChart chart : data.charts().values())
        {
            for (final ReportSeries series : chart.series())
            {
                final double[] t = series.tSeconds();
                if (t.length > 0)
                {
                    tMin = Math.min(tMin, t[0]);
                    tMax = Math.max(tMax, t[t.length - 1]);
                }
            }
        }
        for (final ReportMarker marker : data.markers())
        {
            tMin = Math.min(tMin, marker.tSeconds());
            tMax = Math.max(tMax, marker.tSeconds());
        }
        if (tMin > tMax)
        {
            tMin = 0.0;
            tMax = 1.0;
        }
        json.name("tMin").value(tMin).name("tMax").value(tMax);
        json.name("charts").beginArray();
        for (final ReportChart chart : data.charts().values())
        {
            if (chart.series().isEmpty())
            {
                continue;
            }
            json.beginObject()
                .name("id").value(chart.id())
                .name("title").value(chart.title())
                .name("units").value(chart.units())
                .name("log").value(logScale(chart))
                .name("series").beginArray();
            for (final ReportSeries series : chart.series())
            {
                final int[] kept = downsampler.keep(series.values());
                json.beginObject()
                    .name("name").value(series.name())
                    .name("sourcePoints").value(series.values().length)
                    .name("points").value(kept.length)
                    .name("t").array(series.tSeconds(), kept)
                    .name("v").array(series.values(), kept)
                    .endObject();
            }
            json.endArray().endObject();
        }
        json.endArray();
        json.name("markers").beginArray();
        for (final ReportMarker marker : data.markers())
        {
            json.beginObject()
                .name("t").value(marker.tSeconds())
                .name("label").value(marker.label())
                .name("kind").value(marker.kind())
                .endObject();
        }
        json.endArray();
        if (data.hasLatency())
        {
            final long[] upper = data.latencyUpperBoundsNs();
            json.name("latency").beginObject()
                .name("title").value(data.charts().get(ReportData.LATENCY).title())
                .name("units").value(data.charts().get(ReportData.LATENCY).units())
                .name("firstLowerNs").value(firstLowerBound(upper))
                .name("upperNs").array(upper)
                .name("counts").array(data.latencyCounts());
            percentileJson(json, "p50", data.p50Ns());
            percentileJson(json, "p99", data.p99Ns());
            percentileJson(json, "p999", data.p999Ns());
            json.endObject();
        }
        json.endObject();
    }

    /**
     * The first bucket has no bound below it; on a log axis it is drawn as wide as the second (the same ratio), or
     * as one halving when it is alone.
     */
    static double firstLowerBound(final long[] upperBoundsNs)
    {
        final double first = upperBoundsNs[0];
        if (upperBoundsNs.length == 1)
        {
            return first / 2.0;
        }
        return first * first / upperBoundsNs[1];
    }

    private static void percentileJson(final JsonWriter json, final String name, final long ns)
    {
        json.name(name);
        if (ns == ReportData.NO_PERCENTILE)
        {
            json.value(Double.NaN);
        }
        else
        {
            json.value(ns);
        }
    }

    static String resource(final String path)
    {
        try (InputStream in = ReportWriter.class.getClassLoader().getResourceAsStream(path))
        {
            if (in == null)
            {
                throw new IllegalStateException("missing class path resource " + path +
                    " (the report needs the uPlot WebJar and the replay module's report/ resources)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read class path resource " + path, e);
        }
    }

    private static void requireNoScriptEnd(final String script, final String path)
    {
        if (script.toLowerCase(Locale.ROOT).contains("</script"))
        {
            throw new IllegalStateException(path + " contains '</script' and cannot be inlined");
        }
    }

    private static StringBuilder escape(final StringBuilder html, final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html;
    }
}
