package org.mmwinter.engine.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.journal.OutputJournal;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.message.TradingStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Trading status on the real pipeline: halts, resumes and the venue's status reach every market-data subscriber and
 * every drop copy once, never lost to a lagging queue (a full one disconnects, as for reports); a book snapshot
 * starts with the instrument's and the venue's status, for its asker alone; the venue's status survives a restart;
 * and each side of a fill is told its own fee. The output journal records statuses and fees.
 */
final class TradingStatusPipelineTest
{
    @TempDir
    Path dir;

    private EngineConfig config()
    {
        return EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data")).ringSize(256);
    }

    private EnginePipeline start(final EngineConfig config)
    {
        final EnginePipeline pipeline = new EnginePipeline(config);
        pipeline.start();
        pipeline.directory().resolve("BTC", true);
        return pipeline;
    }

    private static void rest(final EnginePipeline pipeline, final String id, final int side, final long price)
    {
        final CommandEvent order = ParticipantTest.limit(id, side, price, 1);
        order.accountId = pipeline.directory().resolve("mm");
        pipeline.publication(5).offerBlocking(order, 1);
    }

    @Test
    void statusesReachEverySubscriberAndDropCopyOnceAndNoOneElse()
    {
        try (EnginePipeline pipeline = start(config()))
        {
            final ParticipantTest.Recorder watcherSees = new ParticipantTest.Recorder();
            final ParticipantTest.Recorder auditSees = new ParticipantTest.Recorder();
            final ParticipantTest.Recorder bothSees = new ParticipantTest.Recorder();
            final ParticipantTest.Recorder traderSees = new ParticipantTest.Recorder();
            final Participant watcher = pipeline.register(ParticipantSpec.of("watcher").withMarketData(),
                watcherSees);
            final Participant audit = pipeline.register(ParticipantSpec.of("audit").asDropCopy(), auditSees);
            final Participant both = pipeline.register(ParticipantSpec.of("both").withMarketData().asDropCopy(),
                bothSees);
            final Participant trader = pipeline.register(ParticipantSpec.of("trader", "t"), traderSees);

            assertTrue(pipeline.halt("BTC", true));
            assertTrue(pipeline.halt("BTC", false));
            assertTrue(pipeline.setVenueStatus(TradingStatus.VENUE_STRESS));
            assertTrue(pipeline.setVenueStatus(TradingStatus.WITHDRAWALS_HALTED));
            assertFalse(pipeline.setVenueStatus(3), "not a venue status");
            assertTrue(pipeline.awaitIdle(20, TimeUnit.SECONDS));
            ParticipantTest.drain(watcher, audit, both, trader);

            final List<String> expected = List.of("STATUS 0 HALTED", "STATUS 0 TRADING", "STATUS venue VENUE_STRESS",
                "STATUS venue WITHDRAWALS_HALTED");
            assertEquals(expected, watcherSees.marketData);
            assertEquals(expected, auditSees.marketData, "a drop copy is told without subscribing");
            assertEquals(expected, bothSees.marketData, "once each, to a subscriber that is a drop copy too");
            assertEquals(List.of(), traderSees.marketData);
            assertEquals(List.of(), traderSees.reports);
            assertEquals(TradingStatus.WITHDRAWALS_HALTED, pipeline.stateWhenIdle().engine().venueStatus());
        }
    }

    @Test
    void aBookSnapshotStartsWithTheStatusesAndGoesToItsAskerAlone()
    {
        try (EnginePipeline pipeline = start(config()))
        {
            rest(pipeline, "b1", Side.BUY, 99);
            rest(pipeline, "a1", Side.SELL, 101);
            assertTrue(pipeline.halt("BTC", true));
            assertTrue(pipeline.setVenueStatus(TradingStatus.VENUE_STRESS));
            assertTrue(pipeline.awaitIdle(20, TimeUnit.SECONDS));
            final ParticipantTest.Recorder askerSees = new ParticipantTest.Recorder();
            final ParticipantTest.Recorder otherSees = new ParticipantTest.Recorder();
            final ParticipantTest.Recorder auditSees = new ParticipantTest.Recorder();
            final Participant asker = pipeline.register(ParticipantSpec.of("asker").withMarketData(), askerSees);
            final Participant other = pipeline.register(ParticipantSpec.of("other").withMarketData(), otherSees);
            final Participant audit = pipeline.register(ParticipantSpec.of("audit").asDropCopy(), auditSees);

            final CommandEvent snapshot = new CommandEvent();
            snapshot.type = CommandType.BOOK_SNAPSHOT;
            snapshot.instrumentId = 0;
            asker.publication().offerBlocking(snapshot, 7);
            assertTrue(pipeline.awaitIdle(20, TimeUnit.SECONDS));
            ParticipantTest.drain(asker, other, audit);

            assertEquals(List.of("STATUS 0 HALTED", "STATUS venue VENUE_STRESS", "BOOK_LEVEL BUY 99x1 #1",
                "BOOK_LEVEL SELL 101x1 #1"), askerSees.marketData);
            assertEquals(List.of("DONE corr=7"), askerSees.reports);
            assertEquals(List.of(), otherSees.marketData);
            assertEquals(List.of(), auditSees.marketData);
        }
    }

    @Test
    void aLaggingSubscriberLosesLevelsButNoStatus()
    {
        try (EnginePipeline pipeline = start(config()))
        {
            final ParticipantTest.Recorder slowSees = new ParticipantTest.Recorder();
            final Participant slow = pipeline.register(
                ParticipantSpec.of("slow").withMarketData().withQueueSize(64), slowSees);
            // 40 bids at 1 .. 40, one new level each: the first 32 fill half the queue, the other 8 are dropped.
            for (int price = 1; price <= 40; price++)
            {
                rest(pipeline, "b" + price, Side.BUY, price);
            }
            assertTrue(pipeline.halt("BTC", true));
            assertTrue(pipeline.setVenueStatus(TradingStatus.WITHDRAWALS_HALTED));
            assertTrue(pipeline.halt("BTC", false));
            assertTrue(pipeline.awaitIdle(20, TimeUnit.SECONDS));
            assertEquals(8, slow.marketDataDropped());

            ParticipantTest.drain(slow);
            final List<String> expected = new ArrayList<>();
            for (int price = 1; price <= 32; price++)
            {
                expected.add("LEVEL BUY " + price + "x1 #1");
            }
            expected.addAll(List.of("STATUS 0 HALTED", "STATUS venue WITHDRAWALS_HALTED", "STATUS 0 TRADING"));
            assertEquals(expected, slowSees.marketData);

            rest(pipeline, "b41", Side.BUY, 41);
            assertTrue(pipeline.awaitIdle(20, TimeUnit.SECONDS));
            ParticipantTest.drain(slow);
            assertEquals("LEVEL BUY 41x1 #1 gap", slowSees.marketData.get(slowSees.marketData.size() - 1),
                "the statuses did not clear the gap the dropped levels left");
            assertTrue(slow.isConnected());
        }
    }

    @Test
    void aSubscriberWhoseQueueFillsWithStatusesIsDisconnectedRatherThanMissingOne()
    {
        try (EnginePipeline pipeline = start(config()))
        {
            final ParticipantTest.Recorder deafSees = new ParticipantTest.Recorder();
            final Participant deaf = pipeline.register(
                ParticipantSpec.of("deaf").withMarketData().withQueueSize(64), deafSees);
            for (int price = 1; price <= 40; price++)
            {
                rest(pipeline, "b" + price, Side.BUY, price);
            }
            // 32 levels queued; 32 statuses fill the queue; the 33rd finds it full.
            for (int i = 0; i < 32; i++)
            {
                assertTrue(pipeline.halt("BTC", i % 2 == 0));
            }
            assertTrue(pipeline.awaitIdle(20, TimeUnit.SECONDS));
            assertTrue(deaf.isConnected(), "64 reports fit a queue of 64");
            assertTrue(pipeline.setVenueStatus(TradingStatus.VENUE_STRESS));
            assertTrue(pipeline.awaitIdle(20, TimeUnit.SECONDS));
            assertFalse(deaf.isConnected());
            assertEquals("fell 64 reports behind", deaf.disconnectReason());
        }
    }

    @Test
    void eachSideOfAFillIsToldItsOwnFeeAndTheOutputJournalKeepsBoth()
    {
        final EngineConfig config = config().addInstrument(
            new EngineConfig.InstrumentSpec("ETH-USD", "0.01", "0.0001", 0, -25, 250));
        try (EnginePipeline pipeline = start(config))
        {
            final ParticipantTest.Recorder makerSees = new ParticipantTest.Recorder();
            final ParticipantTest.Recorder takerSees = new ParticipantTest.Recorder();
            final ParticipantTest.Recorder auditSees = new ParticipantTest.Recorder();
            final Participant maker = pipeline.register(ParticipantSpec.of("maker-bot", "maker"), makerSees);
            final Participant taker = pipeline.register(ParticipantSpec.of("taker-bot", "taker"), takerSees);
            final Participant audit = pipeline.register(ParticipantSpec.of("audit").asDropCopy(), auditSees);
            final int eth = pipeline.directory().resolve("ETH-USD", false);

            // 2,000.00 USD = 200,000 ticks of 0.01; 1.5 ETH = 15,000 lots of 0.0001 (both scales 8).
            // notional = 200,000 x 10^6 units x 15,000 x 10^4 units / 10^8 = 3 * 10^11 units of 10^-8 (3,000 USD);
            // taker 2.5 bps: 3 * 10^11 x 250 / 10^6 = 75,000,000 (0.75 USD);
            // maker -0.25 bps: 3 * 10^11 x -25 / 10^6 = -7,500,000 (a 0.075 USD rebate).
            final CommandEvent ask = PipelineHarness.fill(new CommandEvent(),
                pipeline.directory().resolve("maker"), "ask-1", eth, Side.SELL, 200_000, 15_000);
            maker.publication().offerBlocking(ask, 1);
            final CommandEvent bid = PipelineHarness.fill(new CommandEvent(),
                pipeline.directory().resolve("taker"), "bid-1", eth, Side.BUY, 200_000, 15_000);
            taker.publication().offerBlocking(bid, 2);
            assertTrue(pipeline.halt("ETH-USD", true));
            assertTrue(pipeline.awaitIdle(20, TimeUnit.SECONDS));
            ParticipantTest.drain(maker, taker, audit);

            assertTrue(makerSees.reports.contains("FILL maker ask-1#1 SELL 200000x15000 left 0 order-corr=1 " +
                "fee=-7500000"), makerSees.reports.toString());
            assertTrue(takerSees.reports.contains("FILL taker bid-1#2 BUY 200000x15000 left 0 order-corr=2 " +
                "fee=75000000"), takerSees.reports.toString());
            assertTrue(auditSees.reports.contains("FILL maker ask-1#1 SELL 200000x15000 left 0 order-corr=-1 " +
                "fee=-7500000"), auditSees.reports.toString());
            assertTrue(auditSees.reports.contains("FILL taker bid-1#2 BUY 200000x15000 left 0 order-corr=-1 " +
                "fee=75000000"), auditSees.reports.toString());
        }
        final List<String> journaled = new ArrayList<>();
        OutputJournal.replayReadOnly(config.outputJournalDir(), r ->
        {
            if (r.type == ResultType.FILL)
            {
                journaled.add("FILL " + r.price + "x" + r.qty + " fees " + r.takerFee + "/" + r.makerFee);
            }
            else if (r.type == ResultType.STATUS)
            {
                journaled.add("STATUS " + r.instrumentId + " " + TradingStatus.name(r.instrumentId, r.status));
            }
        });
        assertEquals(List.of("FILL 200000x15000 fees 75000000/-7500000", "STATUS 0 HALTED"), journaled);
    }

    @Test
    void theVenueStatusSurvivesARestartFromTheSnapshotOrTheJournal()
    {
        try (EnginePipeline pipeline = start(config()))
        {
            assertTrue(pipeline.setVenueStatus(TradingStatus.WITHDRAWALS_HALTED));
            assertTrue(pipeline.awaitIdle(20, TimeUnit.SECONDS));
        }
        try (EnginePipeline pipeline = new EnginePipeline(config()))
        {
            assertTrue(pipeline.start().snapshotSequence() > 0, "restored from the shutdown snapshot");
            assertEquals(TradingStatus.WITHDRAWALS_HALTED, pipeline.stateWhenIdle().engine().venueStatus());
        }
        try (EnginePipeline pipeline = new EnginePipeline(config().snapshotsEnabled(false)))
        {
            assertEquals(0, pipeline.start().snapshotSequence(), "rebuilt from the journal alone");
            assertEquals(TradingStatus.WITHDRAWALS_HALTED, pipeline.stateWhenIdle().engine().venueStatus());
            assertTrue(pipeline.setVenueStatus(TradingStatus.VENUE_NORMAL));
        }
        try (EnginePipeline pipeline = new EnginePipeline(config().snapshotsEnabled(false)))
        {
            pipeline.start();
            assertEquals(TradingStatus.VENUE_NORMAL, pipeline.stateWhenIdle().engine().venueStatus());
        }
    }
}
