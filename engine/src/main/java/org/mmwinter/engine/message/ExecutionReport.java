package org.mmwinter.engine.message;

import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.MatchingEngine;

/**
 * What a participant receives, written from its own point of view: an execution report on one of its orders (its
 * side of a fill, as maker or taker), the acknowledgement of one of its commands, or a market-data update. A fill
 * is seen twice, once by each side, each with its own order, remaining quantity and correlation ids, never the
 * other side's. A pre-allocated slot of the participant's own queue: mutable, valid only during the callback.
 */
public final class ExecutionReport
{
    /** {@link #role} of a report that is not a fill. */
    public static final int NO_ROLE = 0;
    /** The order took liquidity: it was the incoming order of the command. */
    public static final int TAKER = 1;
    /** The order gave liquidity: it was resting in the book. */
    public static final int MAKER = 2;
    /** A correlation id that is not known (the command was someone else's, or came before a restart). */
    public static final long NO_CORRELATION = -1;

    /** A {@link ResultType}. */
    public int type;
    /** For a FILL, {@link #TAKER} or {@link #MAKER}; otherwise {@link #NO_ROLE}. */
    public int role;
    /** Journal sequence of the command that caused this report. */
    public long commandSequence;
    /** The engine time of that command. */
    public long nowNs;
    /** The correlation id of that command when this participant sent it, else {@link #NO_CORRELATION}. */
    public long commandCorrelationId;
    /** The correlation id of the NEW that created the order, when this participant sent it, else
     * {@link #NO_CORRELATION}. */
    public long orderCorrelationId;

    public int instrumentId;
    public int accountId;
    /** The engine's order id, {@link MatchingEngine#NO_ORDER_ID} when the report names no live order. */
    public long orderId;
    public final ClientOrderId clientOrderId = new ClientOrderId();
    /** The order's side (a FILL: this participant's side), or the level's side for market data. */
    public int side;
    public long price;
    public long qty;
    /** This participant's order's remaining quantity after the report. */
    public long remaining;
    public int rejectReason;
    public int cancelReason;
    public boolean priorityKept;
    /** Orders at the level (LEVEL, BOOK_LEVEL). */
    public int orderCount;
    /** Market data: updates for this participant were dropped before this one (ask for a book snapshot). */
    public boolean gap;
    /**
     * FILL: this participant's side's fee (the taker's in a {@link #TAKER} report, the maker's in a {@link #MAKER}
     * one), in 10^-priceScale of the instrument's quote currency; negative for a rebate.
     */
    public long fee;
    /**
     * STATUS: a {@link TradingStatus} code, the venue's when {@link #instrumentId} is
     * {@link MatchingEngine#ANY_INSTRUMENT}, else that instrument's.
     */
    public int status;

    public ExecutionReport clear()
    {
        type = 0;
        role = NO_ROLE;
        commandSequence = 0;
        nowNs = 0;
        commandCorrelationId = NO_CORRELATION;
        orderCorrelationId = NO_CORRELATION;
        instrumentId = 0;
        accountId = -1;
        orderId = MatchingEngine.NO_ORDER_ID;
        clientOrderId.clear();
        side = 0;
        price = 0;
        qty = 0;
        remaining = 0;
        rejectReason = 0;
        cancelReason = 0;
        priorityKept = false;
        orderCount = 0;
        gap = false;
        fee = 0;
        status = 0;
        return this;
    }

    public String toString()
    {
        return ResultType.name(type) + (role == TAKER ? " taker" : role == MAKER ? " maker" : "") +
            " account=" + accountId + " order=" + orderId + "/" + clientOrderId + " side=" + side +
            " price=" + price + " qty=" + qty + " remaining=" + remaining + " reject=" + rejectReason +
            " cancel=" + cancelReason + (type == ResultType.FILL ? " fee=" + fee : "") +
            (type == ResultType.STATUS ? " status=" + TradingStatus.name(instrumentId, status) : "") +
            " corr=" + commandCorrelationId + "/" + orderCorrelationId;
    }
}
