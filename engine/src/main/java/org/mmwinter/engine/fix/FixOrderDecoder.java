package org.mmwinter.engine.fix;

import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.StpMode;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.pipeline.EngineDirectory;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.ExecInst;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Symbol;

/**
 * Reads a NewOrderSingle, OrderCancelRequest or OrderCancelReplaceRequest into the engine command it asks for, or
 * says why it cannot be one (a {@link RejectReason}, and for a few, a text of its own). Only symbols the engine has
 * are taken: the FIX gateway never creates an instrument. One per thread (it holds a decimal parser).
 */
final class FixOrderDecoder
{
    /** Custom tag for self-trade prevention (as Coinbase's FIX API): N, O, B or D; absent: none. */
    static final int SELF_TRADE_PREVENTION_TAG = 7928;

    private static final char POST_ONLY_INSTRUCTION = ExecInst.PARTICIPATE_DONT_INITIATE;
    /** TimeInForce (59) and the values taken; named here since the engine's own TimeInForce has the short name. */
    private static final int TIME_IN_FORCE_TAG = 59;
    /** Side (54), named by number for the same reason. */
    private static final int SIDE_TAG = 54;
    private static final char FIX_GTC = '1';
    private static final char FIX_IOC = '3';
    private static final char FIX_FOK = '4';

    private final EngineDirectory directory;
    private final FixDecimals decimals = new FixDecimals();
    private Instrument instrument;
    private String text;

    FixOrderDecoder(final EngineDirectory directory)
    {
        this.directory = directory;
    }

    /** The instrument the last message named, or null when the engine has no such symbol. */
    Instrument instrument()
    {
        return instrument;
    }

    /** The text of the last refusal when the engine's reason text would not say it, else null. */
    String text()
    {
        return text;
    }

    /** Side (54) of a message, as FIX writes it. */
    static char side(final Message m) throws FieldNotFound
    {
        return m.getChar(SIDE_TAG);
    }

    /** A NewOrderSingle as a NEW of {@code accountId}; a {@link RejectReason}. */
    int newOrder(final Message m, final int accountId, final CommandEvent c) throws FieldNotFound
    {
        text = null;
        c.clear();
        c.type = CommandType.NEW;
        c.accountId = accountId;
        int reason = orderId(c.clientOrderId, m.getString(ClOrdID.FIELD));
        final int instrumentId = resolve(m.getString(Symbol.FIELD));
        if (reason == RejectReason.NONE && instrument == null)
        {
            reason = RejectReason.UNKNOWN_INSTRUMENT;
        }
        if (reason == RejectReason.NONE)
        {
            c.instrumentId = instrumentId;
            reason = side(c, side(m));
        }
        if (reason == RejectReason.NONE)
        {
            reason = typeAndTimeInForce(c, m, m.getChar(OrdType.FIELD));
        }
        if (reason == RejectReason.NONE)
        {
            reason = selfTradePrevention(c, m);
        }
        if (reason == RejectReason.NONE)
        {
            reason = price(c, m, instrument);
        }
        if (reason == RejectReason.NONE)
        {
            reason = qty(m);
            c.qty = decimals.value();
        }
        return reason;
    }

    /** An OrderCancelRequest as a CANCEL of {@code accountId}; a {@link RejectReason}. */
    int cancel(final Message m, final int accountId, final CommandEvent c) throws FieldNotFound
    {
        text = null;
        c.clear();
        c.type = CommandType.CANCEL;
        c.accountId = accountId;
        // An id that is not an order id names no order.
        int reason = orderId(c.clientOrderId, m.getString(OrigClOrdID.FIELD)) == RejectReason.NONE ?
            RejectReason.NONE : RejectReason.UNKNOWN_ORDER;
        c.instrumentId = resolve(m.getString(Symbol.FIELD));
        if (reason == RejectReason.NONE && instrument == null)
        {
            reason = RejectReason.UNKNOWN_INSTRUMENT;
        }
        return reason;
    }

    /**
     * An OrderCancelReplaceRequest as an AMEND of {@code accountId} that renames the order to the request's ClOrdID.
     * OrderQty is the new total: the AMEND takes the new remaining, OrderQty − CumQty as the gateway knows CumQty
     * ({@code known}: the gateway's view of the order, null if it has none).
     *
     * @return a {@link RejectReason}.
     */
    int replace(final Message m, final int accountId, final FixOrder known, final CommandEvent c)
        throws FieldNotFound
    {
        text = null;
        c.clear();
        c.type = CommandType.AMEND;
        c.accountId = accountId;
        int reason = orderId(c.clientOrderId, m.getString(OrigClOrdID.FIELD)) == RejectReason.NONE ?
            RejectReason.NONE : RejectReason.UNKNOWN_ORDER;
        if (reason == RejectReason.NONE)
        {
            reason = orderId(c.newClientOrderId, m.getString(ClOrdID.FIELD));
        }
        c.instrumentId = resolve(m.getString(Symbol.FIELD));
        if (reason == RejectReason.NONE && instrument == null)
        {
            reason = RejectReason.UNKNOWN_INSTRUMENT;
        }
        if (reason == RejectReason.NONE && known != null && known.side != side(m))
        {
            reason = RejectReason.BAD_SIDE;
            text = "a replace cannot change the side";
        }
        if (reason == RejectReason.NONE && m.getChar(OrdType.FIELD) != OrdType.LIMIT)
        {
            reason = RejectReason.BAD_TYPE;
            text = "only limit orders can be replaced (OrdType 2)";
        }
        if (reason == RejectReason.NONE)
        {
            reason = price(c, m, instrument);
        }
        if (reason == RejectReason.NONE)
        {
            reason = qty(m);
        }
        if (reason == RejectReason.NONE)
        {
            final long cumQty = known == null ? 0 : known.cumQty;
            c.qty = decimals.value() - cumQty;
            if (c.qty <= 0)
            {
                reason = RejectReason.BAD_QTY;
                text = "OrderQty " + m.getString(OrderQty.FIELD) + " is not above CumQty " +
                    FixDecimals.qtyText(cumQty, instrument);
            }
        }
        return reason;
    }

    /** The engine's id of a symbol it has (never created here), or a negative id; sets {@link #instrument()}. */
    int resolve(final String symbol)
    {
        final int id = symbol == null ? MatchingEngine.UNKNOWN_INSTRUMENT : directory.resolve(symbol, false);
        instrument = id < 0 ? null : directory.instrument(id);
        return id;
    }

    private int qty(final Message m) throws FieldNotFound
    {
        return m.isSetField(OrderQty.FIELD) ? decimals.qty(m.getString(OrderQty.FIELD), instrument) :
            RejectReason.MISSING_QTY;
    }

    private static int orderId(final ClientOrderId into, final String text)
    {
        switch (into.parse(text, 0, text.length()))
        {
            case ClientOrderId.OK:
                return RejectReason.NONE;
            case ClientOrderId.EMPTY:
                return RejectReason.MISSING_ORDER_ID;
            case ClientOrderId.TOO_LONG:
                return RejectReason.ORDER_ID_TOO_LONG;
            default:
                return RejectReason.BAD_ORDER_ID;
        }
    }

    private static int side(final CommandEvent c, final char side)
    {
        if (side == FixReplies.BUY)
        {
            c.side = Side.BUY;
            return RejectReason.NONE;
        }
        if (side == FixReplies.SELL)
        {
            c.side = Side.SELL;
            return RejectReason.NONE;
        }
        return RejectReason.BAD_SIDE;
    }

    /**
     * OrdType 1 (market) or 2 (limit); TimeInForce 1 (GTC), 3 (IOC), 4 (FOK), absent: GTC for a limit order, IOC for
     * a market order; ExecInst 6 (participate, don't initiate) makes a GTC limit order post-only.
     */
    private static int typeAndTimeInForce(final CommandEvent c, final Message m, final char ordType)
        throws FieldNotFound
    {
        if (ordType == OrdType.LIMIT)
        {
            c.orderType = OrderType.LIMIT;
        }
        else if (ordType == OrdType.MARKET)
        {
            c.orderType = OrderType.MARKET;
        }
        else
        {
            return RejectReason.BAD_TYPE;
        }
        if (!m.isSetField(TIME_IN_FORCE_TAG))
        {
            c.tif = c.orderType == OrderType.MARKET ? TimeInForce.IOC :
                TimeInForce.GTC;
        }
        else
        {
            switch (m.getChar(TIME_IN_FORCE_TAG))
            {
                case FIX_GTC: c.tif = TimeInForce.GTC; break;
                case FIX_IOC: c.tif = TimeInForce.IOC; break;
                case FIX_FOK: c.tif = TimeInForce.FOK; break;
                default: return RejectReason.BAD_TIF;
            }
        }
        if (m.isSetField(ExecInst.FIELD) && m.getString(ExecInst.FIELD).indexOf(POST_ONLY_INSTRUCTION) >= 0)
        {
            if (c.orderType != OrderType.LIMIT || c.tif != TimeInForce.GTC)
            {
                return RejectReason.BAD_TIF;
            }
            c.tif = TimeInForce.POST_ONLY;
        }
        return RejectReason.NONE;
    }

    private static int selfTradePrevention(final CommandEvent c, final Message m) throws FieldNotFound
    {
        if (!m.isSetField(SELF_TRADE_PREVENTION_TAG))
        {
            c.stp = StpMode.NONE;
            return RejectReason.NONE;
        }
        final String value = m.getString(SELF_TRADE_PREVENTION_TAG);
        switch (value)
        {
            case "N": c.stp = StpMode.CANCEL_NEWEST; return RejectReason.NONE;
            case "O": c.stp = StpMode.CANCEL_OLDEST; return RejectReason.NONE;
            case "B": c.stp = StpMode.CANCEL_BOTH; return RejectReason.NONE;
            case "D": c.stp = StpMode.DECREMENT; return RejectReason.NONE;
            default: return RejectReason.BAD_STP;
        }
    }

    private int price(final CommandEvent c, final Message m, final Instrument instrument) throws FieldNotFound
    {
        final boolean has = m.isSetField(Price.FIELD);
        if (c.type != CommandType.AMEND && c.orderType == OrderType.MARKET)
        {
            c.price = MatchingEngine.NO_PRICE;
            return has ? RejectReason.MARKET_WITH_PRICE : RejectReason.NONE;
        }
        if (!has)
        {
            return RejectReason.MISSING_PRICE;
        }
        final int reason = decimals.price(m.getString(Price.FIELD), instrument);
        c.price = decimals.value();
        return reason;
    }
}
