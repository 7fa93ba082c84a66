package org.mmwinter.engine.core;

import org.agrona.collections.Object2IntHashMap;

/**
 * The single-threaded matching core: one {@link OrderBook} per instrument, one index of live orders keyed by
 * (account, client order id); every accepted order also gets the engine's own order id. Every command method
 * validates first and changes nothing on a rejection, reports through the {@link MatchingListener} and returns a
 * {@link RejectReason} ({@link RejectReason#NONE} when accepted).
 * Time comes from the command ({@code nowNs}), never from a clock, so the same commands give the same results.
 * Every command method takes its command's {@code nowNs}, including those that do not read it today (cancel, amend,
 * mass cancel): the sequenced command carries a time whatever its type, every caller passes it the same way, and a
 * rule that needs it (an amend that re-times the order it moves, time-based expiry) changes no signature.
 */
public final class MatchingEngine
{
    /** Price of a MARKET order, and "no trade yet". */
    public static final long NO_PRICE = Long.MIN_VALUE;
    /** Instrument argument meaning "any instrument" (CANCEL, AMEND, MASS_CANCEL without a symbol). */
    public static final int ANY_INSTRUMENT = -1;
    /**
     * Returned by {@link #instrumentId(String)} for an unknown symbol; a command naming it is refused or mismatches.
     */
    public static final int UNKNOWN_INSTRUMENT = -2;
    /** Engine order id of "no order" (a rejected NEW, a command that named no live order). */
    public static final long NO_ORDER_ID = 0;

    private static final int DEFAULT_LEVELS_PER_SIDE = 1024;

    private final LiveOrders live;
    private final MatchingListener listener;
    private final Object2IntHashMap<String> instrumentIds = new Object2IntHashMap<>(UNKNOWN_INSTRUMENT);
    private OrderBook[] books = new OrderBook[16];
    private final ClientOrderId noClientOrderId = new ClientOrderId();
    private int instrumentCount;
    private long commandCount;
    private long lastOrderId = NO_ORDER_ID;
    private int venueStatus = MarketStatus.VENUE_NORMAL;

    /**
     * @param expectedLiveOrders orders preallocated; more are allocated (once) if the book grows past it.
     */
    public MatchingEngine(final MatchingListener listener, final int expectedLiveOrders)
    {
        this.listener = listener;
        this.live = new LiveOrders(expectedLiveOrders);
    }

    public MatchingEngine(final MatchingListener listener)
    {
        this(listener, 1 << 16);
    }

    /**
     * Registers an instrument; ids are dense and must be added in order (0, 1, 2, ...).
     */
    public void addInstrument(final Instrument instrument)
    {
        if (instrument.id() != instrumentCount)
        {
            throw new IllegalArgumentException(
                "instrument ids are dense: expected " + instrumentCount + " but got " + instrument);
        }
        if (instrumentIds.containsKey(instrument.symbol()))
        {
            throw new IllegalArgumentException("duplicate instrument symbol: " + instrument.symbol());
        }
        if (instrumentCount == books.length)
        {
            final OrderBook[] bigger = new OrderBook[books.length * 2];
            System.arraycopy(books, 0, bigger, 0, instrumentCount);
            books = bigger;
        }
        books[instrumentCount++] = new OrderBook(instrument, live, listener, DEFAULT_LEVELS_PER_SIDE);
        instrumentIds.put(instrument.symbol(), instrument.id());
    }

    public int instrumentCount()
    {
        return instrumentCount;
    }

    public Instrument instrument(final int instrumentId)
    {
        return books[instrumentId].instrument();
    }

    /**
     * Id of a symbol, or {@link #UNKNOWN_INSTRUMENT}.
     */
    public int instrumentId(final String symbol)
    {
        return instrumentIds.getValue(symbol);
    }

    /** Order-flow commands processed, accepted or rejected. */
    public long commandCount()
    {
        return commandCount;
    }

    /** Trades executed since start. */
    public long tradeCount()
    {
        long trades = 0;
        for (int i = 0; i < instrumentCount; i++)
        {
            trades += books[i].tradeCount();
        }
        return trades;
    }

    /**
     * The engine order id given to the last accepted NEW ({@link #NO_ORDER_ID} before the first): ids are 1, 2, 3, ...
     * in order of acceptance, so the same commands give the same ids, and a snapshot that keeps this keeps them
     * unique for the life of a journal.
     */
    public long lastOrderId()
    {
        return lastOrderId;
    }

    /** Live (resting) orders across all books. */
    public int liveOrderCount()
    {
        return live.size();
    }

    public long lastTradePrice(final int instrumentId)
    {
        return books[instrumentId].lastTradePrice();
    }

    public boolean isHalted(final int instrumentId)
    {
        return books[instrumentId].isHalted();
    }

    /** The venue's {@link MarketStatus} code, {@link MarketStatus#VENUE_NORMAL} until an operator says otherwise. */
    public int venueStatus()
    {
        return venueStatus;
    }

    public int newOrder(
        final long nowNs,
        final int instrumentId,
        final int accountId,
        final ClientOrderId clientOrderId,
        final int side,
        final int type,
        final int tif,
        final int stp,
        final long price,
        final long qty)
    {
        commandCount++;
        final int reason = validateNew(instrumentId, accountId, clientOrderId, side, type, tif, stp, price, qty);
        if (reason != RejectReason.NONE)
        {
            listener.onRejected(accountId, NO_ORDER_ID, clientOrderId, reason);
            return reason;
        }
        final Order order = live.acquire();
        order.accountId = accountId;
        order.clientOrderId.copyFrom(clientOrderId);
        order.orderId = ++lastOrderId;
        order.side = side;
        order.type = type;
        order.tif = tif;
        order.stp = stp;
        order.price = price;
        order.remaining = qty;
        order.timestampNs = nowNs;
        books[instrumentId].submit(order);
        return RejectReason.NONE;
    }

    /**
     * Cancels one live order, named by the account and the client's id, and checked against {@code instrumentId}
     * unless that is {@link #ANY_INSTRUMENT}.
     *
     * @param nowNs the command's engine time; not read by a cancel (see the class comment for why it is taken).
     */
    public int cancel(
        final long nowNs, final int accountId, final ClientOrderId clientOrderId, final int instrumentId)
    {
        commandCount++;
        final Order order = live.find(accountId, clientOrderId);
        final int reason = order == null ? unknownOrder(clientOrderId) : checkSymbol(order, instrumentId);
        if (reason != RejectReason.NONE)
        {
            listener.onRejected(accountId, order == null ? NO_ORDER_ID : order.orderId, clientOrderId, reason);
            return reason;
        }
        order.book.cancel(order, CancelReason.USER);
        return RejectReason.NONE;
    }

    /**
     * Cancel/replace: {@code price} and {@code qty} are the order's new price and new remaining quantity; the order
     * keeps its client id.
     *
     * @param nowNs the command's engine time; not read today, an amended order keeps the time it was entered with
     *              (see the class comment for why it is taken).
     */
    public int amend(
        final long nowNs,
        final int accountId,
        final ClientOrderId clientOrderId,
        final int instrumentId,
        final long price,
        final long qty)
    {
        return amend(nowNs, accountId, clientOrderId, instrumentId, price, qty, noClientOrderId);
    }

    /**
     * Cancel/replace that may also give the order a new client id ({@code renameTo}; empty keeps it), as FIX's
     * OrderCancelReplaceRequest does with its ClOrdID: the order's reports, and later commands, name it by the new
     * id. A new id that another live order of the account has is refused ({@link RejectReason#DUPLICATE_ORDER_ID}),
     * like a NEW's.
     *
     * @param nowNs the command's engine time (see the class comment for why it is taken).
     */
    public int amend(
        final long nowNs,
        final int accountId,
        final ClientOrderId clientOrderId,
        final int instrumentId,
        final long price,
        final long qty,
        final ClientOrderId renameTo)
    {
        commandCount++;
        final Order order = live.find(accountId, clientOrderId);
        int reason = order == null ? unknownOrder(clientOrderId) : checkSymbol(order, instrumentId);
        if (reason == RejectReason.NONE)
        {
            final Instrument instrument = order.book.instrument();
            reason = checkPrice(instrument, price);
            if (reason == RejectReason.NONE)
            {
                reason = checkQty(instrument, qty);
            }
            final boolean rename = !renameTo.isEmpty() && !renameTo.equalTo(clientOrderId);
            if (reason == RejectReason.NONE && rename && live.find(accountId, renameTo) != null)
            {
                reason = RejectReason.DUPLICATE_ORDER_ID;
            }
            if (reason == RejectReason.NONE)
            {
                reason = order.book.amend(order, price, qty, rename ? renameTo : noClientOrderId);
            }
        }
        if (reason != RejectReason.NONE)
        {
            listener.onRejected(accountId, order == null ? NO_ORDER_ID : order.orderId, clientOrderId, reason);
        }
        return reason;
    }

    /**
     * Cancels every live order of an account, on one instrument or on all ({@link #ANY_INSTRUMENT}).
     *
     * @param nowNs the command's engine time; not read by a mass cancel (see the class comment for why it is taken).
     */
    public int massCancel(final long nowNs, final int accountId, final int instrumentId)
    {
        commandCount++;
        if (instrumentId != ANY_INSTRUMENT && (instrumentId < 0 || instrumentId >= instrumentCount))
        {
            listener.onRejected(accountId, NO_ORDER_ID, noClientOrderId, RejectReason.UNKNOWN_INSTRUMENT);
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        Order order = live.accountHead(accountId);
        while (order != null)
        {
            final Order next = order.accountNext;
            if (instrumentId == ANY_INSTRUMENT || order.book.instrument().id() == instrumentId)
            {
                order.book.cancel(order, CancelReason.MASS_CANCEL);
            }
            order = next;
        }
        return RejectReason.NONE;
    }

    /**
     * Circuit breaker: a halted instrument refuses NEW and AMEND; cancels still work. Every halt or resume applied
     * is announced through {@link MatchingListener#onStatus}, a repeated one too (it changes nothing, and says so).
     */
    public int halt(final int instrumentId, final boolean halted)
    {
        if (instrumentId < 0 || instrumentId >= instrumentCount)
        {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        books[instrumentId].halted(halted);
        listener.onStatus(instrumentId, halted ? MarketStatus.HALTED : MarketStatus.TRADING);
        return RejectReason.NONE;
    }

    /**
     * Sets the venue's status, announced through {@link MatchingListener#onStatus} with {@link #ANY_INSTRUMENT}.
     * Information for participants only: no order is refused because of it (in FTX's last days the venue kept
     * matching while withdrawals were halted, and that is what a replay must show).
     *
     * @return {@link RejectReason#UNKNOWN_VENUE_STATUS} for a code that is not a venue status, else
     *         {@link RejectReason#NONE}.
     */
    public int setVenueStatus(final int status)
    {
        if (!MarketStatus.isVenueStatus(status))
        {
            return RejectReason.UNKNOWN_VENUE_STATUS;
        }
        venueStatus = status;
        listener.onStatus(ANY_INSTRUMENT, status);
        return RejectReason.NONE;
    }

    /**
     * Reports one instrument's status, the venue's, then every level of its book through
     * {@link MatchingListener#onBookLevel}, so that a market data subscriber that lost updates can start again from
     * the book as it is, halt state included. Changes nothing.
     *
     * @return {@link RejectReason#UNKNOWN_INSTRUMENT} or {@link RejectReason#NONE}.
     */
    public int publishBook(final int instrumentId)
    {
        if (instrumentId < 0 || instrumentId >= instrumentCount)
        {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        final OrderBook book = books[instrumentId];
        listener.onStatus(instrumentId, book.isHalted() ? MarketStatus.HALTED : MarketStatus.TRADING);
        listener.onStatus(ANY_INSTRUMENT, venueStatus);
        book.publishLevels();
        return RejectReason.NONE;
    }

    /**
     * Visits the resting orders of one instrument in priority order.
     */
    public void forEachOrder(final int instrumentId, final BookVisitor visitor)
    {
        books[instrumentId].forEachOrder(visitor);
    }

    /**
     * Visits every attribute of the resting orders of one instrument in priority order (snapshots).
     */
    public void forEachRestingOrder(final int instrumentId, final RestingOrderVisitor visitor)
    {
        books[instrumentId].forEachRestingOrder(visitor);
    }

    public long tradeCount(final int instrumentId)
    {
        return books[instrumentId].tradeCount();
    }

    /**
     * Snapshot loading only: appends a resting order at the back of its level without matching or events.
     *
     * @throws IllegalStateException when the order cannot be a resting order of this engine (a bad snapshot).
     */
    public void restoreOrder(
        final int instrumentId,
        final int accountId,
        final ClientOrderId clientOrderId,
        final long orderId,
        final int side,
        final int tif,
        final int stp,
        final long price,
        final long qty,
        final long timestampNs)
    {
        if (instrumentId < 0 || instrumentId >= instrumentCount || accountId < 0 || clientOrderId.isEmpty() ||
            orderId <= NO_ORDER_ID || orderId > lastOrderId ||
            !Side.isValid(side) || (tif != TimeInForce.GTC && tif != TimeInForce.POST_ONLY) ||
            !StpMode.isValid(stp) || price <= 0 || qty <= 0 || live.find(accountId, clientOrderId) != null)
        {
            throw new IllegalStateException("not a restorable resting order: instrument=" + instrumentId +
                " account=" + accountId + " client order id=" + clientOrderId + " order id=" + orderId);
        }
        final Order order = live.acquire();
        order.accountId = accountId;
        order.clientOrderId.copyFrom(clientOrderId);
        order.orderId = orderId;
        order.side = side;
        order.type = OrderType.LIMIT;
        order.tif = tif;
        order.stp = stp;
        order.price = price;
        order.remaining = qty;
        order.timestampNs = timestampNs;
        books[instrumentId].restoreResting(order);
    }

    /**
     * Snapshot loading only, before the orders: room for {@code orders} live orders in one step rather than growing
     * the live-order index by doubling while they are restored.
     */
    public void reserveOrders(final int orders)
    {
        live.reserve(orders);
    }

    /**
     * Snapshot loading only: the per-instrument state that is not in the orders.
     */
    public void restoreBook(final int instrumentId, final boolean halted, final long lastTradePrice, final long trades)
    {
        books[instrumentId].restoreState(halted, lastTradePrice, trades);
    }

    /**
     * Snapshot loading only: the venue's status, without announcing it.
     *
     * @throws IllegalStateException when the code is not a venue status (a bad snapshot).
     */
    public void restoreVenueStatus(final int status)
    {
        if (!MarketStatus.isVenueStatus(status))
        {
            throw new IllegalStateException("not a venue status: " + status);
        }
        venueStatus = status;
    }

    /**
     * Snapshot loading only, before the orders: the number of commands processed before the snapshot and the last
     * engine order id given.
     */
    public void restoreCounters(final long commands, final long lastOrderId)
    {
        if (lastOrderId < NO_ORDER_ID)
        {
            throw new IllegalStateException("negative last order id " + lastOrderId);
        }
        commandCount = commands;
        this.lastOrderId = lastOrderId;
    }

    /** Best bid or ask price, or {@link #NO_PRICE} when that side is empty. */
    public long bestPrice(final int instrumentId, final int side)
    {
        final PriceLevel best = books[instrumentId].side(side).best();
        return best == null ? NO_PRICE : best.price;
    }

    private int validateNew(
        final int instrumentId,
        final int accountId,
        final ClientOrderId clientOrderId,
        final int side,
        final int type,
        final int tif,
        final int stp,
        final long price,
        final long qty)
    {
        if (instrumentId < 0 || instrumentId >= instrumentCount)
        {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        if (accountId < 0)
        {
            return RejectReason.BAD_ACCOUNT;
        }
        if (clientOrderId.isEmpty())
        {
            return RejectReason.MISSING_ORDER_ID;
        }
        if (!Side.isValid(side))
        {
            return RejectReason.BAD_SIDE;
        }
        if (!OrderType.isValid(type))
        {
            return RejectReason.BAD_TYPE;
        }
        if (!TimeInForce.isValid(tif))
        {
            return RejectReason.BAD_TIF;
        }
        if (!StpMode.isValid(stp))
        {
            return RejectReason.BAD_STP;
        }
        final Instrument instrument = books[instrumentId].instrument();
        if (type == OrderType.MARKET)
        {
            if (price != NO_PRICE)
            {
                return RejectReason.MARKET_WITH_PRICE;
            }
            if (tif != TimeInForce.IOC && tif != TimeInForce.FOK)
            {
                return RejectReason.BAD_TIF;
            }
        }
        else
        {
            final int priceReason = checkPrice(instrument, price);
            if (priceReason != RejectReason.NONE)
            {
                return priceReason;
            }
        }
        final int qtyReason = checkQty(instrument, qty);
        if (qtyReason != RejectReason.NONE)
        {
            return qtyReason;
        }
        if (live.find(accountId, clientOrderId) != null)
        {
            return RejectReason.DUPLICATE_ORDER_ID;
        }
        return books[instrumentId].validateNew(side, type, tif, price, qty);
    }

    private static int checkPrice(final Instrument instrument, final long price)
    {
        if (price == NO_PRICE)
        {
            return RejectReason.MISSING_PRICE;
        }
        if (price <= 0)
        {
            return RejectReason.BAD_PRICE;
        }
        if (price > instrument.maxPriceTicks())
        {
            return RejectReason.PRICE_OUT_OF_RANGE;
        }
        return RejectReason.NONE;
    }

    private static int checkQty(final Instrument instrument, final long qty)
    {
        if (qty <= 0)
        {
            return RejectReason.BAD_QTY;
        }
        if (qty > instrument.maxQtyLots())
        {
            return RejectReason.QTY_OUT_OF_RANGE;
        }
        return RejectReason.NONE;
    }

    /**
     * Why no live order answers to {@code clientOrderId}: no id at all, or no such order.
     */
    private static int unknownOrder(final ClientOrderId clientOrderId)
    {
        return clientOrderId.isEmpty() ? RejectReason.MISSING_ORDER_ID : RejectReason.UNKNOWN_ORDER;
    }

    private static int checkSymbol(final Order order, final int instrumentId)
    {
        return instrumentId == ANY_INSTRUMENT || order.book.instrument().id() == instrumentId ?
            RejectReason.NONE : RejectReason.SYMBOL_MISMATCH;
    }
}
