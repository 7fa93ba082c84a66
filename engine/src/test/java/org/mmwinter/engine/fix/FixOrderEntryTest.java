package org.mmwinter.engine.fix;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.ExecInst;
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
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.field.TimeInForce;
import quickfix.field.TotalAffectedOrders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mmwinter.engine.fix.FixMessages.execution;
import static org.mmwinter.engine.fix.FixMessages.get;
import static org.mmwinter.engine.fix.FixMessages.limit;
import static org.mmwinter.engine.fix.FixMessages.next;

/**
 * Order entry over a real FIX session: QuickFIX/J initiators log on as CLIENT1 and CLIENT2 to the engine's acceptor
 * and trade BTC-USD (tick 0.01, lot 0.0001) against each other; every expected value is worked out from the orders
 * sent.
 */
class FixOrderEntryTest
{
    @TempDir
    static Path dir;

    private static FixEngine engine;
    private static FixClient one;
    private static FixClient two;

    /** One engine and two logged-on clients for the class: a logon takes up to a second (QuickFIX/J's timer). */
    @BeforeAll
    static void start() throws Exception
    {
        engine = new FixEngine(dir);
        one = engine.logon("CLIENT1");
        two = engine.logon("CLIENT2");
    }

    @AfterAll
    static void stop()
    {
        one.close();
        two.close();
        engine.close();
    }

    /** Each test starts from empty books and no messages waiting. */
    @BeforeEach
    void clear() throws Exception
    {
        for (final FixClient client : new FixClient[]{one, two})
        {
            client.send(FixMessages.massCancel("clear", MassCancelRequestType.CANCEL_ALL_ORDERS, null));
            next(client, MsgType.ORDER_MASS_CANCEL_REPORT);
            while (client.poll(0, TimeUnit.MILLISECONDS) != null)
            {
                continue;
            }
        }
    }

    @Test
    void placeFillReplaceAndCancelAgainstASecondSession() throws Exception
    {
        one.send(limit("c1", Side.BUY, "0.5", "80150.25"));
        final Message accepted = execution(one, ExecType.NEW);
        final String orderId = get(accepted, OrderID.FIELD);
        assertEquals("c1", get(accepted, ClOrdID.FIELD));
        assertEquals("0", get(accepted, OrdStatus.FIELD));
        assertEquals("0.5", get(accepted, LeavesQty.FIELD));
        assertEquals("0", get(accepted, CumQty.FIELD));
        assertEquals("80150.25", get(accepted, Price.FIELD));

        // CLIENT2 sells 0.2 below the bid: it trades at the resting price, 80150.25.
        two.send(limit("s1", Side.SELL, "0.2", "80150"));
        execution(two, ExecType.NEW);
        final Message taker = execution(two, ExecType.TRADE);
        assertEquals("2", get(taker, OrdStatus.FIELD));
        assertEquals("80150.25", get(taker, LastPx.FIELD));
        assertEquals("0.2", get(taker, LastQty.FIELD));
        assertEquals("0", get(taker, LeavesQty.FIELD));
        final Message maker = execution(one, ExecType.TRADE);
        assertEquals("1", get(maker, OrdStatus.FIELD));
        assertEquals("0.2", get(maker, CumQty.FIELD));
        // 0.5 - 0.2 left.
        assertEquals("0.3", get(maker, LeavesQty.FIELD));
        assertEquals("80150.25", get(maker, AvgPx.FIELD));

        // OrderQty is the new total: 0.4 with 0.2 filled leaves 0.2, at the new price.
        one.send(FixMessages.replace("c1b", "c1", Side.BUY, "0.4", "80100"));
        final Message replaced = execution(one, ExecType.REPLACED);
        assertEquals("c1b", get(replaced, ClOrdID.FIELD));
        assertEquals("c1", get(replaced, OrigClOrdID.FIELD));
        assertEquals(orderId, get(replaced, OrderID.FIELD));
        assertEquals("0.4", get(replaced, OrderQty.FIELD));
        assertEquals("0.2", get(replaced, LeavesQty.FIELD));
        assertEquals("0.2", get(replaced, CumQty.FIELD));
        assertEquals("80100", get(replaced, Price.FIELD));
        assertEquals("1", get(replaced, OrdStatus.FIELD));

        // CLIENT2 cannot touch CLIENT1's order: to its account the id names nothing.
        two.send(FixMessages.cancel("x2", "c1b", Side.BUY));
        final Message refused = next(two, MsgType.ORDER_CANCEL_REJECT);
        assertEquals(Integer.toString(CxlRejReason.UNKNOWN_ORDER), get(refused, CxlRejReason.FIELD));
        assertEquals(String.valueOf(CxlRejResponseTo.ORDER_CANCEL_REQUEST), get(refused, CxlRejResponseTo.FIELD));
        assertEquals("unknown order", get(refused, Text.FIELD));

        // The old ClOrdID names nothing any more; the new one cancels.
        one.send(FixMessages.cancel("x0", "c1", Side.BUY));
        assertEquals("1", get(next(one, MsgType.ORDER_CANCEL_REJECT), CxlRejReason.FIELD));
        one.send(FixMessages.cancel("x1", "c1b", Side.BUY));
        final Message canceled = execution(one, ExecType.CANCELED);
        assertEquals("x1", get(canceled, ClOrdID.FIELD));
        assertEquals("c1b", get(canceled, OrigClOrdID.FIELD));
        assertEquals("4", get(canceled, OrdStatus.FIELD));
        assertEquals("0", get(canceled, LeavesQty.FIELD));
        assertEquals("0.2", get(canceled, CumQty.FIELD));
        assertEquals(List.of(), engine.book());
    }

    @Test
    void averagePriceOverSeveralFillsAndAnIocRemainderExpires() throws Exception
    {
        two.send(limit("a1", Side.SELL, "0.1", "100.01"));
        execution(two, ExecType.NEW);
        two.send(limit("a2", Side.SELL, "0.3", "100.05"));
        execution(two, ExecType.NEW);

        one.send(FixMessages.withTif(limit("b1", Side.BUY, "0.5", "100.05"), TimeInForce.IMMEDIATE_OR_CANCEL));
        execution(one, ExecType.NEW);
        final Message first = execution(one, ExecType.TRADE);
        assertEquals("100.01", get(first, LastPx.FIELD));
        assertEquals("0.1", get(first, LastQty.FIELD));
        assertEquals("1", get(first, OrdStatus.FIELD));
        final Message second = execution(one, ExecType.TRADE);
        assertEquals("100.05", get(second, LastPx.FIELD));
        assertEquals("0.4", get(second, CumQty.FIELD));
        // (0.1 * 100.01 + 0.3 * 100.05) / 0.4 = (10.001 + 30.015) / 0.4 = 100.04
        assertEquals("100.04", get(second, AvgPx.FIELD));
        // 0.5 - 0.4 = 0.1 left of an IOC: it expires.
        final Message expired = execution(one, ExecType.EXPIRED);
        assertEquals("C", get(expired, OrdStatus.FIELD));
        assertEquals("0", get(expired, LeavesQty.FIELD));
        assertEquals("0.4", get(expired, CumQty.FIELD));

        // A market sell of 0.05 with nothing bid: IOC by default, all of it expires.
        two.send(FixMessages.market("m1", Side.SELL, "0.05"));
        execution(two, ExecType.NEW);
        assertEquals("0", get(execution(two, ExecType.EXPIRED), CumQty.FIELD));
    }

    @Test
    void businessRejectsCarryOrdRejReasonAndText() throws Exception
    {
        final long digest = engine.pipeline().digest();
        // Refused by the gateway itself: the engine never sees them, its digest does not move.
        assertRejected(one, limit("t1", Side.BUY, "0.5", "100.005"), OrdRejReason.OTHER,
            "price not a multiple of the tick size");
        assertRejected(one, limit("t2", Side.BUY, "0.00005", "100"), OrdRejReason.INCORRECT_QUANTITY,
            "quantity not a multiple of the lot size");
        assertRejected(one, limit("t3", Side.BUY, "-1", "100"), OrdRejReason.INCORRECT_QUANTITY,
            "non-positive quantity");
        assertRejected(one, limit("t4", Side.BUY, "99999999999999999999", "100"),
            OrdRejReason.INCORRECT_QUANTITY, "quantity too large for the fixed-point range");
        final Message unknown = limit("t5", Side.BUY, "1", "100");
        unknown.setString(Symbol.FIELD, "DOGE-USD");
        assertRejected(one, unknown, OrdRejReason.UNKNOWN_SYMBOL, "unknown instrument");
        assertRejected(one, limit("bad id!", Side.BUY, "1", "100"), OrdRejReason.OTHER,
            "order id has a character outside A-Z a-z 0-9 . : / _ -");

        assertEquals(digest, engine.pipeline().digest());

        one.send(limit("live", Side.BUY, "1", "100"));
        execution(one, ExecType.NEW);
        // Refused by the engine: counted as commands, the book unchanged. 100 ticks of 0.01 is 10000 ticks;
        // 1 BTC is 10000 lots of 0.0001; CLIENT1 is the first account registered, 0.
        final List<String> book = List.of("0 0 10000 10000 0/live");
        assertEquals(book, engine.book());
        assertRejected(one, limit("live", Side.BUY, "2", "99"), OrdRejReason.DUPLICATE_ORDER,
            "duplicate order id");
        final Message postOnly = limit("p1", Side.SELL, "1", "99");
        postOnly.setString(ExecInst.FIELD, "6");
        assertRejected(one, postOnly, OrdRejReason.BROKER_EXCHANGE_OPTION, "post-only order would cross");
        assertEquals(book, engine.book());
    }

    @Test
    void massCancelOneSymbolThenAll() throws Exception
    {
        one.send(limit("b1", Side.BUY, "1", "100"));
        one.send(limit("b2", Side.BUY, "1", "101"));
        final Message eth = limit("e1", Side.BUY, "1", "10");
        eth.setString(Symbol.FIELD, "ETH-USD");
        one.send(eth);
        two.send(limit("o1", Side.SELL, "1", "200"));
        execution(two, ExecType.NEW);
        for (int i = 0; i < 3; i++)
        {
            execution(one, ExecType.NEW);
        }

        one.send(FixMessages.massCancel("m1", MassCancelRequestType.CANCEL_ORDERS_FOR_A_SECURITY, "BTC-USD"));
        final Message first = next(one, MsgType.ORDER_MASS_CANCEL_REPORT);
        assertEquals("1", get(first, MassCancelResponse.FIELD));
        // b1 and b2; e1 is ETH-USD.
        assertEquals("2", get(first, TotalAffectedOrders.FIELD));

        one.send(FixMessages.massCancel("m2", MassCancelRequestType.CANCEL_ALL_ORDERS, null));
        final Message all = next(one, MsgType.ORDER_MASS_CANCEL_REPORT);
        assertEquals("7", get(all, MassCancelResponse.FIELD));
        assertEquals("1", get(all, TotalAffectedOrders.FIELD));
        // CLIENT2's order is another account's: still there (200 is 20000 ticks, 1 is 10000 lots).
        assertEquals(List.of("0 1 20000 10000 1/o1"), engine.book());

        one.send(FixMessages.massCancel("m3", MassCancelRequestType.CANCEL_ORDERS_FOR_A_SECURITY, "NOPE"));
        final Message bad = next(one, MsgType.ORDER_MASS_CANCEL_REPORT);
        assertEquals("0", get(bad, MassCancelResponse.FIELD));
        assertEquals("1", get(bad, MassCancelRejectReason.FIELD));
    }

    @Test
    void replaceToNoMoreThanTheFilledQuantityIsRefused() throws Exception
    {
        one.send(limit("c1", Side.BUY, "1", "100"));
        execution(one, ExecType.NEW);
        two.send(limit("s1", Side.SELL, "0.6", "100"));
        execution(one, ExecType.TRADE);

        // 0.6 filled: a new total of 0.6 would leave nothing.
        one.send(FixMessages.replace("c2", "c1", Side.BUY, "0.6", "100"));
        final Message refused = next(one, MsgType.ORDER_CANCEL_REJECT);
        assertEquals(String.valueOf(CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST),
            get(refused, CxlRejResponseTo.FIELD));
        assertEquals("OrderQty 0.6 is not above CumQty 0.6", get(refused, Text.FIELD));
        assertEquals("1", get(refused, OrdStatus.FIELD));

        // 0.7 leaves 0.1; same price and less: priority kept.
        one.send(FixMessages.replace("c2", "c1", Side.BUY, "0.7", "100"));
        final Message replaced = execution(one, ExecType.REPLACED);
        assertEquals("0.1", get(replaced, LeavesQty.FIELD));
        assertEquals("time priority kept", get(replaced, Text.FIELD));
    }

    private static void assertRejected(
        final FixClient client, final Message order, final int ordRejReason, final String text) throws Exception
    {
        client.send(order);
        final Message reject = execution(client, ExecType.REJECTED);
        assertEquals(get(order, ClOrdID.FIELD), get(reject, ClOrdID.FIELD));
        assertEquals("8", get(reject, OrdStatus.FIELD));
        assertEquals(Integer.toString(ordRejReason), get(reject, OrdRejReason.FIELD));
        assertEquals(text, get(reject, Text.FIELD));
    }
}
