package org.mmwinter.engine.flow;

import java.nio.charset.StandardCharsets;

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
 * <p>
 * Lines come as a {@code String} (the gateway, the engine's {@code --input}) or as UTF-8 bytes in a caller's buffer
 * ({@code replay match}, which would otherwise decode a {@code String} per line only to read it back). Both are read
 * by one byte-level core: a {@code String} is copied into a reused byte array, each non-ASCII character as one
 * byte that no field accepts, so every index and every check is the same as on its characters, and a name is cut
 * from the {@code String} itself. Every field but a name is ASCII by contract, so nothing else is decoded.
 */
public final class OrderFlowParser
{
    public static final String HEADER = "ts_ns,action,account,order_id,symbol,side,type,tif,price,qty";
    public static final String HEADER_WITH_STP = HEADER + ",stp";

    private static final int MAX_FIELDS = 11;
    /** 10^0 to 10^18, every scale {@link FixedPoint} takes. */
    private static final long[] POWERS_OF_TEN = new long[19];
    /** The contract's limit on written decimal places, whatever the instrument's own scale. */
    public static final int MAX_DECIMALS = 8;
    /** The words of each enumerated field, beside the codes they stand for (same index). */
    private static final byte[][] ACTION_WORDS = ascii("NEW", "CANCEL", "AMEND", "MASS_CANCEL");
    private static final int[] ACTION_CODES = {FlowAction.NEW, FlowAction.CANCEL, FlowAction.AMEND,
        FlowAction.MASS_CANCEL};
    private static final byte[][] SIDE_WORDS = ascii("BUY", "SELL");
    private static final int[] SIDE_CODES = {Side.BUY, Side.SELL};
    private static final byte[][] TYPE_WORDS = ascii("LIMIT", "MARKET");
    private static final int[] TYPE_CODES = {OrderType.LIMIT, OrderType.MARKET};
    private static final byte[][] TIF_WORDS = ascii("GTC", "IOC", "FOK", "POST_ONLY");
    private static final int[] TIF_CODES = {TimeInForce.GTC, TimeInForce.IOC, TimeInForce.FOK, TimeInForce.POST_ONLY};
    private static final byte[][] STP_WORDS = ascii("NONE", "CANCEL_NEWEST", "CANCEL_OLDEST", "CANCEL_BOTH",
        "DECREMENT");
    private static final int[] STP_CODES = {StpMode.NONE, StpMode.CANCEL_NEWEST, StpMode.CANCEL_OLDEST,
        StpMode.CANCEL_BOTH, StpMode.DECREMENT};

    static
    {
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private final SymbolResolver symbols;
    private final InstrumentLookup instruments;
    private final AccountResolver accounts;
    /** Largest field a fast decimal takes whole: 18 digits always fit a long. */
    private static final int FAST_DIGITS = 18;
    /** Stands for a non-ASCII character of a {@code String} line: not a digit, separator, word or id character. */
    private static final byte NOT_ASCII = (byte)0xFF;

    private final FixedPoint decimal = new FixedPoint();
    /** The line being parsed, as bytes; fields index it directly. */
    private byte[] text;
    /** A {@code String} line's bytes (see the class comment), reused across lines. */
    private byte[] copied = new byte[256];
    /** The {@code String} being parsed, or null for a line given as bytes. */
    private String line;
    private final ByteText view = new ByteText();
    private long number;
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
        final int length = line.length();
        if (copied.length < length)
        {
            copied = new byte[Math.max(length, 2 * copied.length)];
        }
        final byte[] bytes = copied;
        for (int i = 0; i < length; i++)
        {
            final char c = line.charAt(i);
            bytes[i] = c < 0x80 ? (byte)c : NOT_ASCII;
        }
        this.line = line;
        try
        {
            return parseText(bytes, 0, length, out);
        }
        finally
        {
            this.line = null;
        }
    }

    /**
     * Parses the data line held as UTF-8 in {@code bytes[from, to)} (without its line terminator; one trailing
     * {@code \r} is ignored, as for a {@code String}) into {@code out}, exactly as {@link #parse(String,
     * CommandEvent)} parses the decoded line.
     *
     * @return {@link RejectReason#NONE} or the reason the line is rejected; {@code out} is only meaningful on NONE.
     */
    public int parse(final byte[] bytes, final int from, final int to, final CommandEvent out)
    {
        line = null;
        return parseText(bytes, from, to, out);
    }

    private int parseText(final byte[] bytes, final int from, final int to, final CommandEvent out)
    {
        out.clear();
        rejectedField = "";
        text = bytes;
        view.bytes = bytes;
        final int length = to > from && bytes[to - 1] == '\r' ? to - 1 : to;
        int fields = 0;
        int start = from;
        for (int i = from; i < length; i++)
        {
            if (bytes[i] == ',')
            {
                // The last field is not ended by a comma, so at most MAX_FIELDS - 1 of them end here.
                if (fields == MAX_FIELDS - 1)
                {
                    return reject("line", RejectReason.BAD_LINE);
                }
                starts[fields] = start;
                ends[fields] = i;
                fields++;
                start = i + 1;
            }
        }
        starts[fields] = start;
        ends[fields] = length;
        fields++;
        if (fields < MAX_FIELDS - 1)
        {
            return reject("line", RejectReason.BAD_LINE);
        }

        if (isEmpty(0))
        {
            return reject("ts_ns", RejectReason.MISSING_FIELD);
        }
        if (!parseTimestamp(starts[0], ends[0]))
        {
            return reject("ts_ns", RejectReason.BAD_NUMBER);
        }
        out.clientTsNs = number;
        out.nowNs = out.clientTsNs;

        final int actionIndex = wordIndex(1, ACTION_WORDS);
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
            switch (out.clientOrderId.parse(text, starts[3], ends[3] - starts[3]))
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
            int instrumentId = knownSymbols.find(text, starts[4], ends[4]);
            if (instrumentId == NameCache.MISS)
            {
                final String symbol = name(4);
                instrumentId = symbols.resolve(symbol, create);
                knownSymbols.put(symbol, instrumentId);
            }
            out.instrumentId = instrumentId;
        }

        switch (action)
        {
            case FlowAction.NEW:
            {
                final int reason = parseNew(fields, out);
                if (reason != RejectReason.NONE)
                {
                    return reason;
                }
                break;
            }
            case FlowAction.AMEND:
            {
                final int reason = parseAmend(out);
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
        int accountId = knownAccounts.find(text, starts[2], ends[2]);
        if (accountId == NameCache.MISS)
        {
            final String account = name(2);
            accountId = accounts.resolve(account);
            knownAccounts.put(account, accountId);
        }
        out.accountId = accountId;
        return RejectReason.NONE;
    }

    private int parseNew(final int fields, final CommandEvent out)
    {
        // The enumerated fields are compared in place: a substring per field was a String per line for nothing.
        final int side = wordIndex(5, SIDE_WORDS);
        if (side < 0)
        {
            return reject("side", isEmpty(5) ? RejectReason.MISSING_FIELD : RejectReason.BAD_SIDE);
        }
        out.side = SIDE_CODES[side];

        final int type = wordIndex(6, TYPE_WORDS);
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
            final int tif = wordIndex(7, TIF_WORDS);
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
            final int stp = wordIndex(10, STP_WORDS);
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
            final int reason = parsePrice(instrument, out);
            if (reason != RejectReason.NONE)
            {
                return reason;
            }
        }
        return parseQty(instrument, out);
    }

    private int parseAmend(final CommandEvent out)
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
        final int reason = parsePrice(instrument, out);
        if (reason != RejectReason.NONE)
        {
            return reason;
        }
        return parseQty(instrument, out);
    }

    private int parsePrice(final Instrument instrument, final CommandEvent out)
    {
        if (isEmpty(8))
        {
            return reject("price", RejectReason.MISSING_PRICE);
        }
        switch (parseDecimal(8, instrument.priceScale()))
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
        final long units = number;
        if (units % instrument.tickUnits() != 0)
        {
            return reject("price", RejectReason.OFF_TICK);
        }
        out.price = units / instrument.tickUnits();
        return RejectReason.NONE;
    }

    private int parseQty(final Instrument instrument, final CommandEvent out)
    {
        if (isEmpty(9))
        {
            return reject("qty", RejectReason.MISSING_QTY);
        }
        switch (parseDecimal(9, instrument.qtyScale()))
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
        final long units = number;
        if (units % instrument.lotUnits() != 0)
        {
            return reject("qty", RejectReason.OFF_LOT);
        }
        out.qty = units / instrument.lotUnits();
        return RejectReason.NONE;
    }

    /**
     * Reads field {@code [from, to)}, not empty, as a timestamp into {@link #number}. Timestamps are plain digits: a
     * sign or a decimal point, which the decimal parser would accept ("1.0" as 1), would let two spellings name the
     * same instant. One pass, with the decimal parser's own overflow rule.
     */
    private boolean parseTimestamp(final int from, final int to)
    {
        final byte[] bytes = text;
        long value = 0;
        int i = from;
        // 18 digits cannot overflow; only a longer field (19 digits, as nanoseconds since 1970 are) needs the check.
        for (final int safe = Math.min(to, from + FAST_DIGITS); i < safe; i++)
        {
            final int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9)
            {
                return false;
            }
            value = value * 10 + digit;
        }
        for (; i < to; i++)
        {
            final int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10)
            {
                return false;
            }
            value = value * 10 + digit;
        }
        number = value;
        return true;
    }

    /**
     * Reads field {@code field}, not empty, as a decimal scaled by 10^scale into {@link #number}.
     * <p>
     * "More than 8 decimals" is about the text, so 1.000000000 is refused like 1.000000001, while an instrument's
     * coarser scale only refuses non-zero extra digits (off tick). The usual field (digits, at most one point, at
     * most {@value #FAST_DIGITS} digits, a value that fits) is read in one pass; anything else is left to the
     * reference reading below, so the two can only differ in speed.
     *
     * @return a {@link FixedPoint} result code.
     */
    private int parseDecimal(final int field, final int scale)
    {
        final byte[] bytes = text;
        final int from = starts[field];
        final int to = ends[field];
        long value = 0;
        int digits = 0;
        int decimals = 0;
        int point = -1;
        boolean extraDecimals = false;
        for (int i = from; i < to; i++)
        {
            final int c = bytes[i];
            if (c == '.' && point < 0)
            {
                point = i;
                continue;
            }
            final int digit = c - '0';
            if (digit < 0 || digit > 9 || ++digits > FAST_DIGITS)
            {
                return parseDecimalReference(field, scale);
            }
            if (point >= 0)
            {
                if (decimals == scale)
                {
                    extraDecimals |= digit != 0;
                    continue;
                }
                decimals++;
            }
            value = value * 10 + digit;
        }
        if (point >= 0 && to - point - 1 > MAX_DECIMALS)
        {
            return FixedPoint.TOO_MANY_DECIMALS;
        }
        if (digits == 0)
        {
            return FixedPoint.NOT_A_NUMBER;
        }
        if (extraDecimals)
        {
            return FixedPoint.TOO_MANY_DECIMALS;
        }
        final long multiplier = POWERS_OF_TEN[scale - decimals];
        if (value > Long.MAX_VALUE / multiplier)
        {
            return FixedPoint.OVERFLOW;
        }
        number = value * multiplier;
        return FixedPoint.OK;
    }

    /**
     * The reading {@link #parseDecimal} stands for: written decimals first, then {@link FixedPoint#parse}.
     */
    private int parseDecimalReference(final int field, final int scale)
    {
        final int from = starts[field];
        final int to = ends[field];
        for (int i = from; i < to; i++)
        {
            if (text[i] == '.')
            {
                if (to - i - 1 > MAX_DECIMALS)
                {
                    return FixedPoint.TOO_MANY_DECIMALS;
                }
                break;
            }
        }
        final int result = decimal.parse(view, from, to, scale);
        if (result == FixedPoint.OK)
        {
            number = decimal.value();
        }
        return result;
    }

    private boolean isEmpty(final int field)
    {
        return starts[field] == ends[field];
    }

    /**
     * Which of {@code words} field {@code field} is, or -1: the enumerated fields, each a table of its words beside
     * their codes.
     */
    private int wordIndex(final int field, final byte[][] words)
    {
        for (int i = 0; i < words.length; i++)
        {
            if (fieldIs(field, words[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private boolean fieldIs(final int field, final byte[] expected)
    {
        final int length = expected.length;
        final int start = starts[field];
        if (ends[field] - start != length)
        {
            return false;
        }
        final byte[] bytes = text;
        for (int i = 0; i < length; i++)
        {
            if (bytes[start + i] != expected[i])
            {
                return false;
            }
        }
        return true;
    }

    private static byte[][] ascii(final String... words)
    {
        final byte[][] bytes = new byte[words.length][];
        for (int i = 0; i < words.length; i++)
        {
            bytes[i] = words[i].getBytes(StandardCharsets.US_ASCII);
        }
        return bytes;
    }

    /**
     * A name field's text: cut from the {@code String} line, or decoded from the bytes (names may be any UTF-8).
     */
    private String name(final int field)
    {
        final int start = starts[field];
        return line != null ? line.substring(start, ends[field]) :
            new String(text, start, ends[field] - start, StandardCharsets.UTF_8);
    }

    private int reject(final String field, final int reason)
    {
        rejectedField = field;
        return reason;
    }

    /**
     * The line's bytes as characters (each byte its own, unsigned), for the reference decimal reading: non-ASCII
     * bytes are then characters no decimal accepts, as on the decoded line.
     */
    private static final class ByteText implements CharSequence
    {
        private byte[] bytes;

        public int length()
        {
            return bytes.length;
        }

        public char charAt(final int index)
        {
            return (char)(bytes[index] & 0xFF);
        }

        public CharSequence subSequence(final int start, final int end)
        {
            return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
        }

        public String toString()
        {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }
}
