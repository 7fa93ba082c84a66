package org.mmwinter.engine.cluster;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import io.aeron.cluster.ClusterTool;
import io.aeron.cluster.service.Cluster;
import org.agrona.CloseHelper;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.journal.BatchCodec;
import org.mmwinter.engine.pipeline.OfflineMatcher;
import org.mmwinter.engine.state.StateDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Three members in this JVM (each its own driver, archive, consensus module and service) and a client sending a
 * seeded flow: every member applies the same commands in the same order to the same state, which is the state a
 * single engine reaches applying the acknowledged commands in that order; and a member restarted from a snapshot
 * plus the log after it reaches it too.
 */
final class InProcessClusterTest
{
    private static final long SEED = 14;
    private static final int ORDERS = 1_500;
    private static final int MORE_ORDERS = 500;
    private static final int WINDOW = 64;
    private static final long MALFORMED = 3;

    @TempDir
    Path dir;

    private final ClusterNode[] nodes = new ClusterNode[3];
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
    // A guard against a hang (a member that never reaches the sequence waited for), not a timed assertion.
    @Timeout(60)
    void membersAgreeWithASingleEngineAndARestartFromSnapshotCatchesUp() throws Exception
    {
        final ClusterMembers members = members();
        for (int n = 0; n < nodes.length; n++)
        {
            nodes[n] = launch(n, members);
        }
        final ClusterFlow flow = new ClusterFlow(SEED, ORDERS + MORE_ORDERS);
        client = ClusterClient.connect(members, dir.resolve("client"), "127.0.0.1", flow);
        final int first = flow.size() - MORE_ORDERS;
        flow.send(client, 0, first, WINDOW, idle);
        flow.awaitAcks(client, first, idle);

        // Every command acknowledged once, at sequences 1..first (checked by reference()), and each member's state
        // is the single engine's.
        final OfflineMatcher reference = flow.reference();
        assertEquals(first, flow.acked());
        assertEquals(0, flow.ackedTwice());
        assertEquals(first, reference.state().lastSequence());
        final long digest = reference.state().digest();
        for (final ClusterNode node : nodes)
        {
            assertEquals(digest, awaitApplied(node, first), "member " + node.nodeId());
        }

        // Malformed ingress: bytes that are no batch, a batch with one byte flipped (its checksum fails) and a
        // message shorter than any header. Each member refuses all three, counts them and changes nothing.
        final UnsafeBuffer garbage = new UnsafeBuffer(new byte[64]);
        for (int i = 0; i < garbage.capacity(); i++)
        {
            garbage.putByte(i, (byte)(i * 37 + 11));
        }
        final BatchCodec batch = new BatchCodec(1 << 10);
        batch.beginBatch(0);
        batch.add(flow.command(first));
        batch.endBatch();
        final UnsafeBuffer flipped = new UnsafeBuffer(batch.buffer().clone(), 0, batch.length());
        flipped.putByte(batch.length() - 1, (byte)(flipped.getByte(batch.length() - 1) ^ 0x20));
        offerBytes(garbage, garbage.capacity());
        offerBytes(flipped, flipped.capacity());
        offerBytes(garbage, 2);
        for (final ClusterNode node : nodes)
        {
            while (node.service().malformedMessages() < MALFORMED)
            {
                client.sendKeepAlive();
                idle.idle();
            }
        }
        for (final ClusterNode node : nodes)
        {
            assertEquals(MALFORMED, node.service().malformedMessages(), "member " + node.nodeId());
            final long[] applied = node.service().applied();
            assertEquals(first, applied[0], "member " + node.nodeId() + " applied nothing of them");
            assertEquals(digest, applied[1], "member " + node.nodeId() + " state unchanged");
        }

        final ClusterNode leader = leader();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ClusterTool.snapshot(leader.clusterDir(), new PrintStream(out, true, StandardCharsets.UTF_8)),
            out.toString(StandardCharsets.UTF_8));
        for (final ClusterNode node : nodes)
        {
            while (node.service().snapshotsTaken() == 0)
            {
                client.sendKeepAlive();
                idle.idle();
            }
        }

        // A follower stops; the flow goes on without it; it comes back from its snapshot and the log after it.
        final int restarted = (leader.nodeId() + 1) % nodes.length;
        nodes[restarted].close();
        flow.send(client, first, flow.size() - 1, WINDOW, idle);
        flow.awaitAcks(client, flow.size() - 1, idle);
        nodes[restarted] = launch(restarted, members);

        // The first definition again: its source's last id is known to the restarted member from the snapshot only
        // (no definition since), so a member that lost it would apply the command a second time and end one
        // sequence ahead; the last command after it makes every member read past the repeat.
        flow.repeat(client, 0, idle);
        flow.send(client, flow.size() - 1, flow.size(), WINDOW, idle);
        flow.awaitAcks(client, flow.size(), idle);

        final OfflineMatcher finalReference = flow.reference();
        final long finalDigest = finalReference.state().digest();
        assertEquals(flow.size(), flow.acked());
        assertEquals(0, flow.ackedTwice());
        for (final ClusterNode node : nodes)
        {
            assertEquals(finalDigest, awaitApplied(node, flow.size()), "member " + node.nodeId());
        }
        assertTrue(nodes[restarted].service().startedFromSnapshot());
        assertEquals(1, flow.repeatsRefused());
        assertFalse(finalDigest == digest, "the second part of the flow changed the state");

        // Stopped, each member's directory says the same through engine.jar digest (its archived log replayed),
        // the member restarted from a snapshot included: its log was kept whole from 0.
        CloseHelper.quietClose(client);
        for (final ClusterNode node : nodes)
        {
            node.close();
        }
        for (final ClusterNode node : nodes)
        {
            assertEquals("commands=" + finalReference.state().engine().commandCount() + " digest=" +
                StateDigest.toHex(finalDigest),
                DigestTool.run(node.dataDir()), "digest of member " + node.nodeId() + "'s directory");
        }
    }

    private void offerBytes(final UnsafeBuffer bytes, final int length)
    {
        while (client.offerBytes(bytes, 0, length) <= 0)
        {
            client.poll();
            idle.idle();
        }
    }

    private ClusterMembers members()
    {
        return ClusterMembers.parse(FreePorts.threeLoopbackMembers());
    }

    private ClusterNode launch(final int node, final ClusterMembers members)
    {
        return ClusterNode.launch(node, members, dir.resolve("node" + node), new EngineClusteredService(1 << 12));
    }

    private ClusterNode leader()
    {
        while (true)
        {
            for (final ClusterNode node : nodes)
            {
                if (node.service().role() == Cluster.Role.LEADER)
                {
                    return node;
                }
            }
            idle.idle();
        }
    }

    /**
     * Waits for the member to publish the state at {@code sequence}.
     *
     * @return its digest there.
     */
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
                fail("member " + node.nodeId() + " applied " + applied[0] + " commands, more than the " + sequence +
                    " acknowledged");
            }
            client.sendKeepAlive();
            idle.idle();
        }
    }
}
