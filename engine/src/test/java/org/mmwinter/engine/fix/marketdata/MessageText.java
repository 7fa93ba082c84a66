package org.mmwinter.engine.fix.marketdata;

import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDReqRejReason;
import quickfix.field.MDUpdateAction;
import quickfix.field.MsgType;
import quickfix.field.NoMDEntries;
import quickfix.field.NumberOfOrders;
import quickfix.field.Symbol;
import quickfix.field.Text;

/**
 * A market-data message as one line, so that tests compare whole messages with the text they expect:
 * {@code W 1 BTC-USD bid 80.15x0.0025#2 offer 80.2x1#1}, {@code X 1 new bid BTC-USD 80x1#1, trade BTC-USD 80x1},
 * {@code Y 1 reason=0 unknown symbol XYZ}.
 */
final class MessageText
{
    private MessageText()
    {
    }

    static String describe(final Message message)
    {
        try
        {
            final String type = message.getHeader().getString(MsgType.FIELD);
            final StringBuilder sb = new StringBuilder();
            switch (type)
            {
                case MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH:
                    sb.append("W ").append(message.getString(MDReqID.FIELD)).append(' ')
                        .append(message.getString(Symbol.FIELD));
                    for (int i = 1; i <= message.getGroupCount(NoMDEntries.FIELD); i++)
                    {
                        sb.append(' ');
                        entry(sb, message.getGroup(i, NoMDEntries.FIELD));
                    }
                    return sb.toString();

                case MsgType.MARKET_DATA_INCREMENTAL_REFRESH:
                    sb.append("X ").append(message.getString(MDReqID.FIELD)).append(' ');
                    for (int i = 1; i <= message.getGroupCount(NoMDEntries.FIELD); i++)
                    {
                        final Group group = message.getGroup(i, NoMDEntries.FIELD);
                        sb.append(i > 1 ? ", " : "");
                        if (group.getChar(MDEntryType.FIELD) != MDEntryType.TRADE)
                        {
                            final char action = group.getChar(MDUpdateAction.FIELD);
                            sb.append(action == MDUpdateAction.NEW ? "new " :
                                action == MDUpdateAction.CHANGE ? "change " : "delete ");
                        }
                        sb.append(side(group.getChar(MDEntryType.FIELD))).append(' ')
                            .append(group.getString(Symbol.FIELD)).append(' ');
                        size(sb, group);
                    }
                    return sb.toString();

                case MsgType.MARKET_DATA_REQUEST_REJECT:
                    sb.append("Y ").append(message.isSetField(MDReqID.FIELD) ? message.getString(MDReqID.FIELD) :
                        "-");
                    if (message.isSetField(MDReqRejReason.FIELD))
                    {
                        sb.append(" reason=").append(message.getString(MDReqRejReason.FIELD));
                    }
                    return sb.append(' ').append(message.getString(Text.FIELD)).toString();

                default:
                    return type + " " + message;
            }
        }
        catch (final FieldNotFound ex)
        {
            throw new AssertionError("tag " + ex.field + " missing in " + message, ex);
        }
    }

    private static void entry(final StringBuilder sb, final Group group) throws FieldNotFound
    {
        sb.append(side(group.getChar(MDEntryType.FIELD))).append(' ');
        size(sb, group);
    }

    private static void size(final StringBuilder sb, final Group group) throws FieldNotFound
    {
        sb.append(group.getString(MDEntryPx.FIELD));
        if (group.isSetField(MDEntrySize.FIELD))
        {
            sb.append('x').append(group.getString(MDEntrySize.FIELD));
        }
        if (group.isSetField(NumberOfOrders.FIELD))
        {
            sb.append('#').append(group.getString(NumberOfOrders.FIELD));
        }
    }

    private static String side(final char entryType)
    {
        switch (entryType)
        {
            case MDEntryType.BID: return "bid";
            case MDEntryType.OFFER: return "offer";
            case MDEntryType.TRADE: return "trade";
            default: return "type" + entryType;
        }
    }
}
