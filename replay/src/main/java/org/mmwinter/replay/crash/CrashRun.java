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
    /** Pulls that start within this fraction of the day of the burst before them are one marker on the page. */
    private static final int PULL_BURSTS_A_DAY = 50;

    final String strategyName;
    final TimeSeries mid = new TimeSeries();
    final TimeSeries inventory = new TimeSeries();
    final TimeSeries pnl = new TimeSeries();
    final TimeSeries spreadBps = new TimeSeries();
    final TimeSeries markout = new TimeSeries();
    /** The strategy's size at its best bid and ask, base units (0 when it shows none on that side). */
    final TimeSeries quotedBidSize = new TimeSeries();
    final TimeSeries quotedAskSize = new TimeSeries();
    /** The market's book (every participant's orders, the strategy's own included), see {@link BookMeasures}. */
    final TimeSeries bookSpreadBps = new TimeSeries();
    final TimeSeries bidDepth = new TimeSeries();
    final TimeSeries askDepth = new TimeSeries();
    final TimeSeries depth = new TimeSeries();
    final TimeSeries buySlippageBps = new TimeSeries();
    final TimeSeries sellSlippageBps = new TimeSeries();
    final List<double[]> markerTimes = new ArrayList<>();
    final List<String[]> markers = new ArrayList<>();
    final Histogram acknowledgement = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    final Map<String, Object> figures = new LinkedHashMap<>();
    /** The {@code book.*} figures of the summary: the market's book over the day, first against last sixth. */
    final Map<String, Object> bookFigures = new LinkedHashMap<>();
    final double orderNotional;

    long commands;
    /** Batches the flow went into the pipeline in (conservative lookahead). */
    long batches;
    long trades;
    double open = Double.NaN;
    double low = Double.NaN;
    double close = Double.NaN;
    double elapsedSeconds;
    double maxAbsInventory;
    /** Samples at which the book could not fill the market buy (sell) of {@link #orderNotional}. */
    long buyUnfilled;
    long sellUnfilled;
    long volatilityPulls;

    private EngineState state;
    private int instrumentId;
    private double tick;
    private double lot;
    private long startNs;
    private long kills;
    private MarketMaker bot;
    private NaiveQuoter naive;
    private BookMeasures book;
    private long burstNs;
    /** The marker of the latest burst of pulls (its label is updated as the burst grows), null before the first. */
    private String[] pullBurst;
    private long pullBurstEpisodes;
    private long lastPullNs;

    CrashRun(final String strategyName)
    {
        this(strategyName, BookMeasures.DEFAULT_ORDER_NOTIONAL);
    }

    /**
     * @param orderNotional the market order walked through the book at each sample, quote currency.
     */
    CrashRun(final String strategyName, final double orderNotional)
    {
        this.strategyName = strategyName;
        this.orderNotional = orderNotional;
    }

    /**
     * @param progress told the commands done so far, now and then (may be {@code null}).
     */
    void run(final Scenario scenario, final long seed, final boolean full, final Path dataDir,
        final OrderEntryLatency latency, final Progress progress)
    {
        final EngineConfig config = EngineConfig.defaults().clearInstruments().dataDir(dataDir)
            .steppedStages(true).outputJournalThread(true).createInstrumentsOnFirstUse(false).commandTime(true)
            .addInstrument(scenario.instrument());
        final long wallStart = System.nanoTime();
        try (EnginePipeline pipeline = new EnginePipeline(config))
        {
            pipeline.start();
            instrumentId = pipeline.directory().resolve(scenario.symbol(), false);
            final Instrument instrument = pipeline.directory().instrument(instrumentId);
            tick = instrument.tickUnits() / Math.pow(10, instrument.priceScale());
            lot = instrument.lotUnits() / Math.pow(10, instrument.qtyScale());
            book = new BookMeasures(instrument, orderNotional);
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
            final long start = flow.startNs();
            startNs = start;
            burstNs = Math.max(1, (flow.endNs() - start) / PULL_BURSTS_A_DAY);
            final long sampleEveryNs = Math.max(1, (flow.endNs() - start) / SAMPLES);
            long nextSample = start;
            long lastCommandNs = Long.MIN_VALUE;
            long lastSampleNs = Long.MIN_VALUE;
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
                batches++;
                for (int i = 0; i < count; i++)
                {
                    final int type = batch[i].type;
                    if (type == CommandType.HALT || type == CommandType.RESUME || type == CommandType.VENUE_STATUS)
                    {
                        marker(batch[i].nowNs, startNs, type == CommandType.HALT ? "halt" : type == CommandType.RESUME ?
                            "resume" : "venue", type == CommandType.VENUE_STATUS ?
                            TradingStatus.venueName(batch[i].status) : (type == CommandType.HALT ? "halted" :
                            "resumed"));
                    }
                }
                final long t = batch[count - 1].nowNs;
                lastCommandNs = t;
                if (t >= nextSample)
                {
                    nextSample = t + sampleEveryNs;
                    lastSampleNs = t;
                    sample(t);
                    if (progress != null)
                    {
                        progress.update(strategyName, commands, t - start, flow.endNs() - start);
                    }
                }
            }
            host.flush();
            // The series end where the run does, so that the report's final PnL is the summary's, not the last
            // periodic sample's.
            if (lastCommandNs > lastSampleNs)
            {
                sample(lastCommandNs);
            }
            trades = pipeline.stateWhenIdle().engine().tradeCount(instrumentId);
            elapsedSeconds = (System.nanoTime() - wallStart) / 1e9;
            final PortfolioLedger ledger = ledger();
            LedgerFigures.put(figures, ledger, maxAbsInventory);
            figures.put("quoted_spread_bps", sixths(spreadBps));
            figures.put("quoted_size", sixths(quotedSize()));
            if (host.bot() != null)
            {
                // From the bot, not the markers: pulls after the last sample count too.
                volatilityPulls = host.bot().volatilityPulls(instrumentId);
                figures.put("volatility_pulls", volatilityPulls);
            }
            bookFigures();
            host.close();
        }
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
            marker(eventNs, startNs, "kill", "reference kill switch");
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

    /**
     * One sample of what the report draws, at event time {@code t}, between batches (the engine is idle): the mid,
     * the strategy's inventory, PnL, markout, quoted spread and size, the market's book measures, and a marker where
     * a volatility pull started.
     */
    private void sample(final long t)
    {
        final double seconds = (t - startNs) / 1e9;
        final PortfolioLedger ledger = ledger();
        final long bid = bestBid();
        final long ask = bestAsk();
        final double m = bid != NONE && ask != NONE ? (bid + ask) * tick / 2 : Double.NaN;
        mid.add(seconds, m);
        inventory.add(seconds, heldNow());
        pnl.add(seconds, ledger.pnl());
        markout.add(seconds, ledger.markout(InstrumentLedger.MARKOUT_10S));
        final long myBid = bot != null ? bot.quotedPrice(instrumentId, Side.BUY) : naive.quotedPrice(Side.BUY);
        final long myAsk = bot != null ? bot.quotedPrice(instrumentId, Side.SELL) : naive.quotedPrice(Side.SELL);
        spreadBps.add(seconds, myBid != NONE && myAsk != NONE && !Double.isNaN(m) ?
            (myAsk - myBid) * tick / m * 1e4 : Double.NaN);
        quotedBidSize.add(seconds, (bot != null ? bot.quotedQty(instrumentId, Side.BUY) :
            naive.quotedQty(Side.BUY)) * lot);
        quotedAskSize.add(seconds, (bot != null ? bot.quotedQty(instrumentId, Side.SELL) :
            naive.quotedQty(Side.SELL)) * lot);

        book.measure(state.engine(), instrumentId);
        bookSpreadBps.add(seconds, book.spreadBps());
        bidDepth.add(seconds, book.bidDepth());
        askDepth.add(seconds, book.askDepth());
        depth.add(seconds, book.depth());
        buySlippageBps.add(seconds, book.buySlippageBps());
        sellSlippageBps.add(seconds, book.sellSlippageBps());
        if (book.twoSided())
        {
            buyUnfilled += book.buyFilled() ? 0 : 1;
            sellUnfilled += book.sellFilled() ? 0 : 1;
        }

        if (bot != null && bot.volatilityPulls(instrumentId) > volatilityPulls)
        {
            pulls(bot.volatilityPulls(instrumentId) - volatilityPulls, bot.lastVolatilityPullNs(instrumentId));
            volatilityPulls = bot.volatilityPulls(instrumentId);
        }
    }

    /**
     * Marks where volatility pulls start: an episode (pull to re-entry) once, not every decision of it; and
     * episodes that follow within a fiftieth of the day of the one before as one burst, its label counting them,
     * since on a crash day the bot re-enters and pulls again hundreds of times and a line each would hide the price.
     */
    private void pulls(final long episodes, final long latestNs)
    {
        if (pullBurst != null && latestNs - lastPullNs <= burstNs)
        {
            pullBurstEpisodes += episodes;
            pullBurst[1] = "reference volatility pulls (" + pullBurstEpisodes + ")";
        }
        else
        {
            pullBurstEpisodes = episodes;
            pullBurst = marker(latestNs, startNs, "pull", episodes == 1 ? "reference volatility pull" :
                "reference volatility pulls (" + episodes + ")");
        }
        lastPullNs = latestNs;
    }

    /** The mean of the bid and ask size at each sample: a side the strategy does not quote counts as 0. */
    private TimeSeries quotedSize()
    {
        final TimeSeries size = new TimeSeries();
        final double[] t = quotedBidSize.seconds();
        final double[] b = quotedBidSize.values();
        final double[] a = quotedAskSize.values();
        for (int i = 0; i < t.length; i++)
        {
            size.add(t[i], (b[i] + a[i]) / 2);
        }
        return size;
    }

    private void bookFigures()
    {
        bookFigures.put("order_notional", orderNotional);
        bookFigures.put("depth_band_pct", BookMeasures.DEPTH_BAND_BPS / 100.0);
        bookFigures.put("spread_bps", sixths(bookSpreadBps));
        bookFigures.put("depth_1pct", sixths(depth));
        bookFigures.put("bid_depth_1pct", sixths(bidDepth));
        bookFigures.put("ask_depth_1pct", sixths(askDepth));
        final Map<String, Object> buy = sixths(buySlippageBps);
        buy.put("unfilled_samples", buyUnfilled);
        bookFigures.put("slippage_buy_bps", buy);
        final Map<String, Object> sell = sixths(sellSlippageBps);
        sell.put("unfilled_samples", sellUnfilled);
        bookFigures.put("slippage_sell_bps", sell);
        bookFigures.put("samples", depth.size());
    }

    /** The medians of a series over the first and the last sixth of the day (gaps left out). */
    private Map<String, Object> sixths(final TimeSeries series)
    {
        // Every series is sampled at the same times, the last one the end of the day as sampled.
        final double day = mid.lastSeconds();
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("first_sixth_median", series.median(0, day / 6));
        m.put("last_sixth_median", series.median(day * 5 / 6, day));
        return m;
    }

    /**
     * Keeps the markers in time order: a pull is marked at the sample after the decision that started it.
     *
     * @return the marker's {kind, label}, whose label may still change.
     */
    private String[] marker(final long t, final long start, final String kind, final String label)
    {
        final double seconds = (t - start) / 1e9;
        int at = markerTimes.size();
        while (at > 0 && markerTimes.get(at - 1)[0] > seconds)
        {
            at--;
        }
        final String[] marker = {kind, label};
        markerTimes.add(at, new double[]{seconds});
        markers.add(at, marker);
        return marker;
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
