package org.mmwinter.replay.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * Everything the crash-day page shows, gathered by the replay after (or beside) the run and handed to
 * {@link ReportWriter}: line series per chart, venue events as markers, a latency histogram, key numbers and a
 * summary table. A mutable builder filled off the hot path; arrays passed in are copied, so the caller may reuse
 * them. Mistakes (unknown chart, mismatched lengths, time going backwards) are caller bugs and throw with the chart,
 * series and index named.
 */
public final class ReportData
{
    /** Chart of the mid price. */
    public static final String PRICE = "price";
    /** Chart of each strategy's inventory. */
    public static final String INVENTORY = "inventory";
    /** Chart of each strategy's profit and loss. */
    public static final String PNL = "pnl";
    /** Chart of the reference bot's quoted spread. */
    public static final String SPREAD = "spread";
    /** Chart of each strategy's size at its best bid and ask. */
    public static final String QUOTED_SIZE = "quoted_size";
    /** Chart of the market's quoted spread: the book's best ask less its best bid. */
    public static final String BOOK_SPREAD = "book_spread";
    /** Chart of the book's depth near mid (within 1 % for the crash days). */
    public static final String DEPTH = "book_depth";
    /** Chart of the slippage of a fixed-notional market order walked through the book. */
    public static final String SLIPPAGE = "slippage";
    /** Chart of each strategy's markouts. */
    public static final String MARKOUTS = "markouts";
    /** The latency histogram's chart id, for {@link #chart(String, String, String)}. */
    public static final String LATENCY = "latency";

    /** Marker kind: trading halted. */
    public static final String HALT = "halt";
    /** Marker kind: trading resumed. */
    public static final String RESUME = "resume";
    /** Marker kind: a venue event (stress, withdrawals halted, back to normal). */
    public static final String VENUE = "venue";
    /** Marker kind: a bot's kill switch fired. */
    public static final String KILL = "kill";
    /** Marker kind: a bot pulled its quotes. */
    public static final String PULL = "pull";

    /** A latency percentile that was not given. */
    public static final long NO_PERCENTILE = -1;

    private static final List<String> MARKER_KINDS = List.of(HALT, RESUME, VENUE, KILL, PULL);

    private final Map<String, ReportChart> charts = new LinkedHashMap<>();
    private final List<ReportMarker> markers = new ArrayList<>();
    private final Map<String, String> keyNumbers = new LinkedHashMap<>();
    /** By inventory series: the largest |inventory| the run saw, where it tracked more often than it sampled. */
    private final Map<String, Double> inventoryPeaks = new LinkedHashMap<>();
    private final Map<String, Object> summary = new LinkedHashMap<>();
    private String title = "Crash-day report";
    private String scenario = "";
    private long seed;
    /** Whether the run had a seed at all (a recorded-data backtest has none: the header then names none). */
    private boolean seeded;
    private boolean epochTime;
    private long[] latencyUpperBoundsNs = new long[0];
    private long[] latencyCounts = new long[0];
    private long p50Ns = NO_PERCENTILE;
    private long p99Ns = NO_PERCENTILE;
    private long p999Ns = NO_PERCENTILE;

    /**
     * A report with the standard charts declared (drawn only once they have a series) and the latency chart's
     * heading. The first five (price, inventory, PnL, spread, markouts) are the ones the header names when missing.
     */
    public ReportData()
    {
        declare(PRICE, "Mid price", "price", YScale.AUTO);
        declare(INVENTORY, "Inventory per strategy (+ long, − short)", "base units", YScale.LINEAR);
        declare(PNL, "PnL per strategy, marked to mid", "quote currency", YScale.LINEAR);
        declare(SPREAD, "Reference bot's quoted spread", "bps of mid", YScale.LINEAR);
        declare(QUOTED_SIZE, "Quoted size at the best bid and ask", "base units", YScale.LINEAR);
        // A book that thins over the day spans a decade or more: AUTO goes logarithmic then, linear otherwise.
        declare(BOOK_SPREAD, "Market spread (best ask - best bid)", "bps of mid", YScale.AUTO);
        declare(DEPTH, "Book depth within 1 % of mid", "quote currency", YScale.AUTO);
        declare(SLIPPAGE, "Slippage of a market order", "bps of mid", YScale.AUTO);
        declare(MARKOUTS, "Markouts per strategy (+ the fill gained)", "bps", YScale.LINEAR);
        declare(LATENCY, "Latency", "events", YScale.LINEAR);
    }

    public ReportData title(final String title)
    {
        this.title = require(title, "title");
        return this;
    }

    public ReportData scenario(final String scenario)
    {
        this.scenario = require(scenario, "scenario");
        return this;
    }

    public ReportData seed(final long seed)
    {
        this.seed = seed;
        this.seeded = true;
        return this;
    }

    /**
     * @param epochTime true when the times are seconds since 1970 (shown as UTC dates), false (the default) when they
     *                  are seconds since the start of the run (shown as h:mm:ss).
     */
    public ReportData epochTime(final boolean epochTime)
    {
        this.epochTime = epochTime;
        return this;
    }

    /**
     * Declares a chart, or renames a standard one: its heading and the units of its value axis (e.g. "USD per LUNA").
     */
    public ReportData chart(final String chart, final String title, final String units)
    {
        require(chart, "chart");
        final ReportChart existing = charts.get(chart);
        if (existing == null)
        {
            declare(chart, require(title, "title"), require(units, "units"), YScale.LINEAR);
        }
        else
        {
            existing.describe(require(title, "title"), require(units, "units"));
        }
        return this;
    }

    /**
     * A sentence shown under a chart's units line: what the chart leaves out or how to read it (e.g. where its gaps
     * come from). Replaces an earlier note.
     */
    public ReportData note(final String chart, final String note)
    {
        chartFor(chart).note(require(note, "note"));
        return this;
    }

    public ReportData yScale(final String chart, final YScale yScale)
    {
        chartFor(chart).yScale(require(yScale, "yScale"));
        return this;
    }

    /**
     * Adds one line to a chart. NaN values are gaps; times must be finite and never decrease.
     */
    public ReportData addSeries(final String chart, final String name, final double[] tSeconds, final double[] values)
    {
        final ReportChart target = chartFor(chart);
        if (LATENCY.equals(chart))
        {
            throw new IllegalArgumentException("chart 'latency' takes latencyHistogram, not series");
        }
        require(name, "name");
        require(tSeconds, "tSeconds");
        require(values, "values");
        if (target.hasSeries(name))
        {
            throw new IllegalArgumentException("chart '" + chart + "' already has a series '" + name + "'");
        }
        if (tSeconds.length != values.length)
        {
            throw new IllegalArgumentException("series '" + chart + "/" + name + "': tSeconds has " +
                tSeconds.length + " points, values has " + values.length);
        }
        for (int i = 0; i < tSeconds.length; i++)
        {
            final double t = tSeconds[i];
            if (!Double.isFinite(t) || (i > 0 && t < tSeconds[i - 1]))
            {
                throw new IllegalArgumentException("series '" + chart + "/" + name + "': tSeconds[" + i + "]=" + t +
                    " is not finite or goes back in time");
            }
        }
        target.series().add(new ReportSeries(name, tSeconds.clone(), values.clone()));
        return this;
    }

    /**
     * A vertical line at {@code tSeconds}: labelled on the price chart, faint on the others.
     *
     * @param kind one of {@link #HALT}, {@link #RESUME}, {@link #VENUE}, {@link #KILL}, {@link #PULL}.
     */
    public ReportData addMarker(final double tSeconds, final String label, final String kind)
    {
        if (!Double.isFinite(tSeconds))
        {
            throw new IllegalArgumentException("marker '" + label + "': tSeconds=" + tSeconds + " is not finite");
        }
        if (!MARKER_KINDS.contains(kind))
        {
            throw new IllegalArgumentException("marker '" + label + "': kind='" + kind + "', expected one of " +
                MARKER_KINDS);
        }
        markers.add(new ReportMarker(tSeconds, require(label, "label"), kind));
        return this;
    }

    /**
     * Latency counts per bucket: bucket {@code i} holds the events that took at most {@code upperBoundsNs[i]} and
     * more than the bucket before's bound. Drawn as bars on a logarithmic time axis.
     */
    public ReportData latencyHistogram(final long[] upperBoundsNs, final long[] counts)
    {
        require(upperBoundsNs, "upperBoundsNs");
        require(counts, "counts");
        if (upperBoundsNs.length != counts.length)
        {
            throw new IllegalArgumentException("latencyHistogram: " + upperBoundsNs.length + " bounds, " +
                counts.length + " counts");
        }
        for (int i = 0; i < upperBoundsNs.length; i++)
        {
            if (upperBoundsNs[i] <= 0 || (i > 0 && upperBoundsNs[i] <= upperBoundsNs[i - 1]))
            {
                throw new IllegalArgumentException("latencyHistogram: upperBoundsNs[" + i + "]=" + upperBoundsNs[i] +
                    " must be above zero and above the bound before");
            }
            if (counts[i] < 0)
            {
                throw new IllegalArgumentException("latencyHistogram: counts[" + i + "]=" + counts[i] + " < 0");
            }
        }
        latencyUpperBoundsNs = upperBoundsNs.clone();
        latencyCounts = counts.clone();
        return this;
    }

    /**
     * The percentiles drawn on the latency chart and shown in the header; {@link #NO_PERCENTILE} for one not known.
     */
    public ReportData latencyPercentiles(final long p50, final long p99, final long p999)
    {
        this.p50Ns = p50;
        this.p99Ns = p99;
        this.p999Ns = p999;
        return this;
    }

    /**
     * The latency chart from a histogram of nanoseconds: buckets doubling from 1 µs (none when it is empty) and its
     * p50, p99 and p99.9.
     */
    public ReportData latency(final Histogram histogram)
    {
        final List<long[]> buckets = new ArrayList<>();
        for (final HistogramIterationValue v : histogram.logarithmicBucketValues(1_000, 2.0))
        {
            buckets.add(new long[] {v.getValueIteratedTo(), v.getCountAddedInThisIterationStep()});
        }
        if (!buckets.isEmpty())
        {
            final long[] bounds = new long[buckets.size()];
            final long[] counts = new long[buckets.size()];
            for (int i = 0; i < bounds.length; i++)
            {
                bounds[i] = buckets.get(i)[0];
                counts[i] = buckets.get(i)[1];
            }
            latencyHistogram(bounds, counts);
        }
        return latencyPercentiles(histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(99),
            histogram.getValueAtPercentile(99.9));
    }

    /**
     * A number for the header, already formatted by the caller (e.g. "reference PnL", "-1234.5 USD"). Shown before
     * the ones the writer derives from the series.
     */
    public ReportData addKeyNumber(final String label, final String value)
    {
        keyNumbers.put(require(label, "label"), require(value, "value"));
        return this;
    }

    /**
     * The largest |inventory| of an inventory series as the run tracked it (after every command, say): the header
     * shows it instead of the largest sample, which can miss a peak between two samples.
     */
    public ReportData inventoryPeak(final String series, final double largestMagnitude)
    {
        inventoryPeaks.put(require(series, "series"), largestMagnitude);
        return this;
    }

    /**
     * The summary table: values are numbers, strings (anything else is shown by its {@code toString}) or nested maps
     * (shown as dotted keys, e.g. {@code bots.reference.pnl}), in the maps' iteration order, copied now. Replaces an
     * earlier summary.
     */
    public ReportData summary(final Map<String, ?> summary)
    {
        require(summary, "summary");
        this.summary.clear();
        flatten("", summary);
        return this;
    }

    /**
     * The number of charts the page draws: each chart with at least one series, and the latency chart when it has
     * buckets. The page's {@code data-rendered} attribute reaches this number when every chart drew.
     */
    public int chartCount()
    {
        int count = 0;
        for (final ReportChart chart : charts.values())
        {
            if (!chart.series().isEmpty())
            {
                count++;
            }
        }
        return hasLatency() ? count + 1 : count;
    }

    String title()
    {
        return title;
    }

    String scenario()
    {
        return scenario;
    }

    long seed()
    {
        return seed;
    }

    boolean seeded()
    {
        return seeded;
    }

    boolean epochTime()
    {
        return epochTime;
    }

    Map<String, ReportChart> charts()
    {
        return Collections.unmodifiableMap(charts);
    }

    List<ReportMarker> markers()
    {
        return Collections.unmodifiableList(markers);
    }

    /** The peak the run tracked for an inventory series, or null when only its samples say. */
    Double inventoryPeak(final String series)
    {
        return inventoryPeaks.get(series);
    }

    Map<String, String> keyNumbers()
    {
        return Collections.unmodifiableMap(keyNumbers);
    }

    Map<String, Object> summary()
    {
        return Collections.unmodifiableMap(summary);
    }

    boolean hasLatency()
    {
        return latencyUpperBoundsNs.length > 0;
    }

    long[] latencyUpperBoundsNs()
    {
        return latencyUpperBoundsNs;
    }

    long[] latencyCounts()
    {
        return latencyCounts;
    }

    long p50Ns()
    {
        return p50Ns;
    }

    long p99Ns()
    {
        return p99Ns;
    }

    long p999Ns()
    {
        return p999Ns;
    }

    private void declare(final String id, final String title, final String units, final YScale yScale)
    {
        charts.put(id, new ReportChart(id, title, units, yScale));
    }

    private ReportChart chartFor(final String chart)
    {
        final ReportChart found = charts.get(require(chart, "chart"));
        if (found == null)
        {
            throw new IllegalArgumentException("chart '" + chart + "' is not declared: call chart(id, title, units) " +
                "first, or use one of " + charts.keySet());
        }
        return found;
    }

    /** Copies the leaves now, so a map the caller changes later does not change the report. */
    private void flatten(final String prefix, final Map<?, ?> map)
    {
        for (final Map.Entry<?, ?> entry : map.entrySet())
        {
            final String key = prefix + entry.getKey();
            final Object value = entry.getValue();
            if (value instanceof Map<?, ?> nested)
            {
                flatten(key + ".", nested);
            }
            else
            {
                summary.put(key, value instanceof Number ? value : String.valueOf(value));
            }
        }
    }

    private static <T> T require(final T value, final String field)
    {
        if (value == null)
        {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }
}
