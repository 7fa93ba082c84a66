package org.mmwinter.engine.flow;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.state.AccountRegistry;
import org.mmwinter.engine.state.StateDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The order-flow contract's {@code order_id} is the client's string: 1 to 36 characters from
 * {@code A-Z a-z 0-9 . : / _ -}, echoed exactly as written, compared as text ({@code 7} and {@code 007} are two
 * orders). Any other text is refused with a reason that says what is wrong, and a refused line changes nothing.
 */
final class OrderIdParsingTest
{
    private static final String ID_36 = "0123456789abcdefghijABCDEFGHIJ.:/_-Z";

    private final MatchingEngine engine = new MatchingEngine(MatchingListener.NO_OP);
    private final AccountRegistry accounts = new AccountRegistry();
    private final DefaultInstruments instruments = new DefaultInstruments(engine, true);
    private final OrderFlowParser parser = new OrderFlowParser(instruments, instruments, accounts::register);
    private final CommandEvent command = new CommandEvent();

    @ParameterizedTest(name = "order_id ''{0}''")
    @ValueSource(strings = {"0", "7", "007", "9223372036854775807", "99999999999999999999999", "bid0", "ask1",
        "o17", "a", "Z", "-", "0123456789abcdefghijABCDEFGHIJ.:/_-Z", "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        "x.y:z/w_v-u"})
    void idsAreTakenAsWritten(final String text)
    {
        assertEquals(RejectReason.NONE, parse(text));
        assertEquals(text, command.clientOrderId.toString());
        assertEquals(text.length(), command.clientOrderId.length());
    }

    @ParameterizedTest(name = "order_id ''{0}'' is {1}")
    @CsvSource(delimiter = '|', value = {
        "'' | 107",
        "0123456789abcdefghijABCDEFGHIJ.:/_-Z7 | 106",
        "0123456789abcdefghijABCDEFGHIJ0123456789abcdefghij | 106",
        "caf\u00e9 | 103",
        "'a b' | 103",
        "'a\tb' | 103",
        "x+y | 103",
        "'#1' | 103",
        "\"q\" | 103",
        "\u00e9 | 103"})
    void badIdsAreRefusedWithTheirReason(final String text, final int reason)
    {
        assertEquals(reason, parse(text));
        if (reason != RejectReason.NONE)
        {
            assertEquals("order_id", parser.rejectedField());
        }
    }

    @Test
    void reasonsSayWhatIsWrong()
    {
        assertEquals("missing order id", RejectReason.describe(RejectReason.MISSING_ORDER_ID));
        assertEquals("order id longer than 36 characters", RejectReason.describe(RejectReason.ORDER_ID_TOO_LONG));
        assertEquals("order id has a character outside A-Z a-z 0-9 . : / _ -",
            RejectReason.describe(RejectReason.BAD_ORDER_ID));
    }

    @Test
    void aRefusedIdChangesNothing()
    {
        assertEquals(RejectReason.NONE, apply("1000,NEW,alice," + ID_36 + ",BTC-USD,BUY,LIMIT,GTC,100,1"));
        final long before = StateDigest.compute(engine, accounts);
        final long commands = engine.commandCount();
        for (final String bad : List.of("", ID_36 + "x", "caf\u00e9", "a b"))
        {
            for (final String action : List.of("NEW", "CANCEL", "AMEND"))
            {
                assertNotEquals(RejectReason.NONE,
                    apply("1001," + action + ",bob," + bad + ",BTC-USD,SELL,LIMIT,GTC,100,1"), action + " " + bad);
            }
        }
        assertEquals(commands, engine.commandCount(), "refused lines never reach the core");
        assertEquals(before, StateDigest.compute(engine, accounts));
        assertEquals(1, accounts.size(), "a refused line registers no account");
    }

    @Test
    void numericLookingIdsAreDistinctTexts()
    {
        assertEquals(RejectReason.NONE, apply("1,NEW,alice,7,BTC-USD,BUY,LIMIT,GTC,100,1"));
        assertEquals(RejectReason.NONE, apply("2,NEW,alice,007,BTC-USD,BUY,LIMIT,GTC,100,1"));
        assertEquals(RejectReason.DUPLICATE_ORDER_ID, apply("3,NEW,alice,007,BTC-USD,BUY,LIMIT,GTC,100,1"));
        assertEquals(RejectReason.NONE, apply("4,CANCEL,alice,7,BTC-USD,,,,,"));
        assertEquals(RejectReason.UNKNOWN_ORDER, apply("5,CANCEL,alice,7,BTC-USD,,,,,"));
        assertEquals(RejectReason.NONE, apply("6,CANCEL,alice,007,,,,,,"));
        assertEquals(0, engine.liveOrderCount());
    }

    @Test
    void anIdMayBeReusedOnceItsOrderIsGone()
    {
        assertEquals(RejectReason.NONE, apply("1,NEW,alice,bid0,BTC-USD,BUY,LIMIT,GTC,100,1"));
        assertEquals(RejectReason.DUPLICATE_ORDER_ID, apply("2,NEW,alice,bid0,BTC-USD,BUY,LIMIT,GTC,101,1"));
        assertEquals(RejectReason.NONE, apply("3,NEW,bob,bid0,BTC-USD,BUY,LIMIT,GTC,101,1"));
        assertEquals(RejectReason.NONE, apply("4,NEW,carol,ask1,BTC-USD,SELL,LIMIT,IOC,100,2"));
        assertEquals(RejectReason.NONE, apply("5,NEW,alice,bid0,BTC-USD,BUY,LIMIT,GTC,99,1"));
        assertEquals(1, engine.liveOrderCount());
        assertEquals(4, engine.lastOrderId(), "each accepted NEW gets the next engine order id");
    }

    private int parse(final String orderId)
    {
        return parser.parse("1000,NEW,alice," + orderId + ",BTC-USD,BUY,LIMIT,GTC,100,1", command);
    }

    private int apply(final String line)
    {
        final int reason = parser.parse(line, command);
        return reason != RejectReason.NONE ? reason : command.applyTo(engine);
    }
}
