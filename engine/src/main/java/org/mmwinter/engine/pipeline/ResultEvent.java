package org.mmwinter.engine.pipeline;

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
    public long orderId;
    public int side;
    public long price;
    public long qty;
    /** Remaining quantity of the order after this result (the taker's for a FILL). */
    public long remaining;
    public int makerAccountId;
    public long makerOrderId;
    public long makerRemaining;
    /** Reject reason (REJECTED, DONE), cancel reason (CANCELED), 1 when priority was kept (AMENDED). */
    public int reason;
    public int orderCount;

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
        side = other.side;
        price = other.price;
        qty = other.qty;
        remaining = other.remaining;
        makerAccountId = other.makerAccountId;
        makerOrderId = other.makerOrderId;
        makerRemaining = other.makerRemaining;
        reason = other.reason;
        orderCount = other.orderCount;
        return this;
    }

    public String toString()
    {
        return "ResultEvent{" + ResultType.name(type) + " cmd=" + commandSequence + " source=" + sourceId +
            " corr=" + correlationId + " instrument=" + instrumentId + " account=" + accountId + " order=" + orderId +
            " side=" + side + " price=" + price + " qty=" + qty + " remaining=" + remaining +
            " maker=" + makerAccountId + "/" + makerOrderId + " reason=" + reason + '}';
    }
}
