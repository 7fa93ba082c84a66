package org.mmwinter.engine.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmwinter.engine.core.AccountRegistry;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.core.RejectReason;

/**
 * The order-flow contract's {@code order_id} is a non-negative integer written as plain digits: any other text is
 * a bad order id, so that two different texts never name the same order.
 */
final class OrderIdParsingTest
{
    private final MatchingEngine engine = new MatchingEngine(MatchingListener.NO_OP);
    private final DefaultInstruments instruments = new DefaultInstruments(engine, true);
    private final OrderFlowParser parser = new OrderFlowParser(instruments, instruments, new AccountRegistry());
    private final FlowCommand command = new FlowCommand();

    @ParameterizedTest(name = "order_id ''{0}''")
    @CsvSource(delimiter = '|', value = {
        "0 | 0",
        "7 | 7",
        "007 | 7",
        "9223372036854775807 | 9223372036854775807"})
    void plainDigitsAreAnOrderId(final String text, final long expected)
    {
        assertEquals(RejectReason.NONE, parse(text));
        assertEquals(expected, command.orderId);
    }

    @ParameterizedTest(name = "order_id ''{0}''")
    @CsvSource(delimiter = '|', value = {"1.0", "1.", ".5", "1.5", "+2", "-3", "1e3", "x", "9223372036854775808"})
    void anythingElseIsABadOrderId(final String text)
    {
        assertEquals(RejectReason.BAD_ORDER_ID, parse(text));
        assertEquals("order_id", parser.rejectedField());
    }

    private int parse(final String orderId)
    {
        return parser.parse("1000,NEW,alice," + orderId + ",BTC-USD,BUY,LIMIT,GTC,100,1", command);
    }
}
