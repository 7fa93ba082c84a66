package org.mmwinter.replay.l2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.state.EngineState;
import org.mmwinter.quoting.account.InstrumentLedger;
import org.mmwinter.quoting.account.PortfolioLedger;
import org.mmwinter.quoting.bot.BotConfig;
import org.mmwinter.quoting.bot.MarketMaker;
import org.mmwinter.quoting.bot.OrderEntry;
import org.mmwinter.quoting.bot.Strategy;
import org.mmwinter.quoting.host.LockstepHost;
import org.mmwinter.quoting.host.OrderEntryLatency;
import org.mmwinter.replay.crash.BookMeasures;
import org.mmwinter.replay.crash.LedgerFigures;
import org.mmwinter.replay.crash.TimeSeries;

/**
 * One backtest on a recorded L2 book: a fresh engine (pipeline, journal) in event time, the recorded book and
 * trades turned into commands by {@link RecordedBook}, and the reference bot (or nobody) in lockstep behind its
 * order-entry latency, as the crash-day replay hosts it. Event time is the files' {@code local_timestamp} (arrival):
 * rows of one book message share it and go in together; at equal times the trades go before the book rows (the
 * level update that reports a trade's consumption arrives with or after the trade). A time earlier than the one
 * before is held at the one before (counted). Samples what the report draws as it goes.
 */
final class L2Run implements LockstepHost.Observer
{
    static final String BOOK_ACCOUNT = "RECORDED_BOOK";
    static final String TAKER_ACCOUNT = "RECORDED_TAKERS";
    /** The account a run without the bot registers its silent participant for. */
    static final String NOBODY_ACCOUNT = "NO_BOT";
    /** The stand-in participant's latency: it sends nothing, so any value is right and a long one batches most. */
    private static final long SILENT_LATENCY_NS = 3_600_000_000_000L;
    /** No value (no bot order seen yet). */
    static final long NONE = Long.MIN_VALUE;
    /** {@link MarketMaker#quotedPrice}: the bot shows nothing on that side. */
    private static final long NO_QUOTE = 0;

    static final int MID = 0;
    static final int INVENTORY = 1;
    static final int PNL = 2;
    static final int SPREAD = 3;
    static final int QUOTED_BID = 4;
    static final int QUOTED_ASK = 5;
    static final int BOOK_SPREAD = 6;
    static final int BID_DEPTH = 7;
    static final int ASK_DEPTH = 8;
    static final int DEPTH = 9;
    static final int BUY_SLIPPAGE = 10;
    static final int SELL_SLIPPAGE = 11;
    static final int FILLS = 12;
    static final int MARKOUT = 13;
    private static final int COLUMNS = 14;

    private final L2Inputs inputs;
    private final boolean withBot;
    private final Map<String, String> botProperties;
    private final QueueModel queue;
    private final OrderEntryLatency latency;
    private final long limitRows;
    private final double orderNotional;
    private final CommandEvent[] chunk = new CommandEvent[LockstepHost.MAX_BATCH];

    final Samples samples = new Samples(COLUMNS);
    final Histogram acknowledgement = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
    final Map<String, Object> figures = new LinkedHashMap<>();
    final Map<String, Object> recordedFigures = new LinkedHashMap<>();
    final Map<String, Object> bookFigures = new LinkedHashMap<>();
    /** The engine's book after the run, total lots at each price, every account's orders: bids and asks. */
    final TreeMap<Long, Long> finalBids = new TreeMap<>();
    final TreeMap<Long, Long> finalAsks = new TreeMap<>();
    /** The same, the recorded book's synthetic orders only. */
    final TreeMap<Long, Long> finalRecordedBids = new TreeMap<>();
    final TreeMap<Long, Long> finalRecordedAsks = new TreeMap<>();

    long bookRows;
    long tradeRows;
    long skippedRows;
    long commands;
    long batches;
    long trades;
    long heldBackTimes;
    long tradesBeforeBook;
    long firstNs = NONE;
    long lastNs = NONE;
    /** Event time at which the bot's first order rested in the book (its arrival), {@link #NONE} if never. */
    long firstBotOrderNs = NONE;
    double elapsedSeconds;
    double maxAbsInventory;
    double tick;
    double lot;
    long buyUnfilled;
    long sellUnfilled;
    String layout;

    private EngineState state;
    private int instrumentId;
    private int botAccount = -1;
    private int bookAccount;
    private MarketMaker bot;
    private RecordedBook recorded;
    private BookMeasures book;
    private LockstepHost host;
    private long expectedCommandCount;
    private boolean dirty = true;
    /** Compare the mirror with the engine's book wherever it is trusted unread (tests; it walks the whole book). */
    boolean checkMirror;
    long mirrorChecks;
    long mirrorDivergences;

    /**
     * @param botProperties the bot's {@code bot.*} keys (an empty map: the defaults for the symbol).
     * @param limitRows     stop after this many data rows of both files together.
     */
    L2Run(final L2Inputs inputs, final boolean withBot, final Map<String, String> botProperties,
        final QueueModel queue, final OrderEntryLatency latency, final long limitRows, final double orderNotional)
    {
        this.inputs = inputs;
        this.withBot = withBot;
        this.botProperties = botProperties;
        this.queue = queue;
        this.latency = latency;
        this.limitRows = limitRows;
        this.orderNotional = orderNotional;
    }

    void run(final Path dataDir) throws IOException
    {
        final EngineConfig.InstrumentSpec spec = new EngineConfig.InstrumentSpec(inputs.symbol, inputs.tick.text(),
            inputs.lot.text(), Instrument.NO_BAND);
        final EngineConfig config = EngineConfig.defaults().clearInstruments().dataDir(dataDir)
            .steppedStages(true).outputJournalThread(true).createInstrumentsOnFirstUse(false).commandTime(true)
            .addInstrument(spec);
        final long wallStart = System.nanoTime();
        try (EnginePipeline pipeline = new EnginePipeline(config);
            BookSource bookSource = inputs.openBook();
            TradeReader tradeReader = inputs.hasTrades() ? inputs.openTrades() : null)
        {
            pipeline.start();
            layout = bookSource.layout();
            instrumentId = pipeline.directory().resolve(inputs.symbol, false);
            final Instrument instrument = pipeline.directory().instrument(instrumentId);
            tick = inputs.tick.value();
            lot = inputs.lot.value();
            book = new BookMeasures(instrument, orderNotional);
            bookAccount = pipeline.directory().resolve(BOOK_ACCOUNT);
            recorded = new RecordedBook(instrumentId, bookAccount,
                pipeline.directory().resolve(TAKER_ACCOUNT), queue);
            if (withBot)
            {
                final Map<String, String> properties = new TreeMap<>(botProperties);
                properties.putIfAbsent("bot.instruments", inputs.symbol);
                final BotConfig botConfig = BotConfig.parse(properties, List.of(inputs.symbol));
                host = new LockstepHost(pipeline, botConfig, dataDir, latency);
                botAccount = pipeline.directory().resolve(botConfig.account());
            }
            else
            {
                // Nobody reacts: the lookahead horizon can be as far as a batch reaches.
                host = new LockstepHost(pipeline, NOBODY_ACCOUNT, OrderEntryLatency.fixed(SILENT_LATENCY_NS),
                    Silent::new);
            }
            bot = host.bot();
            state = pipeline.stateWhenIdle();
            host.measure(acknowledgement);
            host.observe(this);
            replay(bookSource, tradeReader);
            host.flush();
            skippedRows = bookSource.skippedRows();
            trades = pipeline.stateWhenIdle().engine().tradeCount(instrumentId);
            elapsedSeconds = (System.nanoTime() - wallStart) / 1e9;
            captureFinalBook(pipeline.stateWhenIdle().engine());
            figures();
            host.close();
        }
    }

    private void replay(final BookSource bookSource, final TradeReader tradeReader) throws IOException
    {
        final BookEvent bookEvent = new BookEvent();
        final TradeEvent tradeEvent = new TradeEvent();
        boolean haveBook = bookSource.next(bookEvent);
        boolean haveTrade = tradeReader != null && tradeReader.next(tradeEvent);
        long horizon = Long.MIN_VALUE;
        long rows = 0;
        while ((haveBook || haveTrade) && rows < limitRows)
        {
            final boolean trade = haveTrade && (!haveBook || tradeEvent.timeUs <= bookEvent.timeUs);
            if (trade && firstNs == NONE)
            {
                // Before the book's first snapshot there is no book to trade against, for the bot neither.
                tradesBeforeBook++;
                tradeRows++;
                rows++;
                haveTrade = tradeReader.next(tradeEvent);
                continue;
            }
            long t = (trade ? tradeEvent.timeUs : bookEvent.timeUs) * 1_000;
            if (lastNs != NONE && t < lastNs)
            {
                heldBackTimes++;
                t = lastNs;
            }
            if (firstNs != NONE && samples.due(t))
            {
                // A sample of the book as it stands just before t: between batches, so the batch ends here.
                if (recorded.pendingCount() > 0)
                {
                    flush();
                }
                sample(t);
            }
            if (recorded.pendingCount() > 0 && t >= horizon)
            {
                flush();
            }
            if (recorded.pendingCount() == 0)
            {
                host.advanceTo(t);
                // The mirror follows the flow's own commands; anything else (the bot's commands, a refusal) is read.
                if (dirty || state.engine().commandCount() != expectedCommandCount ||
                    state.engine().liveOrderCount() != recorded.orderCount())
                {
                    recorded.refresh(state.engine());
                    dirty = false;
                    findFirstBotOrder();
                }
                else if (checkMirror)
                {
                    // The mirror is trusted here, without a read: the point where a drift would go unseen.
                    mirrorChecks++;
                    if (!recorded.mirrors(state.engine()))
                    {
                        mirrorDivergences++;
                        recorded.refresh(state.engine());
                    }
                }
                expectedCommandCount = state.engine().commandCount();
                horizon = host.horizon();
            }
            if (firstNs == NONE)
            {
                firstNs = t;
            }
            lastNs = t;
            if (trade)
            {
                recorded.trade(t, tradeEvent.side, tradeEvent.price, tradeEvent.amount);
                tradeRows++;
                haveTrade = tradeReader.next(tradeEvent);
                rows++;
            }
            else
            {
                if (bookEvent.kind == BookEvent.RESET)
                {
                    recorded.reset(t);
                }
                else
                {
                    recorded.level(t, bookEvent.side, bookEvent.price, bookEvent.amount);
                    bookRows++;
                    rows++;
                }
                haveBook = bookSource.next(bookEvent);
            }
            if (recorded.pendingCount() >= LockstepHost.MAX_BATCH)
            {
                flush();
            }
        }
        if (recorded.pendingCount() > 0)
        {
            flush();
        }
        if (lastNs != NONE)
        {
            sample(lastNs);
        }
    }

    /** Sends the pending commands as one batch (in chunks of the host's largest). */
    private void flush()
    {
        final int count = recorded.pendingCount();
        int sent = 0;
        while (sent < count)
        {
            final int n = Math.min(count - sent, LockstepHost.MAX_BATCH);
            for (int i = 0; i < n; i++)
            {
                chunk[i] = recorded.pending(sent + i);
            }
            if (sent > 0)
            {
                host.advanceTo(chunk[0].nowNs);
            }
            host.submitBatch(chunk, n);
            batches++;
            for (int i = 0; i < n; i++)
            {
                if (host.batchReason(i) != 0)
                {
                    dirty = true;
                }
            }
            sent += n;
        }
        commands += count;
        expectedCommandCount += count;
        recorded.clearPending();
    }

    private void findFirstBotOrder()
    {
        if (bot == null || firstBotOrderNs != NONE)
        {
            return;
        }
        state.engine().forEachRestingOrder(instrumentId, (instrument, side, price, qty, accountId, clientOrderId,
            orderId, tif, stp, timestampNs) ->
        {
            if (accountId == botAccount && (firstBotOrderNs == NONE || timestampNs < firstBotOrderNs))
            {
                firstBotOrderNs = timestampNs;
            }
        });
    }

    private void captureFinalBook(final MatchingEngine engine)
    {
        engine.forEachOrder(instrumentId, (instrument, side, price, qty, accountId, clientOrderId, orderId) ->
        {
            (side == Side.BUY ? finalBids : finalAsks).merge(price, qty, Long::sum);
        });
        final int synthetic = bookAccount;
        engine.forEachOrder(instrumentId, (instrument, side, price, qty, accountId, clientOrderId, orderId) ->
        {
            if (accountId == synthetic)
            {
                (side == Side.BUY ? finalRecordedBids : finalRecordedAsks).merge(price, qty, Long::sum);
            }
        });
    }

    /** The bot's inventory in base units (0 without the bot). */
    private double heldNow()
    {
        return bot == null ? 0 : bot.inventoryLots(instrumentId) * lot;
    }

    public void afterCommand(final long eventNs)
    {
        if (bot != null)
        {
            maxAbsInventory = Math.max(maxAbsInventory, Math.abs(heldNow()));
        }
    }

    public void onTrade(final ExecutionReport trade)
    {
    }

    /** One row of what the report draws at event time {@code t}, between batches (the engine is idle). */
    private void sample(final long t)
    {
        samples.start(t);
        final long bid = recorded.bestRecorded(Side.BUY);
        final long ask = recorded.bestRecorded(Side.SELL);
        final double mid = bid != RecordedBook.NONE && ask != RecordedBook.NONE ? (bid + ask) * tick / 2 : Double.NaN;
        samples.set(MID, mid);
        if (bot != null)
        {
            final PortfolioLedger ledger = bot.ledger();
            samples.set(INVENTORY, heldNow());
            samples.set(PNL, ledger.pnl());
            samples.set(FILLS, ledger.fills());
            samples.set(MARKOUT, ledger.markout(InstrumentLedger.MARKOUT_10S));
            final long myBid = bot.quotedPrice(instrumentId, Side.BUY);
            final long myAsk = bot.quotedPrice(instrumentId, Side.SELL);
            samples.set(SPREAD, myBid != NO_QUOTE && myAsk != NO_QUOTE && !Double.isNaN(mid) ?
                (myAsk - myBid) * tick / mid * 1e4 : Double.NaN);
            samples.set(QUOTED_BID, bot.quotedQty(instrumentId, Side.BUY) * lot);
            samples.set(QUOTED_ASK, bot.quotedQty(instrumentId, Side.SELL) * lot);
        }
        book.measure(state.engine(), instrumentId);
        samples.set(BOOK_SPREAD, book.spreadBps());
        samples.set(BID_DEPTH, book.bidDepth());
        samples.set(ASK_DEPTH, book.askDepth());
        samples.set(DEPTH, book.depth());
        samples.set(BUY_SLIPPAGE, book.buySlippageBps());
        samples.set(SELL_SLIPPAGE, book.sellSlippageBps());
        if (book.twoSided())
        {
            buyUnfilled += book.buyFilled() ? 0 : 1;
            sellUnfilled += book.sellFilled() ? 0 : 1;
        }
    }

    private void figures()
    {
        recordedFigures.put("book_rows", bookRows);
        recordedFigures.put("trade_rows", tradeRows);
        recordedFigures.put("rows_skipped_before_first_snapshot", skippedRows);
        recordedFigures.put("snapshot_resets", recorded.resets);
        recordedFigures.put("level_updates", recorded.levelUpdates);
        recordedFigures.put("trades_before_first_snapshot", tradesBeforeBook);
        recordedFigures.put("taker_orders", recorded.takers);
        recordedFigures.put("trade_sides_inferred", recorded.inferredSides);
        recordedFigures.put("trades_skipped_side_unknown", recorded.skippedTrades);
        recordedFigures.put("levels_removed_as_crossed", recorded.uncrossedLevels);
        recordedFigures.put("levels_crossing_the_bot", recorded.crossingPlacements);
        recordedFigures.put("times_held_back", heldBackTimes);
        recordedFigures.put("book_reads", recorded.refreshes);
        if (checkMirror)
        {
            recordedFigures.put("mirror_checks", mirrorChecks);
            recordedFigures.put("mirror_divergences", mirrorDivergences);
        }
        recordedFigures.put("lots_the_recorded_flow_traded_with_the_bot", recorded.otherLotsTraded);
        if (bot != null)
        {
            final PortfolioLedger ledger = bot.ledger();
            LedgerFigures.put(figures, ledger, maxAbsInventory);
            figures.put("volatility_pulls", bot.volatilityPulls(instrumentId));
            figures.put("quoted_spread_bps", halves(samples.series(SPREAD)));
            figures.put("first_order_ns", firstBotOrderNs == NONE ? "none" : firstBotOrderNs);
        }
        bookFigures.put("order_notional", orderNotional);
        bookFigures.put("depth_band_pct", BookMeasures.DEPTH_BAND_BPS / 100.0);
        bookFigures.put("spread_bps", halves(samples.series(BOOK_SPREAD)));
        bookFigures.put("depth_1pct", halves(samples.series(DEPTH)));
        final Map<String, Object> buy = halves(samples.series(BUY_SLIPPAGE));
        buy.put("unfilled_samples", buyUnfilled);
        bookFigures.put("slippage_buy_bps", buy);
        final Map<String, Object> sell = halves(samples.series(SELL_SLIPPAGE));
        sell.put("unfilled_samples", sellUnfilled);
        bookFigures.put("slippage_sell_bps", sell);
        bookFigures.put("samples", samples.size());
    }

    /** The medians of a series over the first and the second half of the run (gaps left out). */
    private Map<String, Object> halves(final TimeSeries series)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        final double from = firstNs == NONE ? 0 : firstNs / 1e9;
        final double to = lastNs == NONE ? 0 : lastNs / 1e9;
        final double middle = (from + to) / 2;
        m.put("first_half_median", series.median(from, middle));
        m.put("second_half_median", series.median(middle, to));
        return m;
    }

    /** The stand-in participant of a run without the bot: it sees everything and sends nothing. */
    private static final class Silent implements Strategy
    {
        Silent(final int accountId, final OrderEntry entry)
        {
        }

        public void onMarketData(final ExecutionReport update)
        {
        }

        public void onReport(final ExecutionReport report)
        {
        }

        public void onTime(final long eventNowNs)
        {
        }

        public void decide()
        {
        }
    }
}
