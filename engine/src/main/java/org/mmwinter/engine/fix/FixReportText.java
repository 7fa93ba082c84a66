package org.mmwinter.engine.fix;

import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrderID;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.RefSeqNum;
import quickfix.field.SessionRejectReason;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TotalAffectedOrders;

/**
 * One readable line for a message the engine sent a client ({@code client} command): what happened to which order,
 * with the quantities that matter, instead of raw tag=value pairs.
 */
public final class FixReportText
{
    private FixReportText()
    {
    }

    public static String describe(final Message m)
    {
        final String type = FixReplies.msgType(m);
        switch (type)
        {
            case MsgType.EXECUTION_REPORT:
                return execType(get(m, ExecType.FIELD)) + " " + sideText(get(m, Side.FIELD)) + " " +
                    get(m, Symbol.FIELD) + " order " + get(m, OrderID.FIELD) + " clordid " + get(m, ClOrdID.FIELD) +
                    optional(" (was ", get(m, OrigClOrdID.FIELD), ")") + optional(" @ ", get(m, Price.FIELD), "") +
                    optional(" last ", get(m, LastQty.FIELD), "") + optional(" @ ", get(m, LastPx.FIELD), "") +
                    " cum " + get(m, CumQty.FIELD) + " leaves " + get(m, LeavesQty.FIELD) + " avg " +
                    get(m, AvgPx.FIELD) + optional(" reason ", get(m, OrdRejReason.FIELD), "") +
                    optional(": ", get(m, Text.FIELD), "");
            case MsgType.ORDER_CANCEL_REJECT:
                return "cancel/replace refused: clordid " + get(m, ClOrdID.FIELD) + " of " +
                    get(m, OrigClOrdID.FIELD) + " reason " + get(m, CxlRejReason.FIELD) +
                    optional(": ", get(m, Text.FIELD), "");
            case MsgType.ORDER_MASS_CANCEL_REPORT:
                return "mass cancel " + get(m, ClOrdID.FIELD) + ": " +
                    optional("", get(m, TotalAffectedOrders.FIELD), " orders cancelled") +
                    optional("refused: ", get(m, Text.FIELD), "");
            case MsgType.REJECT:
                return "session reject of message " + get(m, RefSeqNum.FIELD) + " reason " +
                    get(m, SessionRejectReason.FIELD) + optional(": ", get(m, Text.FIELD), "");
            case MsgType.LOGOUT:
                return "logout" + optional(": ", get(m, Text.FIELD), "");
            default:
                return "message " + type + optional(": ", get(m, Text.FIELD), "");
        }
    }

    private static String execType(final String execType)
    {
        switch (execType == null ? "" : execType)
        {
            case "0": return "new";
            case "4": return "canceled";
            case "5": return "replaced";
            case "8": return "rejected";
            case "C": return "expired";
            case "D": return "restated";
            case "F": return "trade";
            default: return "exec " + execType;
        }
    }

    private static String sideText(final String side)
    {
        return "1".equals(side) ? "buy" : "2".equals(side) ? "sell" : "side " + side;
    }

    private static String optional(final String before, final String value, final String after)
    {
        return value == null ? "" : before + value + after;
    }

    private static String get(final Message m, final int tag)
    {
        try
        {
            return m.isSetField(tag) ? m.getString(tag) : null;
        }
        catch (final FieldNotFound ex)
        {
            return null;
        }
    }
}
