package org.mmwinter.engine.cluster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.aeron.cluster.ClusterTool;
import org.agrona.CloseHelper;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.pipeline.OfflineMatcher;
import org.mmwinter.engine.state.StateDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three {@code engine.jar cluster} processes and a client in this JVM: the leader is killed with SIGKILL while
 * commands are in flight, a new leader is elected, the client re-sends every command it has no DONE for and the flow
 * finishes through the new leader. Every command is then applied exactly once: the DONEs name distinct sequences,
 * the re-sends the dead leader had committed are acknowledged as applied before (not applied again), the survivors
 * applied as many commands as were sent, and their states equal a single engine's applying them in the cluster's
 * order. The killed member, started again on its directory, catches up from the snapshot taken before the kill plus
 * the log to the same state; stopped, every member's directory gives that digest through {@code engine.jar digest}.
 */
final class ClusterKillNineTest
{
    private static final long SEED = 1414;
    private static final int ORDERS = 3_000;
    private static final int WINDOW = 64;

    @TempDir
    Path dir;

    private final MemberProcess[] members = new MemberProcess[3];
    private ClusterClient client;
    private final IdleStrategy idle = new SleepingMillisIdleStrategy(1);

    @AfterEach
    void close() throws InterruptedException
    {
        CloseHelper.quietClose(client);
        for (final MemberProcess member : members)
        {
            if (member != null)
            {
                member.process.destroyForcibly();
                member.process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    // A guard against a hang (an election that never ends), not a timed assertion.
    @Timeout(90)
    void everyAcknowledgedCommandSurvivesTheLeadersKillOnce() throws Exception
    {
        final String list = FreePorts.threeLoopbackMembers();
        for (int n = 0; n < members.length; n++)
        {
            members[n] = start(n, list);
        }
        final ClusterFlow flow = new ClusterFlow(SEED, ORDERS);
        client = ClusterClient.connect(ClusterMembers.parse(list), dir.resolve("client"), "127.0.0.1", flow);

        // A sixth of the flow, then a snapshot (on every member, the leader to be killed included), then another
        // sixth, the last window of it still in flight when the leader dies.
        final int snapshotAt = flow.size() / 6;
        flow.send(client, 0, snapshotAt, WINDOW, idle);
        flow.awaitAcks(client, snapshotAt, idle);
        final int leader = client.leaderMemberId();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ClusterTool.snapshot(dir.resolve("node" + leader).resolve("cluster").toFile(),
            new PrintStream(out, true, StandardCharsets.UTF_8)), out.toString(StandardCharsets.UTF_8));
        members[leader].awaitSnapshot();
        final int killedAt = flow.size() / 3;
        flow.send(client, snapshotAt, killedAt, WINDOW, idle);
        final int inFlight = killedAt - flow.acked();
        // For the report line only: nothing is asserted on times.
        final long killedNs = System.nanoTime();
        members[leader].process.destroyForcibly();
        assertTrue(members[leader].process.waitFor(10, TimeUnit.SECONDS), "killed leader exited");
        while (client.leaderMemberId() == leader)
        {
            if (client.poll() == 0)
            {
                client.sendKeepAlive();
                idle.idle();
            }
        }
        final long electedNs = System.nanoTime();
        final int acknowledgedBeforeFailover = flow.acked();

        flow.resendUnacknowledged(client, killedAt, idle);
        flow.send(client, killedAt, flow.size(), WINDOW, idle);
        flow.awaitAcks(client, flow.size(), idle);

        long applied = 0;
        for (int i = 0; i < flow.size(); i++)
        {
            applied = Math.max(applied, flow.sequenceOf(i));
        }
        final OfflineMatcher reference = flow.reference(applied, snapshotAt, killedAt);
        final String digest = StateDigest.toHex(reference.state().digest());
        assertEquals(0, flow.ackedTwice());
        // Each command once: those with a sequence plus those the dead leader committed without its DONE reaching us.
        assertEquals(flow.size(), applied);
        assertEquals(flow.size(), flow.acked() + flow.alreadyAppliedAcks());
        System.out.printf("cluster kill -9: leader %d killed with %d of %d commands unacknowledged, %d of them " +
            "acknowledged before the new leader %d was known after %d ms; %d applied, %d committed without a DONE%n",
            leader, inFlight, killedAt, acknowledgedBeforeFailover - (killedAt - inFlight), client.leaderMemberId(),
            TimeUnit.NANOSECONDS.toMillis(electedNs - killedNs), applied, flow.alreadyAppliedAcks());
        for (int n = 0; n < members.length; n++)
        {
            if (n != leader)
            {
                assertEquals(digest, members[n].awaitDigestAt(applied), "survivor " + n);
            }
        }

        // The killed member started again on its directory: it loads its snapshot, replays its own log after it
        // and catches up on the rest from the leader, to the survivors' state.
        final long restartNs = System.nanoTime();
        members[leader] = start(leader, list);
        assertEquals(digest, members[leader].awaitDigestAt(applied), "restarted member " + leader);
        System.out.printf("cluster kill -9: member %d restarted %d ms after its kill, caught up %d ms later%n", leader,
            TimeUnit.NANOSECONDS.toMillis(restartNs - killedNs), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() -
            restartNs));
        assertTrue(members[leader].fromSnapshot(), "restarted member " + leader + " started from its snapshot");

        // Stopped with SIGTERM, each member's directory gives the digest it printed running through engine.jar
        // digest, the restarted one's too (its log had the killed process's tail).
        CloseHelper.quietClose(client);
        for (final MemberProcess member : members)
        {
            member.process.destroy();
        }
        for (int n = 0; n < members.length; n++)
        {
            assertTrue(members[n].process.waitFor(20, TimeUnit.SECONDS), "member " + n + " stopped on SIGTERM");
            assertEquals("commands=" + reference.state().engine().commandCount() + " digest=" + digest,
                DigestTool.run(dir.resolve("node" + n)), "digest of member " + n + "'s directory");
        }
    }

    private MemberProcess start(final int node, final String list) throws IOException
    {
        return MemberProcess.start(node, list, dir.resolve("node" + node));
    }
}
