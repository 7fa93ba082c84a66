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
import org.mmwinter.engine.message.TradingStatus;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.state.EngineState;
import org.mmwinter.quoting.account.InstrumentLedger;
import org.mmwinter.quoting.account.PortfolioLedger;
import org.mmwinter.quoting.bot.BotConfig;
import org.mmwinter.quoting.bot.MarketMaker;
import org.mmwinter.quoting.host.EventClock;
import org.mmwinter.quoting.host.LockstepHost;
import org.mmwinter.quoting.host.OrderEntryLatency;

/**
 * One strategy through one crash day: a fresh engine (pipeline, journal) in event time, the scenario's seeded
 * crowd reading the engine's book before each command, and the strategy in lockstep behind its order-entry latency.
 * Samples what the report draws as it goes. The strategies run separately on the same scenario and seed rather than
 * together, so that each one's outcome is its own and not the other's doing; the crowd reacts to the book, so the
 * flows are the same model and seed but part ways once the strategies' quotes differ.
 */
final class CrashRun implements MarketView
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
        final EventClock clock = new EventClock(scenario.startNs());
        final EngineConfig config = EngineConfig.defaults().clearInstruments().dataDir(dataDir)
            .waitStrategy("yielding").combinedStages(true).createInstrumentsOnFirstUse(false)
            .addInstrument(scenario.instrument());
        final long wallStart = System.nanoTime();
        try (EnginePipeline pipeline = new EnginePipeline(config, List.of(), List.of(), clock))
        {
            pipeline.start();
            instrumentId = pipeline.directory().resolve(scenario.symbol(), false);
            final Instrument instrument = pipeline.directory().instrument(instrumentId);
            final double tick = instrument.tickUnits() / Math.pow(10, instrument.priceScale());
            final double lot = instrument.lotUnits() / Math.pow(10, instrument.qtyScale());
            final LockstepHost host;
            final NaiveQuoter[] naive = new NaiveQuoter[1];
            if (REFERENCE.equals(strategyName))
            {
                host = new LockstepHost(pipeline, clock, BotConfig.parse(Map.of("bot.instruments", scenario.symbol()),
                    List.of(scenario.symbol())), dataDir, latency);
            }
            else
            {
                host = new LockstepHost(pipeline, clock, NAIVE_ACCOUNT, latency, (account, entry) ->
                {
                    naive[0] = new NaiveQuoter(instrument, account, entry, 20, 1_000);
                    return naive[0];
                });
            }
            state = pipeline.stateWhenIdle();
            final CrashFlow flow = new CrashFlow(scenario, seed, full, name -> pipeline.directory().resolve(name),
                instrumentId);
            final CommandEvent command = new CommandEvent();
            final long start = flow.startNs();
            final long sampleEveryNs = Math.max(1, (flow.endNs() - start) / SAMPLES);
            long nextSample = start;
            long kills = 0;
            host.measure(acknowledgement);
            while (flow.next(this, command))
            {
                final int type = command.type;
                final int status = command.status;
                final long t = command.nowNs;
                host.submit(command);
                commands++;
                if (type == CommandType.HALT || type == CommandType.RESUME || type == CommandType.VENUE_STATUS)
                {
                    marker(t, start, type == CommandType.HALT ? "halt" : type == CommandType.RESUME ? "resume" :
                        "venue", type == CommandType.VENUE_STATUS ? TradingStatus.venueName(status) :
                        (type == CommandType.HALT ? "halted" : "resumed"));
                }
                final MarketMaker bot = host.bot();
                if (bot != null && bot.ledger().killSwitchEvents() > kills)
                {
                    kills = bot.ledger().killSwitchEvents();
                    marker(t, start, "kill", "reference kill switch");
                }
                final long lastTrade = state.engine().lastTradePrice(instrumentId);
                if (lastTrade != MatchingEngine.NO_PRICE)
                {
                    final double price = lastTrade * tick;
                    if (Double.isNaN(open))
                    {
                        open = price;
                        low = price;
                    }
                    low = Math.min(low, price);
                    close = price;
                }
                final PortfolioLedger ledger = bot != null ? bot.ledger() : naive[0].ledger();
                final double held = (bot != null ? bot.inventoryLots(instrumentId) : naive[0].inventoryLots()) * lot;
                maxAbsInventory = Math.max(maxAbsInventory, Math.abs(held));
                if (t >= nextSample)
                {
                    nextSample = t + sampleEveryNs;
                    final double seconds = (t - start) / 1e9;
                    final long bid = bestBid();
                    final long ask = bestAsk();
                    final double m = bid != NONE && ask != NONE ? (bid + ask) * tick / 2 : Double.NaN;
                    mid.add(seconds, m);
                    inventory.add(seconds, held);
                    pnl.add(seconds, ledger.pnl());
                    markout.add(seconds, ledger.markout(InstrumentLedger.MARKOUT_10S));
                    final long myBid = bot != null ? bot.quotedPrice(instrumentId, Side.BUY) :
                        naive[0].quotedPrice(Side.BUY);
                    final long myAsk = bot != null ? bot.quotedPrice(instrumentId, Side.SELL) :
                        naive[0].quotedPrice(Side.SELL);
                    spreadBps.add(seconds, myBid != NONE && myAsk != NONE && !Double.isNaN(m) ?
                        (myAsk - myBid) * tick / m * 1e4 : Double.NaN);
                    if (progress != null)
                    {
                        progress.update(strategyName, commands, t - start, flow.endNs() - start);
                    }
                }
            }
            host.flush();
            trades = pipeline.stateWhenIdle().engine().tradeCount(instrumentId);
            elapsedSeconds = (System.nanoTime() - wallStart) / 1e9;
            final PortfolioLedger ledger = host.bot() != null ? host.bot().ledger() : naive[0].ledger();
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

    private void marker(final long t, final long start, final String kind, final String label)
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
