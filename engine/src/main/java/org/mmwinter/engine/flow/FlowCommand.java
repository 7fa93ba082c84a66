package org.mmwinter.engine.flow;

import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.StpMode;
import org.mmwinter.engine.core.TimeInForce;

/**
 * One order-flow command in engine units (ids, ticks, lots): what a parsed CSV line, a journal record or a
 * generator produces, and what {@link #applyTo} hands to the matching core. Mutable and reused.
 */
public final class FlowCommand
{
    public int action;
    public long tsNs;
    public int accountId;
    /** The client's order id (empty for a mass cancel). */
    public final ClientOrderId clientOrderId = new ClientOrderId();
    public int instrumentId = MatchingEngine.ANY_INSTRUMENT;
    public int side;
    public int type = OrderType.LIMIT;
    public int tif = TimeInForce.GTC;
    public int stp = StpMode.NONE;
    public long price = MatchingEngine.NO_PRICE;
    public long qty;

    public FlowCommand reset()
    {
        action = 0;
        tsNs = 0;
        accountId = 0;
        clientOrderId.clear();
        instrumentId = MatchingEngine.ANY_INSTRUMENT;
        side = 0;
        type = OrderType.LIMIT;
        tif = TimeInForce.GTC;
        stp = StpMode.NONE;
        price = MatchingEngine.NO_PRICE;
        qty = 0;
        return this;
    }

    public FlowCommand copyFrom(final FlowCommand other)
    {
        action = other.action;
        tsNs = other.tsNs;
        accountId = other.accountId;
        clientOrderId.copyFrom(other.clientOrderId);
        instrumentId = other.instrumentId;
        side = other.side;
        type = other.type;
        tif = other.tif;
        stp = other.stp;
        price = other.price;
        qty = other.qty;
        return this;
    }

    /**
     * Runs this command through the core.
     *
     * @return the core's {@link org.mmwinter.engine.core.RejectReason}.
     */
    public int applyTo(final MatchingEngine engine)
    {
        switch (action)
        {
            case FlowAction.NEW:
                return engine.newOrder(
                    tsNs, instrumentId, accountId, clientOrderId, side, type, tif, stp, price, qty);
            case FlowAction.CANCEL:
                return engine.cancel(tsNs, accountId, clientOrderId, instrumentId);
            case FlowAction.AMEND:
                return engine.amend(tsNs, accountId, clientOrderId, instrumentId, price, qty);
            case FlowAction.MASS_CANCEL:
                return engine.massCancel(tsNs, accountId, instrumentId);
            default:
                throw new IllegalStateException("not an order-flow action: " + action);
        }
    }

    public String toString()
    {
        return "FlowCommand{" + FlowAction.name(action) + " ts=" + tsNs + " account=" + accountId +
            " order=" + clientOrderId + " instrument=" + instrumentId + " side=" + side + " type=" + type +
            " tif=" + tif + " stp=" + stp + " price=" + price + " qty=" + qty + '}';
    }
}
