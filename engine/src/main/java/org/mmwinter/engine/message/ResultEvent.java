package org.mmwinter.engine.message;

import org.mmwinter.engine.core.ClientOrderId;

/**
 * A pre-allocated slot of the outbound ring: one result of one command, with the command's sequence, sender and
 * timestamps so that any consumer can route or journal it without looking anything up.
 */
public final class ResultEvent
{
    public int type;
    public long commandSequence;
    public int commandType;
    public int sourceId;
    public long correlationId;
    public long clientTsNs;
    public long nowNs;

    public int instrumentId;
    public int accountId;
    /** The engine's order id (FIX OrderID), {@code 0} when the result names no live order. */
    public long orderId;
    /** The client's order id (FIX ClOrdID); the taker's for a FILL. Not meaningful for market data (TRADE, LEVEL,
     * BOOK_LEVEL), which names no order. */
    public final ClientOrderId clientOrderId = new ClientOrderId();
    public int side;
    public long price;
    public long qty;
    /** Remaining quantity of the order after this result (the taker's for a FILL). */
    public long remaining;
    public int makerAccountId;
    public long makerOrderId;
    /** Meaningful for a FILL only, like the other maker fields. */
    public final ClientOrderId makerClientOrderId = new ClientOrderId();
    public long makerRemaining;
    /** Why the command was refused ({@code RejectReason}, REJECTED and DONE; {@code NONE} when accepted). */
    public int rejectReason;
    /** Why the order lost quantity without trading ({@code CancelReason}, CANCELED and REDUCED). */
    public int cancelReason;
    /** Whether an amend kept the order's time priority (AMENDED). */
    public boolean priorityKept;
    public int orderCount;
    /** FILL: what the taker pays (negative: earns), in 10^-priceScale of the instrument's quote currency. */
    public long takerFee;
    /** FILL: what the maker pays (negative: earns), in the same units. */
    public long makerFee;
    /** STATUS: a {@link TradingStatus} code, the venue's when {@link #instrumentId} is {@code ANY_INSTRUMENT}. */
    public int status;

    public ResultEvent copyFrom(final ResultEvent other)
    {
        type = other.type;
        commandSequence = other.commandSequence;
        commandType = other.commandType;
        sourceId = other.sourceId;
        correlationId = other.correlationId;
        clientTsNs = other.clientTsNs;
        nowNs = other.nowNs;
        instrumentId = other.instrumentId;
        accountId = other.accountId;
        orderId = other.orderId;
        clientOrderId.copyFrom(other.clientOrderId);
        side = other.side;
        price = other.price;
        qty = other.qty;
        remaining = other.remaining;
        makerAccountId = other.makerAccountId;
        makerOrderId = other.makerOrderId;
        makerClientOrderId.copyFrom(other.makerClientOrderId);
        makerRemaining = other.makerRemaining;
        rejectReason = other.rejectReason;
        cancelReason = other.cancelReason;
        priorityKept = other.priorityKept;
        orderCount = other.orderCount;
        takerFee = other.takerFee;
        makerFee = other.makerFee;
        status = other.status;
        return this;
    }

    public String toString()
    {
        return "ResultEvent{" + ResultType.name(type) + " cmd=" + commandSequence + " source=" + sourceId +
            " corr=" + correlationId + " instrument=" + instrumentId + " account=" + accountId +
            " order=" + orderId + "/" + clientOrderId +
            " side=" + side + " price=" + price + " qty=" + qty + " remaining=" + remaining +
            " maker=" + makerAccountId + "/" + makerOrderId + "/" + makerClientOrderId +
            " reject=" + rejectReason + " cancel=" + cancelReason + " kept=" + priorityKept +
            " fees=" + takerFee + "/" + makerFee + " status=" + status + '}';
    }
}
