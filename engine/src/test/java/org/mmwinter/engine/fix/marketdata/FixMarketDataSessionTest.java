package org.mmwinter.engine.fix.marketdata;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.fix.FixMarketDataHandler;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.Publication;
import quickfix.ApplicationAdapter;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.ScreenLogFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;
import quickfix.SocketInitiator;
import quickfix.UnsupportedMessageType;
import quickfix.field.MsgType;
import quickfix.fix44.MarketDataRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Market data over a real FIX 4.4 session: an engine in-process, a QuickFIX/J acceptor on 127.0.0.1 whose
 * application hands MarketDataRequests to {@link FixMarketData}, and a QuickFIX/J initiator as the client, both
 * validating every message against the FIX 4.4 dictionary. Orders go in through a publication of the pipeline;
 * the client rebuilds the book from W and X and it must be the engine's.
 * <p>
 * BTC-USD has tick 0.01 and lot 0.0001: prices below are in ticks (8000 = 80.00), quantities in lots (100 = 0.01).
 */
final class FixMarketDataSessionTest
{
    private static final String BEGIN_STRING = "FIX.4.4";
    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path dir;

    /** The acceptor's application: V to the market-data handler, logout to onSessionGone, nothing else. */
    static final class MarketDataAcceptor extends ApplicationAdapter
    {
        private final FixMarketDataHandler handler;

        MarketDataAcceptor(final FixMarketDataHandler handler)
        {
            this.handler = handler;
        }

        @Override
        public void fromApp(final Message message, final SessionID session) throws UnsupportedMessageType
        {
            if (!(message instanceof MarketDataRequest))
            {
                throw new UnsupportedMessageType();
            }
            handler.onRequest((MarketDataRequest) message, session);
        }

        @Override
        public void onLogout(final SessionID session)
        {
            handler.onSessionGone(session);
        }
    }

    /** The client's application: keeps every application message it receives, in order. */
    static final class Client extends ApplicationAdapter
    {
        final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
        final CountDownLatch loggedOn = new CountDownLatch(1);

        @Override
        public void onLogon(final SessionID session)
        {
            loggedOn.countDown();
        }

        @Override
        public void fromApp(final Message message, final SessionID session)
        {
            received.add(message);
        }

        Message next() throws InterruptedException
        {
            final Message message = received.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(message, "no message within " + WAIT_SECONDS + " s");
            return message;
        }
    }

    private static int freePort() throws IOException
    {
        try (ServerSocket socket = new ServerSocket(0))
        {
            return socket.getLocalPort();
        }
    }

    private static SessionSettings settings(final SessionID session, final String type, final int port)
    {
        final SessionSettings settings = new SessionSettings();
        settings.setString(session, "ConnectionType", type);
        settings.setString(session, "StartTime", "00:00:00");
        settings.setString(session, "EndTime", "00:00:00");
        settings.setString(session, "UseDataDictionary", "Y");
        settings.setString(session, "DataDictionary", "FIX44.xml");
        settings.setLong(session, "HeartBtInt", 30);
        if (type.equals("acceptor"))
        {
            settings.setString(session, "SocketAcceptAddress", "127.0.0.1");
            settings.setLong(session, "SocketAcceptPort", port);
        }
        else
        {
            settings.setString(session, "SocketConnectHost", "127.0.0.1");
            settings.setLong(session, "SocketConnectPort", port);
            settings.setLong(session, "ReconnectInterval", 1);
        }
        return settings;
    }

    private static void placeOrder(final Publication orders, final int account, final String id, final int side,
        final long price, final long qty)
    {
        final CommandEvent command = new CommandEvent().setLimitOrder(account, id, 0, side, TimeInForce.GTC, price,
            qty);
        assertTrue(orders.offerBlocking(command, 0) >= 0);
    }

    private static void cancel(final Publication orders, final int account, final String id)
    {
        final CommandEvent command = new CommandEvent().clear();
        command.type = CommandType.CANCEL;
        command.accountId = account;
        command.clientOrderId.parse(id, 0, id.length());
        command.instrumentId = 0;
        assertTrue(orders.offerBlocking(command, 0) >= 0);
    }

    /** Waits (up to the deadline) for the count to reach the value; not a timing assertion. */
    private static void awaitCount(final IntSupplier count, final int expected) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (count.getAsInt() != expected)
        {
            assertTrue(System.nanoTime() < deadline, "count stayed at " + count.getAsInt() + ", not " + expected);
            Thread.sleep(5);
        }
    }

    private static void awaitAtLeast(final IntSupplier count, final int expected) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (count.getAsInt() < expected)
        {
            assertTrue(System.nanoTime() < deadline, "count stayed at " + count.getAsInt() + ", below " + expected);
            Thread.sleep(5);
        }
    }

    /** Applies incremental refreshes until {@code entries} entries have arrived; returns them as text. */
    private static List<String> refreshes(final Client client, final BookReplica replica, final int entries)
        throws InterruptedException, FieldNotFound
    {
        final List<String> lines = new ArrayList<>();
        int seen = 0;
        while (seen < entries)
        {
            final Message message = client.next();
            assertEquals(MsgType.MARKET_DATA_INCREMENTAL_REFRESH, message.getHeader().getString(MsgType.FIELD),
                MessageText.describe(message));
            seen += replica.apply(message);
            lines.add(MessageText.describe(message).substring("X r1 ".length()));
        }
        assertEquals(entries, seen);
        return lines;
    }

    @Test
    void aClientSubscribesRebuildsTheEnginesBookUnsubscribesAndTakesASnapshot() throws Exception
    {
        final EngineConfig config = EngineConfig.defaults().clearInstruments()
            .addInstrument(new EngineConfig.InstrumentSpec("BTC-USD", "0.01", "0.0001", 0))
            .dataDir(dir.resolve("data")).ringSize(256);
        final int port = freePort();
        final SessionID acceptorSession = new SessionID(BEGIN_STRING, "ENGINE", "CLIENT1");
        final SessionID clientSession = new SessionID(BEGIN_STRING, "CLIENT1", "ENGINE");
        try (EnginePipeline pipeline = new EnginePipeline(config))
        {
            pipeline.start();
            final Publication orders = pipeline.publication(7);
            final int alice = pipeline.directory().resolve("A");
            final int bob = pipeline.directory().resolve("B");
            // Resting before anyone subscribes: two bids of 100 and 50 lots at 80.00, an offer of 30 at 80.10.
            placeOrder(orders, alice, "o1", Side.BUY, 8000, 100);
            placeOrder(orders, alice, "o2", Side.BUY, 8000, 50);
            placeOrder(orders, alice, "o3", Side.SELL, 8010, 30);

            final FixMarketData marketData = new FixMarketData(pipeline, new QuickFixSender()).start();
            final SocketAcceptor acceptor = new SocketAcceptor(new MarketDataAcceptor(marketData),
                new MemoryStoreFactory(), settings(acceptorSession, "acceptor", port),
                new ScreenLogFactory(false, false, false, false), new DefaultMessageFactory());
            final Client client = new Client();
            final SocketInitiator initiator = new SocketInitiator(client, new MemoryStoreFactory(),
                settings(clientSession, "initiator", port), new ScreenLogFactory(false, false, false, false),
                new DefaultMessageFactory());
            try
            {
                acceptor.start();
                initiator.start();
                assertTrue(client.loggedOn.await(WAIT_SECONDS, TimeUnit.SECONDS), "logged on");
                final BookReplica replica = new BookReplica("0.01", "0.0001");

                send(Requests.subscribe("r1", 0, "BTC-USD"), clientSession);
                final Message snapshot = client.next();
                assertEquals("W r1 BTC-USD bid 80x0.015#2 offer 80.1x0.003#1", MessageText.describe(snapshot));
                replica.apply(snapshot);
                assertEquals("bid 8000x150#2 offer 8010x30#1", replica.book());
                assertEquals(BookReplica.engineBook(pipeline, 0), replica.book());

                // Bob sells 120 at 80.00: 100 from o1 (filled, the level keeps o2's 50 in 1 order), then 20 from
                // o2 (30 left): two trades and two level changes.
                placeOrder(orders, bob, "b1", Side.SELL, 8000, 120);
                assertEquals(String.join(", ", refreshes(client, replica, 4)), "trade BTC-USD 80x0.01, " +
                    "change bid BTC-USD 80x0.005#1, trade BTC-USD 80x0.002, change bid BTC-USD 80x0.003#1");
                assertEquals(List.of("8000x100", "8000x20"), replica.takeTrades());
                assertEquals("bid 8000x30#1 offer 8010x30#1", replica.book());
                assertEquals(BookReplica.engineBook(pipeline, 0), replica.book());

                // A better bid appears, then the offer is cancelled.
                placeOrder(orders, alice, "o4", Side.BUY, 8005, 20);
                assertEquals(List.of("new bid BTC-USD 80.05x0.002#1"), refreshes(client, replica, 1));
                cancel(orders, alice, "o3");
                assertEquals(List.of("delete offer BTC-USD 80.1"), refreshes(client, replica, 1));
                assertEquals("bid 8005x20#1 bid 8000x30#1", replica.book());
                assertEquals(BookReplica.engineBook(pipeline, 0), replica.book());

                // Unsubscribed: a new offer at 80.20 reaches the client only through the snapshot it asks for next
                // (an update sent after the unsubscribe would arrive before that snapshot).
                send(Requests.unsubscribe("r1", "BTC-USD"), clientSession);
                awaitCount(marketData::subscriptions, 0);
                placeOrder(orders, bob, "b2", Side.SELL, 8020, 10);
                pipeline.awaitIdle(WAIT_SECONDS, TimeUnit.SECONDS);
                send(Requests.snapshot("r2", "BTC-USD"), clientSession);
                assertEquals("W r2 BTC-USD bid 80.05x0.002#1 bid 80x0.003#1 offer 80.2x0.001#1",
                    MessageText.describe(client.next()));
                awaitCount(marketData::subscriptions, 0);

                // Snapshot only: the next order sends nothing; the next message is the answer to the next request.
                placeOrder(orders, alice, "o5", Side.BUY, 7990, 1);
                pipeline.awaitIdle(WAIT_SECONDS, TimeUnit.SECONDS);
                send(Requests.subscribe("r3", 0, "XYZ"), clientSession);
                assertEquals("Y r3 reason=0 unknown symbol XYZ", MessageText.describe(client.next()));

                send(Requests.subscribe("r4", 1, "BTC-USD"), clientSession);
                assertEquals("W r4 BTC-USD bid 80.05x0.002#1 offer 80.2x0.001#1", MessageText.describe(client.next()));
                // The count is published after the snapshot went out: wait for it rather than race it.
                awaitCount(marketData::subscriptions, 1);

                // The client logs out: the acceptor says the session is gone and its subscription ends.
                initiator.stop();
                awaitCount(marketData::subscriptions, 0);
            }
            finally
            {
                initiator.stop(true);
                acceptor.stop(true);
                marketData.close();
            }
        }
    }

    @Test
    void aSessionThatRefusedAMessageGetsASnapshotNext() throws Exception
    {
        final EngineConfig config = EngineConfig.defaults().clearInstruments()
            .addInstrument(new EngineConfig.InstrumentSpec("BTC-USD", "0.01", "0.0001", 0))
            .dataDir(dir.resolve("data")).ringSize(256);
        final RecordingSender sender = new RecordingSender();
        final SessionID session = new SessionID(BEGIN_STRING, "ENGINE", "CLIENT1");
        try (EnginePipeline pipeline = new EnginePipeline(config))
        {
            pipeline.start();
            final Publication orders = pipeline.publication(7);
            final int alice = pipeline.directory().resolve("A");
            try (FixMarketData marketData = new FixMarketData(pipeline, sender).start())
            {
                marketData.onRequest(Requests.subscribe("r1", 0, "BTC-USD"), session);
                awaitCount(sender::count, 1);
                assertEquals("W r1 BTC-USD", MessageText.describe(sender.get(0)));

                // The session stops taking messages: the update for o1 is refused.
                sender.refuse(true);
                placeOrder(orders, alice, "o1", Side.BUY, 8000, 100);
                awaitAtLeast(sender::refused, 1);
                sender.refuse(false);
                placeOrder(orders, alice, "o2", Side.SELL, 8010, 5);
                awaitAtLeast(sender::count, 2);

                // Whether the retry came before o2's update or with it, the first message after the refusal is a
                // whole book, never an update to a book the session does not have.
                final Message next = sender.get(1);
                assertEquals(MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH, next.getHeader().getString(MsgType.FIELD),
                    MessageText.describe(next));
                final BookReplica replica = new BookReplica("0.01", "0.0001");
                pipeline.awaitIdle(WAIT_SECONDS, TimeUnit.SECONDS);
                final String engineBook = BookReplica.engineBook(pipeline, 0);
                assertEquals("bid 8000x100#1 offer 8010x5#1", engineBook);
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
                int applied = 1;
                while (!replica.book().equals(engineBook))
                {
                    assertTrue(System.nanoTime() < deadline, "the replica stayed at " + replica.book());
                    Thread.sleep(5);
                    while (applied < sender.count())
                    {
                        replica.apply(sender.get(applied++));
                    }
                }
            }
        }
    }

    private static void send(final Message message, final SessionID session) throws SessionNotFound
    {
        assertTrue(Session.sendToTarget(message, session), "sent");
    }
}
