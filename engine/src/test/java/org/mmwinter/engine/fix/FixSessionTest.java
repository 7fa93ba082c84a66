package org.mmwinter.engine.fix;

import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;
import quickfix.Session;
import quickfix.field.BusinessRejectReason;
import quickfix.field.ClOrdID;
import quickfix.field.ExecType;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MarketDepth;
import quickfix.field.MsgType;
import quickfix.field.OrdRejReason;
import quickfix.field.OrderQty;
import quickfix.field.SessionRejectReason;
import quickfix.field.Side;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.fix44.MarketDataRequest;
import quickfix.fix44.NewOrderSingle;
import quickfix.fix44.OrderStatusRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mmwinter.engine.fix.FixMessages.execution;
import static org.mmwinter.engine.fix.FixMessages.get;
import static org.mmwinter.engine.fix.FixMessages.limit;
import static org.mmwinter.engine.fix.FixMessages.next;

/**
 * Sessions: who may log on (and the Logout with the reason when not), the throttle, cancel-on-disconnect, session
 * Rejects for what breaks the FIX layer, and market data refused by an engine without it. Sessions here: CLIENT1
 * and CLIENT2 as by default, CLIENT2 with a password, SLOW throttled at one message a second, MAKER trading the
 * market maker's account MM1 (cancel-on-disconnect by default); at most 8 connections.
 */
class FixSessionTest
{
    @TempDir
    static Path dir;

    private static FixEngine engine;

    @BeforeAll
    static void start() throws Exception
    {
        engine = new FixEngine(dir, Map.of(
            "fix.sessions", "CLIENT1,CLIENT2,SLOW,MAKER",
            "fix.session.CLIENT2.password", "s3cret",
            "fix.session.SLOW.max_msgs_per_s", "1",
            "fix.session.MAKER.account", "MM1",
            "fix.max.connections", "8"));
    }

    @AfterAll
    static void stop()
    {
        engine.close();
    }

    @Test
    void unknownSenderIsLoggedOutWithTheReason() throws Exception
    {
        try (FixClient stranger = new FixClient("127.0.0.1", engine.port(), "STRANGER", null, null))
        {
            assertFalse(stranger.logon(FixEngine.TIMEOUT_S, TimeUnit.SECONDS));
            assertEquals("unknown SenderCompID STRANGER (this engine takes CLIENT1,CLIENT2,SLOW,MAKER)",
                stranger.logoutText());
        }
    }

    @Test
    void wrongOrMissingPasswordIsLoggedOutWithTheReason() throws Exception
    {
        try (FixClient wrong = new FixClient("127.0.0.1", engine.port(), "CLIENT2", "guess", null))
        {
            assertFalse(wrong.logon(FixEngine.TIMEOUT_S, TimeUnit.SECONDS));
            assertEquals("wrong password for CLIENT2", wrong.logoutText());
        }
        try (FixClient none = new FixClient("127.0.0.1", engine.port(), "CLIENT2", null, null))
        {
            assertFalse(none.logon(FixEngine.TIMEOUT_S, TimeUnit.SECONDS));
            assertEquals("Password (554) required for CLIENT2", none.logoutText());
        }
        try (FixClient right = new FixClient("127.0.0.1", engine.port(), "CLIENT2", "s3cret", null))
        {
            assertTrue(right.logon(FixEngine.TIMEOUT_S, TimeUnit.SECONDS));
            right.logout(FixEngine.TIMEOUT_S, TimeUnit.SECONDS);
        }
    }

    @Test
    void aboveItsRateASessionIsRejectedNotQueued() throws Exception
    {
        try (FixClient slow = engine.logon("SLOW"))
        {
            final int sent = 10;
            for (int i = 0; i < sent; i++)
            {
                slow.send(limit("q" + i, Side.BUY, "0.001", "1"));
            }
            // A full bucket holds one second's worth, one message; ten sent at once can refill it at most as often
            // as a second passes, so all but a few are refused, each answered at once.
            int accepted = 0;
            int throttled = 0;
            for (int i = 0; i < sent; i++)
            {
                final Message reply = next(slow, MsgType.EXECUTION_REPORT);
                if ("0".equals(get(reply, ExecType.FIELD)))
                {
                    accepted++;
                }
                else
                {
                    assertEquals("message rate above 1 a second for this session: rejected, not queued",
                        get(reply, Text.FIELD));
                    assertEquals(Integer.toString(OrdRejReason.OTHER), get(reply, OrdRejReason.FIELD));
                    throttled++;
                }
            }
            assertEquals(sent, accepted + throttled);
            assertTrue(accepted >= 1 && throttled >= 1, accepted + " accepted, " + throttled + " throttled");
        }
    }

    @Test
    void theMarketMakersOrdersGoWhenItsSessionDoes() throws Exception
    {
        final FixClient maker = engine.logon("MAKER");
        maker.send(limit("mm-bid", Side.BUY, "0.5", "50"));
        execution(maker, ExecType.NEW);
        // A second connection as MAKER is refused and must not count as the maker going.
        try (FixClient twin = new FixClient("127.0.0.1", engine.port(), "MAKER", null, null))
        {
            assertFalse(twin.logon(2, TimeUnit.SECONDS));
        }
        assertEquals(List.of("0 0 5000 5000 3/mm-bid"), engine.book());
        final FixClient one = engine.logon("CLIENT1");
        one.send(limit("keep", Side.BUY, "0.5", "49"));
        execution(one, ExecType.NEW);
        one.close();
        maker.close();

        // The maker's bid is cancelled on its disconnect; CLIENT1's (cancel-on-disconnect off) stays: 49 is 4900
        // ticks, 0.5 is 5000 lots; CLIENT1 is account 0.
        final List<String> expected = List.of("0 0 4900 5000 0/keep");
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FixEngine.TIMEOUT_S);
        while (!expected.equals(engine.book()) && System.nanoTime() < deadline)
        {
            Thread.sleep(20);
        }
        assertEquals(expected, engine.book());
        try (FixClient again = engine.logon("CLIENT1"))
        {
            again.send(FixMessages.cancel("k", "keep", Side.BUY));
            execution(again, ExecType.CANCELED);
        }
    }

    @Test
    void fixLayerProblemsGetASessionRejectAndTheSessionGoesOn() throws Exception
    {
        try (FixClient one = engine.logon("CLIENT1"))
        {
            final NewOrderSingle noSide = limit("r1", Side.BUY, "1", "10");
            noSide.removeField(Side.FIELD);
            one.send(noSide);
            final Message missing = next(one, MsgType.REJECT);
            assertEquals(Integer.toString(SessionRejectReason.REQUIRED_TAG_MISSING),
                get(missing, SessionRejectReason.FIELD));

            final NewOrderSingle badQty = limit("r2", Side.BUY, "1", "10");
            badQty.setString(OrderQty.FIELD, "lots");
            one.send(badQty);
            final Message format = next(one, MsgType.REJECT);
            assertEquals(Integer.toString(SessionRejectReason.INCORRECT_DATA_FORMAT_FOR_VALUE),
                get(format, SessionRejectReason.FIELD));

            // Well formed, but not a message this gateway takes.
            final OrderStatusRequest unsupported = new OrderStatusRequest(new ClOrdID("r1"), new Side(Side.BUY));
            unsupported.setString(Symbol.FIELD, "BTC-USD");
            one.send(unsupported);
            final Message business = next(one, MsgType.BUSINESS_MESSAGE_REJECT);
            assertEquals(Integer.toString(BusinessRejectReason.UNSUPPORTED_MESSAGE_TYPE),
                get(business, BusinessRejectReason.FIELD));

            one.send(limit("r3", Side.BUY, "0.001", "1"));
            execution(one, ExecType.NEW);
            one.send(FixMessages.cancel("r4", "r3", Side.BUY));
            execution(one, ExecType.CANCELED);
        }
    }

    @Test
    void marketDataIsRefusedByAnEngineWithoutIt() throws Exception
    {
        try (FixClient one = engine.logon("CLIENT1"))
        {
            final MarketDataRequest request = new MarketDataRequest(new MDReqID("md1"),
                new SubscriptionRequestType(SubscriptionRequestType.SNAPSHOT), new MarketDepth(0));
            final MarketDataRequest.NoMDEntryTypes types = new MarketDataRequest.NoMDEntryTypes();
            types.setChar(MDEntryType.FIELD, MDEntryType.BID);
            request.addGroup(types);
            final MarketDataRequest.NoRelatedSym symbols = new MarketDataRequest.NoRelatedSym();
            symbols.setString(Symbol.FIELD, "BTC-USD");
            request.addGroup(symbols);
            one.send(request);
            final Message reject = next(one, MsgType.MARKET_DATA_REQUEST_REJECT);
            assertEquals("md1", get(reject, MDReqID.FIELD));
            assertEquals("market data not available", get(reject, Text.FIELD));
        }
    }

    @Test
    void anOldSequenceNumberEndsTheSessionAsFixSaysAndALogonStartsAgain() throws Exception
    {
        final FixClient one = engine.logon("CLIENT1");
        one.send(limit("s1", Side.BUY, "0.001", "1"));
        execution(one, ExecType.NEW);
        // Logon 1 and the order 2 were taken: 2 again, without PossDupFlag, is too low.
        Session.lookupSession(one.sessionId()).setNextSenderMsgSeqNum(2);
        one.send(limit("s2", Side.BUY, "0.001", "1"));
        final Message logout = next(one, MsgType.LOGOUT);
        assertTrue(get(logout, Text.FIELD).startsWith("MsgSeqNum too low, expecting 3 but received 2"),
            get(logout, Text.FIELD));
        one.close();
        try (FixClient again = engine.logon("CLIENT1"))
        {
            again.send(FixMessages.cancel("s3", "s1", Side.BUY));
            execution(again, ExecType.CANCELED);
        }
    }

    @Test
    void connectionsBeyondTheCapAreClosedAtOnce() throws Exception
    {
        final List<Socket> sockets = new ArrayList<>();
        try
        {
            for (int i = 0; i < 12; i++)
            {
                final Socket socket = new Socket("127.0.0.1", engine.port());
                socket.setSoTimeout(200);
                sockets.add(socket);
            }
            // Connections of earlier tests may still be closing: at most 8 of these 12 stay open.
            int closed = 0;
            for (final Socket socket : sockets)
            {
                try
                {
                    if (socket.getInputStream().read() < 0)
                    {
                        closed++;
                    }
                }
                catch (final SocketTimeoutException ex)
                {
                    // Open and waiting for a Logon: not refused.
                }
            }
            assertTrue(closed >= 4, closed + " of 12 closed");
            assertTrue(engine.acceptor().connectionsRefused() >= 4);
        }
        finally
        {
            for (final Socket socket : sockets)
            {
                socket.close();
            }
        }
        // The cap counts open connections: once these are gone, a client logs on again.
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FixEngine.TIMEOUT_S);
        FixClient client = null;
        while (client == null && System.nanoTime() < deadline)
        {
            try
            {
                client = engine.logon("CLIENT1");
            }
            catch (final AssertionError ex)
            {
                Thread.sleep(100);
            }
        }
        assertTrue(client != null && client.isLoggedOn());
        client.close();
    }
}
