package org.mmwinter.engine.flow;

import org.mmwinter.engine.core.FixedPoint;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.StpMode;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.state.AccountRegistry;

/**
 * Spells a sequenced order-flow command as a line of the order-flow CSV contract, the inverse of
 * {@link OrderFlowParser}: so that what an engine applied can be run again by {@code replay match}. The line's
 * {@code ts_ns} is the command's engine time ({@link CommandEvent#nowNs}), which the parser makes the engine time
 * again. A command the contract cannot say as it was applied is refused with a message, never approximated: a line
 * that parses into another command would give another state.
 */
public final class OrderFlowWriter
{
    /** Every line has the stp column. */
    public static final String HEADER = OrderFlowParser.HEADER_WITH_STP;
    /**
     * The symbol of a command on an instrument the engine did not know ({@link MatchingEngine#UNKNOWN_INSTRUMENT}:
     * a symbol never defined, with nothing created on first use), which the core rejected. No configuration lists
     * it (its spaces cannot stand in a key unescaped), so a replay that creates nothing on first use rejects the
     * line alike. Price and quantity stay empty: the parser reads neither without a definition.
     */
    public static final String UNKNOWN_SYMBOL = "(no such instrument)";

    private OrderFlowWriter()
    {
    }

    /**
     * Appends {@code command} as one line (with its newline).
     *
     * @param instruments the definitions the command was applied with (looked up by id).
     * @param accounts    the account names the command was applied with (looked up by id).
     * @throws IllegalArgumentException naming what the contract cannot say; {@code row} is then unspecified.
     */
    public static StringBuilder append(final StringBuilder row, final CommandEvent command,
        final MatchingEngine instruments, final AccountRegistry accounts)
    {
        final int type = command.type;
        if (!CommandType.isOrderFlow(type))
        {
            throw new IllegalArgumentException(CommandType.name(type) + " is not order flow");
        }
        if (command.nowNs < 0)
        {
            throw new IllegalArgumentException("engine time " + command.nowNs + " is negative (ts_ns is digits)");
        }
        row.append(command.nowNs).append(',').append(CommandType.name(type)).append(',');
        appendAccount(row, command.accountId, accounts).append(',');
        if (type != CommandType.MASS_CANCEL)
        {
            if (command.clientOrderId.isEmpty())
            {
                throw new IllegalArgumentException("no client order id (order_id is required)");
            }
            command.clientOrderId.appendTo(row);
        }
        row.append(',');
        final boolean unknown = command.instrumentId == MatchingEngine.UNKNOWN_INSTRUMENT;
        if (unknown)
        {
            row.append(UNKNOWN_SYMBOL);
        }
        // The contract lets a CANCEL or a MASS_CANCEL leave the symbol empty: any instrument.
        else if (command.instrumentId != MatchingEngine.ANY_INSTRUMENT ||
            (type != CommandType.CANCEL && type != CommandType.MASS_CANCEL))
        {
            row.append(instrument(command, instruments).symbol());
        }
        row.append(',');
        switch (type)
        {
            case CommandType.NEW:
                appendNew(row, command, instruments);
                break;
            case CommandType.AMEND:
                if (!command.newClientOrderId.isEmpty() && !command.newClientOrderId.equalTo(command.clientOrderId))
                {
                    throw new IllegalArgumentException("renames order " + command.clientOrderId + " to " +
                        command.newClientOrderId + " (a contract AMEND keeps the order's id)");
                }
                row.append(",,,");
                if (!unknown)
                {
                    appendPrice(row, command.price, instrument(command, instruments)).append(',');
                    appendQty(row, command.qty, instrument(command, instruments)).append(',');
                }
                else
                {
                    row.append(",,");
                }
                break;
            default:
                row.append(",,,,,");
                break;
        }
        return row.append('\n');
    }

    private static void appendNew(final StringBuilder row, final CommandEvent command,
        final MatchingEngine instruments)
    {
        if (!Side.isValid(command.side))
        {
            throw new IllegalArgumentException("side " + command.side + " has no name in the contract");
        }
        if (!OrderType.isValid(command.orderType))
        {
            throw new IllegalArgumentException("order type " + command.orderType + " has no name in the contract");
        }
        if (!TimeInForce.isValid(command.tif))
        {
            throw new IllegalArgumentException("time in force " + command.tif + " has no name in the contract");
        }
        if (!StpMode.isValid(command.stp))
        {
            throw new IllegalArgumentException("stp mode " + command.stp + " has no name in the contract");
        }
        row.append(Side.name(command.side)).append(',').append(OrderType.name(command.orderType)).append(',')
            .append(TimeInForce.name(command.tif)).append(',');
        if (command.instrumentId == MatchingEngine.UNKNOWN_INSTRUMENT)
        {
            row.append(",,").append(StpMode.name(command.stp));
            return;
        }
        final Instrument instrument = instrument(command, instruments);
        if (command.orderType == OrderType.MARKET)
        {
            if (command.price != MatchingEngine.NO_PRICE)
            {
                throw new IllegalArgumentException("a MARKET order with price " + command.price +
                    " ticks (a contract MARKET order has an empty price)");
            }
        }
        else
        {
            appendPrice(row, command.price, instrument);
        }
        row.append(',');
        appendQty(row, command.qty, instrument).append(',').append(StpMode.name(command.stp));
    }

    private static Instrument instrument(final CommandEvent command, final MatchingEngine instruments)
    {
        final int id = command.instrumentId;
        if (id < 0 || id >= instruments.instrumentCount())
        {
            throw new IllegalArgumentException("instrument id " + id + " is not defined" +
                (id == MatchingEngine.ANY_INSTRUMENT ? " (the contract's " + CommandType.name(command.type) +
                " needs a symbol)" : " (the contract names instruments by symbol)"));
        }
        return instruments.instrument(id);
    }

    private static StringBuilder appendAccount(final StringBuilder row, final int accountId,
        final AccountRegistry accounts)
    {
        if (accountId < 0 || accountId >= accounts.size())
        {
            throw new IllegalArgumentException("account id " + accountId + " has no registered name " +
                "(the contract names accounts)");
        }
        final String name = accounts.name(accountId);
        if (!isPlainField(name))
        {
            throw new IllegalArgumentException("account name '" + name + "' cannot be a CSV field " +
                "(a comma or a line break)");
        }
        return row.append(name);
    }

    /**
     * Whether {@code text} can be a field of a line as it is: the contract has no quoting.
     */
    public static boolean isPlainField(final String text)
    {
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == ',' || c == '\n' || c == '\r')
            {
                return false;
            }
        }
        return !text.isEmpty();
    }

    private static StringBuilder appendPrice(final StringBuilder row, final long ticks, final Instrument instrument)
    {
        if (ticks == MatchingEngine.NO_PRICE)
        {
            throw new IllegalArgumentException("no price (a contract LIMIT or AMEND has one)");
        }
        return FixedPoint.append(row, decimal(ticks, instrument.tickUnits(), "price"), instrument.priceScale());
    }

    private static StringBuilder appendQty(final StringBuilder row, final long lots, final Instrument instrument)
    {
        return FixedPoint.append(row, decimal(lots, instrument.lotUnits(), "qty"), instrument.qtyScale());
    }

    private static long decimal(final long count, final long units, final String field)
    {
        try
        {
            return Math.multiplyExact(count, units);
        }
        catch (final ArithmeticException ex)
        {
            throw new IllegalArgumentException(field + " " + count + " x " + units + " units is beyond a long", ex);
        }
    }
}
