package org.mmwinter.engine.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.aeron.cluster.service.Cluster;
import org.agrona.CloseHelper;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.OfflineMatcher;
import org.mmwinter.engine.pipeline.Participant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Three members in this JVM and the gateways ({@link EnginePipeline#inFrontOf} a {@link ClusterForwarder}) a test
 * puts in front of them, with what the gateway tests check them by: a single engine over the commands the cluster
 * applied, and the members' published sequence and digest. Closing it closes the gateways, then the members.
 */
final class GatewayCluster implements AutoCloseable
{
    static final String HOST = "127.0.0.1";
    /** A guard against a hang only (an election that never ends, a report that never comes). */
    private static final long GUARD_NS = TimeUnit.SECONDS.toNanos(30);

    final ClusterNode[] nodes = new ClusterNode[3];
    private final List<EnginePipeline> gateways = new ArrayList<>();
    private final Path dir;
    private final ClusterMembers members;
    private int gatewayDirs;

    GatewayCluster(final Path dir)
    {
        this.dir = dir;
        members = ClusterMembers.parse(FreePorts.threeLoopbackMembers());
        for (int n = 0; n < nodes.length; n++)
        {
            launch(n);
        }
    }

    /** Launches member {@code node} on its directory (again, after {@link #stop}). */
    void launch(final int node)
    {
        nodes[node] = ClusterNode.launch(node, members, dir.resolve("node" + node),
            new EngineClusteredService(1 << 12));
    }

    void stop(final int node)
    {
        nodes[node].close();
        nodes[node] = null;
    }

    /** A started gateway with sender id {@code id}, its own media driver directory, no journals. */
    EnginePipeline gateway(final ClusterForwarder forwarder)
    {
        final EngineConfig config = EngineConfig.defaults().clearInstruments().journalEnabled(false)
            .dataDir(dir.resolve("gateway-data" + gatewayDirs)).ringSize(1 << 10);
        final EnginePipeline pipeline = EnginePipeline.inFrontOf(config, forwarder);
        gateways.add(pipeline);
        pipeline.start();
        return pipeline;
    }

    ClusterForwarder forwarder(final int id)
    {
        return new ClusterForwarder(members, dir.resolve("gateway" + gatewayDirs++), HOST, id);
    }

    EnginePipeline gateway(final int id)
    {
        return gateway(forwarder(id));
    }

    int leader()
    {
        final long guard = System.nanoTime() + GUARD_NS;
        while (System.nanoTime() < guard)
        {
            for (int n = 0; n < nodes.length; n++)
            {
                if (nodes[n] != null && nodes[n].service().role() == Cluster.Role.LEADER)
                {
                    return n;
                }
            }
            pause();
        }
        return fail("no leader among the members up");
    }

    /**
     * Every member running is at the reference's last sequence, not past it (nothing applied twice), with the
     * reference's digest.
     */
    void assertMembersAt(final OfflineMatcher reference)
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
            final long guard = System.nanoTime() + GUARD_NS;
            while (applied[0] < sequence && System.nanoTime() < guard)
            {
                pause();
                applied = node.service().applied();
            }
            assertEquals(sequence, applied[0], "member " + node.nodeId() + "'s last sequence");
            assertEquals(digest, applied[1], "member " + node.nodeId() + "'s digest");
        }
    }

    public void close()
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

    /** A single engine that applies {@code commands} at sequences 1, 2, ... (the digest reads no time). */
    static OfflineMatcher reference(final List<CommandEvent> commands)
    {
        final OfflineMatcher reference = new OfflineMatcher(1 << 12, r ->
        {
        });
        for (final CommandEvent command : commands)
        {
            command.sequence = reference.state().lastSequence() + 1;
            command.nowNs = command.sequence;
            reference.apply(command);
        }
        return reference;
    }

    /** Polls the participants until {@code done}. */
    static void await(final BooleanSupplier done, final Participant... polled)
    {
        final long guard = System.nanoTime() + GUARD_NS;
        while (!done.getAsBoolean())
        {
            if (poll(polled) == 0)
            {
                assertTrue(System.nanoTime() < guard, "guard against a hang: still waiting after 30 s");
                pause();
            }
        }
    }

    static int poll(final Participant... polled)
    {
        int got = 0;
        for (final Participant participant : polled)
        {
            got += participant.poll(1_000);
        }
        return got;
    }

    /** Polls a little longer, so that a report that should not come would have come with the ones awaited. */
    static void settle(final Participant... polled)
    {
        for (int i = 0; i < 50; i++)
        {
            poll(polled);
            pause();
        }
    }

    static void pause()
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
