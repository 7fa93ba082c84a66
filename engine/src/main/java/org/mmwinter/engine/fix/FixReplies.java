package org.mmwinter.engine.fix;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.AvgPx;
import quickfix.field.BusinessRejectReason;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MassCancelRejectReason;
import quickfix.field.MassCancelRequestType;
import quickfix.field.MassCancelResponse;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.RefMsgType;
import quickfix.field.RefSeqNum;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TotalAffectedOrders;
import quickfix.field.TransactTime;
import quickfix.fix44.BusinessMessageReject;
import quickfix.fix44.ExecutionReport;
import quickfix.fix44.OrderCancelReject;
import quickfix.fix44.OrderMassCancelReport;

/**
 * Builds the gateway's outgoing application messages from plain values: ExecutionReport (8), OrderCancelReject
 * (9), OrderMassCancelReport (r). Stateless, so that the acceptor's thread (throttle rejects) and the order-entry
 * thread (everything else) share it. Numbers go out as the exact decimals the engine holds, set as text.
 */
final class FixReplies
{
    /** OrderID (37) of a reply that names no engine order. */
    static final String NO_ORDER_ID = "NONE";
    /** A rejection that FIX has no specific reason code for. */
    static final int NO_REASON = -1;
    /** Side (54): buy. */
    static final char BUY = Side.BUY;
    /** Side (54): sell. */
    static final char SELL = Side.SELL;

    private FixReplies()
    {
    }

    /**
     * An ExecutionReport on a live or just finished order.
     *
     * @param lastQty lots of this fill (ExecType F), 0 otherwise.
     */
    static Message execution(
        final FixOrder order,
        final String execId,
        final char execType,
        final char ordStatus,
        final String clOrdId,
        final String origClOrdId,
        final long leavesQty,
        final long lastQty,
        final long lastPx,
        final long nowNs,
        final String text)
    {
        final Message m = new ExecutionReport();
        m.setString(OrderID.FIELD, Long.toString(order.orderId));
        m.setString(ExecID.FIELD, execId);
        m.setChar(ExecType.FIELD, execType);
        m.setChar(OrdStatus.FIELD, ordStatus);
        m.setString(ClOrdID.FIELD, clOrdId);
        if (origClOrdId != null)
        {
            m.setString(OrigClOrdID.FIELD, origClOrdId);
        }
        m.setString(Symbol.FIELD, order.instrument.symbol());
        m.setChar(Side.FIELD, order.side);
        m.setChar(OrdType.FIELD, order.ordType);
        if (order.ordType == OrdType.LIMIT)
        {
            m.setString(Price.FIELD, FixDecimals.priceText(order.price, order.instrument));
        }
        m.setString(OrderQty.FIELD, FixDecimals.qtyText(order.orderQty, order.instrument));
        m.setString(LeavesQty.FIELD, FixDecimals.qtyText(leavesQty, order.instrument));
        m.setString(CumQty.FIELD, FixDecimals.qtyText(order.cumQty, order.instrument));
        m.setString(AvgPx.FIELD, FixDecimals.averagePriceText(order.notional, order.cumQty, order.instrument));
        if (lastQty > 0)
        {
            m.setString(LastQty.FIELD, FixDecimals.qtyText(lastQty, order.instrument));
            m.setString(LastPx.FIELD, FixDecimals.priceText(lastPx, order.instrument));
        }
        m.setUtcTimeStamp(TransactTime.FIELD, time(nowNs), true);
        if (text != null && !text.isEmpty())
        {
            m.setString(Text.FIELD, text);
        }
        return m;
    }

    /**
     * An ExecutionReport rejecting a NewOrderSingle that never became an order (ExecType and OrdStatus 8), with the
     * order's fields echoed as the client sent them.
     */
    static Message rejectedOrder(
        final String execId,
        final String clOrdId,
        final String symbol,
        final char side,
        final String orderQty,
        final int ordRejReason,
        final String text)
    {
        final Message m = new ExecutionReport();
        m.setString(OrderID.FIELD, NO_ORDER_ID);
        m.setString(ExecID.FIELD, execId);
        m.setChar(ExecType.FIELD, ExecType.REJECTED);
        m.setChar(OrdStatus.FIELD, OrdStatus.REJECTED);
        m.setString(ClOrdID.FIELD, clOrdId);
        m.setString(Symbol.FIELD, symbol);
        m.setChar(Side.FIELD, side);
        if (orderQty != null)
        {
            m.setString(OrderQty.FIELD, orderQty);
        }
        m.setString(LeavesQty.FIELD, "0");
        m.setString(CumQty.FIELD, "0");
        m.setString(AvgPx.FIELD, "0");
        m.setInt(OrdRejReason.FIELD, ordRejReason);
        m.setString(Text.FIELD, text);
        return m;
    }

    /** An OrderCancelReject (9) for a cancel ({@code replace} false) or a replace. */
    static Message cancelReject(
        final String orderId,
        final String clOrdId,
        final String origClOrdId,
        final char ordStatus,
        final boolean replace,
        final int cxlRejReason,
        final String text)
    {
        final Message m = new OrderCancelReject();
        m.setString(OrderID.FIELD, orderId);
        m.setString(ClOrdID.FIELD, clOrdId);
        m.setString(OrigClOrdID.FIELD, origClOrdId);
        m.setChar(OrdStatus.FIELD, ordStatus);
        m.setChar(CxlRejResponseTo.FIELD, replace ? CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST :
            CxlRejResponseTo.ORDER_CANCEL_REQUEST);
        m.setInt(CxlRejReason.FIELD, cxlRejReason);
        m.setString(Text.FIELD, text);
        return m;
    }

    /**
     * An OrderMassCancelReport (r): accepted ({@code rejectReason} {@link #NO_REASON}) with the number of orders it
     * cancelled, or rejected with a MassCancelRejectReason.
     */
    static Message massCancelReport(
        final String clOrdId,
        final char requestType,
        final String symbol,
        final int affected,
        final int rejectReason,
        final String text)
    {
        final Message m = new OrderMassCancelReport();
        m.setString(ClOrdID.FIELD, clOrdId);
        m.setString(OrderID.FIELD, NO_ORDER_ID);
        m.setChar(MassCancelRequestType.FIELD, requestType);
        if (rejectReason == NO_REASON)
        {
            m.setChar(MassCancelResponse.FIELD, requestType);
            m.setInt(TotalAffectedOrders.FIELD, affected);
        }
        else
        {
            m.setChar(MassCancelResponse.FIELD, MassCancelResponse.CANCEL_REQUEST_REJECTED_SEE_MASSCANCELREJECTREASON);
            m.setInt(MassCancelRejectReason.FIELD, rejectReason);
        }
        if (symbol != null)
        {
            m.setString(Symbol.FIELD, symbol);
        }
        if (text != null && !text.isEmpty())
        {
            m.setString(Text.FIELD, text);
        }
        return m;
    }

    /** A BusinessMessageReject (j) of a message of type {@code refMsgType}. */
    static Message businessReject(final String refMsgType, final int refSeqNum, final int reason, final String text)
    {
        final Message m = new BusinessMessageReject();
        m.setString(RefMsgType.FIELD, refMsgType);
        m.setInt(RefSeqNum.FIELD, refSeqNum);
        m.setInt(BusinessRejectReason.FIELD, reason);
        m.setString(Text.FIELD, text);
        return m;
    }

    /** The message type (35) of a message, or "" when it has none. */
    static String msgType(final Message message)
    {
        try
        {
            return message.getHeader().getString(MsgType.FIELD);
        }
        catch (final FieldNotFound ex)
        {
            return "";
        }
    }

    private static LocalDateTime time(final long epochNs)
    {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(0, epochNs), ZoneOffset.UTC);
    }
}
