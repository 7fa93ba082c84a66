package org.mmwinter.replay.l2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.mmwinter.quoting.host.OrderEntryLatency;
import org.mmwinter.replay.crash.BookMeasures;
import org.mmwinter.replay.crash.TimeSeries;
import org.mmwinter.replay.io.RunDirectory;
import org.mmwinter.replay.report.ReportData;
import org.mmwinter.replay.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code replay l2}: a backtest of the reference market maker on a recorded crypto level book in Tardis.dev's CSV
 * layouts ({@code incremental_book_L2} or {@code book_snapshot_N}, plus {@code trades}), plain or gzip; writes
 * {@code summary.json} and {@code report.html} as {@code replay crash} does. Exit 0 done, 1 a recorded file that
 * cannot be replayed (the message names file, line and field), 2 a usage error.
 */
@Command(name = "l2", mixinStandardHelpOptions = true,
    description = "Backtests the reference market maker on a recorded L2 book (Tardis.dev incremental_book_L2 or " +
        "book_snapshot_N, and trades; plain or .gz) and writes summary.json and report.html.")
public final class L2Command implements Callable<Integer>
{
    /** The default order-entry latency, microseconds of event time. */
    public static final long DEFAULT_LATENCY_US = 1_000;

    @Option(names = "--book", required = true, paramLabel = "FILE",
        description = "incremental_book_L2 or book_snapshot_N CSV (layout from the header), plain or .gz.")
    Path bookFile;

    @Option(names = "--trades", paramLabel = "FILE", description = "trades CSV of the same symbol (optional).")
    Path tradesFile;

    @Option(names = "--bot", description = "Run the reference market maker in the recorded market.")
    boolean withBot;

    @Option(names = "--bot-config", paramLabel = "FILE",
        description = "bot.* keys in the engine's key=value format (default: the bot's defaults for the symbol).")
    Path botConfig;

    @Option(names = "--queue", paramLabel = "risk-averse|probabilistic",
        description = "Queue-position model of the bot's orders behind recorded size (default risk-averse).")
    String queue = QueueModel.RISK_AVERSE.text();

    @Option(names = "--latency-us", paramLabel = "N",
        description = "Constant order-entry latency of the bot, microseconds of event time, at least 1 " +
            "(default 1000).")
    Long latencyUs;

    @Option(names = "--latency-file", paramLabel = "FILE",
        description = "Recorded latency series, CSV timestamp_us,latency_us: interpolated linearly in event time, " +
            "the end values held outside it.")
    Path latencyFile;

    @Option(names = "--tick", paramLabel = "T", description = "Price tick (default: inferred from the first rows).")
    String tick;

    @Option(names = "--lot", paramLabel = "L", description = "Amount lot (default: inferred from the first rows).")
    String lot;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N data rows of both files.")
    long limit = Long.MAX_VALUE;

    @Option(names = "--order-notional", paramLabel = "N",
        description = "Notional of the market order whose slippage the report follows (default 10000).")
    double orderNotional = BookMeasures.DEFAULT_ORDER_NOTIONAL;

    @Option(names = "--check-mirror", description = "Compare the replay's copy of the engine's book with the " +
        "engine's own wherever the copy is used unread (slow: a walk of the whole book per batch); the summary's " +
        "recorded.mirror_divergences must be 0.")
    boolean checkMirror;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created).")
    Path out;

    public Integer call()
    {
        final QueueModel model;
        final OrderEntryLatency latency;
        final Map<String, String> botProperties;
        try
        {
            model = QueueModel.parse(queue);
            if (limit < 0)
            {
                throw new IllegalArgumentException("--limit must not be negative: " + limit);
            }
            if (!(orderNotional > 0) || Double.isInfinite(orderNotional))
            {
                throw new IllegalArgumentException("--order-notional must be a number above zero, not " +
                    orderNotional);
            }
            if (latencyUs != null && latencyFile != null)
            {
                throw new IllegalArgumentException("give --latency-us or --latency-file, not both");
            }
            if (latencyUs != null && latencyUs < 1)
            {
                throw new IllegalArgumentException("--latency-us must be at least 1 (a recorded update goes in " +
                    "whole before the bot can react), not " + latencyUs);
            }
            if (botConfig != null && !withBot)
            {
                throw new IllegalArgumentException("--bot-config needs --bot");
            }
            botProperties = botConfig == null ? Map.of() : botProperties(botConfig);
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("l2: " + ex.getMessage());
            return 2;
        }
        catch (final IOException ex)
        {
            System.err.println("l2: cannot read --bot-config: " + ex.getMessage());
            return 2;
        }
        try
        {
            latency = latencyFile != null ? LatencySeries.load(latencyFile) :
                OrderEntryLatency.fixed((latencyUs != null ? latencyUs : DEFAULT_LATENCY_US) * 1_000);
            final L2Inputs inputs;
            try
            {
                inputs = L2Inputs.open(bookFile, tradesFile != null ? tradesFile : L2Inputs.NO_TRADES, tick, lot);
            }
            catch (final IllegalArgumentException ex)
            {
                System.err.println("l2: " + ex.getMessage());
                return 2;
            }
            Files.createDirectories(out);
            final L2Run run = new L2Run(inputs, withBot, botProperties, model, latency, limit, orderNotional);
            run.checkMirror = checkMirror;
            try
            {
                run.run(RunDirectory.cleared(out.resolve("engine")));
            }
            catch (final IllegalArgumentException ex)
            {
                // The bot's configuration, checked when the bot is built.
                System.err.println("l2: " + ex.getMessage());
                return 2;
            }
            final Map<String, Object> summary = summary(inputs, run, model);
            final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Files.writeString(out.resolve("summary.json"), json.writeValueAsString(summary) + "\n",
                StandardCharsets.UTF_8);
            ReportWriter.write(report(inputs, run, summary), out.resolve("report.html"));
            final long rows = run.bookRows + run.tradeRows;
            System.out.printf("l2 %s %s (%s): rows=%d commands=%d trades=%d in %.1f s (%,.0f rows/s)%n",
                inputs.exchange, inputs.symbol, run.layout, rows, run.commands, run.trades, run.elapsedSeconds,
                rows / Math.max(1e-9, run.elapsedSeconds));
            if (withBot)
            {
                System.out.println("  reference pnl=" + run.figures.get("pnl") + " fills=" +
                    run.figures.get("fills") + " max_abs_inventory=" + run.maxAbsInventory + " queue=" +
                    model.text());
            }
            System.out.println("report: " + out.resolve("report.html").toAbsolutePath().normalize());
            System.out.println("summary: " + out.resolve("summary.json").toAbsolutePath().normalize());
            return 0;
        }
        catch (final L2InputException ex)
        {
            System.err.println("l2: " + ex.getMessage());
            return 1;
        }
        catch (final IOException | UncheckedIOException ex)
        {
            System.err.println("l2: I/O error: " + ex.getMessage());
            return 1;
        }
    }

    private static Map<String, String> botProperties(final Path file) throws IOException
    {
        final Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file))
        {
            properties.load(in);
        }
        final Map<String, String> map = new LinkedHashMap<>();
        for (final String key : properties.stringPropertyNames())
        {
            if (key.startsWith("bot."))
            {
                map.put(key, properties.getProperty(key));
            }
        }
        return map;
    }

    private String latencyModel()
    {
        return latencyFile != null ? "recorded series " + latencyFile.getFileName() + ", interpolated in event time" :
            "constant " + (latencyUs != null ? latencyUs : DEFAULT_LATENCY_US) + " us";
    }

    private Map<String, Object> summary(final L2Inputs inputs, final L2Run run, final QueueModel model)
    {
        final Map<String, Object> s = new LinkedHashMap<>();
        s.put("command", "l2");
        s.put("exchange", inputs.exchange);
        s.put("symbol", inputs.symbol);
        s.put("layout", run.layout);
        s.put("book_file", inputs.book.toString());
        s.put("trades_file", inputs.hasTrades() ? inputs.trades.toString() : "none");
        s.put("tick", inputs.tick.text());
        s.put("tick_inferred", inputs.tickInferred);
        s.put("lot", inputs.lot.text());
        s.put("lot_inferred", inputs.lotInferred);
        s.put("bot", withBot);
        s.put("queue_model", model.text());
        s.put("latency_model", latencyModel());
        s.put("first_time_us", run.firstNs == L2Run.NONE ? 0 : run.firstNs / 1_000);
        s.put("last_time_us", run.lastNs == L2Run.NONE ? 0 : run.lastNs / 1_000);
        final long rows = run.bookRows + run.tradeRows;
        s.put("rows", rows);
        s.put("commands", run.commands);
        s.put("batches", run.batches);
        s.put("trades", run.trades);
        s.put("elapsed_s", run.elapsedSeconds);
        s.put("rows_per_s", rows / Math.max(1e-9, run.elapsedSeconds));
        s.put("commands_per_s", run.commands / Math.max(1e-9, run.elapsedSeconds));
        s.put("recorded", run.recordedFigures);
        if (withBot)
        {
            final Map<String, Object> latency = new LinkedHashMap<>();
            latency.put("p50", run.acknowledgement.getValueAtPercentile(50));
            latency.put("p99", run.acknowledgement.getValueAtPercentile(99));
            latency.put("p999", run.acknowledgement.getValueAtPercentile(99.9));
            latency.put("max", run.acknowledgement.getMaxValue());
            s.put("latency_ns", latency);
        }
        s.put("book", run.bookFigures);
        if (withBot)
        {
            final Map<String, Object> bots = new LinkedHashMap<>();
            bots.put("reference", run.figures);
            s.put("bots", bots);
        }
        return s;
    }

    private ReportData report(final L2Inputs inputs, final L2Run run, final Map<String, Object> summary)
    {
        final String name = inputs.exchange + " " + inputs.symbol;
        final ReportData data = new ReportData().title(name + " L2 backtest" + (withBot ? "" : " (recorded market)"))
            .scenario(name).epochTime(true);
        data.chart(ReportData.PRICE, inputs.symbol + " recorded mid", "quote currency per base unit");
        add(data, ReportData.PRICE, "recorded mid", run.samples.series(L2Run.MID));
        data.note(ReportData.PRICE, "The mid of the recorded book (the synthetic orders' levels), the bot's " +
            "orders left out.");
        if (withBot)
        {
            add(data, ReportData.INVENTORY, "reference", run.samples.series(L2Run.INVENTORY));
            add(data, ReportData.PNL, "reference", run.samples.series(L2Run.PNL));
            add(data, ReportData.SPREAD, "reference", run.samples.series(L2Run.SPREAD));
            data.chart(ReportData.MARKOUTS, "Markouts at +10 s, cumulative", "quote currency");
            add(data, ReportData.MARKOUTS, "reference 10 s (cumulative)", run.samples.series(L2Run.MARKOUT));
            data.chart(ReportData.QUOTED_SIZE, "Reference bot's quoted size at its best bid and ask",
                "base units (" + inputs.symbol + ")");
            add(data, ReportData.QUOTED_SIZE, "reference bid", run.samples.series(L2Run.QUOTED_BID));
            add(data, ReportData.QUOTED_SIZE, "reference ask", run.samples.series(L2Run.QUOTED_ASK));
            data.chart("fills", "Reference bot's fills, cumulative", "fills");
            add(data, "fills", "reference", run.samples.series(L2Run.FILLS));
            data.addKeyNumber("fills", String.valueOf(run.figures.get("fills")));
            data.addKeyNumber("queue model", (String)summary.get("queue_model"));
            data.addKeyNumber("latency", (String)summary.get("latency_model"));
            data.latency(run.acknowledgement);
        }
        add(data, ReportData.BOOK_SPREAD, "market", run.samples.series(L2Run.BOOK_SPREAD));
        data.note(ReportData.BOOK_SPREAD, "The engine's book: the recorded levels and the bot's orders.");
        data.chart(ReportData.DEPTH, "Book depth within 1 % of mid", "quote currency");
        add(data, ReportData.DEPTH, "bid + ask", run.samples.series(L2Run.DEPTH));
        add(data, ReportData.DEPTH, "bid", run.samples.series(L2Run.BID_DEPTH));
        add(data, ReportData.DEPTH, "ask", run.samples.series(L2Run.ASK_DEPTH));
        data.chart(ReportData.SLIPPAGE, "Slippage of a " + String.format(Locale.ROOT, "%,.0f", orderNotional) +
            " (quote currency) market order", "bps of mid");
        add(data, ReportData.SLIPPAGE, "buy", run.samples.series(L2Run.BUY_SLIPPAGE));
        add(data, ReportData.SLIPPAGE, "sell", run.samples.series(L2Run.SELL_SLIPPAGE));
        data.addKeyNumber("rows", String.valueOf(summary.get("rows")));
        data.summary(summary);
        return data;
    }

    private static void add(final ReportData data, final String chart, final String name, final TimeSeries series)
    {
        data.addSeries(chart, name, series.seconds(), series.values());
    }
}
