package org.mmwinter.engine.fix;

import java.util.concurrent.TimeUnit;

import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.ExecType;
import quickfix.field.MassCancelRequestType;
import quickfix.field.MsgType;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.TimeInForce;
import quickfix.field.TransactTime;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderCancelReplaceRequest;
import quickfix.fix44.OrderCancelRequest;
import quickfix.fix44.OrderMassCancelRequest;

/**
 * The messages the FIX tests send, built as a client would, and readers of what comes back.
 */
final class FixMessages
{
    private FixMessages()
    {
    }

    static NewOrderSingle limit(final String clOrdId, final char side, final String qty, final String price)
    {
        final NewOrderSingle m = order(clOrdId, side, qty, OrdType.LIMIT);
        m.setString(Price.FIELD, price);
        return m;
    }

    static NewOrderSingle market(final String clOrdId, final char side, final String qty)
    {
        return order(clOrdId, side, qty, OrdType.MARKET);
    }

    static NewOrderSingle order(final String clOrdId, final char side, final String qty, final char type)
    {
        final NewOrderSingle m = new NewOrderSingle(new ClOrdID(clOrdId), new Side(side), new TransactTime(),
            new OrdType(type));
        m.setString(Symbol.FIELD, "BTC-USD");
        m.setString(OrderQty.FIELD, qty);
        return m;
    }

    static NewOrderSingle withTif(final NewOrderSingle m, final char tif)
    {
        m.setChar(TimeInForce.FIELD, tif);
        return m;
    }

    static OrderCancelRequest cancel(final String clOrdId, final String origClOrdId, final char side)
    {
        final OrderCancelRequest m = new OrderCancelRequest(new OrigClOrdID(origClOrdId), new ClOrdID(clOrdId),
            new Side(side), new TransactTime());
        m.setString(Symbol.FIELD, "BTC-USD");
        return m;
    }

    static OrderCancelReplaceRequest replace(
        final String clOrdId, final String origClOrdId, final char side, final String qty, final String price)
    {
        final OrderCancelReplaceRequest m = new OrderCancelReplaceRequest(new OrigClOrdID(origClOrdId),
            new ClOrdID(clOrdId), new Side(side), new TransactTime(), new OrdType(OrdType.LIMIT));
        m.setString(Symbol.FIELD, "BTC-USD");
        m.setString(OrderQty.FIELD, qty);
        m.setString(Price.FIELD, price);
        return m;
    }

    static OrderMassCancelRequest massCancel(final String clOrdId, final char type, final String symbol)
    {
        final OrderMassCancelRequest m = new OrderMassCancelRequest(new ClOrdID(clOrdId),
            new MassCancelRequestType(type), new TransactTime());
        if (symbol != null)
        {
            m.setString(Symbol.FIELD, symbol);
        }
        return m;
    }

    static String type(final Message m)
    {
        return FixReplies.msgType(m);
    }

    static String get(final Message m, final int tag)
    {
        try
        {
            return m.isSetField(tag) ? m.getString(tag) : null;
        }
        catch (final FieldNotFound ex)
        {
            throw new AssertionError(ex);
        }
    }

    /** The next ExecutionReport with this ExecType (150), failing after the timeout. */
    static Message execution(final FixClient client, final char execType) throws InterruptedException
    {
        final Message m = client.await(x -> MsgType.EXECUTION_REPORT.equals(type(x)) &&
            String.valueOf(execType).equals(get(x, ExecType.FIELD)), FixEngine.TIMEOUT_S, TimeUnit.SECONDS);
        if (m == null)
        {
            throw new AssertionError(client.sender() + ": no ExecutionReport with ExecType " + execType);
        }
        return m;
    }

    /** The next message of this MsgType (35), failing after the timeout. */
    static Message next(final FixClient client, final String msgType) throws InterruptedException
    {
        final Message m = client.await(x -> msgType.equals(type(x)), FixEngine.TIMEOUT_S, TimeUnit.SECONDS);
        if (m == null)
        {
            throw new AssertionError(client.sender() + ": no message of type " + msgType);
        }
        return m;
    }
}
