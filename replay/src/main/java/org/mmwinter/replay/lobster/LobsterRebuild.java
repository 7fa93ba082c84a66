package org.mmwinter.replay.lobster;

import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongArrayList;
import org.agrona.collections.LongHashSet;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.StpMode;
import org.mmwinter.engine.core.TimeInForce;

/**
 * Rebuilds a LOBSTER book through the real matching core: each message becomes the core command that has its
 * effect (1 NEW, 2 AMEND down keeping priority, 3 CANCEL, 4 an IOC taker that trades against the named resting
 * order, 7 the core's halt), 5 and 6 are trade prints only. Liquidity the messages cannot know (orders resting
 * before the window, deeper levels coming into view) is held by synthetic orders of their own account and id
 * space; events on ids the messages never introduced act on that synthetic liquidity at their price, and on the
 * orders resting there when it is not enough.
 * <p>
 * Three accounts: {@link #LOBSTER_ACCOUNT} holds the file's orders under their own ids, {@link #SYNTHETIC_ACCOUNT}
 * the synthetic orders (ids 1, 2, ...), {@link #TAKER_ACCOUNT} the takers that make visible executions trade.
 */
public final class LobsterRebuild implements MatchingListener
{
    public static final int LOBSTER_ACCOUNT = 0;
    public static final int SYNTHETIC_ACCOUNT = 1;
    public static final int TAKER_ACCOUNT = 2;
    /** Replay key of no order. */
    static final long NO_KEY = 0;

    /** Trading, as the file says (no type 7 yet, or trading resumed). */
    public static final int TRADING = 0;
    /** Halted by a type 7 with price -1. */
    public static final int HALTED = 1;
    /** Quoting resumed (type 7, price 0), trading not yet: orders rest, nothing matches. */
    public static final int QUOTING = 2;

    /** Columns of {@code trades.csv}. */
    public static final String TRADES_HEADER = TradeLog.HEADER;

    private static final int INSTRUMENT = 0;

    private final MatchingEngine engine = new MatchingEngine(this);
    private final LevelView levels = new LevelView();
    private final RestingQueues queues = new RestingQueues();
    private final LongArrayList found = new LongArrayList();
    private final ClientOrderId id = new ClientOrderId();
    private final Long2ObjectHashMap<TrackedOrder> orders = new Long2ObjectHashMap<>();
    private final LongHashSet introduced = new LongHashSet();
    private final Long2ObjectHashMap<LongArrayList> syntheticBids = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<LongArrayList> syntheticAsks = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<TrackedOrder> pending = new Long2ObjectHashMap<>();
    private final LongArrayList pendingOrder = new LongArrayList();
    private final Long2LongHashMap deferredReductions = new Long2LongHashMap(0);
    private final LongArrayList pulled = new LongArrayList();
    private final TradeLog tradeLog;

    private int marketState = TRADING;
    private long nowNs;
    private long messageRow;
    private long messageOrderId;
    private long syntheticSeq;
    private long takerSeq;
    private long targetKey = NO_KEY;

    private long engineTrades;
    private long hiddenPrints;
    private long crossPrints;
    private long unmatchedPrints;
    private long unknownIdEvents;
    private long unseededEvents;
    private long goneIdEvents;
    private long queueDiffers;
    private long queueFallbacks;
    private long misdirectedFills;
    private long oversizedEvents;
    private long crossedCleared;
    private long refused;
    private long syntheticAdded;
    private long syntheticRemoved;
    private long heldInHalt;

    /**
     * @param symbol the instrument's name: prices are ticks of 0.0001 (scale 4), sizes whole shares.
     * @param trades where trade rows go ({@link #TRADES_HEADER} is written here first), or null for none.
     */
    public LobsterRebuild(final String symbol, final Appendable trades)
    {
        engine.addInstrument(new Instrument(INSTRUMENT, symbol, 4, 1, 0, 1, Instrument.NO_BAND));
        this.tradeLog = new TradeLog(trades);
    }

    /**
     * Applies one message through the core.
     *
     * @param rowNumber the message's data row (1-based), named in trade rows.
     */
    public void apply(final LobsterMessage message, final long rowNumber)
    {
        nowNs = message.timeNs;
        messageRow = rowNumber;
        messageOrderId = message.orderId;
        final int side = message.direction == LobsterMessage.BUY ? Side.BUY : Side.SELL;
        switch (message.type)
        {
            case LobsterMessage.SUBMISSION:
                submit(message.orderId, side, message.price, message.size);
                break;

            case LobsterMessage.PARTIAL_CANCEL:
                reduce(message.orderId, side, message.price, message.size, false);
                break;

            case LobsterMessage.DELETION:
                reduce(message.orderId, side, message.price, message.size, true);
                break;

            case LobsterMessage.VISIBLE_EXECUTION:
                execute(message.orderId, side, message.price, message.size);
                break;

            case LobsterMessage.HIDDEN_EXECUTION:
                hiddenPrints++;
                print("hidden", message.price, message.size, Side.opposite(side));
                break;

            case LobsterMessage.CROSS_TRADE:
                crossPrints++;
                print("cross", message.price, message.size,
                    message.direction == LobsterMessage.NO_DIRECTION ? TradeLog.NO_SIDE : Side.opposite(side));
                break;

            default:
                status(message.price);
                break;
        }
    }

    private void submit(final long orderId, final int side, final long price, final long size)
    {
        if (orderId <= 0 || !introduced.add(orderId))
        {
            // A non-positive id cannot be a LOBSTER order; a second submission of an id cannot be either.
            refused++;
            return;
        }
        if (marketState == HALTED || (marketState == QUOTING && crosses(side, price)))
        {
            hold(orderId, side, price, size);
            return;
        }
        if (marketState == TRADING)
        {
            clearCrossed(side, price);
        }
        enter(LOBSTER_ACCOUNT, orderId, side, price, size, TimeInForce.GTC);
    }

    private void hold(final long orderId, final int side, final long price, final long size)
    {
        heldInHalt++;
        pending.put(orderId, new TrackedOrder().set(side, price, size));
        pendingOrder.addLong(orderId);
    }

    private boolean crosses(final int side, final long price)
    {
        final int other = Side.opposite(side);
        final long best = engine.bestPrice(INSTRUMENT, other);
        return best != MatchingEngine.NO_PRICE && !worse(other, best, price);
    }

    /**
     * A NEW in a LOBSTER file rests: a marketable order never appears as a submission. So rebuilt liquidity on the
     * other side that it would cross is stale (its removal is missing from the rebuild) and is taken away first.
     */
    private void clearCrossed(final int side, final long price)
    {
        if (!crosses(side, price))
        {
            return;
        }
        final int other = Side.opposite(side);
        crossedCleared++;
        found.clear();
        for (int rank = 0; rank < levels.levels(other) && !worse(other, levels.price(other, rank), price); rank++)
        {
            found.addAll(queues.at(other, levels.price(other, rank)));
        }
        for (int i = 0; i < found.size(); i++)
        {
            cancel(found.getLong(i));
        }
    }

    private void reduce(final long orderId, final int side, final long price, final long size, final boolean all)
    {
        final TrackedOrder order = orderId > 0 ? orders.get(orderId) : null;
        if (order != null)
        {
            final long left = order.remaining - size;
            final long orderPrice = order.price;
            if (all || left <= 0)
            {
                cancel(orderId);
                if (left < 0)
                {
                    // The file's order was larger than the rebuilt one (its level lost size to another order
                    // here): the level still loses what the file says.
                    oversizedEvents++;
                    takeFromQueue(side, orderPrice, -left);
                }
            }
            else if (marketState == HALTED)
            {
                // The halted core refuses amends (cancels still work): the reduction waits for the halt to end,
                // and the order keeps its place.
                deferredReductions.put(orderId, deferredReductions.get(orderId) + size);
            }
            else
            {
                amend(orderId, orderPrice, left);
            }
            return;
        }
        final TrackedOrder held = pending.get(orderId);
        if (held != null)
        {
            held.remaining = all ? 0 : Math.max(0, held.remaining - size);
            return;
        }
        if (introduced.contains(orderId))
        {
            // The rebuild took this order off (a correction or a stale-order removal chose it among others at its
            // price) but the file says it was there until now: its level still loses the size, from those kept.
            goneIdEvents++;
            if (levels.sizeAt(side, price) > 0)
            {
                queueFallbacks++;
                takeFromQueue(side, price, size);
            }
            return;
        }
        unknownIdEvents++;
        final long shrunk = shrinkSynthetic(side, price, size);
        if (shrunk == 0)
        {
            unseededEvents++;
        }
        if (shrunk < size && levels.sizeAt(side, price) > 0)
        {
            // Not enough unseen liquidity is held at this price, yet the order was there: its level was out of view
            // when it came (a level-N file leaves those events out), and our own orders there may be ones that left
            // unseen. The rest comes off the queue at that price.
            queueFallbacks++;
            takeFromQueue(side, price, size - shrunk);
        }
    }

    /**
     * Takes {@code size} off the orders resting at a price: the youngest order of exactly that size if there is one
     * (most likely the one that left unseen), else the youngest orders first (whose place is the least certain).
     */
    private void takeFromQueue(final int side, final long price, final long size)
    {
        found.clear();
        final LongArrayList queue = queues.at(side, price);
        if (queue != null)
        {
            found.addAll(queue);
        }
        for (int i = found.size() - 1; i >= 0; i--)
        {
            final long key = found.getLong(i);
            if (orders.get(key).remaining == size)
            {
                cancel(key);
                return;
            }
        }
        long left = size;
        for (int i = found.size() - 1; i >= 0 && left > 0; i--)
        {
            final long key = found.getLong(i);
            final TrackedOrder order = orders.get(key);
            if (order.remaining <= left)
            {
                left -= order.remaining;
                cancel(key);
            }
            else
            {
                amend(key, order.price, order.remaining - left);
                left = 0;
            }
        }
    }

    private void execute(final long orderId, final int side, final long price, final long size)
    {
        final int aggressor = Side.opposite(side);
        if (marketState != TRADING)
        {
            if (marketState == HALTED)
            {
                // The core's halt refuses the taker: no trade while halted, as the engine would have it.
                id.setDecimal(++takerSeq);
                engine.newOrder(nowNs, INSTRUMENT, TAKER_ACCOUNT, id, aggressor, OrderType.LIMIT, TimeInForce.IOC,
                    StpMode.NONE, price, size);
            }
            unmatchedPrints++;
            print("halted", price, size, aggressor);
            return;
        }
        long key = NO_KEY;
        if (orderId > 0 && orders.containsKey(orderId))
        {
            key = orderId;
        }
        else if (orderId > 0 && introduced.contains(orderId))
        {
            goneIdEvents++;
        }
        else
        {
            unknownIdEvents++;
            final LongArrayList synthetic = synthetic(side).get(price);
            if (synthetic != null && !synthetic.isEmpty())
            {
                key = -synthetic.getLong(0);
            }
            else
            {
                unseededEvents++;
            }
        }
        if (key == NO_KEY && levels.sizeAt(side, price) > 0)
        {
            // The named order is not in the rebuild but its price level is: the execution takes the front of it,
            // as the exchange's would.
            queueFallbacks++;
            key = queues.at(side, price).getLong(0);
        }
        if (key == NO_KEY)
        {
            unmatchedPrints++;
            print("unmatched", price, size, aggressor);
            return;
        }
        executeAgainst(key, size);
    }

    /**
     * Makes the core trade {@code size} against the resting order {@code key}: an IOC taker from the taker account
     * at the order's price. Orders the rebuild has ahead of it contradict the file (the execution says this order
     * was first): those at better prices are stale (nothing better was resting, or it would have traded first) and
     * are dropped, and so are synthetic ones; the file's own at the same price are taken out and entered again
     * after the trade, at the back of the level. Fills that hit another order are counted
     * ({@link #misdirectedFills()}).
     */
    private void executeAgainst(final long key, final long size)
    {
        final TrackedOrder target = orders.get(key);
        final int side = target.side;
        final long price = target.price;
        // An execution larger than the rebuilt order goes on to the next orders at its price (the taker's limit is
        // that price and what was better has been taken out), so the level loses what the file says it lost.
        final long qty = size;
        if (qty > target.remaining)
        {
            oversizedEvents++;
        }
        pulled.clear();
        found.clear();
        for (int rank = 0; rank < levels.levels(side) && levels.price(side, rank) != price; rank++)
        {
            found.addAll(queues.at(side, levels.price(side, rank)));
        }
        final LongArrayList queue = queues.at(side, price);
        for (int i = 0; queue.getLong(i) != key; i++)
        {
            found.addLong(queue.getLong(i));
        }
        final int ahead = found.size();
        if (ahead > 0)
        {
            queueDiffers++;
            for (int i = 0; i < ahead; i++)
            {
                final long other = found.getLong(i);
                final TrackedOrder order = orders.get(other);
                if (other > 0 && order.price == price)
                {
                    pulled.addLong(other);
                    pulled.addLong(order.side);
                    pulled.addLong(order.price);
                    pulled.addLong(order.remaining);
                }
                cancel(other);
            }
        }
        targetKey = key;
        id.setDecimal(++takerSeq);
        final int reason = engine.newOrder(nowNs, INSTRUMENT, TAKER_ACCOUNT, id, Side.opposite(side),
            OrderType.LIMIT, TimeInForce.IOC, StpMode.NONE, price, qty);
        targetKey = NO_KEY;
        if (reason != RejectReason.NONE)
        {
            refused++;
        }
        for (int i = 0; i < pulled.size(); i += 4)
        {
            enter(LOBSTER_ACCOUNT, pulled.getLong(i), (int)pulled.getLong(i + 1), pulled.getLong(i + 2),
                pulled.getLong(i + 3), TimeInForce.GTC);
        }
    }

    /**
     * Type 7. A halt is the core's halt: it refuses new orders and the takers of executions, cancels still work.
     * Quoting resumed lifts the core's halt so that orders can rest again, but matching stays off: a submission that
     * would cross is held here (LOBSTER's book may be crossed then) and no execution is made. Trading resumed enters
     * every held order in arrival order, where the crossing ones match as the reopening cross would match them.
     */
    private void status(final long code)
    {
        if (code == LobsterMessage.HALT_PRICE)
        {
            marketState = HALTED;
            engine.halt(INSTRUMENT, true);
        }
        else if (code == LobsterMessage.QUOTING_RESUMES_PRICE)
        {
            if (marketState == HALTED)
            {
                marketState = QUOTING;
                engine.halt(INSTRUMENT, false);
                applyDeferredReductions();
                releasePending(false);
            }
        }
        else
        {
            final boolean wasHalted = marketState != TRADING;
            marketState = TRADING;
            engine.halt(INSTRUMENT, false);
            if (wasHalted)
            {
                applyDeferredReductions();
                releasePending(true);
            }
        }
    }

    /** Partial cancels made during a halt, applied as the core takes amends again, in no particular order. */
    private void applyDeferredReductions()
    {
        final Long2LongHashMap.KeyIterator keys = deferredReductions.keySet().iterator();
        while (keys.hasNext())
        {
            final long orderId = keys.nextValue();
            final TrackedOrder order = orders.get(orderId);
            if (order != null)
            {
                final long left = order.remaining - deferredReductions.get(orderId);
                if (left <= 0)
                {
                    cancel(orderId);
                }
                else
                {
                    amend(orderId, order.price, left);
                }
            }
        }
        deferredReductions.clear();
    }

    /**
     * Enters held orders in arrival order: all of them, or (quoting, not trading) those that do not cross.
     */
    private void releasePending(final boolean all)
    {
        int kept = 0;
        for (int i = 0; i < pendingOrder.size(); i++)
        {
            final long orderId = pendingOrder.getLong(i);
            final TrackedOrder held = pending.get(orderId);
            if (held.remaining == 0)
            {
                pending.remove(orderId);
            }
            else if (all || !crosses(held.side, held.price))
            {
                pending.remove(orderId);
                enter(LOBSTER_ACCOUNT, orderId, held.side, held.price, held.remaining, TimeInForce.GTC);
            }
            else
            {
                pendingOrder.setLong(kept++, orderId);
            }
        }
        while (pendingOrder.size() > kept)
        {
            pendingOrder.removeAt(pendingOrder.size() - 1);
        }
    }

    /**
     * Adds synthetic liquidity (post-only: it never trades on entry).
     *
     * @return false if the core refused it (it would cross the other side, or the instrument is halted).
     */
    boolean addSynthetic(final int side, final long price, final long qty)
    {
        final long seq = ++syntheticSeq;
        if (!enter(SYNTHETIC_ACCOUNT, seq, side, price, qty, TimeInForce.POST_ONLY))
        {
            return false;
        }
        syntheticAdded += qty;
        LongArrayList list = synthetic(side).get(price);
        if (list == null)
        {
            list = new LongArrayList();
            synthetic(side).put(price, list);
        }
        list.addLong(seq);
        return true;
    }

    /**
     * Takes up to {@code qty} off the synthetic orders at a price, oldest first (an amend down keeps each one's
     * place).
     *
     * @return the quantity taken.
     */
    long shrinkSynthetic(final int side, final long price, final long qty)
    {
        final LongArrayList list = synthetic(side).get(price);
        long left = qty;
        while (left > 0 && list != null && !list.isEmpty())
        {
            final long key = -list.getLong(0);
            final TrackedOrder order = orders.get(key);
            if (order.remaining <= left)
            {
                left -= order.remaining;
                cancel(key);
            }
            else
            {
                amend(key, order.price, order.remaining - left);
                left = 0;
            }
        }
        return qty - left;
    }

    /**
     * Removes {@code qty} resting at a price, for a correction to the book file: synthetic liquidity first, then the
     * file's orders as {@link #takeFromQueue} chooses them.
     */
    void removeAt(final int side, final long price, final long qty)
    {
        final long shrunk = shrinkSynthetic(side, price, qty);
        syntheticRemoved += shrunk;
        if (shrunk < qty)
        {
            takeFromQueue(side, price, qty - shrunk);
        }
    }

    private boolean enter(
        final int account, final long seq, final int side, final long price, final long qty, final int tif)
    {
        final long key = account == SYNTHETIC_ACCOUNT ? -seq : seq;
        orders.put(key, new TrackedOrder().set(side, price, qty));
        id.setDecimal(seq);
        final int reason = engine.newOrder(nowNs, INSTRUMENT, account, id, side, OrderType.LIMIT, tif, StpMode.NONE,
            price, qty);
        if (reason != RejectReason.NONE)
        {
            orders.remove(key);
            refused++;
            return false;
        }
        final TrackedOrder order = orders.get(key);
        if (order != null)
        {
            // Filled on entry it is gone (forgotten by the fill); else it rests at the back of its level.
            queues.append(side, price, key);
        }
        return true;
    }

    private void cancel(final long key)
    {
        setId(key);
        if (engine.cancel(nowNs, accountOf(key), id, INSTRUMENT) != RejectReason.NONE)
        {
            refused++;
        }
    }

    private void amend(final long key, final long price, final long qty)
    {
        setId(key);
        if (engine.amend(nowNs, accountOf(key), id, INSTRUMENT, price, qty) != RejectReason.NONE)
        {
            refused++;
        }
    }

    private void setId(final long key)
    {
        id.setDecimal(key < 0 ? -key : key);
    }

    private static int accountOf(final long key)
    {
        return key < 0 ? SYNTHETIC_ACCOUNT : LOBSTER_ACCOUNT;
    }

    /** The replay's key of an order: the file's id, minus the synthetic id, {@link #NO_KEY} for a taker. */
    static long keyOf(final int accountId, final ClientOrderId clientOrderId)
    {
        switch (accountId)
        {
            case LOBSTER_ACCOUNT: return clientOrderId.decimalValue();
            case SYNTHETIC_ACCOUNT: return -clientOrderId.decimalValue();
            default: return NO_KEY;
        }
    }

    /** Whether {@code price} is worse than {@code than} for a resting order of {@code side}. */
    static boolean worse(final int side, final long price, final long than)
    {
        return side == Side.BUY ? price < than : price > than;
    }

    private Long2ObjectHashMap<LongArrayList> synthetic(final int side)
    {
        return side == Side.BUY ? syntheticBids : syntheticAsks;
    }

    private void forget(final long key)
    {
        final TrackedOrder order = orders.remove(key);
        if (order != null)
        {
            queues.remove(order.side, order.price, key);
        }
        if (key < 0 && order != null)
        {
            final LongArrayList list = synthetic(order.side).get(order.price);
            if (list != null)
            {
                list.removeLong(-key);
                if (list.isEmpty())
                {
                    synthetic(order.side).remove(order.price);
                }
            }
        }
    }

    public void onFill(
        final int instrumentId,
        final long price,
        final long qty,
        final int takerSide,
        final int makerAccountId,
        final long makerOrderId,
        final ClientOrderId makerClientOrderId,
        final long makerRemaining,
        final int takerAccountId,
        final long takerOrderId,
        final ClientOrderId takerClientOrderId,
        final long takerRemaining)
    {
        engineTrades++;
        final long maker = keyOf(makerAccountId, makerClientOrderId);
        if (targetKey != NO_KEY && maker != targetKey && orders.containsKey(targetKey))
        {
            misdirectedFills++;
        }
        final long taker = keyOf(takerAccountId, takerClientOrderId);
        tradeLog.trade(nowNs, price, qty, takerSide, maker, taker, messageRow);
        update(maker, makerRemaining);
        update(taker, takerRemaining);
    }

    private void update(final long key, final long remaining)
    {
        if (key == NO_KEY)
        {
            return;
        }
        final TrackedOrder order = orders.get(key);
        if (order != null)
        {
            order.remaining = remaining;
            if (remaining == 0)
            {
                forget(key);
            }
        }
    }

    public void onCanceled(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final long qty,
        final int reason)
    {
        final long key = keyOf(accountId, clientOrderId);
        if (key != NO_KEY)
        {
            forget(key);
        }
    }

    public void onAmended(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final long price,
        final long qty,
        final boolean priorityKept)
    {
        final TrackedOrder order = orders.get(keyOf(accountId, clientOrderId));
        if (order != null)
        {
            order.price = price;
            order.remaining = qty;
        }
    }

    public void onLevelChanged(
        final int instrumentId, final int side, final long price, final long qty, final int orderCount)
    {
        levels.onLevel(side, price, qty, orderCount);
    }

    private void print(final String kind, final long price, final long size, final int aggressor)
    {
        tradeLog.print(nowNs, kind, price, size, aggressor, messageOrderId, messageRow);
    }

    /** The rebuilt queue at a price as replay keys, front first, or null: for checking it against the core. */
    LongArrayList queueAt(final int side, final long price)
    {
        return queues.at(side, price);
    }

    /** The rebuilt book by level. */
    public LevelView levels()
    {
        return levels;
    }

    /** The core itself, for reading its book ({@link MatchingEngine#forEachOrder}) and halt state. */
    public MatchingEngine engine()
    {
        return engine;
    }

    /** {@link #TRADING}, {@link #HALTED} or {@link #QUOTING}. */
    public int marketState()
    {
        return marketState;
    }

    /** Trades the core made (visible executions, and crossing orders released after a halt). */
    public long engineTrades()
    {
        return engineTrades;
    }

    public long hiddenPrints()
    {
        return hiddenPrints;
    }

    public long crossPrints()
    {
        return crossPrints;
    }

    /** Visible executions the core could not make (halted, or no order to trade against): printed only. */
    public long unmatchedPrints()
    {
        return unmatchedPrints;
    }

    /** Events of type 2, 3 or 4 on ids no submission in the file introduced. */
    public long unknownIdEvents()
    {
        return unknownIdEvents;
    }

    /** Unknown-id events that found no synthetic liquidity at their price to act on. */
    public long unseededEvents()
    {
        return unseededEvents;
    }

    /** Events on ids the file introduced that are no longer in the rebuild (removed by a resync or a clearing). */
    public long goneIdEvents()
    {
        return goneIdEvents;
    }

    /** Visible executions whose order was not first in the rebuilt queue. */
    public long queueDiffers()
    {
        return queueDiffers;
    }

    /**
     * Events on an order the rebuild does not hold (unknown, or gone) with no synthetic liquidity at its price, that
     * acted on the rebuilt orders at that price instead (an execution on the front order, a deletion on an order of
     * its size or the youngest).
     */
    public long queueFallbacks()
    {
        return queueFallbacks;
    }

    /**
     * Fills of a visible execution's taker that hit another order while the one named was still resting (0 by
     * construction: what the rebuild had ahead of it is taken out first).
     */
    public long misdirectedFills()
    {
        return misdirectedFills;
    }

    /**
     * Deletions, partial cancels or executions larger than the rebuilt order: the rest is taken from the other
     * orders at its price.
     */
    public long oversizedEvents()
    {
        return oversizedEvents;
    }

    /** Submissions that would have crossed stale rebuilt liquidity, which was removed first. */
    public long crossedCleared()
    {
        return crossedCleared;
    }

    /** Commands the core refused, and submissions that cannot be orders (id not positive or repeated). */
    public long refused()
    {
        return refused;
    }

    /** Submissions held during a halt, or crossing while only quoting, until they could enter. */
    public long heldInHalt()
    {
        return heldInHalt;
    }

    /** Shares of synthetic liquidity entered (seed, deeper levels, resyncs). */
    public long syntheticAdded()
    {
        return syntheticAdded;
    }

    /** Shares of synthetic liquidity taken off by resyncs. */
    public long syntheticRemoved()
    {
        return syntheticRemoved;
    }
}
