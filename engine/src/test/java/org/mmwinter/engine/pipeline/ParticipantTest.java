package org.mmwinter.engine.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.message.TradingStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one way out: a participant places, amends and cancels its orders through its publication and receives
 * exactly its own reports, as maker and as taker, with its own correlation ids; another participant's orders and
 * acknowledgements never reach it; a drop copy sees both sides of everything; a market-data subscriber gets trades
 * and levels and can ask for the book, which starts with the instrument's and the venue's status.
 */
final class ParticipantTest
{
    @TempDir
    Path dir;

    /** Reports as one line each, from the participant's point of view. */
    static final class Recorder implements ParticipantListener
    {
        final List<String> reports = new ArrayList<>();
        final List<String> marketData = new ArrayList<>();
        String disconnected;

        public void onReport(final ExecutionReport r)
        {
            reports.add(describe(r));
        }

        public void onMarketData(final ExecutionReport u)
        {
            if (u.type == ResultType.STATUS)
            {
                marketData.add("STATUS " + (u.instrumentId == MatchingEngine.ANY_INSTRUMENT ? "venue" :
                    Integer.toString(u.instrumentId)) + " " + TradingStatus.name(u.instrumentId, u.status));
                return;
            }
            marketData.add(ResultType.name(u.type) + " " + Side.name(u.side) + " " + u.price + "x" + u.qty +
                (u.type == ResultType.TRADE ? "" : " #" + u.orderCount) + (u.gap ? " gap" : ""));
        }

        public void onDisconnected(final String reason)
        {
            disconnected = reason;
        }

        static String describe(final ExecutionReport r)
        {
            final StringBuilder sb = new StringBuilder(ResultType.name(r.type));
            if (r.role != ExecutionReport.NO_ROLE)
            {
                sb.append(r.role == ExecutionReport.TAKER ? " taker" : " maker");
            }
            if (r.type == ResultType.DONE || r.type == ResultType.REJECTED)
            {
                sb.append(" corr=").append(r.commandCorrelationId);
                if (r.rejectReason != RejectReason.NONE)
                {
                    sb.append(' ').append(RejectReason.describe(r.rejectReason));
                }
                return sb.toString();
            }
            sb.append(' ').append(r.clientOrderId).append('#').append(r.orderId)
                .append(' ').append(Side.name(r.side)).append(' ').append(r.price).append('x').append(r.qty)
                .append(" left ").append(r.remaining).append(" order-corr=").append(r.orderCorrelationId);
            if (r.fee != 0)
            {
                sb.append(" fee=").append(r.fee);
            }
            return sb.toString();
        }
    }

    private EnginePipeline start()
    {
        final EnginePipeline pipeline = new EnginePipeline(
            EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data")).ringSize(256));
        pipeline.start();
        pipeline.directory().resolve("BTC", true);
        return pipeline;
    }

    static CommandEvent limit(final String clientOrderId, final int side, final long price, final long qty)
    {
        return PipelineHarness.fill(new CommandEvent(), 0, clientOrderId, 0, side, price, qty);
    }

    static void await(final BooleanSupplier done, final Participant... polled)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean())
        {
            for (final Participant participant : polled)
            {
                participant.poll(100);
            }
            assertTrue(System.nanoTime() < deadline, "timed out");
            Thread.onSpinWait();
        }
    }

    /**
     * Polls until nothing more arrives: call when the engine is idle, so every report is already queued.
     */
    static void drain(final Participant... participants)
    {
        int got;
        do
        {
            got = 0;
            for (final Participant participant : participants)
            {
                got += participant.poll(1_000);
            }
        }
        while (got > 0);
    }

    @Test
    void eachParticipantSeesExactlyItsOwnReports()
    {
        try (EnginePipeline pipeline = start())
        {
            final Recorder aliceSees = new Recorder();
            final Recorder bobSees = new Recorder();
            final Recorder dropCopySees = new Recorder();
            final Participant alice = pipeline.register(ParticipantSpec.of("alice-bot", "alice"), aliceSees);
            final Participant bob = pipeline.register(ParticipantSpec.of("bob-bot", "bob"), bobSees);
            final Participant dropCopy = pipeline.register(ParticipantSpec.of("audit").asDropCopy(), dropCopySees);
            final int aliceAccount = pipeline.directory().resolve("alice");
            final int bobAccount = pipeline.directory().resolve("bob");

            final CommandEvent bid = limit("bid-1", Side.BUY, 100, 5);
            bid.accountId = aliceAccount;
            alice.publication().offerBlocking(bid, 11);
            final CommandEvent ask = limit("ask-1", Side.SELL, 100, 2);
            ask.accountId = bobAccount;
            bob.publication().offerBlocking(ask, 21);
            final CommandEvent amend = limit("bid-1", Side.BUY, 99, 2);
            amend.type = CommandType.AMEND;
            amend.accountId = aliceAccount;
            alice.publication().offerBlocking(amend, 12);
            final CommandEvent cancel = limit("bid-1", Side.BUY, 0, 0);
            cancel.type = CommandType.CANCEL;
            cancel.accountId = aliceAccount;
            alice.publication().offerBlocking(cancel, 13);
            alice.publication().offerBlocking(cancel, 14);
            final CommandEvent foreign = limit("x", Side.BUY, 1, 1);
            foreign.accountId = bobAccount;
            pipeline.publication(5).offerBlocking(foreign, 99);

            assertTrue(pipeline.awaitIdle(20, TimeUnit.SECONDS));
            drain(alice, bob, dropCopy);

            assertEquals(List.of(
                "ACCEPTED bid-1#1 BUY 100x5 left 5 order-corr=11",
                "DONE corr=11",
                "FILL maker bid-1#1 BUY 100x2 left 3 order-corr=11",
                "AMENDED bid-1#1 BUY 99x2 left 2 order-corr=11",
                "DONE corr=12",
                "CANCELED bid-1#1 BUY 0x2 left 0 order-corr=11",
                "DONE corr=13",
                "REJECTED corr=14 unknown order",
                "DONE corr=14 unknown order"), aliceSees.reports);
            assertEquals(List.of(
                "ACCEPTED ask-1#2 SELL 100x2 left 2 order-corr=21",
                "FILL taker ask-1#2 SELL 100x2 left 0 order-corr=21",
                "DONE corr=21",
                "ACCEPTED x#3 BUY 1x1 left 1 order-corr=-1"), bobSees.reports);
            assertTrue(dropCopySees.reports.contains("FILL maker bid-1#1 BUY 100x2 left 3 order-corr=-1"),
                dropCopySees.reports.toString());
            assertTrue(dropCopySees.reports.contains("FILL taker ask-1#2 SELL 100x2 left 0 order-corr=-1"));
            assertTrue(dropCopySees.reports.contains("DONE corr=-1"), "the drop copy sees others' acks");
            assertTrue(alice.isConnected() && bob.isConnected() && dropCopy.isConnected());
        }
    }

    @Test
    void aMarketDataSubscriberGetsTradesLevelsAndTheBookOnRequest()
    {
        try (EnginePipeline pipeline = start())
        {
            final Recorder watcherSees = new Recorder();
            final Participant watcher = pipeline.register(ParticipantSpec.of("watcher").withMarketData(),
                watcherSees);
            final Publication flow = pipeline.publication(5);
            final int account = pipeline.directory().resolve("mm");
            for (final CommandEvent c : List.of(limit("b1", Side.BUY, 99, 3), limit("b2", Side.BUY, 98, 4),
                limit("a1", Side.SELL, 101, 5), limit("t1", Side.SELL, 99, 1)))
            {
                c.accountId = account;
                flow.offerBlocking(c, 1);
            }
            final CommandEvent snapshot = new CommandEvent();
            snapshot.type = CommandType.BOOK_SNAPSHOT;
            snapshot.instrumentId = 0;
            watcher.publication().offerBlocking(snapshot, 7);
            assertTrue(pipeline.awaitIdle(20, TimeUnit.SECONDS));
            drain(watcher);

            assertEquals(List.of(
                "LEVEL BUY 99x3 #1", "LEVEL BUY 98x4 #1", "LEVEL SELL 101x5 #1",
                "TRADE SELL 99x1", "LEVEL BUY 99x2 #1",
                "STATUS 0 TRADING", "STATUS venue VENUE_NORMAL",
                "BOOK_LEVEL BUY 99x2 #1", "BOOK_LEVEL BUY 98x4 #1", "BOOK_LEVEL SELL 101x5 #1"),
                watcherSees.marketData);
            assertEquals(List.of("DONE corr=7"), watcherSees.reports);
        }
    }

    @Test
    void aParticipantThatDoesNotReadIsDisconnectedAndMatchingGoesOn()
    {
        try (EnginePipeline pipeline = start())
        {
            final Recorder sleeperSees = new Recorder();
            final Participant sleeper = pipeline.register(
                ParticipantSpec.of("sleeper", "sleepy").withQueueSize(64), sleeperSees);
            final int account = pipeline.directory().resolve("sleepy");
            final Publication publication = sleeper.publication();
            for (int i = 0; i < 200; i++)
            {
                final CommandEvent c = limit("o" + i, Side.BUY, 10 + i, 1);
                c.accountId = account;
                publication.offerBlocking(c, i);
            }
            assertTrue(pipeline.awaitIdle(20, TimeUnit.SECONDS));
            assertFalse(sleeper.isConnected());
            assertEquals("fell 64 reports behind", sleeper.disconnectReason());
            assertEquals(200, pipeline.stateWhenIdle().engine().liveOrderCount(), "every order was matched");
            assertEquals(0, sleeper.poll(100));
            assertEquals("fell 64 reports behind", sleeperSees.disconnected, "told once, on its own thread");
            assertEquals(1, pipeline.participantsDisconnected());
        }
    }

    @Test
    void aParticipantThatThrowsIsIsolated()
    {
        try (EnginePipeline pipeline = start())
        {
            final int[] seen = new int[1];
            final String[] told = new String[1];
            final Participant faulty = pipeline.register(ParticipantSpec.of("faulty", "f"), new ParticipantListener()
            {
                public void onReport(final ExecutionReport report)
                {
                    if (++seen[0] == 3)
                    {
                        throw new IllegalStateException("strategy bug");
                    }
                }

                public void onDisconnected(final String reason)
                {
                    told[0] = reason;
                }
            }).startHostThread();
            final int account = pipeline.directory().resolve("f");
            for (int i = 0; i < 50; i++)
            {
                final CommandEvent c = limit("q" + i, i % 2 == 0 ? Side.BUY : Side.SELL, 100, 1);
                c.accountId = account;
                faulty.publication().offerBlocking(c, i);
            }
            assertTrue(pipeline.awaitIdle(20, TimeUnit.SECONDS));
            await(() -> told[0] != null);
            assertEquals(3, seen[0], "no report after the one that threw");
            assertTrue(told[0].contains("strategy bug"), told[0]);
            assertFalse(pipeline.failStop().hasFailed(), "a participant is not a reason to stop matching");
            assertEquals(50, pipeline.stateWhenIdle().engine().commandCount());
            faulty.close();
        }
    }
}
