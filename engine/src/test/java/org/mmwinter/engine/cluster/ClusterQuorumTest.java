package org.mmwinter.engine.cluster;

import java.nio.file.Path;

import io.aeron.cluster.service.Cluster;
import org.agrona.CloseHelper;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.pipeline.OfflineMatcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A majority is what lets the cluster trade: with one of three members stopped the other two keep acknowledging
 * commands; with two stopped nothing sent is acknowledged and the client says there is no leader (rather than
 * waiting or taking the commands as accepted); when a second member is back a leader is elected, the client re-sends
 * what had no DONE, trading goes on and every member, the third restarted too, is at a single engine's state.
 */
final class ClusterQuorumTest
{
    private static final long SEED = 2014;
    private static final int PART = 300;
    /** Commands sent while two members are down. */
    private static final int UNCOMMITTABLE = 20;
    private static final int WINDOW = 64;

    @TempDir
    Path dir;

    private final ClusterNode[] nodes = new ClusterNode[3];
    private ClusterMembers members;
    private ClusterClient client;
    private final IdleStrategy idle = new SleepingMillisIdleStrategy(1);

    @AfterEach
    void close()
    {
        CloseHelper.quietClose(client);
        for (final ClusterNode node : nodes)
        {
            CloseHelper.quietClose(node);
        }
    }

    @Test
    // A guard against a hang (an election that never ends), not a timed assertion.
    @Timeout(60)
    void twoMembersTradeOneRefusesAndAMajorityResumes()
    {
        members = ClusterMembers.parse(FreePorts.threeLoopbackMembers());
        for (int n = 0; n < nodes.length; n++)
        {
            nodes[n] = launch(n);
        }
        // Definitions and PART orders, then PART more with one member down, UNCOMMITTABLE with two down, then the
        // last PART once a majority is back.
        final ClusterFlow flow = new ClusterFlow(SEED, 3 * PART + UNCOMMITTABLE);
        client = ClusterClient.connect(members, dir.resolve("client"), "127.0.0.1", flow);
        final int threeUp = flow.size() - 2 * PART - UNCOMMITTABLE;
        flow.send(client, 0, threeUp, WINDOW, idle);
        flow.awaitAcks(client, threeUp, idle);
        assertEquals(ClusterClient.CONNECTED, client.status(System.nanoTime()));

        // One follower stopped: the leader and the other follower are a majority and keep trading.
        final int leader = leader();
        final int first = (leader + 1) % nodes.length;
        final int second = (leader + 2) % nodes.length;
        nodes[first].close();
        nodes[first] = null;
        final int twoUp = threeUp + PART;
        flow.send(client, threeUp, twoUp, WINDOW, idle);
        flow.awaitAcks(client, twoUp, idle);
        assertEquals(twoUp, flow.acked());
        assertEquals(ClusterClient.CONNECTED, client.status(System.nanoTime()));

        // Two stopped: the leader alone cannot commit. What is sent is not acknowledged and the client says so.
        nodes[second].close();
        nodes[second] = null;
        final int oneUp = twoUp + UNCOMMITTABLE;
        for (int i = twoUp; i < oneUp; i++)
        {
            while (flow.offer(client, i) <= 0 && client.status(System.nanoTime()) == ClusterClient.CONNECTED)
            {
                client.poll();
                idle.idle();
            }
        }
        // For the report line only: nothing is asserted on times.
        final long sentNs = System.nanoTime();
        final boolean ingressConnected = client.status(sentNs) == ClusterClient.CONNECTED;
        int status;
        while ((status = client.status(System.nanoTime())) == ClusterClient.CONNECTED)
        {
            client.poll();
            idle.idle();
        }
        assertEquals(ClusterClient.NO_LEADER, status, "status with one member of three");
        assertEquals(twoUp, flow.acked(), "nothing acknowledged without a majority");
        final long refusedNs = System.nanoTime();

        // The first one back makes a majority: a leader is elected, what had no DONE is sent again (applied once
        // whether or not the lone member's log kept it), and trading goes on.
        nodes[first] = launch(first);
        flow.resendUnacknowledged(client, oneUp, idle);
        flow.send(client, oneUp, flow.size(), WINDOW, idle);
        flow.awaitAcks(client, flow.size(), idle);
        assertEquals(ClusterClient.CONNECTED, client.status(System.nanoTime()));
        final long resumedNs = System.nanoTime();
        nodes[second] = launch(second);

        long applied = 0;
        for (int i = 0; i < flow.size(); i++)
        {
            applied = Math.max(applied, flow.sequenceOf(i));
        }
        final OfflineMatcher reference = flow.reference(applied, twoUp, oneUp);
        assertEquals(0, flow.ackedTwice());
        assertEquals(flow.size(), applied, "every command applied once");
        assertEquals(flow.size(), flow.acked() + flow.alreadyAppliedAcks());
        System.out.printf("cluster quorum: with one member up, NO_LEADER %d ms after the last offer (ingress %s); " +
            "a majority back and the flow finished %d ms later; %d of the %d sent alone applied without a DONE%n",
            (refusedNs - sentNs) / 1_000_000, ingressConnected ? "connected" : "not connected",
            (resumedNs - refusedNs) / 1_000_000, flow.alreadyAppliedAcks(), UNCOMMITTABLE);
        final long digest = reference.state().digest();
        for (final ClusterNode node : nodes)
        {
            assertEquals(digest, awaitApplied(node, applied), "member " + node.nodeId());
        }
    }

    private ClusterNode launch(final int node)
    {
        return ClusterNode.launch(node, members, dir.resolve("node" + node), new EngineClusteredService(1 << 12));
    }

    private int leader()
    {
        while (true)
        {
            for (final ClusterNode node : nodes)
            {
                if (node.service().role() == Cluster.Role.LEADER)
                {
                    return node.nodeId();
                }
            }
            idle.idle();
        }
    }

    private long awaitApplied(final ClusterNode node, final long sequence)
    {
        while (true)
        {
            final long[] applied = node.service().applied();
            if (applied[0] == sequence)
            {
                return applied[1];
            }
            if (applied[0] > sequence)
            {
                fail("member " + node.nodeId() + " applied " + applied[0] + ", more than " + sequence);
            }
            client.sendKeepAlive();
            client.poll();
            idle.idle();
        }
    }
}
