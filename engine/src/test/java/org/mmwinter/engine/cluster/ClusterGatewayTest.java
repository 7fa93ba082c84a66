package org.mmwinter.engine.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.aeron.cluster.service.Cluster;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.OfflineMatcher;
import org.mmwinter.engine.pipeline.Participant;
import org.mmwinter.engine.pipeline.ParticipantSpec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

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
    static final String HOST = "127.0.0.1";

    @TempDir
    Path dir;

    private final ClusterNode[] nodes = new ClusterNode[3];
    private final List<EnginePipeline> gateways = new ArrayList<>();
    private ClusterMembers members;
    private int gatewayDirs;

    @AfterEach
    void close()
    {
        for (final EnginePipeline gateway : gateways)
        {
            CloseHelper.quietClose(gateway);
        }
        for (final ClusterNode node : nodes)
        {
            CloseHelper.quietClose(node);
        }
    }

    @Test
    // A guard against a hang (an election that never ends, a report that never comes), not a timed assertion.
    @Timeout(60)
    void aMakerThroughOneGatewayIsFilledByATakerThroughAnotherAndARestartedGatewayGoesOn()
    {
        launchCluster();
        final EnginePipeline first = gateway(1);
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
        final EnginePipeline second = gateway(2);
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
        final EnginePipeline again = gateway(2);
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
        final OfflineMatcher reference = new OfflineMatcher(1 << 10, r ->
        {
        });
        final List<CommandEvent> applied = List.of(
            definition(1, 1).setAddInstrument(Instrument.createDefault(0, "BTC")),
            definition(1, 2).setRegisterAccount(0, "maker"),
            numbered(limit(0, "m-1", Side.BUY, 100, 5), 1, 3),
            definition(2, 1).setRegisterAccount(1, "taker"),
            numbered(limit(1, "t-1", Side.SELL, 100, 2), 2, 2),
            numbered(limit(1, "t-2", Side.SELL, 100, 3), 2, 3));
        apply(reference, applied);
        assertEquals(6, reference.state().lastSequence());
        assertMembersAt(nodes, reference);
    }

    void launchCluster()
    {
        final int base = FreePorts.base(3 * ClusterMembers.PORTS_PER_NODE);
        members = ClusterMembers.parse(HOST + ":" + base + "," + HOST + ":" + (base + ClusterMembers.PORTS_PER_NODE) +
            "," + HOST + ":" + (base + 2 * ClusterMembers.PORTS_PER_NODE));
        for (int n = 0; n < nodes.length; n++)
        {
            nodes[n] = launch(n);
        }
    }

    ClusterNode launch(final int node)
    {
        return ClusterNode.launch(node, members, dir.resolve("node" + node), new EngineClusteredService(1 << 12));
    }

    /** A gateway with sender id {@code id}, its own media driver directory, no journals. */
    EnginePipeline gateway(final int id)
    {
        final EngineConfig config = EngineConfig.defaults().clearInstruments().journalEnabled(false)
            .dataDir(dir.resolve("gateway-data" + gatewayDirs)).ringSize(1 << 10);
        final ClusterForwarder forwarder =
            new ClusterForwarder(members, dir.resolve("gateway" + gatewayDirs++), HOST, id);
        final EnginePipeline pipeline = EnginePipeline.inFrontOf(config, forwarder);
        gateways.add(pipeline);
        pipeline.start();
        return pipeline;
    }

    static CommandEvent limit(final int account, final String clientOrderId, final int side, final long price,
        final long qty)
    {
        return new CommandEvent().setLimitOrder(account, clientOrderId, 0, side, TimeInForce.GTC, price, qty);
    }

    /** A command as the cluster's log has it: the gateway's sender id and its number. */
    static CommandEvent numbered(final CommandEvent command, final int senderId, final long number)
    {
        command.sourceId = senderId;
        command.correlationId = number;
        return command;
    }

    static CommandEvent definition(final int senderId, final long number)
    {
        return numbered(new CommandEvent().clear(), senderId, number);
    }

    /** Applies {@code commands} at sequences 1, 2, ... (the digest reads no time). */
    static void apply(final OfflineMatcher reference, final List<CommandEvent> commands)
    {
        for (final CommandEvent command : commands)
        {
            command.sequence = reference.state().lastSequence() + 1;
            command.nowNs = command.sequence;
            reference.apply(command);
        }
    }

    /**
     * Every member still running is at the reference's last sequence, not past it (nothing applied twice), with the
     * reference's digest.
     */
    static void assertMembersAt(final ClusterNode[] nodes, final OfflineMatcher reference)
    {
        final long sequence = reference.state().lastSequence();
        final long digest = reference.state().digest();
        for (final ClusterNode node : nodes)
        {
            if (node == null)
            {
                continue;
            }
            long[] applied = node.service().applied();
            final long guard = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (applied[0] < sequence && System.nanoTime() < guard)
            {
                sleep();
                applied = node.service().applied();
            }
            assertEquals(sequence, applied[0], "member " + node.nodeId() + "'s last sequence");
            assertEquals(digest, applied[1], "member " + node.nodeId() + "'s digest");
        }
    }

    static int leader(final ClusterNode[] nodes)
    {
        final long guard = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < guard)
        {
            for (int n = 0; n < nodes.length; n++)
            {
                if (nodes[n] != null && nodes[n].service().role() == Cluster.Role.LEADER)
                {
                    return n;
                }
            }
            sleep();
        }
        return fail("no leader among the members up");
    }

    /** Polls the participants until {@code done}; the guard only stops a hang. */
    static void await(final BooleanSupplier done, final Participant... polled)
    {
        final long guard = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!done.getAsBoolean())
        {
            int got = 0;
            for (final Participant participant : polled)
            {
                got += participant.poll(1_000);
            }
            assertTrue(System.nanoTime() < guard, "guard against a hang: still waiting after 30 s");
            if (got == 0)
            {
                sleep();
            }
        }
    }

    /** Polls a little longer, so that a report that should not come would have come with the ones awaited. */
    static void settle(final Participant... polled)
    {
        for (int i = 0; i < 50; i++)
        {
            for (final Participant participant : polled)
            {
                participant.poll(1_000);
            }
            sleep();
        }
    }

    static void sleep()
    {
        try
        {
            Thread.sleep(2);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }
}
