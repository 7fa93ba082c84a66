package org.mmwinter.quoting.host;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.Publication;
import org.mmwinter.quoting.bot.BotConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code engine.jar bot-bench}: the engine's throughput with the market maker on and off over the same busy flow
 * (a liquidity provider re-quoting around a seeded random walk, takers hitting both sides), and the bot's decision
 * latency while it runs. A measurement, not a test: numbers vary with the machine; only ratios of one run count.
 */
@Command(name = "bot-bench", mixinStandardHelpOptions = true,
    description = "Engine throughput with the bot on and off over one seeded busy flow, and the bot's decision " +
        "latency (market data in to command published) under it.")
public final class BotBenchCommand implements Callable<Integer>
{
    private static final long MID_TICKS = 60_000;

    @Option(names = "--commands", paramLabel = "N", description = "Flow commands a run (default 1000000).")
    int commands = 1_000_000;

    @Option(names = "--rate", paramLabel = "N",
        description = "Offered flow commands a second, on planned send times (default 0: flat out).")
    long rate;

    @Option(names = "--runs", paramLabel = "N", description = "Runs of each, alternating (default 3).")
    int runs = 3;

    @Option(names = "--data", paramLabel = "DIR", description = "Scratch directory (default ./bot-bench-data).")
    Path scratch = Path.of("bot-bench-data");

    public Integer call() throws Exception
    {
        for (int run = 0; run < runs; run++)
        {
            for (final boolean bot : new boolean[]{false, true})
            {
                run(run, bot);
            }
        }
        return 0;
    }

    private void run(final int run, final boolean bot) throws Exception
    {
        final Path dir = scratch.resolve("run-" + run + (bot ? "-bot" : "-bare"));
        deleteTree(dir);
        final EngineConfig config = EngineConfig.defaults().clearInstruments().dataDir(dir)
            .addInstrument(new EngineConfig.InstrumentSpec("BTC-USD", "0.5", "0.001", 0, -25, 250));
        final OffsetEpochNanoClock clock = new OffsetEpochNanoClock();
        try (EnginePipeline pipeline = new EnginePipeline(config, List.of(), List.of(), clock))
        {
            pipeline.start();
            final int instrument = pipeline.directory().resolve("BTC-USD", false);
            final int lp = pipeline.directory().resolve("lp");
            final int taker = pipeline.directory().resolve("taker");
            final Publication flow = pipeline.publication(9);
            final CommandEvent c = new CommandEvent();
            LiveHost host = null;
            final Histogram decision = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            final Histogram endToEnd = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
            if (bot)
            {
                host = LiveHost.start(pipeline, BotConfig.parse(Map.of("bot.order_notional", "300",
                    "bot.timer_ms", "10", "bot.kill.max_drawdown", "1000000000", "bot.kill.adverse_run", "1000000000",
                    "bot.vol_pull", "1", "bot.vol_reentry", "1", "bot.hard_limit", "100", "bot.soft_limit", "90"),
                    List.of("BTC-USD")), dir, clock);
            }
            final SplittableRandom random = new SplittableRandom(42);
            long mid = MID_TICKS;
            c.setLimitOrder(lp, "lpb", instrument, Side.BUY, TimeInForce.GTC, mid - 20, 5_000);
            flow.offerBlocking(c, 0);
            c.setLimitOrder(lp, "lpa", instrument, Side.SELL, TimeInForce.GTC, mid + 20, 5_000);
            flow.offerBlocking(c, 0);
            pipeline.awaitIdle(10, TimeUnit.SECONDS);
            if (host != null)
            {
                Thread.sleep(200);
                host.measure(decision, endToEnd);
            }
            final long start = System.nanoTime();
            for (int i = 0; i < commands; i++)
            {
                if (rate > 0)
                {
                    final long due = start + (long)(i * (1e9 / rate));
                    while (System.nanoTime() < due)
                    {
                        Thread.onSpinWait();
                    }
                }
                final int kind = i & 3;
                if (kind == 0)
                {
                    // The provider moves: one side re-posted a tick away on a random walk (cancel, then new).
                    c.clear();
                    c.type = CommandType.CANCEL;
                    c.accountId = lp;
                    c.instrumentId = instrument;
                    final String id = (i & 4) == 0 ? "lpb" : "lpa";
                    c.clientOrderId.parse(id, 0, id.length());
                    flow.offerBlocking(c, i);
                }
                else if (kind == 1)
                {
                    final boolean bid = (i & 4) == 0;
                    mid += random.nextInt(3) - 1;
                    c.setLimitOrder(lp, bid ? "lpb" : "lpa", instrument,
                        bid ? Side.BUY : Side.SELL, TimeInForce.GTC, bid ? mid - 20 : mid + 20, 5_000);
                    flow.offerBlocking(c, i);
                }
                else
                {
                    final boolean sell = random.nextBoolean();
                    c.setLimitOrder(taker, "t" + i, instrument, sell ? Side.SELL : Side.BUY, TimeInForce.IOC,
                        sell ? mid - 10 : mid + 10, 2);
                    flow.offerBlocking(c, i);
                }
            }
            pipeline.awaitIdle(120, TimeUnit.SECONDS);
            final double seconds = (System.nanoTime() - start) / 1e9;
            final StringBuilder line = new StringBuilder();
            line.append(bot ? "bot-on " : "bot-off").append(" run=").append(run)
                .append(String.format(" commands=%d offered_rate=%s seconds=%.3f throughput=%.0f/s", commands,
                    rate > 0 ? Long.toString(rate) : "max", seconds, commands / seconds));
            if (host != null)
            {
                line.append(String.format(" bot_commands=%d fills=%d busy=%d decision_us p50=%.1f p99=%.1f " +
                    "p99.9=%.1f max=%.1f (n=%d) event_to_command_us p50=%.1f p99=%.1f p99.9=%.1f",
                    host.bot().commandsSent(), host.bot().ledger().fills(), host.bot().busyRefusals(),
                    decision.getValueAtPercentile(50) / 1e3, decision.getValueAtPercentile(99) / 1e3,
                    decision.getValueAtPercentile(99.9) / 1e3, decision.getMaxValue() / 1e3,
                    decision.getTotalCount(), endToEnd.getValueAtPercentile(50) / 1e3,
                    endToEnd.getValueAtPercentile(99) / 1e3, endToEnd.getValueAtPercentile(99.9) / 1e3));
                host.close();
            }
            System.out.println(line);
        }
        deleteTree(dir);
    }

    private static void deleteTree(final Path dir) throws Exception
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (var paths = Files.walk(dir))
        {
            for (final Path path : paths.sorted((a, b) -> b.compareTo(a)).toList())
            {
                Files.delete(path);
            }
        }
    }
}
