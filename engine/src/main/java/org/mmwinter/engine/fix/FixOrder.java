package org.mmwinter.engine.fix;

import java.math.BigDecimal;

import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.Side;

/**
 * A live order as the FIX gateway reports it: what the engine does not keep (the total OrderQty, CumQty, the
 * notional of its fills for AvgPx, its OrdType) beside what it does (the engine's order id, the current ClOrdID,
 * side and price). Touched by the order-entry thread only.
 */
final class FixOrder
{
    final long orderId;
    final FixSession session;
    final Instrument instrument;
    /** Side (54), as FIX writes it. */
    final char side;
    /** OrdType (40), as FIX writes it. */
    final char ordType;
    /** The ClOrdID the order answers to now (a replace changes it). */
    String clOrdId;
    /** In ticks (limit orders). */
    long price;
    /** OrderQty in lots: the total, filled part included. */
    long orderQty;
    /** CumQty in lots. */
    long cumQty;
    /** Sum over the fills of ticks times lots, for AvgPx. */
    BigDecimal notional = BigDecimal.ZERO;

    FixOrder(
        final long orderId,
        final FixSession session,
        final Instrument instrument,
        final char side,
        final char ordType,
        final String clOrdId,
        final long price,
        final long orderQty)
    {
        this.orderId = orderId;
        this.session = session;
        this.instrument = instrument;
        this.side = side;
        this.ordType = ordType;
        this.clOrdId = clOrdId;
        this.price = price;
        this.orderQty = orderQty;
    }

    void fill(final long price, final long qty)
    {
        cumQty += qty;
        notional = notional.add(BigDecimal.valueOf(price).multiply(BigDecimal.valueOf(qty)));
    }

    /** Side (54) of an engine side. */
    static char sideOf(final int side)
    {
        return side == Side.BUY ? FixReplies.BUY : FixReplies.SELL;
    }

    /** The key of the index by ClOrdID: one account's ids never meet another's. */
    static String key(final FixSession session, final String clOrdId)
    {
        return session.accountId + ":" + clOrdId;
    }
}
