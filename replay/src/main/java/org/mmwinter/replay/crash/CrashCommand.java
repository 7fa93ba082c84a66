package org.mmwinter.replay.crash;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.mmwinter.quoting.host.OrderEntryLatency;
import org.mmwinter.replay.amm.AmmPosition;
import org.mmwinter.replay.io.RunDirectory;
import org.mmwinter.replay.report.ReportData;
import org.mmwinter.replay.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code replay crash}: a crash day through the engine with the reference market maker in it, the naive quoter on
 * the same scenario and seed, and a constant-product AMM position of the same capital marked on the reference run's
 * price path; writes {@code summary.json} and {@code report.html}.
 */
@Command(name = "crash", mixinStandardHelpOptions = true,
    description = "Runs a crash day (terra, ftx, exodus or a scenario file) through the engine with market makers " +
        "in it and writes summary.json and report.html.")
public final class CrashCommand implements Callable<Integer>
{
    /** The reference bot run with the load term taken out of its latency, as its series are named. */
    private static final String CONSTANT_LATENCY_SERIES = "reference, constant latency";
    /** The quoted-size chart averages over this fraction of the day. */
    private static final int SIZE_WINDOWS_A_DAY = 100;

    @Option(names = "--scenario", paramLabel = "terra|ftx|exodus|FILE.json", description = "Default terra.")
    String scenarioName = "terra";

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the crowd (default 1).")
    long seed = 1;

    @Option(names = "--length", paramLabel = "compressed|full", description = "Default compressed.")
    String length = "compressed";

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default out/<scenario>).")
    Path out;

    @Option(names = "--latency-us", paramLabel = "N",
        description = "The market makers' order-entry latency, microseconds of event time (default 1000).")
    long latencyUs = 1_000;

    @Option(names = "--latency-load-us", paramLabel = "N",
        description = "Microseconds of latency added per message a second of flow (default 500; the reference bot " +
            "also runs with a constant latency, for comparison).")
    double latencyLoadUs = 500;

    @Option(names = "--capital", paramLabel = "N", description = "The AMM position's capital (default 100000).")
    double capital = 100_000;

    @Option(names = "--amm-fee-bps", paramLabel = "N", description = "The AMM's fee tier (default 30, 0.3 %%).")
    double ammFeeBps = 30;

    @Option(names = "--order-notional", paramLabel = "N",
        description = "Notional of the market order whose slippage the report follows, quote currency " +
            "(default 10000).")
    double orderNotional = BookMeasures.DEFAULT_ORDER_NOTIONAL;

    @Option(names = "--reference-only", description = "Run the reference bot only (no constant-latency or naive " +
        "run): the full-length benchmark.")
    boolean referenceOnly;

    @Option(names = "--print-scenario", paramLabel = "NAME", description = "Print a built-in scenario's JSON.")
    String print;

    public Integer call() throws Exception
    {
        if (print != null)
        {
            try
            {
                System.out.println(Scenario.builtIn(print).toJson());
                return 0;
            }
            catch (final ScenarioException | IllegalArgumentException ex)
            {
                System.err.println("crash: " + ex.getMessage());
                return 2;
            }
        }
        if (!length.equals("compressed") && !length.equals("full"))
        {
            System.err.println("crash: --length must be compressed or full, not " + length);
            return 2;
        }
        final Scenario scenario;
        try
        {
            scenario = scenarioName.endsWith(".json") ? Scenario.load(Path.of(scenarioName)) :
                Scenario.builtIn(scenarioName);
        }
        catch (final ScenarioException | IllegalArgumentException ex)
        {
            System.err.println("crash: " + ex.getMessage() + " (nothing was run)");
            return 2;
        }
        if (!(orderNotional > 0) || Double.isInfinite(orderNotional))
        {
            System.err.println("crash: --order-notional must be a number above zero, not " + orderNotional);
            return 2;
        }
        final Path dir = out != null ? out : Path.of("out", scenario.name());
        Files.createDirectories(dir);
        final boolean full = length.equals("full");
        final double scale = full ? scenario.fullScale() : 1;
        final boolean terminal = System.console() != null;
        final CrashRun.Progress progress = terminal ? new TerminalProgress() : null;
        final long wallStart = System.nanoTime();
        final CrashRun reference = new CrashRun(CrashRun.REFERENCE, orderNotional);
        final Path referenceDir = RunDirectory.cleared(dir.resolve("reference"));
        CrashRun constant = null;
        CrashRun naive = null;
        if (referenceOnly)
        {
            reference.run(scenario, seed, full, referenceDir, latency(latencyLoadUs, scale), progress);
        }
        else
        {
            constant = new CrashRun(CrashRun.REFERENCE, orderNotional);
            naive = new CrashRun(CrashRun.NAIVE, orderNotional);
            final Path constantDir = RunDirectory.cleared(dir.resolve("reference-constant-latency"));
            final Path naiveDir = RunDirectory.cleared(dir.resolve("naive"));
            final CrashRun constantRun = constant;
            final CrashRun naiveRun = naive;
            // Each run is one thread driving its own engine (stepped stages), sharing nothing but the scenario,
            // which it only reads: side by side they give what one after the other would, in less time.
            runSideBySide(List.of(
                () -> reference.run(scenario, seed, full, referenceDir, latency(latencyLoadUs, scale), progress),
                () -> constantRun.run(scenario, seed, full, constantDir, latency(0, scale), progress),
                () -> naiveRun.run(scenario, seed, full, naiveDir, latency(latencyLoadUs, scale), progress)));
        }
        if (terminal)
        {
            System.err.println();
        }
        final double elapsed = (System.nanoTime() - wallStart) / 1e9;

        final TimeSeries ammPnl = new TimeSeries();
        final TimeSeries ammInventory = new TimeSeries();
        final AmmPosition amm = ammOn(reference, ammPnl, ammInventory);
        final Map<String, Object> summary = summary(scenario, reference, constant, naive, amm, elapsed);
        final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        Files.writeString(dir.resolve("summary.json"), json.writeValueAsString(summary) + "\n",
            StandardCharsets.UTF_8);
        ReportWriter.write(
            report(scenario, reference, constant, naive, ammPnl, ammInventory, amm.maxAbsInventory(), summary),
            dir.resolve("report.html"));
        System.out.printf("crash %s seed=%d: commands=%d trades=%d price %s -> %s (low %s) in %.1f s" +
            " (%,.0f commands/s)%n", scenario.name(), seed, commands(reference, constant, naive), reference.trades,
            reference.open, reference.close, reference.low, elapsed, commands(reference, constant, naive) / elapsed);
        System.out.println("  reference pnl=" + reference.figures.get("pnl") + " max_drawdown=" +
            reference.figures.get("max_drawdown") + " max_abs_inventory=" + reference.maxAbsInventory);
        if (constant != null)
        {
            System.out.println("  reference (constant latency) pnl=" + constant.figures.get("pnl") +
                " max_drawdown=" + constant.figures.get("max_drawdown"));
        }
        if (naive != null)
        {
            System.out.println("  naive     pnl=" + naive.figures.get("pnl") + " max_drawdown=" +
                naive.figures.get("max_drawdown") + " max_abs_inventory=" + naive.maxAbsInventory);
        }
        System.out.println("  amm       pnl=" + amm.pnl() + " impermanent_loss=" + amm.impermanentLoss());
        System.out.println("report: " + dir.resolve("report.html").toAbsolutePath().normalize());
        System.out.println("summary: " + dir.resolve("summary.json").toAbsolutePath().normalize());
        return 0;
    }

    /** Commands of every run, flow and strategies', for the rate: the runs that did not run count 0. */
    private static long commands(final CrashRun... runs)
    {
        long total = 0;
        for (final CrashRun run : runs)
        {
            total += run == null ? 0 : run.commands;
        }
        return total;
    }

    /**
     * The order-entry latency: fixed, up to half as much again of seeded jitter, and {@code loadUs} per message a
     * second of the compressed flow; a full day has full_scale times the messages, so its load term is divided by
     * full_scale and the same day sees the same latency.
     */
    private OrderEntryLatency latency(final double loadUs, final double scale)
    {
        return latency(latencyUs, loadUs, scale, seed);
    }

    static OrderEntryLatency latency(final long latencyUs, final double loadUs, final double scale, final long seed)
    {
        return new OrderEntryLatency(latencyUs * 1_000, latencyUs * 500, loadUs * 1_000 / scale, seed);
    }

    /**
     * One line on the terminal, rewritten in place: the run, commands done, their rate and the time left, estimated
     * from how far through the day's event time the run is.
     */
    /**
     * Runs each task on one of as many threads as there are cores (at most one per task), and waits for all.
     *
     * @throws Exception the first task's failure, in task order, once every task has ended.
     */
    private static void runSideBySide(final List<ThrowingRunnable> tasks) throws Exception
    {
        final int threads = Math.max(1, Math.min(tasks.size(), Runtime.getRuntime().availableProcessors()));
        final ExecutorService pool = Executors.newFixedThreadPool(threads, runnable ->
        {
            final Thread thread = new Thread(runnable, "crash-run");
            thread.setDaemon(true);
            return thread;
        });
        try
        {
            final List<Future<Void>> running = new ArrayList<>();
            for (final ThrowingRunnable task : tasks)
            {
                running.add(pool.submit(() ->
                {
                    task.run();
                    return null;
                }));
            }
            Exception first = null;
            for (final Future<Void> run : running)
            {
                try
                {
                    run.get();
                }
                catch (final ExecutionException ex)
                {
                    if (first == null)
                    {
                        first = ex.getCause() instanceof Exception ? (Exception)ex.getCause() : ex;
                    }
                }
            }
            if (first != null)
            {
                throw first;
            }
        }
        finally
        {
            pool.shutdownNow();
        }
    }

    /** One run of the command, which may throw what a run throws. */
    @FunctionalInterface
    private interface ThrowingRunnable
    {
        void run() throws Exception;
    }

    private static final class TerminalProgress implements CrashRun.Progress
    {
        private String strategy;
        private long startedNs;

        public synchronized void update(
            final String name, final long commands, final long eventNs, final long totalEventNs)
        {
            final long now = System.nanoTime();
            if (!name.equals(strategy))
            {
                strategy = name;
                startedNs = now;
            }
            final double seconds = Math.max(1e-9, (now - startedNs) / 1e9);
            final double done = Math.max(1e-9, (double)eventNs / Math.max(1, totalEventNs));
            System.err.printf("\r%s: %,d commands, %,.0f commands/s, %.0f %% of the day, about %.0f s left   ",
                name, commands, commands / seconds, 100 * done, seconds * (1 - done) / done);
        }
    }

    /**
     * The AMM position of the same capital, marked on the reference run's sampled mid, its PnL and inventory
     * sampled at the same times for the report.
     */
    private AmmPosition ammOn(final CrashRun run, final TimeSeries pnl, final TimeSeries inventory)
    {
        final double[] t = run.mid.seconds();
        final double[] mids = run.mid.values();
        AmmPosition amm = null;
        for (int i = 0; i < mids.length; i++)
        {
            if (!Double.isNaN(mids[i]) && mids[i] > 0)
            {
                if (amm == null)
                {
                    amm = new AmmPosition(capital, mids[i], ammFeeBps / 1e4);
                }
                amm.onPrice((long)(t[i] * 1e9), mids[i]);
            }
            pnl.add(t[i], amm == null ? 0 : amm.pnl());
            inventory.add(t[i], amm == null ? 0 : amm.baseInventory());
        }
        return amm != null ? amm : new AmmPosition(capital, 1, ammFeeBps / 1e4);
    }

    private Map<String, Object> summary(final Scenario scenario, final CrashRun reference, final CrashRun constant,
        final CrashRun naive, final AmmPosition amm, final double elapsed)
    {
        final Map<String, Object> s = new LinkedHashMap<>();
        s.put("scenario", scenario.name());
        s.put("seed", seed);
        s.put("length", length);
        s.put("commands", reference.commands);
        s.put("trades", reference.trades);
        s.put("elapsed_s", elapsed);
        s.put("commands_per_s", commands(reference, constant, naive) / elapsed);
        s.put("commands_per_batch", reference.commands / (double)Math.max(1, reference.batches));
        s.put("latency_model", "order entry " + latencyUs + " us + up to " + latencyUs / 2 + " us jitter + " +
            latencyLoadUs + " us per message/s of flow; reference_constant_latency without the load term");
        final Map<String, Object> price = new LinkedHashMap<>();
        price.put("open", reference.open);
        price.put("low", reference.low);
        price.put("close", reference.close);
        s.put("price", price);
        final Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("p50", reference.acknowledgement.getValueAtPercentile(50));
        latency.put("p99", reference.acknowledgement.getValueAtPercentile(99));
        latency.put("p999", reference.acknowledgement.getValueAtPercentile(99.9));
        latency.put("max", reference.acknowledgement.getMaxValue());
        s.put("latency_ns", latency);
        // The market's book in the reference run: the naive run's book differs only where its own quotes do.
        s.put("book", reference.bookFigures);
        final Map<String, Object> bots = new LinkedHashMap<>();
        bots.put("reference", reference.figures);
        if (constant != null)
        {
            bots.put("reference_constant_latency", constant.figures);
        }
        if (naive != null)
        {
            bots.put("naive", naive.figures);
        }
        final Map<String, Object> a = new LinkedHashMap<>();
        a.put("pnl", amm.pnl());
        a.put("realized_pnl", amm.feeIncome());
        a.put("fees", -amm.feeIncome());
        a.put("max_drawdown", amm.maxDrawdown());
        a.put("max_abs_inventory", amm.maxAbsInventory());
        a.put("final_inventory", amm.baseInventory());
        a.put("fills", amm.updates());
        a.put("quotes", 0);
        a.put("kill_switch_events", 0);
        a.put("limit_breaches", 0);
        a.put("impermanent_loss", amm.impermanentLoss());
        a.put("capital", capital);
        a.put("fee_bps", ammFeeBps);
        bots.put("amm", a);
        s.put("bots", bots);
        return s;
    }

    /** The market's book in the reference run: spread, depth within 1 % of mid, slippage of the market order. */
    private void bookCharts(final ReportData data, final Scenario scenario, final CrashRun run)
    {
        final String quote = quoteCurrency(scenario.symbol());
        final String notional = String.format(Locale.ROOT, "%,.0f", orderNotional) + " " + quote;
        data.addSeries(ReportData.BOOK_SPREAD, "market (reference run)", run.bookSpreadBps.seconds(),
            run.bookSpreadBps.values());
        data.note(ReportData.BOOK_SPREAD, "The book's best ask less its best bid, every participant's orders " +
            "included; gaps where one side of the book is empty.");
        data.chart(ReportData.DEPTH, "Book depth within 1 % of mid", quote);
        data.addSeries(ReportData.DEPTH, "bid + ask", run.depth.seconds(), run.depth.values());
        data.addSeries(ReportData.DEPTH, "bid", run.bidDepth.seconds(), run.bidDepth.values());
        data.addSeries(ReportData.DEPTH, "ask", run.askDepth.seconds(), run.askDepth.values());
        data.note(ReportData.DEPTH, "Notional resting within 1 % of mid on each side, the market makers' " +
            "orders included (reference run).");
        data.chart(ReportData.SLIPPAGE, "Slippage of a " + notional + " market order", "bps of mid");
        data.addSeries(ReportData.SLIPPAGE, "buy", run.buySlippageBps.seconds(), run.buySlippageBps.values());
        data.addSeries(ReportData.SLIPPAGE, "sell", run.sellSlippageBps.seconds(), run.sellSlippageBps.values());
        data.note(ReportData.SLIPPAGE, "The average price of a " + notional + " market buy (sell) walked through " +
            "the book, above (below) mid; half the spread is part of it. Gaps where the book could not fill it: " +
            "buy " + run.buyUnfilled + ", sell " + run.sellUnfilled + " of " + run.depth.size() + " samples.");
    }

    /** The part of a symbol after its dash (USD of EXO-USD), or a plain word when it has none. */
    private static String quoteCurrency(final String symbol)
    {
        final int dash = symbol.lastIndexOf('-');
        return dash >= 0 && dash < symbol.length() - 1 ? symbol.substring(dash + 1) : "quote currency";
    }

    private ReportData report(final Scenario scenario, final CrashRun reference, final CrashRun constant,
        final CrashRun naive, final TimeSeries ammPnl, final TimeSeries ammInventory, final double ammMaxAbsInventory,
        final Map<String, Object> summary)
    {
        final ReportData data = new ReportData().title(scenario.name() + " crash day").scenario(scenario.name())
            .seed(seed);
        data.chart(ReportData.PRICE, scenario.symbol() + " mid", "quote currency per base unit");
        data.addSeries(ReportData.PRICE, "mid (reference run)", reference.mid.seconds(), reference.mid.values());
        if (naive != null)
        {
            data.addSeries(ReportData.PRICE, "mid (naive run)", naive.mid.seconds(), naive.mid.values());
        }
        for (final CrashRun run : naive != null ? new CrashRun[]{reference, naive} : new CrashRun[]{reference})
        {
            data.addSeries(ReportData.INVENTORY, run.strategyName, run.inventory.seconds(), run.inventory.values());
            // Tracked after every command: the samples the chart draws can miss the peak.
            data.inventoryPeak(run.strategyName, run.maxAbsInventory);
            data.addSeries(ReportData.PNL, run.strategyName, run.pnl.seconds(), run.pnl.values());
            data.addSeries(ReportData.SPREAD, run.strategyName, run.spreadBps.seconds(), run.spreadBps.values());
            data.addSeries(ReportData.MARKOUTS, run.strategyName + " 10 s (cumulative)", run.markout.seconds(),
                run.markout.values());
        }
        data.chart(ReportData.MARKOUTS, "Markouts at +10 s, cumulative", "quote currency");
        bookCharts(data, scenario, reference);
        if (constant != null)
        {
            data.addSeries(ReportData.PNL, CONSTANT_LATENCY_SERIES, constant.pnl.seconds(),
                constant.pnl.values());
            data.addSeries(ReportData.INVENTORY, CONSTANT_LATENCY_SERIES, constant.inventory.seconds(),
                constant.inventory.values());
            data.inventoryPeak(CONSTANT_LATENCY_SERIES, constant.maxAbsInventory);
        }
        data.addSeries(ReportData.PNL, "amm", ammPnl.seconds(), ammPnl.values());
        data.addSeries(ReportData.INVENTORY, "amm", ammInventory.seconds(), ammInventory.values());
        data.inventoryPeak("amm", ammMaxAbsInventory);
        data.chart(ReportData.QUOTED_SIZE, "Reference bot's quoted size at its best bid and ask",
            "base units (" + scenario.symbol() + ")");
        // The size drops to 0 whenever the touch order is in flight or filled: a trailing mean shows what it keeps.
        final int window = Math.max(1, reference.quotedBidSize.size() / SIZE_WINDOWS_A_DAY);
        final TimeSeries bidSize = reference.quotedBidSize.trailingMean(window);
        final TimeSeries askSize = reference.quotedAskSize.trailingMean(window);
        data.addSeries(ReportData.QUOTED_SIZE, "reference bid", bidSize.seconds(), bidSize.values());
        data.addSeries(ReportData.QUOTED_SIZE, "reference ask", askSize.seconds(), askSize.values());
        data.note(ReportData.QUOTED_SIZE, "What a taker meets of the bot at its touch, averaged over the last " +
            window + " samples (1 % of the day); a side it does not quote (a pull, a limit, venue stress) counts " +
            "as 0.");
        if (reference.volatilityPulls > 0)
        {
            // Each pull marker stands for a burst of them: the header counts the episodes.
            data.addKeyNumber("pulls", reference.volatilityPulls + " (reference)");
        }
        for (int i = 0; i < reference.markers.size(); i++)
        {
            data.addMarker(reference.markerTimes.get(i)[0], reference.markers.get(i)[1],
                reference.markers.get(i)[0]);
        }
        data.latency(reference.acknowledgement);
        data.summary(summary);
        return data;
    }
}
