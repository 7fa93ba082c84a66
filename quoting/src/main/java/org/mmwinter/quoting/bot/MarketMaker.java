package org.mmwinter.quoting.bot;

import java.util.List;

import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.StpMode;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.message.TradingStatus;
import org.mmwinter.quoting.account.PortfolioLedger;
import org.mmwinter.quoting.journal.Decision;
import org.mmwinter.quoting.journal.DecisionJournal;
import org.mmwinter.quoting.journal.DecisionReason;
import org.mmwinter.quoting.model.Ladder;

/**
 * The reference market maker: a deterministic function of the events it is given (public market data, its own
 * execution reports, the passing of event time) to the commands it sends. It reads no clock and draws no
 * randomness, so the live host (a thread in the engine process) and the lockstep host (inside a replay) run the
 * same decisions from the same events.
 * <p>
 * Events only change state and mark instruments dirty; {@link #decide} (called by the host after each batch of
 * events) makes one decision per dirty instrument. In a decision the risk controls come before the quote model:
 * kill switch, pause, halt, a stale book, no market, the volatility pull and its cool-down each pull every quote
 * with one MASS_CANCEL; otherwise the model's ladder is cut to what the inventory limits allow (hard limit with every
 * order in flight counted as if it filled, soft limit shrinking the adding side, the notional cap across
 * instruments, the venue exposure cap, and on venue stress only the side that reduces inventory), then reconciled
 * with the live orders: an order at a target price is kept (or amended down, which keeps its queue priority), other
 * orders are cancelled, and new orders fill the rest up to the capacity left. Every decision goes to the decision
 * journal with the inputs that made it.
 */
public final class MarketMaker implements Strategy
{
    /** Operator commands ({@link #control}). */
    public static final int PAUSE = 1;
    public static final int RESUME = 2;
    public static final int RESET_KILL = 3;
    /** What {@link #lastVolatilityPullNs} answers before the first volatility pull. */
    public static final long NO_PULL = Long.MIN_VALUE;

    static final int KIND_NEW = 1;
    static final int KIND_CANCEL = 2;
    static final int KIND_AMEND = 3;
    static final int KIND_MASS_CANCEL = 4;
    static final int KIND_SNAPSHOT = 5;

    private static final double NANOS = 1e9;
    /** A kept order's size may differ from its target by this fraction before it is replaced. */
    private static final double SIZE_TOLERANCE = 0.25;

    private final BotConfig config;
    private final int accountId;
    private final OrderEntry entry;
    private final DecisionJournal journal;
    private final PortfolioLedger ledger;
    private final QuotedInstrument[] byId;
    private final QuotedInstrument[] quoted;
    private final CommandEvent command = new CommandEvent();
    private final Decision decision = new Decision();

    private long nowNs;
    private long nextOrderNumber = 1;
    private boolean paused;
    private boolean killed;
    private int venueStatus = TradingStatus.VENUE_NORMAL;
    private int adverseRun;
    private int lastFillSide = -1;
    private double lastFillPrice;
    private long commandSequence;
    private long commandsSent;
    private long busyRefusals;
    /** The instrument being decided, so that a refused command marks it for another try. */
    private QuotedInstrument deciding;

    /**
     * @param instruments the engine's instruments the bot quotes, each with its parameters in {@code config}.
     * @param journal     the decision journal, or {@code null} for none (tests of the strategy alone).
     */
    public MarketMaker(final BotConfig config, final int accountId, final List<Instrument> instruments,
        final OrderEntry entry, final DecisionJournal journal)
    {
        this.config = config;
        this.accountId = accountId;
        this.entry = entry;
        this.journal = journal;
        int maxId = 0;
        for (final Instrument instrument : instruments)
        {
            maxId = Math.max(maxId, instrument.id());
        }
        byId = new QuotedInstrument[maxId + 1];
        quoted = new QuotedInstrument[instruments.size()];
        ledger = new PortfolioLedger(instruments.size(), 4096);
        for (int i = 0; i < instruments.size(); i++)
        {
            final Instrument instrument = instruments.get(i);
            final QuotedInstrument q = new QuotedInstrument(instrument, config.parameters(instrument.symbol()),
                ledger.add(instrument.id(), instrument.symbol()), instrument.makerFeeRate() / 1e6);
            quoted[i] = q;
            byId[instrument.id()] = q;
            if (journal != null)
            {
                journal.defineInstrument(instrument.id(), instrument.symbol(), q.tickSize, q.lotSize);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------- events

    /**
     * A public trade, level change or trading status (from the lossy market-data feed, {@code gap} when updates were
     * lost), or a level of a book snapshot the bot asked for.
     */
    public void onMarketData(final ExecutionReport r)
    {
        advance(r.nowNs, r.commandSequence);
        if (r.type == ResultType.STATUS && r.instrumentId == MatchingEngine.ANY_INSTRUMENT)
        {
            onVenueStatus(r.status);
            return;
        }
        final QuotedInstrument q = instrument(r.instrumentId);
        if (q == null)
        {
            return;
        }
        if (r.gap && !q.stale)
        {
            // Updates were dropped: the book is no longer the engine's. Nothing is decided from it until a
            // snapshot has replaced it.
            q.stale = true;
            q.snapshotWanted = true;
            q.book.clear();
        }
        switch (r.type)
        {
            case ResultType.STATUS:
                onInstrumentStatus(q, r.status);
                break;
            case ResultType.TRADE:
                q.lastTradePrice = q.price(r.price);
                if (!q.stale && q.sized && !Double.isNaN(q.mid))
                {
                    // One arrival per aggressive order, at the deepest level it reached: a sweep through three
                    // levels is one order that reached the third, not three orders at shallower depths.
                    if (r.commandSequence != q.tradeSequence)
                    {
                        flushTrade(q);
                        q.tradeSequence = r.commandSequence;
                        q.tradeDepth = 0;
                    }
                    final double depth = Math.abs(q.price(r.price) - q.mid);
                    if (depth >= q.tradeDepth)
                    {
                        q.tradeDepth = depth;
                        q.tradePrice = q.price(r.price);
                        q.tradeNs = nowNs;
                    }
                }
                break;
            case ResultType.LEVEL:
                if (!q.stale)
                {
                    q.book.set(r.side, r.price, r.qty);
                }
                break;
            case ResultType.BOOK_LEVEL:
                // A level of the snapshot the bot asked for (the book was cleared when it asked).
                q.book.set(r.side, r.price, r.qty);
                break;
            default:
                break;
        }
        q.dirty = true;
    }

    /** One of the bot's own execution reports, acknowledgements or snapshot levels (never dropped). */
    public void onReport(final ExecutionReport r)
    {
        advance(r.nowNs, r.commandSequence);
        final long correlation = r.commandCorrelationId;
        final int kind = correlation < 0 ? 0 : (int)(correlation >>> 40);
        if (r.type == ResultType.STATUS)
        {
            // The status that opens a snapshot answer: the halt state as the engine has it.
            if (r.instrumentId == MatchingEngine.ANY_INSTRUMENT)
            {
                onVenueStatus(r.status);
            }
            else if (instrument(r.instrumentId) != null)
            {
                onInstrumentStatus(instrument(r.instrumentId), r.status);
            }
            return;
        }
        final QuotedInstrument q = instrument(r.type == ResultType.DONE || r.type == ResultType.REJECTED ?
            (int)((correlation >>> 16) & 0xFFFFFF) : r.instrumentId);
        if (q == null)
        {
            return;
        }
        q.dirty = true;
        switch (r.type)
        {
            case ResultType.BOOK_LEVEL:
                q.book.set(r.side, r.price, r.qty);
                return;
            case ResultType.DONE:
                onDone(q, kind);
                return;
            case ResultType.REJECTED:
                onRejected(q, kind, (int)(correlation & 0xFFFF), r.rejectReason);
                return;
            default:
                break;
        }
        final OwnOrders orders = q.orders;
        final int slot = orders.find(r.clientOrderId);
        switch (r.type)
        {
            case ResultType.ACCEPTED:
                if (slot != OwnOrders.NONE)
                {
                    orders.accepted[slot] = true;
                    orders.remaining[slot] = r.remaining;
                    if (orders.states[slot] == OwnOrders.PENDING_NEW)
                    {
                        orders.states[slot] = OwnOrders.LIVE;
                    }
                }
                break;
            case ResultType.FILL:
                onFill(q, slot, r);
                break;
            case ResultType.CANCELED:
            case ResultType.EXPIRED:
                if (slot != OwnOrders.NONE)
                {
                    orders.free(slot);
                }
                break;
            case ResultType.AMENDED:
                if (slot != OwnOrders.NONE)
                {
                    orders.prices[slot] = r.price;
                    orders.remaining[slot] = r.remaining;
                    if (orders.states[slot] == OwnOrders.PENDING_AMEND)
                    {
                        orders.states[slot] = OwnOrders.LIVE;
                    }
                }
                break;
            case ResultType.REDUCED:
                if (slot != OwnOrders.NONE)
                {
                    orders.remaining[slot] = r.remaining;
                }
                break;
            default:
                break;
        }
    }

    /** Event time moved on without an event (the live host's timer, the lockstep host's clock). */
    public void onTime(final long eventNowNs)
    {
        advance(eventNowNs, commandSequence);
        for (final QuotedInstrument q : quoted)
        {
            if (q.snapshotWanted || q.pullWanted || q.retryWanted ||
                (q.coolDownUntilNs != 0 && nowNs >= q.coolDownUntilNs) ||
                (q.lastQuoteNs != Long.MIN_VALUE && nowNs - q.lastQuoteNs >= q.parameters.refreshSeconds * NANOS))
            {
                q.dirty = true;
            }
        }
    }

    /** An operator's {@link #PAUSE}, {@link #RESUME} or {@link #RESET_KILL}, applied at the current event time. */
    public void control(final int operation)
    {
        switch (operation)
        {
            case PAUSE:
                paused = true;
                break;
            case RESUME:
                paused = false;
                break;
            case RESET_KILL:
                if (killed)
                {
                    killed = false;
                    adverseRun = 0;
                    lastFillSide = -1;
                    // The loss that fired it is accepted: drawdown is measured from here on.
                    ledger.resetPeak();
                    record(quoted[0], DecisionReason.KILL_RESET, 0, 0);
                }
                break;
            default:
                throw new IllegalArgumentException("unknown operation " + operation);
        }
        for (final QuotedInstrument q : quoted)
        {
            q.dirty = true;
        }
    }

    /** Makes one decision for every instrument an event touched since the last call. */
    public void decide()
    {
        for (final QuotedInstrument q : quoted)
        {
            if (q.dirty)
            {
                q.dirty = false;
                decide(q);
            }
        }
        boolean twoSided = false;
        for (final QuotedInstrument q : quoted)
        {
            twoSided |= q.orders.twoSided();
        }
        ledger.onQuoting(nowNs, twoSided);
    }

    // ------------------------------------------------------------------------------------------------- rebuilding

    /**
     * After a restart: an order of the bot's that the engine holds (found by replaying the engine's journal), put
     * back as live before the first decision.
     */
    public void restoreOrder(final int instrumentId, final long clientOrderNumber, final int side, final long price,
        final long remaining)
    {
        final QuotedInstrument q = instrument(instrumentId);
        if (q == null)
        {
            return;
        }
        q.orders.add(clientOrderNumber, side, price, remaining, OwnOrders.LIVE);
        nextOrderNumber = Math.max(nextOrderNumber, clientOrderNumber + 1);
    }

    /** After a restart: one of the bot's fills from the engine's journal, for inventory, cash and PnL. */
    public void restoreFill(final long fillNowNs, final int instrumentId, final int side, final long price,
        final long qty, final long fee)
    {
        final QuotedInstrument q = instrument(instrumentId);
        if (q == null)
        {
            return;
        }
        q.inventoryLots += side == Side.BUY ? qty : -qty;
        ledger.onFill(fillNowNs, instrumentId, side, q.price(price), qty * q.lotSize, fee(q, fee), Double.NaN);
    }

    /** After a restart: client order numbers below this were used by earlier sessions. */
    public void restoreOrderNumber(final long next)
    {
        nextOrderNumber = Math.max(nextOrderNumber, next);
    }

    /** After a restart: event time and journal position the rebuild reached; decisions go on from there. */
    public void restored(final long restoredNowNs, final long sequence)
    {
        advance(restoredNowNs, sequence);
        for (final QuotedInstrument q : quoted)
        {
            // The book is unknown after a restart: ask for it before quoting.
            q.stale = true;
            q.snapshotWanted = true;
            q.dirty = true;
            record(q, DecisionReason.STARTED, 0, 0);
        }
    }

    // ---------------------------------------------------------------------------------------------- the decision

    private void decide(final QuotedInstrument q)
    {
        deciding = q;
        q.retryWanted = false;
        if (q.snapshotWanted)
        {
            requestSnapshot(q);
        }
        flushTrade(q);
        updateMid(q);
        if (!killed && (ledger.drawdown() >= config.killMaxDrawdown || adverseRun >= config.killAdverseRun))
        {
            kill();
        }
        final int gate = gate(q);
        if (gate != 0)
        {
            pull(q, gate);
            return;
        }
        quote(q);
    }

    /** Why the instrument must not be quoted now, or 0. */
    private int gate(final QuotedInstrument q)
    {
        if (killed)
        {
            return DecisionReason.KILL_SWITCH;
        }
        if (paused)
        {
            return DecisionReason.PAUSED;
        }
        if (q.halted)
        {
            return DecisionReason.HALT;
        }
        if (q.stale)
        {
            return DecisionReason.BOOK_RESYNC;
        }
        if (Double.isNaN(q.mid))
        {
            return DecisionReason.NO_MARKET;
        }
        final double sigma = q.volatility.sigma();
        if (sigma > q.parameters.volPull)
        {
            if (!q.volatilityPulled)
            {
                q.volatilityPulls++;
                q.lastVolatilityPullNs = nowNs;
            }
            q.volatilityPulled = true;
            q.coolDownUntilNs = nowNs + (long)(q.parameters.coolDownSeconds * NANOS);
            return DecisionReason.VOLATILITY_PULL;
        }
        if (nowNs < q.coolDownUntilNs || (q.volatilityPulled && sigma > q.parameters.volReentry))
        {
            return DecisionReason.COOL_DOWN;
        }
        q.volatilityPulled = false;
        q.coolDownUntilNs = 0;
        return 0;
    }

    /** Pulls every quote of the instrument with one mass cancel (sent again later if the engine was busy). */
    private void pull(final QuotedInstrument q, final int reason)
    {
        q.target.clear();
        int sent = 0;
        final OwnOrders orders = q.orders;
        boolean live = false;
        for (int i = 0; i < orders.end(); i++)
        {
            if (orders.states[i] != OwnOrders.FREE && orders.states[i] != OwnOrders.PENDING_CANCEL)
            {
                live = true;
                break;
            }
        }
        if (live || q.pullWanted)
        {
            command.clear();
            command.type = CommandType.MASS_CANCEL;
            command.accountId = accountId;
            command.instrumentId = q.instrumentId;
            command.nowNs = nowNs;
            if (send(correlation(KIND_MASS_CANCEL, q.instrumentId, 0)))
            {
                sent = 1;
                q.pullWanted = false;
                q.massCancelInFlight = true;
                for (int i = 0; i < orders.end(); i++)
                {
                    if (orders.states[i] != OwnOrders.FREE)
                    {
                        orders.states[i] = OwnOrders.PENDING_CANCEL;
                    }
                }
            }
            else
            {
                q.pullWanted = true;
            }
        }
        if (sent > 0 || reason != q.lastReason)
        {
            record(q, reason, 0, sent);
        }
    }

    private void quote(final QuotedInstrument q)
    {
        final QuoteParameters p = q.parameters;
        final double sigmaAbs = q.volatility.sigma() * q.mid;
        q.model.quote(q.mid, q.inventory(), sigmaAbs, q.arrivals.k(), q.arrivals.a(), q.quote);

        final OwnOrders orders = q.orders;
        final long inventory = q.inventoryLots;
        final long bidExposure = orders.sideExposure(Side.BUY);
        final long askExposure = orders.sideExposure(Side.SELL);
        int flags = 0;
        int reason = DecisionReason.REQUOTE;

        // Hard limit: even if every bid in flight fills, the long side stays within it (and the short side for asks).
        long bidCapacity = q.hardLots - inventory - bidExposure;
        long askCapacity = q.hardLots + inventory - askExposure;
        double bidScale = 1;
        double askScale = 1;
        if (inventory > q.softLots)
        {
            bidScale = Math.max(0, (double)(q.hardLots - inventory) / (q.hardLots - q.softLots));
            flags |= 1 << DecisionReason.INVENTORY_SOFT;
        }
        if (-inventory > q.softLots)
        {
            askScale = Math.max(0, (double)(q.hardLots + inventory) / (q.hardLots - q.softLots));
            flags |= 1 << DecisionReason.INVENTORY_SOFT;
        }
        if (bidCapacity <= 0 || askCapacity <= 0)
        {
            flags |= 1 << DecisionReason.INVENTORY_HARD;
        }

        // Notional cap across instruments: this instrument's worst case within what the others leave.
        final double others = otherNotional(q);
        final long notionalLots = (long)Math.floor(Math.max(0, config.maxNotional - others) / (q.mid * q.lotSize));
        final long bidByNotional = notionalLots - inventory - bidExposure;
        final long askByNotional = notionalLots + inventory - askExposure;
        if (bidByNotional < bidCapacity || askByNotional < askCapacity)
        {
            if (bidByNotional <= 0 || askByNotional <= 0)
            {
                flags |= 1 << DecisionReason.NOTIONAL_CAP;
            }
            bidCapacity = Math.min(bidCapacity, bidByNotional);
            askCapacity = Math.min(askCapacity, askByNotional);
        }

        // Venue exposure cap, and venue stress: no new exposure, only the side that brings inventory back to zero.
        final double headroom = config.venueMaxExposure - venueExposure();
        final boolean venueLimited = venueStatus != TradingStatus.VENUE_NORMAL || headroom <= 0;
        if (venueLimited)
        {
            bidCapacity = Math.min(bidCapacity, inventory < 0 ? -inventory - bidExposure : 0);
            askCapacity = Math.min(askCapacity, inventory > 0 ? inventory - askExposure : 0);
            flags |= 1 << (venueStatus == TradingStatus.WITHDRAWALS_HALTED ? DecisionReason.WITHDRAWALS_HALTED :
                venueStatus == TradingStatus.VENUE_STRESS ? DecisionReason.VENUE_STRESS : DecisionReason.NOTIONAL_CAP);
            if (inventory >= 0)
            {
                bidScale = 0;
            }
            if (inventory <= 0)
            {
                askScale = 0;
            }
        }
        // Thin book: a side shows at most book_share of what the others show near the mid on it, so that on a venue
        // its providers are leaving the bot shrinks with the book instead of becoming it.
        if (p.bookShare > 0)
        {
            final double bidThin = thinScale(q, Side.BUY);
            final double askThin = thinScale(q, Side.SELL);
            if (bidThin < 1 || askThin < 1)
            {
                flags |= 1 << DecisionReason.THIN_BOOK;
            }
            bidScale *= bidThin;
            askScale *= askThin;
        }
        if ((flags & (1 << DecisionReason.INVENTORY_HARD)) != 0 && inventory >= q.hardLots)
        {
            bidScale = 0;
        }
        if ((flags & (1 << DecisionReason.INVENTORY_HARD)) != 0 && -inventory >= q.hardLots)
        {
            askScale = 0;
        }
        reason = primaryReason(flags);

        q.ladder.build(q.quote, q.tickSize, q.lotSize, p.minSpreadTicks, q.makerFeeRate, bidScale, askScale, q.target);
        final Ladder target = q.target;
        clampToTouch(q, target);
        if (withinTolerance(q, Side.BUY, target.bidLevels, target.bidTicks, target.bidLots) &&
            withinTolerance(q, Side.SELL, target.askLevels, target.askTicks, target.askLots) &&
            nowNs - q.lastQuoteNs < p.refreshSeconds * NANOS)
        {
            if (config.journalHolds || reason != q.lastReason)
            {
                record(q, reason == DecisionReason.REQUOTE ? DecisionReason.HOLD : reason, flags, 0);
            }
            return;
        }
        int sent = reconcile(q, Side.BUY, target.bidLevels, target.bidTicks, target.bidLots, bidCapacity);
        sent += reconcile(q, Side.SELL, target.askLevels, target.askTicks, target.askLots, askCapacity);
        q.lastQuoteNs = nowNs;
        ledger.onQuoteSent(sent);
        record(q, reason, flags, sent);
    }

    /**
     * The size scale of a side under the thin-book rule: {@code book_share} of the others' lots within
     * {@code book_band_bps} of the best price on that side, over the side's full ladder, at most 1. From the touch,
     * not the mid: a wide spread is the model's to price, a thin side is this rule's.
     */
    private static double thinScale(final QuotedInstrument q, final int side)
    {
        final QuoteParameters p = q.parameters;
        final LocalBook book = q.book;
        final int levels = book.levels(side);
        if (levels == 0)
        {
            return 0;
        }
        final long best = book.price(side, 0);
        final long band = (long)Math.floor(p.bookBandBps * 1e-4 * best);
        final long limit = side == Side.BUY ? best - band : best + band;
        long depth = 0;
        for (int i = 0; i < levels; i++)
        {
            final long price = book.price(side, i);
            if (side == Side.BUY ? price < limit : price > limit)
            {
                break;
            }
            depth += book.qty(side, i);
        }
        final long others = Math.max(0, depth - q.orders.restingWithin(side, limit));
        final double allowed = p.bookShare * others / q.ladderLots;
        return allowed < 1 ? allowed : 1;
    }

    /**
     * Keeps the ladder on its own side of the others' book: with a large inventory the model's skew can put the ask
     * below the best bid (or the bid above the best ask), and a post-only quote there is refused by the engine every
     * time it is sent. Such a side is moved out to one tick behind the touch, levels and spacing kept.
     */
    private static void clampToTouch(final QuotedInstrument q, final Ladder target)
    {
        if (q.bestBidTicks > 0 && target.askLevels > 0 && target.askTicks[0] <= q.bestBidTicks)
        {
            final long shift = q.bestBidTicks + 1 - target.askTicks[0];
            for (int i = 0; i < target.askLevels; i++)
            {
                target.askTicks[i] += shift;
            }
        }
        if (q.bestAskTicks > 0 && target.bidLevels > 0 && target.bidTicks[0] >= q.bestAskTicks)
        {
            final long shift = target.bidTicks[0] - (q.bestAskTicks - 1);
            for (int i = 0; i < target.bidLevels; i++)
            {
                target.bidTicks[i] -= shift;
            }
            int kept = 0;
            while (kept < target.bidLevels && target.bidTicks[kept] > 0)
            {
                kept++;
            }
            target.bidLevels = kept;
        }
    }

    private static int primaryReason(final int flags)
    {
        final int[] order = PRIMARY;
        for (final int reason : order)
        {
            if ((flags & (1 << reason)) != 0)
            {
                return reason;
            }
        }
        return DecisionReason.REQUOTE;
    }

    private static final int[] PRIMARY = {DecisionReason.WITHDRAWALS_HALTED, DecisionReason.VENUE_STRESS,
        DecisionReason.INVENTORY_HARD, DecisionReason.NOTIONAL_CAP, DecisionReason.INVENTORY_SOFT};

    /** Whether the live orders of a side already stand where the target wants them (within tolerance). */
    private boolean withinTolerance(final QuotedInstrument q, final int side, final int levels, final long[] ticks,
        final long[] lots)
    {
        final OwnOrders orders = q.orders;
        int active = 0;
        for (int i = 0; i < orders.end(); i++)
        {
            final int state = orders.states[i];
            if (state == OwnOrders.FREE || orders.sides[i] != side)
            {
                continue;
            }
            if (state == OwnOrders.PENDING_CANCEL)
            {
                return false;
            }
            active++;
            final int level = nearestLevel(orders.prices[i], levels, ticks);
            if (level < 0 || Math.abs(orders.prices[i] - ticks[level]) > q.requoteTicks ||
                Math.abs(orders.remaining[i] - lots[level]) > SIZE_TOLERANCE * lots[level])
            {
                return false;
            }
        }
        return active == levels;
    }

    private static int nearestLevel(final long price, final int levels, final long[] ticks)
    {
        int best = -1;
        long distance = Long.MAX_VALUE;
        for (int l = 0; l < levels; l++)
        {
            final long d = Math.abs(price - ticks[l]);
            if (d < distance)
            {
                distance = d;
                best = l;
            }
        }
        return best;
    }

    /**
     * Brings one side's orders to the target: an order within the re-quote tolerance of a target level is kept
     * (amended down, at its own price, if larger), other orders are cancelled, and new orders take the target levels
     * left, up to {@code capacity} lots.
     */
    private int reconcile(final QuotedInstrument q, final int side, final int levels, final long[] ticks,
        final long[] lots, final long capacity)
    {
        final OwnOrders orders = q.orders;
        final long exposureBefore = orders.sideExposure(side);
        int sent = 0;
        int matched = 0;
        for (int i = 0; i < orders.end(); i++)
        {
            final int state = orders.states[i];
            if (state == OwnOrders.FREE || state == OwnOrders.PENDING_CANCEL || orders.sides[i] != side)
            {
                continue;
            }
            // The nearest target level not yet taken, if this order stands within the re-quote tolerance of it: an
            // order a fraction of the tolerance off keeps its place in the queue rather than being replaced.
            int level = -1;
            long distance = Long.MAX_VALUE;
            for (int l = 0; l < levels; l++)
            {
                final long d = Math.abs(ticks[l] - orders.prices[i]);
                if ((matched & (1 << l)) == 0 && d <= q.requoteTicks && d < distance)
                {
                    level = l;
                    distance = d;
                }
            }
            if (level >= 0 && orders.remaining[i] >= lots[level] * (1 - SIZE_TOLERANCE))
            {
                matched |= 1 << level;
                if (orders.remaining[i] > lots[level] && state == OwnOrders.LIVE && orders.accepted[i])
                {
                    sent += amendDown(q, i, lots[level]);
                }
                continue;
            }
            sent += cancel(q, i);
        }
        // An amend in flight counts both its old and its new quantity: what it added comes out of the capacity.
        long left = capacity - (orders.sideExposure(side) - exposureBefore);
        for (int l = 0; l < levels && left > 0; l++)
        {
            if ((matched & (1 << l)) != 0)
            {
                continue;
            }
            final long qty = Math.min(lots[l], left);
            if (newOrder(q, side, ticks[l], qty))
            {
                sent++;
                left -= qty;
            }
        }
        return sent;
    }

    private boolean newOrder(final QuotedInstrument q, final int side, final long price, final long qty)
    {
        final long number = nextOrderNumber;
        final int slot = q.orders.add(number, side, price, qty, OwnOrders.PENDING_NEW);
        if (slot == OwnOrders.NONE)
        {
            return false;
        }
        command.clear();
        command.type = CommandType.NEW;
        command.accountId = accountId;
        command.clientOrderId.setDecimal(number);
        command.instrumentId = q.instrumentId;
        command.side = side;
        command.orderType = OrderType.LIMIT;
        // Post-only: a quote that would cross is refused rather than taking (and paying the taker fee); the
        // bot's own orders on the other side are never traded against (STP cancels the older one).
        command.tif = TimeInForce.POST_ONLY;
        command.stp = StpMode.CANCEL_OLDEST;
        command.price = price;
        command.qty = qty;
        command.nowNs = nowNs;
        if (!send(correlation(KIND_NEW, q.instrumentId, slot)))
        {
            q.orders.free(slot);
            return false;
        }
        nextOrderNumber++;
        return true;
    }

    private int cancel(final QuotedInstrument q, final int slot)
    {
        final OwnOrders orders = q.orders;
        command.clear();
        command.type = CommandType.CANCEL;
        command.accountId = accountId;
        command.clientOrderId.copyFrom(orders.ids[slot]);
        command.instrumentId = q.instrumentId;
        command.nowNs = nowNs;
        if (!send(correlation(KIND_CANCEL, q.instrumentId, slot)))
        {
            return 0;
        }
        orders.states[slot] = OwnOrders.PENDING_CANCEL;
        return 1;
    }

    private int amendDown(final QuotedInstrument q, final int slot, final long qty)
    {
        final OwnOrders orders = q.orders;
        command.clear();
        command.type = CommandType.AMEND;
        command.accountId = accountId;
        command.clientOrderId.copyFrom(orders.ids[slot]);
        command.instrumentId = q.instrumentId;
        command.price = orders.prices[slot];
        command.qty = qty;
        command.nowNs = nowNs;
        if (!send(correlation(KIND_AMEND, q.instrumentId, slot)))
        {
            return 0;
        }
        orders.states[slot] = OwnOrders.PENDING_AMEND;
        orders.amendQty[slot] = qty;
        return 1;
    }

    private void requestSnapshot(final QuotedInstrument q)
    {
        command.clear();
        command.type = CommandType.BOOK_SNAPSHOT;
        command.instrumentId = q.instrumentId;
        command.nowNs = nowNs;
        if (send(correlation(KIND_SNAPSHOT, q.instrumentId, 0)))
        {
            q.snapshotWanted = false;
            q.book.clear();
            record(q, DecisionReason.BOOK_RESYNC, 0, 1);
        }
    }

    private boolean send(final long correlationId)
    {
        if (entry.send(command, correlationId))
        {
            commandsSent++;
            return true;
        }
        busyRefusals++;
        // Refused (the inbound ring is full): decided again at the next tick of time, not forgotten.
        if (deciding != null)
        {
            deciding.retryWanted = true;
        }
        return false;
    }

    private static long correlation(final int kind, final int instrumentId, final int slot)
    {
        return ((long)kind << 40) | ((long)instrumentId << 16) | slot;
    }

    // ------------------------------------------------------------------------------------------- state changes

    private void advance(final long eventNowNs, final long sequence)
    {
        if (eventNowNs > nowNs)
        {
            nowNs = eventNowNs;
        }
        if (sequence > commandSequence)
        {
            commandSequence = sequence;
        }
    }

    private QuotedInstrument instrument(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < byId.length ? byId[instrumentId] : null;
    }

    private void onInstrumentStatus(final QuotedInstrument q, final int status)
    {
        final boolean halted = status == TradingStatus.HALTED;
        if (q.halted && !halted)
        {
            // Re-entry after a halt waits for the cool-down, like after a volatility pull.
            q.coolDownUntilNs = nowNs + (long)(q.parameters.coolDownSeconds * NANOS);
        }
        q.halted = halted;
        q.dirty = true;
    }

    private void onVenueStatus(final int status)
    {
        venueStatus = status;
        for (final QuotedInstrument q : quoted)
        {
            q.dirty = true;
        }
    }

    private void onDone(final QuotedInstrument q, final int kind)
    {
        if (kind == KIND_SNAPSHOT)
        {
            q.stale = false;
        }
        else if (kind == KIND_MASS_CANCEL)
        {
            q.massCancelInFlight = false;
        }
    }

    private void onRejected(final QuotedInstrument q, final int kind, final int slot, final int reason)
    {
        final OwnOrders orders = q.orders;
        switch (kind)
        {
            case KIND_NEW:
                if (orders.states[slot] == OwnOrders.PENDING_NEW ||
                    (orders.states[slot] == OwnOrders.PENDING_CANCEL && !orders.accepted[slot]))
                {
                    orders.free(slot);
                }
                break;
            case KIND_CANCEL:
            case KIND_AMEND:
                if (reason == RejectReason.UNKNOWN_ORDER)
                {
                    // Already gone (filled or cancelled before the command arrived); its report freed it, or will.
                    break;
                }
                if (orders.states[slot] == OwnOrders.PENDING_CANCEL || orders.states[slot] == OwnOrders.PENDING_AMEND)
                {
                    orders.states[slot] = OwnOrders.LIVE;
                }
                break;
            case KIND_SNAPSHOT:
                q.snapshotWanted = true;
                break;
            default:
                break;
        }
    }

    private void onFill(final QuotedInstrument q, final int slot, final ExecutionReport r)
    {
        final OwnOrders orders = q.orders;
        if (slot != OwnOrders.NONE)
        {
            orders.remaining[slot] = r.remaining;
            if (r.remaining == 0)
            {
                orders.free(slot);
            }
        }
        q.inventoryLots += r.side == Side.BUY ? r.qty : -r.qty;
        if (Math.abs(q.inventoryLots) > q.hardLots && q.sized)
        {
            ledger.onLimitBreach();
        }
        final double price = q.price(r.price);
        ledger.onFill(nowNs, q.instrumentId, r.side, price, r.qty * q.lotSize, fee(q, r.fee), q.mid);
        final boolean worse = r.side == lastFillSide &&
            (r.side == Side.BUY ? price < lastFillPrice : price > lastFillPrice);
        adverseRun = worse ? adverseRun + 1 : 1;
        lastFillSide = r.side;
        lastFillPrice = price;
        record(q, DecisionReason.FILL, 0, 0);
    }

    /** Hands the last aggressive order's deepest trade to the arrival fit (against the mid it traded at). */
    private void flushTrade(final QuotedInstrument q)
    {
        if (q.tradeSequence != 0 && q.sized && !Double.isNaN(q.mid))
        {
            q.arrivals.onTrade(q.tradeNs, q.tradePrice, q.mid);
        }
        q.tradeSequence = 0;
        if (q.sized)
        {
            q.arrivals.advanceTo(nowNs);
        }
    }

    private static double fee(final QuotedInstrument q, final long fee)
    {
        return fee / Math.pow(10, q.instrument.priceScale());
    }

    private void kill()
    {
        killed = true;
        ledger.onKillSwitch();
        for (final QuotedInstrument other : quoted)
        {
            other.dirty = true;
        }
    }

    /** Takes the bot's own resting orders out of the public book and keeps the mid of what others show. */
    private void updateMid(final QuotedInstrument q)
    {
        if (q.stale)
        {
            return;
        }
        final long bid = externalBest(q, Side.BUY);
        final long ask = externalBest(q, Side.SELL);
        q.bestBidTicks = bid;
        q.bestAskTicks = ask;
        final double mid = bid > 0 && ask > 0 && bid < ask ? (q.price(bid) + q.price(ask)) / 2 : Double.NaN;
        if (Double.isNaN(mid))
        {
            q.mid = mid;
            return;
        }
        if (!q.sized)
        {
            q.size(mid);
        }
        // Also when unchanged: a quiet market is a zero return, and sigma decays with event time.
        q.volatility.onMid(nowNs, mid);
        q.mid = mid;
        ledger.onMid(nowNs, q.instrumentId, mid);
    }

    private static long externalBest(final QuotedInstrument q, final int side)
    {
        final LocalBook book = q.book;
        final int levels = book.levels(side);
        for (int i = 0; i < levels; i++)
        {
            final long price = book.price(side, i);
            if (book.qty(side, i) > q.orders.restingAt(side, price))
            {
                return price;
            }
        }
        return 0;
    }

    private double otherNotional(final QuotedInstrument self)
    {
        double total = 0;
        for (final QuotedInstrument q : quoted)
        {
            if (q != self && !Double.isNaN(q.mid))
            {
                final long worst = Math.max(Math.abs(q.inventoryLots + q.orders.sideExposure(Side.BUY)),
                    Math.abs(q.inventoryLots - q.orders.sideExposure(Side.SELL)));
                total += worst * q.lotSize * q.mid;
            }
        }
        return total;
    }

    /** Capital at risk on the venue: positions at the mid plus the notional of every order live or in flight. */
    private double venueExposure()
    {
        double total = 0;
        for (final QuotedInstrument q : quoted)
        {
            if (!Double.isNaN(q.mid))
            {
                total += Math.abs(q.inventoryLots) * q.lotSize * q.mid;
            }
            total += q.orders.notional(q.tickSize, q.lotSize);
        }
        return total;
    }

    private void record(final QuotedInstrument q, final int reason, final int flags, final int sent)
    {
        q.lastReason = reason;
        if (journal == null)
        {
            return;
        }
        final Decision d = decision;
        d.clear();
        d.nowNs = nowNs;
        d.commandSequence = commandSequence;
        d.instrumentId = q.instrumentId;
        d.reason = reason;
        d.flags = flags;
        d.mid = q.mid;
        d.sigma = q.volatility.sigma();
        d.k = q.sized ? q.arrivals.k() : Double.NaN;
        d.a = q.sized ? q.arrivals.a() : Double.NaN;
        d.inventory = q.inventory();
        d.reservation = q.quote.reservation;
        d.bidHalfSpread = q.quote.bidHalfSpread;
        d.askHalfSpread = q.quote.askHalfSpread;
        d.equity = ledger.equity();
        d.drawdown = ledger.drawdown();
        d.bestBidTicks = q.bestBidTicks;
        d.bestAskTicks = q.bestAskTicks;
        d.commandsSent = sent;
        final Ladder target = q.target;
        d.bidLevels = Math.min(target.bidLevels, Decision.MAX_LEVELS);
        d.askLevels = Math.min(target.askLevels, Decision.MAX_LEVELS);
        for (int i = 0; i < d.bidLevels; i++)
        {
            d.bidTicks[i] = target.bidTicks[i];
            d.bidLots[i] = target.bidLots[i];
        }
        for (int i = 0; i < d.askLevels; i++)
        {
            d.askTicks[i] = target.askTicks[i];
            d.askLots[i] = target.askLots[i];
        }
        journal.append(d);
    }

    // ----------------------------------------------------------------------------------------------- read-outs

    public PortfolioLedger ledger()
    {
        return ledger;
    }

    public boolean isPaused()
    {
        return paused;
    }

    public boolean isKilled()
    {
        return killed;
    }

    /** The kill switch fired and the engine has confirmed that no order of the bot is left. */
    public boolean isKillConfirmed()
    {
        if (!killed)
        {
            return false;
        }
        for (final QuotedInstrument q : quoted)
        {
            if (q.orders.used() != 0 || q.massCancelInFlight)
            {
                return false;
            }
        }
        return true;
    }

    public int venueStatus()
    {
        return venueStatus;
    }

    public long nowNs()
    {
        return nowNs;
    }

    public long commandsSent()
    {
        return commandsSent;
    }

    public long busyRefusals()
    {
        return busyRefusals;
    }

    /** Orders the bot believes are live or in flight on an instrument. */
    public int openOrders(final int instrumentId)
    {
        final QuotedInstrument q = instrument(instrumentId);
        return q == null ? 0 : q.orders.used();
    }

    /** Signed inventory in lots, from the engine's fills. */
    public long inventoryLots(final int instrumentId)
    {
        final QuotedInstrument q = instrument(instrumentId);
        return q == null ? 0 : q.inventoryLots;
    }

    /** The hard limit in lots (0 until the first mid fixed it). */
    public long hardLimitLots(final int instrumentId)
    {
        final QuotedInstrument q = instrument(instrumentId);
        return q == null ? 0 : q.hardLots;
    }

    /** Worst-case inventory in lots on each side if every order in flight filled: {long, short}. */
    public long worstLongLots(final int instrumentId)
    {
        final QuotedInstrument q = instrument(instrumentId);
        return q == null ? 0 : q.inventoryLots + q.orders.sideExposure(Side.BUY);
    }

    public long worstShortLots(final int instrumentId)
    {
        final QuotedInstrument q = instrument(instrumentId);
        return q == null ? 0 : q.inventoryLots - q.orders.sideExposure(Side.SELL);
    }

    /** The client order numbers of the orders the bot believes live or in flight, for a consistency check. */
    public void forEachOpenOrder(final int instrumentId, final OpenOrderVisitor visitor)
    {
        final QuotedInstrument q = instrument(instrumentId);
        if (q == null)
        {
            return;
        }
        for (int i = 0; i < q.orders.end(); i++)
        {
            if (q.orders.states[i] != OwnOrders.FREE)
            {
                visitor.visit(q.orders.idNumbers[i], q.orders.sides[i], q.orders.prices[i], q.orders.remaining[i],
                    q.orders.states[i]);
            }
        }
    }

    /** Sees one of the bot's open orders. */
    public interface OpenOrderVisitor
    {
        void visit(long clientOrderNumber, int side, long price, long remaining, int state);
    }

    /** The bot's best open price on a side (ticks), {@code 0} when it shows none there. */
    public long quotedPrice(final int instrumentId, final int side)
    {
        final QuotedInstrument q = instrument(instrumentId);
        if (q == null)
        {
            return 0;
        }
        long best = 0;
        for (int i = 0; i < q.orders.end(); i++)
        {
            if (q.orders.states[i] == OwnOrders.LIVE && q.orders.sides[i] == side &&
                (best == 0 || (side == Side.BUY ? q.orders.prices[i] > best : q.orders.prices[i] < best)))
            {
                best = q.orders.prices[i];
            }
        }
        return best;
    }

    /**
     * The remaining size (lots) of the bot's live orders at its best price on a side, {@code 0} when it shows none
     * there: what a taker meets of the bot at its touch. Orders still in flight are not counted, as in
     * {@link #quotedPrice}.
     */
    public long quotedQty(final int instrumentId, final int side)
    {
        final long best = quotedPrice(instrumentId, side);
        if (best == 0)
        {
            return 0;
        }
        final OwnOrders orders = instrument(instrumentId).orders;
        long qty = 0;
        for (int i = 0; i < orders.end(); i++)
        {
            if (orders.states[i] == OwnOrders.LIVE && orders.sides[i] == side && orders.prices[i] == best)
            {
                qty += orders.remaining[i];
            }
        }
        return qty;
    }

    /**
     * Volatility-pull episodes on an instrument so far: one per pull that starts while quoting (or cooling down from
     * something else), however many decisions the pull lasts, until sigma lets the bot back in.
     */
    public long volatilityPulls(final int instrumentId)
    {
        final QuotedInstrument q = instrument(instrumentId);
        return q == null ? 0 : q.volatilityPulls;
    }

    /** Event time the latest volatility-pull episode started, {@link #NO_PULL} before the first. */
    public long lastVolatilityPullNs(final int instrumentId)
    {
        final QuotedInstrument q = instrument(instrumentId);
        return q == null ? NO_PULL : q.lastVolatilityPullNs;
    }

    /** Sigma of the instrument's mid (relative, per square-root second). */
    public double sigma(final int instrumentId)
    {
        final QuotedInstrument q = instrument(instrumentId);
        return q == null ? Double.NaN : q.volatility.sigma();
    }

    public double mid(final int instrumentId)
    {
        final QuotedInstrument q = instrument(instrumentId);
        return q == null ? Double.NaN : q.mid;
    }

    int lastReason(final int instrumentId)
    {
        final QuotedInstrument q = instrument(instrumentId);
        return q == null ? 0 : q.lastReason;
    }
}
