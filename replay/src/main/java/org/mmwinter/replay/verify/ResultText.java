package org.mmwinter.replay.verify;

import org.mmwinter.engine.core.CancelReason;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;

/**
 * A result as readable text for {@code replay verify}'s report: every field by name, numbers as they are recorded
 * (prices in ticks, quantities in lots, fees in 10^-priceScale), codes followed by their names; and the fields in
 * which two results differ.
 */
final class ResultText
{
    private static final String[] NAMES = {"type", "command", "command_type", "source", "correlation", "client_ts",
        "now", "instrument", "account", "order", "client_order", "side", "price", "qty", "remaining",
        "maker_account", "maker_order", "maker_client_order", "maker_remaining", "reject", "cancel",
        "priority_kept", "order_count", "taker_fee", "maker_fee", "status"};

    private ResultText()
    {
    }

    /** Every field, {@code name=value}, separated by spaces. */
    static String describe(final ResultEvent r)
    {
        final StringBuilder text = new StringBuilder(256);
        for (int field = 0; field < NAMES.length; field++)
        {
            if (field > 0)
            {
                text.append(' ');
            }
            text.append(NAMES[field]).append('=').append(value(r, field));
        }
        return text.toString();
    }

    /**
     * The fields in which {@code expected} and {@code actual} differ, {@code name: expected X, actual Y}, separated
     * by semicolons; empty when they agree on every field named here.
     */
    static String differences(final ResultEvent expected, final ResultEvent actual)
    {
        final StringBuilder text = new StringBuilder();
        for (int field = 0; field < NAMES.length; field++)
        {
            final String e = value(expected, field);
            final String a = value(actual, field);
            if (!e.equals(a))
            {
                if (text.length() > 0)
                {
                    text.append("; ");
                }
                text.append(NAMES[field]).append(": expected ").append(e).append(", actual ").append(a);
            }
        }
        return text.toString();
    }

    private static String value(final ResultEvent r, final int field)
    {
        switch (field)
        {
            case 0: return ResultType.name(r.type) + "(" + r.type + ")";
            case 1: return Long.toString(r.commandSequence);
            case 2: return CommandType.name(r.commandType) + "(" + r.commandType + ")";
            case 3: return Integer.toString(r.sourceId);
            case 4: return Long.toString(r.correlationId);
            case 5: return Long.toString(r.clientTsNs);
            case 6: return Long.toString(r.nowNs);
            case 7: return Integer.toString(r.instrumentId);
            case 8: return Integer.toString(r.accountId);
            case 9: return Long.toString(r.orderId);
            case 10: return quoted(r.clientOrderId.toString());
            case 11: return Side.name(r.side) + "(" + r.side + ")";
            case 12: return Long.toString(r.price);
            case 13: return Long.toString(r.qty);
            case 14: return Long.toString(r.remaining);
            case 15: return Integer.toString(r.makerAccountId);
            case 16: return Long.toString(r.makerOrderId);
            case 17: return quoted(r.makerClientOrderId.toString());
            case 18: return Long.toString(r.makerRemaining);
            case 19: return r.rejectReason == 0 ? "0" : named(r.rejectReason, RejectReason.describe(r.rejectReason));
            case 20: return r.cancelReason == 0 ? "0" : named(r.cancelReason, CancelReason.name(r.cancelReason));
            case 21: return Boolean.toString(r.priorityKept);
            case 22: return Integer.toString(r.orderCount);
            case 23: return Long.toString(r.takerFee);
            case 24: return Long.toString(r.makerFee);
            case 25: return Integer.toString(r.status);
            default: throw new IllegalArgumentException("no result field " + field);
        }
    }

    private static String named(final int code, final String name)
    {
        return code + " (" + name + ")";
    }

    private static String quoted(final String id)
    {
        return "\"" + id + "\"";
    }
}
