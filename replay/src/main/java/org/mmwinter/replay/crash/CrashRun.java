package org.mmwinter.replay.crash;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.message.TradingStatus;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.state.EngineState;
import org.mmwinter.quoting.account.InstrumentLedger;
import org.mmwinter.quoting.account.PortfolioLedger;
import org.mmwinter.quoting.bot.BotConfig;
import org.mmwinter.quoting.bot.MarketMaker;
import org.mmwinter.quoting.host.LockstepHost;
import org.mmwinter.quoting.host.OrderEntryLatency;

/**
 * One strategy through one crash day: a fresh engine (pipeline, journal) in event time, the scenario's seeded
 * crowd reading the engine's book before each command, and the strategy in lockstep behind its order-entry latency.
 * Samples what the report draws as it goes. The strategies run separately on the same scenario and seed rather than
 * together, so that each one's outcome is its own and not the other's doing; the crowd reacts to the book, so the
 * flows are the same model and seed but part ways once the strategies' quotes differ.
 */
final class CrashRun implements MarketView, LockstepHost.Observer
{
    static final String REFERENCE = "reference";
    static final String NAIVE = "naive";
    static final String REFERENCE_ACCOUNT = "MM1";
    static final String NAIVE_ACCOUNT = "NAIVE1";
    private static final int SAMPLES = 4_000;

    final String strategyName;
    final TimeSeries mid = new TimeSeries();
    final TimeSeries inventory = new TimeSeries();
    final TimeSeries pnl = new TimeSeries();
    final TimeSeries spreadBps = new TimeSeries();
    final TimeSeries markout = new TimeSeries();
    final List<double[]> markerTimes = new ArrayList<>();
    final List<String[]> markers = new ArrayList<>();
    final Histogram acknowledgement = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    final Map<String, Object> figures = new LinkedHashMap<>();

    long commands;
    long trades;
    double open = Double.NaN;
    double low = Double.NaN;
    double close = Double.NaN;
    double elapsedSeconds;
    double maxAbsInventory;

    private EngineState state;
    private int instrumentId;
    private double tick;
    private double lot;
    private long start;
    private long kills;
    private MarketMaker bot;
    private NaiveQuoter naive;

    CrashRun(final String strategyName)
    {
        this.strategyName = strategyName;
    }

    /**
     * @param progress told the commands done so far, now and then (may be {@code null}).
     */
    void run(final Scenario scenario, final long seed, final boolean full, final Path dataDir,
        final OrderEntryLatency latency, final Progress progress)
    {
        final EngineConfig config = EngineConfig.defaults().clearInstruments().dataDir(dataDir)
            .waitStrategy("yielding").combinedStages(true).createInstrumentsOnFirstUse(false).commandTime(true)
            .addInstrument(scenario.instrument());
        final long wallStart = System.nanoTime();
        try (EnginePipeline pipeline = new EnginePipeline(config))
        {
            pipeline.start();
            instrumentId = pipeline.directory().resolve(scenario.symbol(), false);
            final Instrument instrument = pipeline.directory().instrument(instrumentId);
            tick = instrument.tickUnits() / Math.pow(10, instrument.priceScale());
            lot = instrument.lotUnits() / Math.pow(10, instrument.qtyScale());
            final LockstepHost host;
            if (REFERENCE.equals(strategyName))
            {
                host = new LockstepHost(pipeline, BotConfig.parse(Map.of("bot.instruments", scenario.symbol()),
                    List.of(scenario.symbol())), dataDir, latency);
            }
            else
            {
                host = new LockstepHost(pipeline, NAIVE_ACCOUNT, latency, (account, entry) ->
                {
                    naive = new NaiveQuoter(instrument, account, entry, 20, 1_000);
                    return naive;
                });
            }
            bot = host.bot();
            state = pipeline.stateWhenIdle();
            final CrashFlow flow = new CrashFlow(scenario, seed, full, name -> pipeline.directory().resolve(name),
                instrumentId);
            start = flow.startNs();
            final long sampleEveryNs = Math.max(1, (flow.endNs() - start) / SAMPLES);
            long nextSample = start;
            host.measure(acknowledgement);
            host.observe(this);
            final CommandEvent[] batch = new CommandEvent[LockstepHost.MAX_BATCH];
            for (int i = 0; i < batch.length; i++)
            {
                batch[i] = new CommandEvent();
            }
            final CommandEvent next = new CommandEvent();
            boolean haveNext = flow.next(this, next);
            while (haveNext)
            {
                // Conservative lookahead: the flow up to the horizon cannot depend on anything the strategy has
                // yet to do, so it goes into the pipeline as one batch; the crowd sees the book as it is now.
                host.advanceTo(next.nowNs);
                final long horizon = host.horizon();
                int count = 0;
                batch[count++].copyFrom(next);
                haveNext = false;
                while (count < batch.length && flow.next(this, next))
                {
                    if (next.nowNs >= horizon)
                    {
                        haveNext = true;
                        break;
                    }
                    batch[count++].copyFrom(next);
                }
                if (count == batch.length)
                {
                    haveNext = flow.next(this, next);
                }
                host.submitBatch(batch, count);
                commands += count;
                for (int i = 0; i < count; i++)
                {
                    final int type = batch[i].type;
                    if (type == CommandType.HALT || type == CommandType.RESUME || type == CommandType.VENUE_STATUS)
                    {
                        marker(batch[i].nowNs, type == CommandType.HALT ? "halt" : type == CommandType.RESUME ?
                            "resume" : "venue", type == CommandType.VENUE_STATUS ?
                            TradingStatus.venueName(batch[i].status) : (type == CommandType.HALT ? "halted" :
                            "resumed"));
                    }
                }
                final long t = batch[count - 1].nowNs;
                if (t >= nextSample)
                {
                    nextSample = t + sampleEveryNs;
                    sample(t);
                    if (progress != null)
                    {
                        progress.update(strategyName, commands, t - start, flow.endNs() - start);
                    }
                }
            }
            host.flush();
            trades = pipeline.stateWhenIdle().engine().tradeCount(instrumentId);
            elapsedSeconds = (System.nanoTime() - wallStart) / 1e9;
            final PortfolioLedger ledger = ledger();
            figures.put("pnl", ledger.pnl());
            figures.put("realized_pnl", ledger.realizedPnl());
            figures.put("fees", ledger.fees());
            figures.put("max_drawdown", ledger.maxDrawdown());
            figures.put("max_abs_inventory", maxAbsInventory);
            figures.put("final_inventory", ledger.inventory());
            figures.put("fills", ledger.fills());
            figures.put("quotes", ledger.quotesSent());
            figures.put("kill_switch_events", ledger.killSwitchEvents());
            figures.put("limit_breaches", ledger.limitBreaches());
            figures.put("spread_captured", ledger.spreadCaptured());
            figures.put("markout_10s", ledger.markout(InstrumentLedger.MARKOUT_10S));
            host.close();
        }
    }

    /** The report's series at event time {@code t}, between batches (the engine is idle). */
    private void sample(final long t)
    {
        final double seconds = (t - start) / 1e9;
        final long bid = bestBid();
        final long ask = bestAsk();
        final double m = bid != NONE && ask != NONE ? (bid + ask) * tick / 2 : Double.NaN;
        final PortfolioLedger ledger = ledger();
        mid.add(seconds, m);
        inventory.add(seconds, heldNow());
        pnl.add(seconds, ledger.pnl());
        markout.add(seconds, ledger.markout(InstrumentLedger.MARKOUT_10S));
        final long myBid = bot != null ? bot.quotedPrice(instrumentId, Side.BUY) : naive.quotedPrice(Side.BUY);
        final long myAsk = bot != null ? bot.quotedPrice(instrumentId, Side.SELL) : naive.quotedPrice(Side.SELL);
        spreadBps.add(seconds, myBid != NONE && myAsk != NONE && !Double.isNaN(m) ?
            (myAsk - myBid) * tick / m * 1e4 : Double.NaN);
    }

    private PortfolioLedger ledger()
    {
        return bot != null ? bot.ledger() : naive.ledger();
    }

    /** The strategy's inventory in base units. */
    private double heldNow()
    {
        return (bot != null ? bot.inventoryLots(instrumentId) : naive.inventoryLots()) * lot;
    }

    public void afterCommand(final long eventNs)
    {
        maxAbsInventory = Math.max(maxAbsInventory, Math.abs(heldNow()));
        if (bot != null && bot.ledger().killSwitchEvents() > kills)
        {
            kills = bot.ledger().killSwitchEvents();
            marker(eventNs, "kill", "reference kill switch");
        }
    }

    public void onTrade(final ExecutionReport trade)
    {
        final double price = trade.price * tick;
        if (Double.isNaN(open))
        {
            open = price;
            low = price;
        }
        low = Math.min(low, price);
        close = price;
    }

    private void marker(final long t, final String kind, final String label)
    {
        markerTimes.add(new double[]{(t - start) / 1e9});
        markers.add(new String[]{kind, label});
    }

    public long bestBid()
    {
        final long price = state.engine().bestPrice(instrumentId, Side.BUY);
        return price == MatchingEngine.NO_PRICE ? NONE : price;
    }

    public long bestAsk()
    {
        final long price = state.engine().bestPrice(instrumentId, Side.SELL);
        return price == MatchingEngine.NO_PRICE ? NONE : price;
    }

    public long lastTrade()
    {
        final long price = state.engine().lastTradePrice(instrumentId);
        return price == MatchingEngine.NO_PRICE ? NONE : price;
    }

    /** Told how far a run has come. */
    interface Progress
    {
        void update(String strategy, long commands, long eventNs, long totalEventNs);
    }
}
