package org.mmwinter.engine.flow;

import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.FixedPoint;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.StpMode;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;

/**
 * Parses lines of the order-flow CSV contract
 * ({@code ts_ns,action,account,order_id,symbol,side,type,tif,price,qty[,stp]}) into {@link CommandEvent}s in engine
 * units, the flow's {@code ts_ns} as both the sender's time and the proposed engine time. A bad line is a reason
 * code, never an exception: the caller records it and goes on.
 */
public final class OrderFlowParser
{
    public static final String HEADER = "ts_ns,action,account,order_id,symbol,side,type,tif,price,qty";
    public static final String HEADER_WITH_STP = HEADER + ",stp";

    private static final int MAX_FIELDS = 11;
    /** The contract's limit on written decimal places, whatever the instrument's own scale. */
    public static final int MAX_DECIMALS = 8;
    /** The words of each enumerated field, beside the codes they stand for (same index). */
    private static final String[] ACTION_WORDS = {"NEW", "CANCEL", "AMEND", "MASS_CANCEL"};
    private static final int[] ACTION_CODES = {FlowAction.NEW, FlowAction.CANCEL, FlowAction.AMEND,
        FlowAction.MASS_CANCEL};
    private static final String[] SIDE_WORDS = {"BUY", "SELL"};
    private static final int[] SIDE_CODES = {Side.BUY, Side.SELL};
    private static final String[] TYPE_WORDS = {"LIMIT", "MARKET"};
    private static final int[] TYPE_CODES = {OrderType.LIMIT, OrderType.MARKET};
    private static final String[] TIF_WORDS = {"GTC", "IOC", "FOK", "POST_ONLY"};
    private static final int[] TIF_CODES = {TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK, TimeInForce.POST_ONLY};
    private static final String[] STP_WORDS = {"NONE", "CANCEL_NEWEST", "CANCEL_OLDEST", "CANCEL_BOTH", "DECREMENT"};
    private static final int[] STP_CODES = {StpMode.NONE, StpMode.CANCEL_NEWEST, StpMode.CANCEL_OLDEST,
        StpMode.CANCEL_BOTH, StpMode.DECREMENT};

    private final SymbolResolver symbols;
    private final InstrumentLookup instruments;
    private final AccountResolver accounts;
    private final FixedPoint decimal = new FixedPoint();
    private final int[] starts = new int[MAX_FIELDS + 1];
    private final int[] ends = new int[MAX_FIELDS + 1];
    /** Symbols and accounts met before, by their text in the line (their ids never change). */
    private final NameCache knownSymbols = new NameCache(64);
    private final NameCache knownAccounts = new NameCache(4096);
    private String rejectedField = "";

    public OrderFlowParser(
        final SymbolResolver symbols, final InstrumentLookup instruments, final AccountResolver accounts)
    {
        this.symbols = symbols;
        this.instruments = instruments;
        this.accounts = accounts;
    }

    /**
     * @return whether {@code line} is the contract's header (with or without the optional stp column).
     */
    public static boolean isHeader(final String line)
    {
        final String trimmed = stripBom(line).trim();
        return HEADER.equals(trimmed) || HEADER_WITH_STP.equals(trimmed);
    }

    private static String stripBom(final String line)
    {
        return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
    }

    /**
     * Name of the field the last rejection was about (for messages at the edge).
     */
    public String rejectedField()
    {
        return rejectedField;
    }

    /**
     * Parses one data line into {@code out}.
     *
     * @return {@link RejectReason#NONE} or the reason the line is rejected; {@code out} is only meaningful on NONE.
     */
    public int parse(final String line, final CommandEvent out)
    {
        out.clear();
        rejectedField = "";
        final int length = line.endsWith("\r") ? line.length() - 1 : line.length();
        int fields = 0;
        int start = 0;
        for (int i = 0; i <= length; i++)
        {
            if (i == length || line.charAt(i) == ',')
            {
                if (fields == MAX_FIELDS)
                {
                    return reject("line", RejectReason.BAD_LINE);
                }
                starts[fields] = start;
                ends[fields] = i;
                fields++;
                start = i + 1;
            }
        }
        if (fields < MAX_FIELDS - 1)
        {
            return reject("line", RejectReason.BAD_LINE);
        }

        if (isEmpty(0))
        {
            return reject("ts_ns", RejectReason.MISSING_FIELD);
        }
        if (!isDigitsOnly(line, 0) || decimal.parse(line, starts[0], ends[0], 0) != FixedPoint.OK)
        {
            return reject("ts_ns", RejectReason.BAD_NUMBER);
        }
        out.clientTsNs = decimal.value();
        out.nowNs = out.clientTsNs;

        final int actionIndex = wordIndex(line, 1, ACTION_WORDS);
        if (actionIndex < 0)
        {
            return reject("action", RejectReason.BAD_ACTION);
        }
        final int action = ACTION_CODES[actionIndex];
        out.type = action;

        if (isEmpty(2))
        {
            return reject("account", RejectReason.MISSING_FIELD);
        }

        if (action != FlowAction.MASS_CANCEL)
        {
            switch (out.clientOrderId.parse(line, starts[3], ends[3]))
            {
                case ClientOrderId.OK:
                    break;
                case ClientOrderId.EMPTY:
                    return reject("order_id", RejectReason.MISSING_ORDER_ID);
                case ClientOrderId.TOO_LONG:
                    return reject("order_id", RejectReason.ORDER_ID_TOO_LONG);
                default:
                    return reject("order_id", RejectReason.BAD_ORDER_ID);
            }
        }

        final boolean symbolRequired = action == FlowAction.NEW;
        if (isEmpty(4))
        {
            if (symbolRequired)
            {
                return reject("symbol", RejectReason.MISSING_FIELD);
            }
            out.instrumentId = MatchingEngine.ANY_INSTRUMENT;
        }
        else
        {
            final boolean create = action == FlowAction.NEW || action == FlowAction.MASS_CANCEL;
            int instrumentId = knownSymbols.find(line, starts[4], ends[4]);
            if (instrumentId == NameCache.MISS)
            {
                final String symbol = field(line, 4);
                instrumentId = symbols.resolve(symbol, create);
                knownSymbols.put(symbol, instrumentId);
            }
            out.instrumentId = instrumentId;
        }

        switch (action)
        {
            case FlowAction.NEW:
            {
                final int reason = parseNew(line, fields, out);
                if (reason != RejectReason.NONE)
                {
                    return reason;
                }
                break;
            }
            case FlowAction.AMEND:
            {
                final int reason = parseAmend(line, out);
                if (reason != RejectReason.NONE)
                {
                    return reason;
                }
                break;
            }
            default:
                break;
        }
        // Registered last so that a rejected line does not give an account an id.
        int accountId = knownAccounts.find(line, starts[2], ends[2]);
        if (accountId == NameCache.MISS)
        {
            final String account = field(line, 2);
            accountId = accounts.resolve(account);
            knownAccounts.put(account, accountId);
        }
        out.accountId = accountId;
        return RejectReason.NONE;
    }

    private int parseNew(final String line, final int fields, final CommandEvent out)
    {
        // The enumerated fields are compared in place: a substring per field was a String per line for nothing.
        final int side = wordIndex(line, 5, SIDE_WORDS);
        if (side < 0)
        {
            return reject("side", isEmpty(5) ? RejectReason.MISSING_FIELD : RejectReason.BAD_SIDE);
        }
        out.side = SIDE_CODES[side];

        final int type = wordIndex(line, 6, TYPE_WORDS);
        if (type < 0)
        {
            return reject("type", isEmpty(6) ? RejectReason.MISSING_FIELD : RejectReason.BAD_TYPE);
        }
        out.orderType = TYPE_CODES[type];

        if (isEmpty(7))
        {
            if (out.orderType != OrderType.LIMIT)
            {
                return reject("tif", RejectReason.BAD_TIF);
            }
            out.tif = TimeInForce.GTC;
        }
        else
        {
            final int tif = wordIndex(line, 7, TIF_WORDS);
            if (tif < 0)
            {
                return reject("tif", RejectReason.BAD_TIF);
            }
            out.tif = TIF_CODES[tif];
        }

        if (fields <= 10 || isEmpty(10))
        {
            out.stp = StpMode.NONE;
        }
        else
        {
            final int stp = wordIndex(line, 10, STP_WORDS);
            if (stp < 0)
            {
                return reject("stp", RejectReason.BAD_STP);
            }
            out.stp = STP_CODES[stp];
        }

        if (out.instrumentId < 0)
        {
            // The core refuses an unknown instrument; decimals cannot be converted without its definition.
            out.price = out.orderType == OrderType.MARKET ? MatchingEngine.NO_PRICE : 1;
            out.qty = 1;
            return RejectReason.NONE;
        }
        final Instrument instrument = instruments.instrument(out.instrumentId);
        if (out.orderType == OrderType.MARKET)
        {
            if (!isEmpty(8))
            {
                return reject("price", RejectReason.MARKET_WITH_PRICE);
            }
            out.price = MatchingEngine.NO_PRICE;
        }
        else
        {
            final int reason = parsePrice(line, instrument, out);
            if (reason != RejectReason.NONE)
            {
                return reason;
            }
        }
        return parseQty(line, instrument, out);
    }

    private int parseAmend(final String line, final CommandEvent out)
    {
        if (out.instrumentId < 0)
        {
            if (out.instrumentId == MatchingEngine.ANY_INSTRUMENT)
            {
                return reject("symbol", RejectReason.MISSING_FIELD);
            }
            out.price = 1;
            out.qty = 1;
            return RejectReason.NONE;
        }
        final Instrument instrument = instruments.instrument(out.instrumentId);
        final int reason = parsePrice(line, instrument, out);
        if (reason != RejectReason.NONE)
        {
            return reason;
        }
        return parseQty(line, instrument, out);
    }

    private int parsePrice(final String line, final Instrument instrument, final CommandEvent out)
    {
        if (isEmpty(8))
        {
            return reject("price", RejectReason.MISSING_PRICE);
        }
        if (writtenDecimals(line, 8) > MAX_DECIMALS)
        {
            return reject("price", RejectReason.TOO_MANY_DECIMALS);
        }
        switch (decimal.parse(line, starts[8], ends[8], instrument.priceScale()))
        {
            case FixedPoint.OK:
                break;
            case FixedPoint.TOO_MANY_DECIMALS:
                return reject("price", RejectReason.TOO_MANY_DECIMALS);
            case FixedPoint.OVERFLOW:
                return reject("price", RejectReason.PRICE_OUT_OF_RANGE);
            default:
                return reject("price", RejectReason.BAD_NUMBER);
        }
        final long units = decimal.value();
        if (units % instrument.tickUnits() != 0)
        {
            return reject("price", RejectReason.OFF_TICK);
        }
        out.price = units / instrument.tickUnits();
        return RejectReason.NONE;
    }

    private int parseQty(final String line, final Instrument instrument, final CommandEvent out)
    {
        if (isEmpty(9))
        {
            return reject("qty", RejectReason.MISSING_QTY);
        }
        if (writtenDecimals(line, 9) > MAX_DECIMALS)
        {
            return reject("qty", RejectReason.TOO_MANY_DECIMALS);
        }
        switch (decimal.parse(line, starts[9], ends[9], instrument.qtyScale()))
        {
            case FixedPoint.OK:
                break;
            case FixedPoint.TOO_MANY_DECIMALS:
                return reject("qty", RejectReason.TOO_MANY_DECIMALS);
            case FixedPoint.OVERFLOW:
                return reject("qty", RejectReason.QTY_OUT_OF_RANGE);
            default:
                return reject("qty", RejectReason.BAD_NUMBER);
        }
        final long units = decimal.value();
        if (units % instrument.lotUnits() != 0)
        {
            return reject("qty", RejectReason.OFF_LOT);
        }
        out.qty = units / instrument.lotUnits();
        return RejectReason.NONE;
    }

    /**
     * Timestamps are plain digits: a sign or a decimal point, which the decimal parser would accept ("1.0" as 1),
     * would let two spellings name the same instant.
     */
    private boolean isDigitsOnly(final String line, final int field)
    {
        for (int i = starts[field], end = ends[field]; i < end; i++)
        {
            final char c = line.charAt(i);
            if (c < '0' || c > '9')
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Decimal places as written: "more than 8 decimals" is about the text, so 1.000000000 is refused like
     * 1.000000001, while an instrument's coarser scale only refuses non-zero extra digits (off tick).
     */
    private int writtenDecimals(final String line, final int field)
    {
        final int end = ends[field];
        for (int i = starts[field]; i < end; i++)
        {
            if (line.charAt(i) == '.')
            {
                return end - i - 1;
            }
        }
        return 0;
    }

    private boolean isEmpty(final int field)
    {
        return starts[field] == ends[field];
    }

    /**
     * Which of {@code words} field {@code field} is, or -1: the enumerated fields, each a table of its words beside
     * their codes.
     */
    private int wordIndex(final String line, final int field, final String[] words)
    {
        for (int i = 0; i < words.length; i++)
        {
            if (fieldIs(line, field, words[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private boolean fieldIs(final String line, final int field, final String expected)
    {
        final int length = expected.length();
        return ends[field] - starts[field] == length && line.regionMatches(starts[field], expected, 0, length);
    }

    private String field(final String line, final int field)
    {
        return line.substring(starts[field], ends[field]);
    }

    private int reject(final String field, final int reason)
    {
        rejectedField = field;
        return reason;
    }
}
