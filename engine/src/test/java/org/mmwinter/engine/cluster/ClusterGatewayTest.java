package org.mmwinter.engine.cluster;

import java.nio.file.Path;
import java.util.List;

import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.OfflineMatcher;
import org.mmwinter.engine.pipeline.Participant;
import org.mmwinter.engine.pipeline.ParticipantSpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mmwinter.engine.cluster.GatewayCluster.await;
import static org.mmwinter.engine.cluster.GatewayCluster.definition;
import static org.mmwinter.engine.cluster.GatewayCluster.limit;
import static org.mmwinter.engine.cluster.GatewayCluster.numbered;
import static org.mmwinter.engine.cluster.GatewayCluster.settle;

/**
 * Two gateways ({@link EnginePipeline#inFrontOf} a {@link ClusterForwarder}) in front of three members in this JVM,
 * with participants plugged into each: a maker resting through one gateway is filled by a taker through the other
 * and each is told exactly its own side; market data of the fill reaches the first gateway's subscriber; a gateway
 * started later knows the instruments and accounts by the same ids; and a gateway restarted with the same id goes
 * on numbering its commands after what the cluster applied, so its next command is applied, not taken for a
 * re-send. The members' states are a single engine's over the same commands.
 */
final class ClusterGatewayTest
{
    @TempDir
    Path dir;

    private GatewayCluster cluster;

    @AfterEach
    void close()
    {
        CloseHelper.quietClose(cluster);
    }

    @Test
    // A guard against a hang (an election that never ends, a report that never comes), not a timed assertion.
    @Timeout(60)
    void aMakerThroughOneGatewayIsFilledByATakerThroughAnotherAndARestartedGatewayGoesOn()
    {
        cluster = new GatewayCluster(dir);
        final EnginePipeline first = cluster.gateway(1);
        // Through gateway 1: BTC (instrument 0, number 1 of sender 1), then account "maker" (account 0, number 2).
        assertEquals(0, first.directory().resolve("BTC", true));
        final GatewayRecorder makerSees = new GatewayRecorder();
        final GatewayRecorder watcherSees = new GatewayRecorder();
        final Participant maker = first.register(ParticipantSpec.of("maker-bot", "maker"), makerSees);
        final Participant watcher = first.register(ParticipantSpec.of("watcher").withMarketData(), watcherSees);
        assertEquals(0, first.directory().resolve("maker"));

        // The maker bids 5 at 100 (number 3 of sender 1; engine order 1).
        maker.publication().offerBlocking(limit(0, "m-1", Side.BUY, 100, 5), 11);
        await(() -> makerSees.done(11), maker, watcher);

        // Gateway 2, started now, learns BTC and "maker" from the cluster at their ids and defines nothing itself:
        // "taker" is the next account, 1 (number 1 of sender 2).
        final EnginePipeline second = cluster.gateway(2);
        assertEquals(1, second.directory().instrumentCount());
        assertEquals(0, second.directory().resolve("BTC", false));
        assertTrue(second.directory().instrument(0).sameDefinition(first.directory().instrument(0)),
            "the same definition of BTC");
        assertEquals("maker", second.directory().accountName(0));
        assertEquals(0, second.directory().resolve("maker"));
        final GatewayRecorder takerSees = new GatewayRecorder();
        final Participant taker = second.register(ParticipantSpec.of("taker-bot", "taker"), takerSees);
        assertEquals(1, second.directory().resolve("taker"));

        // The taker sells 2 at 100 (number 2 of sender 2; engine order 2): 2 trade at 100, the maker has 5 - 2 = 3
        // left and the taker 0.
        taker.publication().offerBlocking(limit(1, "t-1", Side.SELL, 100, 2), 21);
        await(() -> takerSees.done(21) && makerSees.reports.size() == 3 && watcherSees.marketData.size() == 3,
            maker, watcher, taker);
        settle(maker, watcher, taker);
        assertEquals(List.of(
            "ACCEPTED m-1#1 acct 0 BUY 100x5 left 5 order-corr=11",
            "DONE corr=11",
            "FILL maker m-1#1 acct 0 BUY 100x2 left 3 order-corr=11"), makerSees.reports,
            "the maker's own reports, its fill as maker; not the taker's DONE");
        assertEquals(List.of(
            "ACCEPTED t-1#2 acct 1 SELL 100x2 left 2 order-corr=21",
            "FILL taker t-1#2 acct 1 SELL 100x2 left 0 order-corr=21",
            "DONE corr=21"), takerSees.reports, "the taker's own reports; not the maker's DONE");
        // The bid rests (level 100x5, one order); the sell prints a trade of 2 at 100, taker's side; 3 are left.
        assertEquals(List.of("LEVEL BUY 100x5 #1", "TRADE SELL 100x2", "LEVEL BUY 100x3 #1"),
            watcherSees.marketData);
        assertEquals(List.of(), watcherSees.reports, "a watcher without accounts has no reports");

        // Gateway 2 closes and starts again with id 2: the cluster applied numbers 1 and 2 of sender 2, so its next
        // command is number 3, and is applied (a gateway starting at 1 again would have it taken for a re-send of
        // the account, answered without being applied). The taker sells the maker's 3 left: both end at 0.
        second.close();
        final EnginePipeline again = cluster.gateway(2);
        assertEquals(1, again.directory().resolve("taker"), "known from the cluster, not defined again");
        final GatewayRecorder takerSeesAgain = new GatewayRecorder();
        final Participant takerAgain = again.register(ParticipantSpec.of("taker-bot", "taker"), takerSeesAgain);
        takerAgain.publication().offerBlocking(limit(1, "t-2", Side.SELL, 100, 3), 22);
        await(() -> takerSeesAgain.done(22) && makerSees.reports.size() == 4, maker, watcher, takerAgain);
        settle(maker, watcher, takerAgain);
        assertEquals(List.of(
            "ACCEPTED t-2#3 acct 1 SELL 100x3 left 3 order-corr=22",
            "FILL taker t-2#3 acct 1 SELL 100x3 left 0 order-corr=22",
            "DONE corr=22"), takerSeesAgain.reports);
        assertEquals("FILL maker m-1#1 acct 0 BUY 100x3 left 0 order-corr=11", makerSees.reports.get(3));
        assertEquals(List.of("LEVEL BUY 100x5 #1", "TRADE SELL 100x2", "LEVEL BUY 100x3 #1", "TRADE SELL 100x3",
            "LEVEL BUY 100x0 #0"), watcherSees.marketData);

        // The single engine over the same six commands, in the order the cluster applied them.
        final OfflineMatcher reference = GatewayCluster.reference(List.of(
            definition(1, 1).setAddInstrument(Instrument.createDefault(0, "BTC")),
            definition(1, 2).setRegisterAccount(0, "maker"),
            numbered(limit(0, "m-1", Side.BUY, 100, 5), 1, 3),
            definition(2, 1).setRegisterAccount(1, "taker"),
            numbered(limit(1, "t-1", Side.SELL, 100, 2), 2, 2),
            numbered(limit(1, "t-2", Side.SELL, 100, 3), 2, 3)));
        assertEquals(6, reference.state().lastSequence());
        cluster.assertMembersAt(reference);
    }

    @Test
    // A guard against a hang, not a timed assertion.
    @Timeout(60)
    void aDefinitionTheClusterRefusesStopsTheGatewayBeforeAnyCommandUsesItsId()
    {
        cluster = new GatewayCluster(dir);
        final EnginePipeline first = cluster.gateway(1);
        assertEquals(0, first.directory().resolve("BTC", true));
        assertEquals(0, first.directory().resolve("maker"));
        final EnginePipeline second = cluster.gateway(2);
        final GatewayRecorder takerSees = new GatewayRecorder();
        final Participant taker = second.register(ParticipantSpec.of("taker-bot", "taker"), takerSees);
        assertEquals(1, second.directory().resolve("taker"));
        // The cluster has applied "taker" as account 1 (register returns once offered, not once applied: without
        // this wait gateway 1's registration below may reach the log first, and gateway 2 be the one refused).
        cluster.assertMembersAt(GatewayCluster.reference(List.of(
            definition(1, 1).setAddInstrument(Instrument.createDefault(0, "BTC")),
            definition(1, 2).setRegisterAccount(0, "maker"),
            definition(2, 1).setRegisterAccount(1, "taker"))));
        // Gateway 1 has not heard of "taker": it gives "third" account id 1 as well, and its next command names
        // account 1. The cluster refuses the registration (id 1 is taken); the order must never be sent, or the
        // cluster would apply it as the taker's.
        final GatewayRecorder thirdSees = new GatewayRecorder();
        final Participant third = first.register(ParticipantSpec.of("third-bot", "third"), thirdSees);
        assertEquals(1, first.directory().resolve("third"));
        final long offered = third.publication().offer(limit(1, "x-1", Side.SELL, 100, 1), 31);
        await(() -> first.failStop().hasFailed(), third, taker);
        assertTrue(first.failStop().describe().contains("account third as id 1"), first.failStop().describe());
        settle(taker);
        assertEquals(List.of(), takerSees.reports, "nothing of gateway 1's order reached the taker's account (" +
            offered + ")");

        // Applied: BTC and "maker" (sender 1, numbers 1 and 2), "taker" (sender 2, number 1), and the refused
        // registration of "third" as 1 (sender 1, number 3; it changes nothing). Not the order.
        final OfflineMatcher reference = GatewayCluster.reference(List.of(
            definition(1, 1).setAddInstrument(Instrument.createDefault(0, "BTC")),
            definition(1, 2).setRegisterAccount(0, "maker"),
            definition(2, 1).setRegisterAccount(1, "taker"),
            definition(1, 3).setRegisterAccount(1, "third")));
        assertEquals(4, reference.state().lastSequence());
        cluster.assertMembersAt(reference);
    }
}
