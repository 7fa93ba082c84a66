package org.mmwinter.engine.flow;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.StpMode;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.state.AccountRegistry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order-flow CSV contract line by line: what each valid line becomes in engine units, and the reason and field
 * of every way a line can be refused before it reaches the core.
 */
final class OrderFlowParserTest
{
    /** Every reason the parser itself gives; the rest come from the core. */
    private static final Set<Integer> PARSER_REASONS = Set.of(
        RejectReason.BAD_LINE,
        RejectReason.MISSING_FIELD,
        RejectReason.BAD_NUMBER,
        RejectReason.BAD_ACTION,
        RejectReason.BAD_ORDER_ID,
        RejectReason.ORDER_ID_TOO_LONG,
        RejectReason.MISSING_ORDER_ID,
        RejectReason.BAD_SIDE,
        RejectReason.BAD_TYPE,
        RejectReason.BAD_TIF,
        RejectReason.BAD_STP,
        RejectReason.MARKET_WITH_PRICE,
        RejectReason.MISSING_PRICE,
        RejectReason.MISSING_QTY,
        RejectReason.TOO_MANY_DECIMALS,
        RejectReason.PRICE_OUT_OF_RANGE,
        RejectReason.QTY_OUT_OF_RANGE,
        RejectReason.OFF_TICK,
        RejectReason.OFF_LOT);

    private MatchingEngine engine;
    private AccountRegistry accounts;
    private OrderFlowParser parser;
    private final CommandEvent command = new CommandEvent();

    @BeforeEach
    void setUp()
    {
        engine = new MatchingEngine(MatchingListener.NO_OP, 16);
        // Tick 0.05 and lot 0.010: for off-tick and off-lot lines.
        engine.addInstrument(new Instrument(0, "TCK", 2, 5, 3, 10, Instrument.NO_BAND));
        engine.addInstrument(Instrument.createDefault(1, "BTC"));
        accounts = new AccountRegistry();
        final DefaultInstruments instruments = new DefaultInstruments(engine, true);
        parser = new OrderFlowParser(instruments, instruments, accounts::register);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // line | what it becomes
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,12.5,1 | NEW 1 a/7 BTC BUY LIMIT GTC NONE 1250000000x100000000",
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,12.50,1.0 | NEW 1 a/7 BTC BUY LIMIT GTC NONE 1250000000x100000000",
        "2,NEW,b,8,BTC,SELL,LIMIT,,0.00000001,0.5 | NEW 2 b/8 BTC SELL LIMIT GTC NONE 1x50000000",
        "3,NEW,a,9,BTC,BUY,LIMIT,IOC,1,1 | NEW 3 a/9 BTC BUY LIMIT IOC NONE 100000000x100000000",
        "3,NEW,a,9,BTC,BUY,LIMIT,FOK,1,1 | NEW 3 a/9 BTC BUY LIMIT FOK NONE 100000000x100000000",
        "3,NEW,a,9,BTC,SELL,LIMIT,POST_ONLY,1,1 | NEW 3 a/9 BTC SELL LIMIT POST_ONLY NONE 100000000x100000000",
        "4,NEW,a,10,BTC,BUY,MARKET,IOC,,2 | NEW 4 a/10 BTC BUY MARKET IOC NONE MKTx200000000",
        "4,NEW,a,10,BTC,SELL,MARKET,FOK,,2 | NEW 4 a/10 BTC SELL MARKET FOK NONE MKTx200000000",
        "5,NEW,a,11,BTC,BUY,LIMIT,GTC,1,1, | NEW 5 a/11 BTC BUY LIMIT GTC NONE 100000000x100000000",
        "5,NEW,a,11,BTC,BUY,LIMIT,GTC,1,1,NONE | NEW 5 a/11 BTC BUY LIMIT GTC NONE 100000000x100000000",
        "5,NEW,a,11,BTC,BUY,LIMIT,GTC,1,1,CANCEL_NEWEST | " +
            "NEW 5 a/11 BTC BUY LIMIT GTC CANCEL_NEWEST 100000000x100000000",
        "5,NEW,a,11,BTC,BUY,LIMIT,GTC,1,1,CANCEL_OLDEST | " +
            "NEW 5 a/11 BTC BUY LIMIT GTC CANCEL_OLDEST 100000000x100000000",
        "5,NEW,a,11,BTC,BUY,LIMIT,GTC,1,1,CANCEL_BOTH | NEW 5 a/11 BTC BUY LIMIT GTC CANCEL_BOTH 100000000x100000000",
        "5,NEW,a,11,BTC,BUY,LIMIT,GTC,1,1,DECREMENT | NEW 5 a/11 BTC BUY LIMIT GTC DECREMENT 100000000x100000000",
        "6,NEW,a,12,TCK,BUY,LIMIT,GTC,1.05,0.020 | NEW 6 a/12 TCK BUY LIMIT GTC NONE 21x2",
        "6,NEW,a,12,TCK,BUY,LIMIT,GTC,1.050,0.02000 | NEW 6 a/12 TCK BUY LIMIT GTC NONE 21x2",
        "0,NEW,a,0,BTC,BUY,LIMIT,GTC,1,1 | NEW 0 a/0 BTC BUY LIMIT GTC NONE 100000000x100000000",
        "9223372036854775807,NEW,a,9223372036854775807,BTC,BUY,LIMIT,GTC,1,1 | " +
            "NEW 9223372036854775807 a/9223372036854775807 BTC BUY LIMIT GTC NONE 100000000x100000000",
        "7,NEW,a,007,BTC,BUY,LIMIT,GTC,1,1 | NEW 7 a/007 BTC BUY LIMIT GTC NONE 100000000x100000000",
        "7,NEW,a,bid-0.x:1/y_Z,BTC,BUY,LIMIT,GTC,1,1 | " +
            "NEW 7 a/bid-0.x:1/y_Z BTC BUY LIMIT GTC NONE 100000000x100000000",
        "8,NEW,a,1,BTC,BUY,LIMIT,GTC,92233720368.54775807,92233720368.54775807 | " +
            "NEW 8 a/1 BTC BUY LIMIT GTC NONE 9223372036854775807x9223372036854775807",
        // Values the core refuses pass the parser unchanged.
        "8,NEW,a,1,BTC,BUY,LIMIT,GTC,0,-1 | NEW 8 a/1 BTC BUY LIMIT GTC NONE 0x-100000000",
        "8,NEW,a,1,BTC,BUY,LIMIT,GTC,+1,-0 | NEW 8 a/1 BTC BUY LIMIT GTC NONE 100000000x0",
        "8,NEW,a,1,BTC,BUY,MARKET,GTC,,1 | NEW 8 a/1 BTC BUY MARKET GTC NONE MKTx100000000",
        // CANCEL: symbol optional, everything after it ignored.
        "9,CANCEL,a,7,,,,,, | CANCEL 9 a/7 ANY",
        "9,CANCEL,a,7,BTC,,,,, | CANCEL 9 a/7 BTC",
        "9,CANCEL,a,7,BTC,SIDEWAYS,STOP,DAY,abc,-x,BOGUS | CANCEL 9 a/7 BTC",
        "9,CANCEL,a,7,XYZ,,,,, | CANCEL 9 a/7 UNKNOWN",
        // AMEND: symbol, price and qty; the rest ignored.
        "10,AMEND,a,7,BTC,,,,13,2 | AMEND 10 a/7 BTC 1300000000x200000000",
        "10,AMEND,a,7,BTC,SIDEWAYS,STOP,DAY,13,2,BOGUS | AMEND 10 a/7 BTC 1300000000x200000000",
        "10,AMEND,a,7,TCK,,,,0.05,0.01 | AMEND 10 a/7 TCK 1x1",
        "10,AMEND,a,7,XYZ,,,,abc,xyz | AMEND 10 a/7 UNKNOWN 1x1",
        // MASS_CANCEL: account and optional symbol; order id and the rest ignored.
        "11,MASS_CANCEL,a,,,,,,, | MASS_CANCEL 11 a ANY",
        "11,MASS_CANCEL,a,,BTC,,,,, | MASS_CANCEL 11 a BTC",
        "11,MASS_CANCEL,a,xyz,BTC,SIDEWAYS,STOP,DAY,abc,-x,BOGUS | MASS_CANCEL 11 a BTC",
    })
    void parses(final String line, final String expected)
    {
        assertEquals(RejectReason.NONE, parser.parse(line, command), () -> parser.rejectedField());

        assertEquals(expected, describe(command));
        assertEquals(RejectReason.NONE, parseBytes(line), () -> parser.rejectedField());
        assertEquals(expected, describe(command), "the same line as bytes");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,12.5,1",
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,12.5,1,DECREMENT",
        "1,CANCEL,a,7,BTC,,,,,",
        "1,AMEND,a,7,BTC,,,,12.5,1",
        "1,MASS_CANCEL,a,,BTC,,,,,",
    })
    void carriageReturnAtTheEndIsIgnored(final String line)
    {
        assertEquals(RejectReason.NONE, parser.parse(line, command));
        final String expected = describe(command);

        assertEquals(RejectReason.NONE, parser.parse(line + "\r", command));
        assertEquals(expected, describe(command));
        assertEquals(RejectReason.NONE, parseBytes(line + "\r"));
        assertEquals(expected, describe(command), "as bytes");
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("rejections")
    void rejects(final String line, final String reasonName, final String field)
    {
        final int accountsBefore = accounts.size();

        final int reason = parser.parse(line, command);

        assertEquals(reasonName, reasonName(reason));
        assertEquals(field, parser.rejectedField());
        assertEquals(accountsBefore, accounts.size(), "a rejected line registers no account");

        assertEquals(reasonName, reasonName(parseBytes(line)), "the same line as bytes");
        assertEquals(field, parser.rejectedField(), "the same line as bytes");
        assertEquals(accountsBefore, accounts.size(), "as bytes too");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "1,NEW,zoë,7,BTC,BUY,LIMIT,GTC,12.5,1",
        "1,NEW,账户,7,BTC,BUY,LIMIT,GTC,12.5,1",
        "1,NEW,a\uD83D\uDE00b,7,BTC,BUY,LIMIT,GTC,12.5,1",
        "1,NEW,a,7,BTCé,BUY,LIMIT,GTC,12.5,1",
        "1,MASS_CANCEL,ü,,,,,,,",
    })
    void nonAsciiNamesAreTheSameNamesAsStringsAndAsBytes(final String line)
    {
        assertEquals(RejectReason.NONE, parser.parse(line, command), () -> parser.rejectedField());
        final String expected = describe(command);
        final int accountsAfter = accounts.size();

        assertEquals(RejectReason.NONE, parseBytes(line), () -> parser.rejectedField());
        assertEquals(expected, describe(command));
        assertEquals(accountsAfter, accounts.size(), "the same account, not a new one");
        final String account = line.split(",")[2];
        assertEquals(account, accounts.name(command.accountId));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        // A non-ASCII character where the contract wants ASCII is refused as any other wrong character.
        "1é,NEW,a,7,BTC,BUY,LIMIT,GTC,1,1 | BAD_NUMBER | ts_ns",
        "1,NEWé,a,7,BTC,BUY,LIMIT,GTC,1,1 | BAD_ACTION | action",
        "1,NEW,a,7é,BTC,BUY,LIMIT,GTC,1,1 | BAD_ORDER_ID | order_id",
        "1,NEW,a,7,BTC,BÜY,LIMIT,GTC,1,1 | BAD_SIDE | side",
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,1.5é,1 | BAD_NUMBER | price",
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,1,１ | BAD_NUMBER | qty",
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,1.é23456789,1 | TOO_MANY_DECIMALS | price",
    })
    void nonAsciiInAnAsciiFieldIsRefusedTheSameWayAsStringAndAsBytes(
        final String line, final String reasonName, final String field)
    {
        assertEquals(reasonName, reasonName(parser.parse(line, command)));
        assertEquals(field, parser.rejectedField());
        assertEquals(reasonName, reasonName(parseBytes(line)));
        assertEquals(field, parser.rejectedField());
    }

    @Test
    void aLineInTheMiddleOfABufferIsReadFromItsRangeOnly()
    {
        final byte[] bytes = "junk,9\n5,NEW,a,7,BTC,BUY,LIMIT,GTC,12.5,1\nmore,junk".getBytes(StandardCharsets.UTF_8);
        final int from = "junk,9\n".length();
        final int to = from + "5,NEW,a,7,BTC,BUY,LIMIT,GTC,12.5,1".length();

        assertEquals(RejectReason.NONE, parser.parse(bytes, from, to, command));
        assertEquals("NEW 5 a/7 BTC BUY LIMIT GTC NONE 1250000000x100000000", describe(command));
    }

    /** Expected results read from the parser before it had a one-pass decimal reading, kept as they were. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "9223372036854775807,NEW,a,7,BTC,BUY,LIMIT,GTC,1,1 | NONE |  | 9223372036854775807 100000000x100000000",
        "9223372036854775808,NEW,a,7,BTC,BUY,LIMIT,GTC,1,1 | bad number | ts_ns |",
        "00000000000000000000000001,NEW,a,7,BTC,BUY,LIMIT,GTC,1,1 | NONE |  | 1 100000000x100000000",
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,92233720368.54775807,1 | NONE |  | 1 9223372036854775807x100000000",
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,92233720368.54775808,1 | price too large for the fixed-point range | price |",
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,922337203685477580.7,1 | price too large for the fixed-point range | price |",
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,0000000000000000000012.5,1 | NONE |  | 1 1250000000x100000000",
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,12.50000000,1 | NONE |  | 1 1250000000x100000000",
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,12.500000000,1 | too many decimal places | price |",
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,+12.5,1 | NONE |  | 1 1250000000x100000000",
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,-12.5,1 | NONE |  | 1 -1250000000x100000000",
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,.5,1 | NONE |  | 1 50000000x100000000",
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,5.,1 | NONE |  | 1 500000000x100000000",
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,.,1 | bad number | price |",
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,1..5,1 | bad number | price |",
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,1.2x345678901,1 | too many decimal places | price |",
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,x1.23456789,1 | bad number | price |",
        "1,NEW,a,7,TCK,BUY,LIMIT,GTC,1.051,1 | too many decimal places | price |",
        "1,NEW,a,7,TCK,BUY,LIMIT,GTC,1.050,1 | NONE |  | 1 21x100",
        "1,NEW,a,7,TCK,BUY,LIMIT,GTC,1.05,0.0100 | NONE |  | 1 21x1",
        "1,NEW,a,7,TCK,BUY,LIMIT,GTC,1.05,0.0101 | too many decimal places | qty |",
        "1,NEW,a,7,TCK,BUY,LIMIT,GTC,1.05,99999999999999999.99 | quantity too large for the fixed-point range | qty |",
        "1,NEW,a,7,TCK,BUY,LIMIT,GTC,1.05,999999999999999.99 | NONE |  | 1 21x99999999999999999",
        "1,NEW,a,7,TCK,BUY,LIMIT,GTC,1.05,9999999999999999.990 | quantity too large for the fixed-point range | qty |",
        "1,NEW,a,7,TCK,BUY,LIMIT,GTC,1.05,9223372036854775.807 | quantity not a multiple of the lot size | qty |",
    })
    void numbersAtTheEdgesReadAsTheDecimalParserReadsThem(
        final String line, final String reason, final String field, final String value)
    {
        for (int asBytes = 0; asBytes < 2; asBytes++)
        {
            final int result = asBytes == 0 ? parser.parse(line, command) : parseBytes(line);
            final String what = asBytes == 0 ? "as a String" : "as bytes";

            assertEquals(reason, result == RejectReason.NONE ? "NONE" : RejectReason.describe(result), what);
            assertEquals(field == null ? "" : field, parser.rejectedField(), what);
            if (result == RejectReason.NONE)
            {
                assertEquals(value, command.clientTsNs + " " + command.price + "x" + command.qty, what);
            }
        }
    }

    private int parseBytes(final String line)
    {
        final byte[] text = ("#" + line + "#").getBytes(StandardCharsets.UTF_8);
        return parser.parse(text, 1, text.length - 1, command);
    }

    static Object[][] rejections()
    {
        return new Object[][] {
            {"", "BAD_LINE", "line"},
            {"\r", "BAD_LINE", "line"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,GTC,1", "BAD_LINE", "line"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,GTC,1,1,NONE,extra", "BAD_LINE", "line"},
            {"1;NEW;a;1;BTC;BUY;LIMIT;GTC;1;1", "BAD_LINE", "line"},
            {",NEW,a,1,BTC,BUY,LIMIT,GTC,1,1", "MISSING_FIELD", "ts_ns"},
            {"x,NEW,a,1,BTC,BUY,LIMIT,GTC,1,1", "BAD_NUMBER", "ts_ns"},
            {"-1,NEW,a,1,BTC,BUY,LIMIT,GTC,1,1", "BAD_NUMBER", "ts_ns"},
            {"1.5,NEW,a,1,BTC,BUY,LIMIT,GTC,1,1", "BAD_NUMBER", "ts_ns"},
            {"1.0,NEW,a,1,BTC,BUY,LIMIT,GTC,1,1", "BAD_NUMBER", "ts_ns"},
            {"1.,NEW,a,1,BTC,BUY,LIMIT,GTC,1,1", "BAD_NUMBER", "ts_ns"},
            {"+1,NEW,a,1,BTC,BUY,LIMIT,GTC,1,1", "BAD_NUMBER", "ts_ns"},
            {"9223372036854775808,NEW,a,1,BTC,BUY,LIMIT,GTC,1,1", "BAD_NUMBER", "ts_ns"},
            {"1,new,a,1,BTC,BUY,LIMIT,GTC,1,1", "BAD_ACTION", "action"},
            {"1,,a,1,BTC,BUY,LIMIT,GTC,1,1", "BAD_ACTION", "action"},
            {"1,REPLACE,a,1,BTC,BUY,LIMIT,GTC,1,1", "BAD_ACTION", "action"},
            {"1,NEW,,1,BTC,BUY,LIMIT,GTC,1,1", "MISSING_FIELD", "account"},
            {"1,MASS_CANCEL,,,,,,,,", "MISSING_FIELD", "account"},
            {"1,NEW,a,,BTC,BUY,LIMIT,GTC,1,1", "MISSING_ORDER_ID", "order_id"},
            {"1,CANCEL,a,,BTC,,,,,", "MISSING_ORDER_ID", "order_id"},
            {"1,AMEND,a,,BTC,,,,1,1", "MISSING_ORDER_ID", "order_id"},
            {"1,NEW,a,+1,BTC,BUY,LIMIT,GTC,1,1", "BAD_ORDER_ID", "order_id"},
            {"1,NEW,a,a b,BTC,BUY,LIMIT,GTC,1,1", "BAD_ORDER_ID", "order_id"},
            {"1,NEW,a, 7,BTC,BUY,LIMIT,GTC,1,1", "BAD_ORDER_ID", "order_id"},
            {"1,CANCEL,a,caf\u00e9,BTC,,,,,", "BAD_ORDER_ID", "order_id"},
            {"1,AMEND,a,#7,BTC,,,,1,1", "BAD_ORDER_ID", "order_id"},
            {"1,NEW,a,0123456789abcdefghijABCDEFGHIJ.:/_-Z7,BTC,BUY,LIMIT,GTC,1,1", "ORDER_ID_TOO_LONG", "order_id"},
            {"1,CANCEL,a,0123456789012345678901234567890123456,BTC,,,,,", "ORDER_ID_TOO_LONG", "order_id"},
            {"1,NEW,a,1,,BUY,LIMIT,GTC,1,1", "MISSING_FIELD", "symbol"},
            {"1,AMEND,a,1,,,,,1,1", "MISSING_FIELD", "symbol"},
            {"1,NEW,a,1,BTC,,LIMIT,GTC,1,1", "MISSING_FIELD", "side"},
            {"1,NEW,a,1,BTC,buy,LIMIT,GTC,1,1", "BAD_SIDE", "side"},
            {"1,NEW,a,1,BTC,B,LIMIT,GTC,1,1", "BAD_SIDE", "side"},
            {"1,NEW,a,1,BTC,BUY,,GTC,1,1", "MISSING_FIELD", "type"},
            {"1,NEW,a,1,BTC,BUY,STOP,GTC,1,1", "BAD_TYPE", "type"},
            {"1,NEW,a,1,BTC,BUY,limit,GTC,1,1", "BAD_TYPE", "type"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,DAY,1,1", "BAD_TIF", "tif"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,gtc,1,1", "BAD_TIF", "tif"},
            {"1,NEW,a,1,BTC,BUY,MARKET,,,1", "BAD_TIF", "tif"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,GTC,1,1,SOMETIMES", "BAD_STP", "stp"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,GTC,1,1,none", "BAD_STP", "stp"},
            // The enumerated fields are compared in place: a prefix or an extension of a valid word is not it.
            {"1,NEW,a,1,BTC,BUYS,LIMIT,GTC,1,1", "BAD_SIDE", "side"},
            {"1,NEW,a,1,BTC,SEL,LIMIT,GTC,1,1", "BAD_SIDE", "side"},
            {"1,NEW,a,1,BTC,BUY,LIMITS,GTC,1,1", "BAD_TYPE", "type"},
            {"1,NEW,a,1,BTC,BUY,MARKE,IOC,,1", "BAD_TYPE", "type"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,GT,1,1", "BAD_TIF", "tif"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,POST_ONLYX,1,1", "BAD_TIF", "tif"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,GTC,1,1,NON", "BAD_STP", "stp"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,GTC,1,1,CANCEL_BOTHS", "BAD_STP", "stp"},
            {"1,NEW,a,1,BTC,BUY,MARKET,IOC,100,1", "MARKET_WITH_PRICE", "price"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,GTC,,1", "MISSING_PRICE", "price"},
            {"1,AMEND,a,1,BTC,,,,,1", "MISSING_PRICE", "price"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,GTC,abc,1", "BAD_NUMBER", "price"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,GTC,1e3,1", "BAD_NUMBER", "price"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,GTC,.,1", "BAD_NUMBER", "price"},
            {"1,AMEND,a,1,BTC,,,,1..0,1", "BAD_NUMBER", "price"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,GTC,1.000000001,1", "TOO_MANY_DECIMALS", "price"},
            {"1,NEW,a,1,TCK,BUY,LIMIT,GTC,1.001,1", "TOO_MANY_DECIMALS", "price"},
            {"1,AMEND,a,1,BTC,,,,1.123456789,1", "TOO_MANY_DECIMALS", "price"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,GTC,92233720368.54775808,1", "PRICE_OUT_OF_RANGE", "price"},
            {"1,AMEND,a,1,BTC,,,,100000000000,1", "PRICE_OUT_OF_RANGE", "price"},
            // More than 8 decimals as written, even zeros; a coarser instrument still takes 1.050 (see parses).
            {"1,NEW,a,1,BTC,BUY,LIMIT,GTC,1.000000000,1", "TOO_MANY_DECIMALS", "price"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,GTC,1,1.000000000", "TOO_MANY_DECIMALS", "qty"},
            {"1,NEW,a,1,TCK,BUY,LIMIT,GTC,1.000000000,1", "TOO_MANY_DECIMALS", "price"},
            {"1,NEW,a,1,TCK,BUY,LIMIT,GTC,1.03,1", "OFF_TICK", "price"},
            {"1,AMEND,a,1,TCK,,,,0.01,1", "OFF_TICK", "price"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,GTC,1,", "MISSING_QTY", "qty"},
            {"1,NEW,a,1,BTC,BUY,MARKET,IOC,,", "MISSING_QTY", "qty"},
            {"1,AMEND,a,1,BTC,,,,1,", "MISSING_QTY", "qty"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,GTC,1,x", "BAD_NUMBER", "qty"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,GTC,1,0.000000001", "TOO_MANY_DECIMALS", "qty"},
            {"1,NEW,a,1,TCK,BUY,LIMIT,GTC,1,0.0001", "TOO_MANY_DECIMALS", "qty"},
            {"1,NEW,a,1,BTC,BUY,LIMIT,GTC,1,92233720368.54775808", "QTY_OUT_OF_RANGE", "qty"},
            {"1,NEW,a,1,TCK,BUY,LIMIT,GTC,1,0.015", "OFF_LOT", "qty"},
            {"1,AMEND,a,1,TCK,,,,1,0.001", "OFF_LOT", "qty"},
        };
    }

    @Test
    void everyReasonOfTheParserIsInTheTable()
    {
        final Set<String> covered = new TreeSet<>();
        for (final Object[] row : rejections())
        {
            covered.add((String)row[1]);
        }
        final Set<String> expected = new TreeSet<>();
        for (final int reason : PARSER_REASONS)
        {
            expected.add(reasonName(reason));
        }

        assertEquals(expected, covered);
    }

    @Test
    void parsedCommandsRunThroughTheCore()
    {
        assertEquals(RejectReason.NONE, parseAndApply("1,NEW,a,1,BTC,SELL,LIMIT,,10,2"));
        assertEquals(RejectReason.NONE, parseAndApply("2,NEW,b,1,BTC,BUY,MARKET,IOC,,1"));
        assertEquals(RejectReason.NONE, parseAndApply("3,AMEND,a,1,BTC,,,,11,1"));
        assertEquals(RejectReason.SYMBOL_MISMATCH, parseAndApply("4,CANCEL,a,1,TCK,,,,,"));
        assertEquals(RejectReason.SYMBOL_MISMATCH, parseAndApply("4,CANCEL,a,1,XYZ,,,,,"));
        assertEquals(RejectReason.NONE, parseAndApply("5,CANCEL,a,1,,,,,,"));
        assertEquals(RejectReason.UNKNOWN_ORDER, parseAndApply("6,CANCEL,a,1,BTC,,,,,"));
        assertEquals(RejectReason.NONE, parseAndApply("7,MASS_CANCEL,b,,,,,,,"));
        assertEquals(RejectReason.BAD_PRICE, parseAndApply("8,NEW,a,2,BTC,BUY,LIMIT,GTC,0,1"));
        assertEquals(RejectReason.BAD_QTY, parseAndApply("8,NEW,a,2,BTC,BUY,LIMIT,GTC,1,-1"));
        assertEquals(RejectReason.BAD_TIF, parseAndApply("8,NEW,a,2,BTC,BUY,MARKET,GTC,,1"));
        assertEquals(1, engine.tradeCount());
    }

    @Test
    void newAndMassCancelCreateAnUnknownSymbolButCancelAndAmendDoNot()
    {
        assertEquals(RejectReason.NONE, parser.parse("1,CANCEL,a,1,ETH,,,,,", command));
        assertEquals(RejectReason.NONE, parser.parse("1,AMEND,a,1,ETH,,,,1,1", command));
        assertEquals(MatchingEngine.UNKNOWN_INSTRUMENT, engine.instrumentId("ETH"));

        assertEquals(RejectReason.NONE, parser.parse("1,MASS_CANCEL,a,,ETH,,,,,", command));
        assertEquals(2, engine.instrumentId("ETH"));
        assertEquals(RejectReason.NONE, parser.parse("1,NEW,a,1,SOL,BUY,LIMIT,GTC,1,1", command));
        assertEquals(3, engine.instrumentId("SOL"));
        assertEquals(Instrument.DEFAULT_SCALE, engine.instrument(3).priceScale());
    }

    @Test
    void fixedInstrumentsLeaveAnUnknownSymbolToTheCore()
    {
        final DefaultInstruments fixed = new DefaultInstruments(engine, false);
        final OrderFlowParser strict = new OrderFlowParser(fixed, fixed, accounts::register);

        assertEquals(RejectReason.NONE, strict.parse("1,NEW,a,1,ETH,BUY,LIMIT,GTC,1,1", command));
        assertEquals(MatchingEngine.UNKNOWN_INSTRUMENT, command.instrumentId);
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, command.applyTo(engine));
        assertEquals(RejectReason.NONE, strict.parse("1,MASS_CANCEL,a,,ETH,,,,,", command));
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, command.applyTo(engine));
        assertEquals(2, engine.instrumentCount());
    }

    @Test
    void accountsGetIdsInOrderOfFirstAcceptedLine()
    {
        parser.parse("1,NEW,zed,1,BTC,BUY,LIMIT,GTC,x,1", command);
        parser.parse("1,NEW,bob,1,BTC,BUY,LIMIT,GTC,1,1", command);
        assertEquals(0, command.accountId);
        parser.parse("1,CANCEL,al,1,,,,,,", command);
        assertEquals(1, command.accountId);
        parser.parse("1,MASS_CANCEL,bob,,,,,,,", command);
        assertEquals(0, command.accountId);

        assertEquals(AccountRegistry.UNKNOWN, accounts.idOf("zed"));
        assertEquals("al", accounts.name(1));
        assertEquals(2, accounts.size());
    }

    @Test
    void everyParseStartsFromAClearCommand()
    {
        parser.parse("1,NEW,a,7,BTC,SELL,MARKET,FOK,,1,DECREMENT", command);
        parser.parse("2,CANCEL,a,7,,,,,,", command);

        assertEquals("CANCEL 2 a/7 ANY", describe(command));
        assertEquals(OrderType.LIMIT, command.orderType);
        assertEquals(TimeInForce.GTC, command.tif);
        assertEquals(StpMode.NONE, command.stp);
        assertEquals(MatchingEngine.NO_PRICE, command.price);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        OrderFlowParser.HEADER,
        OrderFlowParser.HEADER_WITH_STP,
        OrderFlowParser.HEADER + "\r",
        OrderFlowParser.HEADER_WITH_STP + "\r",
        "\uFEFF" + OrderFlowParser.HEADER,
        "  " + OrderFlowParser.HEADER + "  ",
    })
    void recognisesTheHeader(final String line)
    {
        assertTrue(OrderFlowParser.isHeader(line));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "",
        "1,NEW,a,7,BTC,BUY,LIMIT,GTC,12.5,1",
        "TS_NS,ACTION,ACCOUNT,ORDER_ID,SYMBOL,SIDE,TYPE,TIF,PRICE,QTY",
        "ts_ns,action,account,order_id,symbol,side,type,tif,price",
        "ts_ns,action,account,order_id,symbol,side,type,tif,price,qty,stp,extra",
        "ts_ns, action,account,order_id,symbol,side,type,tif,price,qty",
        "ts_ns,action,account,order_id,symbol,side,type,tif,qty,price",
    })
    void anythingElseIsNotTheHeader(final String line)
    {
        assertFalse(OrderFlowParser.isHeader(line));
    }

    private int parseAndApply(final String line)
    {
        assertEquals(RejectReason.NONE, parser.parse(line, command), line);
        return command.applyTo(engine);
    }

    private String describe(final CommandEvent cmd)
    {
        final String head = FlowAction.name(cmd.type) + " " + cmd.clientTsNs + " " + accounts.name(cmd.accountId);
        final String symbol = cmd.instrumentId == MatchingEngine.ANY_INSTRUMENT ? "ANY" :
            cmd.instrumentId == MatchingEngine.UNKNOWN_INSTRUMENT ? "UNKNOWN" :
            engine.instrument(cmd.instrumentId).symbol();
        switch (cmd.type)
        {
            case FlowAction.NEW:
                return head + "/" + cmd.clientOrderId + " " + symbol + " " + Side.name(cmd.side) + " " +
                    OrderType.name(cmd.orderType) + " " + TimeInForce.name(cmd.tif) + " " + StpMode.name(cmd.stp) +
                    " " +
                    (cmd.price == MatchingEngine.NO_PRICE ? "MKT" : Long.toString(cmd.price)) + "x" + cmd.qty;
            case FlowAction.AMEND:
                return head + "/" + cmd.clientOrderId + " " + symbol + " " + cmd.price + "x" + cmd.qty;
            case FlowAction.CANCEL:
                return head + "/" + cmd.clientOrderId + " " + symbol;
            default:
                return head + " " + symbol;
        }
    }

    private static String reasonName(final int reason)
    {
        for (final Field field : RejectReason.class.getFields())
        {
            try
            {
                if (field.getType() == int.class && field.getInt(null) == reason)
                {
                    return field.getName();
                }
            }
            catch (final IllegalAccessException ex)
            {
                throw new IllegalStateException(ex);
            }
        }
        return "reason " + reason;
    }

    @Test
    void manyAccountsAndSymbolsResolveToTheirOwnIdsWhateverTheirCacheSlots()
    {
        // More names than the parser's caches have slots, met again and again in a mixed order: every line must get
        // the id the resolvers give that name, whether it was found in place or looked up.
        final int names = 10_000;
        for (int round = 0; round < 3; round++)
        {
            for (int i = 0; i < names; i++)
            {
                final int n = (i * 7919) % names;
                final String symbol = "S" + (n % 100);
                final String line = "1,NEW,acct-" + n + ",1," + symbol + ",BUY,LIMIT,GTC,1,1";
                assertEquals(RejectReason.NONE, parser.parse(line, command), line);
                assertEquals(accounts.register("acct-" + n), command.accountId, line);
                assertEquals(engine.instrumentId(symbol), command.instrumentId, line);
            }
        }
        assertEquals(names, accounts.size());
    }
}
