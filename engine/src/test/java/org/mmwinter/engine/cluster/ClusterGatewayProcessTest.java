package org.mmwinter.engine.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.flow.FlowFiles;
import org.mmwinter.engine.process.ChildJvm;
import org.mmwinter.engine.process.EngineMain;
import org.mmwinter.engine.state.StateDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three {@code engine.jar cluster} processes and an {@code engine.jar gateway --cluster} process in front of them; a
 * seeded order flow goes in through the gateway's TCP port, one answer a line, and the leader is killed with SIGKILL
 * mid-stream. The gateway follows the new leader and the flow finishes. Then: every line answered as applied (OK, or
 * rejected by the engine) is in the cluster's state once, and nothing else is (lines refused for want of a leader
 * are not): each member's digest equals the bare core's over exactly those lines in line order, which is the order
 * the cluster applied them in. The killed member, restarted, catches up to it; and each member's directory gives the
 * same through {@code engine.jar digest} (its log replayed offline).
 */
final class ClusterGatewayProcessTest
{
    private static final Pattern LISTENING = Pattern.compile("listening on tcp://127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern ANSWER = Pattern.compile("^(OK|REJECTED),(\\d+)(?:,(.*))?$");
    private static final String NO_LEADER = RejectReason.describe(RejectReason.NO_LEADER);
    private static final String BUSY = RejectReason.describe(RejectReason.BUSY);
    private static final int LINES = 8_000;
    private static final int KILL_AFTER = 2_000;
    /** Lines per pacing step, and steps per second: 2,000 lines a second. */
    private static final int STEP = 20;
    private static final long STEP_NS = TimeUnit.MILLISECONDS.toNanos(10);

    @TempDir
    Path dir;

    private final MemberProcess[] members = new MemberProcess[3];
    private Process gateway;

    @AfterEach
    void close() throws InterruptedException
    {
        if (gateway != null)
        {
            gateway.destroyForcibly();
            gateway.waitFor(10, TimeUnit.SECONDS);
        }
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
    // A guard against a hang (an election that never ends, a line never answered), not a timed assertion.
    @Timeout(120)
    void aFlowThroughTheGatewaySurvivesTheLeadersKillExactlyOnce() throws Exception
    {
        final Path flow = FlowFiles.write(dir.resolve("flow.csv"), 1415, LINES);
        final List<String> lines = Files.readAllLines(flow, StandardCharsets.UTF_8);
        final String list = FreePorts.threeLoopbackMembers();
        for (int n = 0; n < members.length; n++)
        {
            members[n] = MemberProcess.start(n, list, dir.resolve("node" + n));
        }
        gateway = ChildJvm.command(EngineMain.class, "gateway", "--cluster", list, "--port", "0",
            "--fix-port", "-1", "--data", dir.resolve("gateway").toString()).redirectErrorStream(true).start();
        final StringBuilder gatewayOutput = new StringBuilder();
        final int port = listeningPort(gateway, gatewayOutput);

        final String[] answers = new String[LINES + 1];
        final long[] answeredNs = new long[LINES + 1];
        final long[] sentNs = new long[LINES + 1];
        int leader = -1;
        long killedNs = 0;
        try (Socket socket = new Socket("127.0.0.1", port))
        {
            final Thread reader = new Thread(() -> readAnswers(socket, answers, answeredNs), "answers");
            reader.setDaemon(true);
            reader.start();
            final OutputStream out = socket.getOutputStream();
            out.write((lines.get(0) + "\n").getBytes(StandardCharsets.US_ASCII));
            final long start = System.nanoTime();
            for (int line = 1; line <= LINES; line += STEP)
            {
                final StringBuilder chunk = new StringBuilder();
                final int end = Math.min(LINES, line + STEP - 1);
                for (int i = line; i <= end; i++)
                {
                    chunk.append(lines.get(i)).append('\n');
                    sentNs[i] = System.nanoTime();
                }
                out.write(chunk.toString().getBytes(StandardCharsets.US_ASCII));
                if (leader < 0 && answered(answers, KILL_AFTER))
                {
                    leader = leader();
                    killedNs = System.nanoTime();
                    members[leader].process.destroyForcibly();
                    assertTrue(members[leader].process.waitFor(10, TimeUnit.SECONDS), "killed leader exited");
                }
                LockSupport.parkNanos(Math.max(0, start + (line / STEP + 1) * STEP_NS - System.nanoTime()));
            }
            out.flush();
            awaitAnswered(answers, LINES, gateway);
        }
        assertTrue(leader >= 0, "the leader was killed mid-stream");

        // Applied: answered OK, or rejected by the engine. Not applied: refused by the gateway for want of a leader
        // (or a full ring). Every line has one answer.
        final List<String> applied = new ArrayList<>();
        applied.add(lines.get(0));
        int refused = 0;
        int appliedAfterKill = 0;
        long firstAfterKillNs = Long.MAX_VALUE;
        for (int i = 1; i <= LINES; i++)
        {
            final Matcher m = ANSWER.matcher(answers[i]);
            assertTrue(m.matches(), "line " + i + " answered '" + answers[i] + "'");
            if ("REJECTED".equals(m.group(1)) && (NO_LEADER.equals(m.group(3)) || BUSY.equals(m.group(3))))
            {
                refused++;
                continue;
            }
            applied.add(lines.get(i));
            if (sentNs[i] > killedNs && "OK".equals(m.group(1)))
            {
                appliedAfterKill++;
                firstAfterKillNs = Math.min(firstAfterKillNs, answeredNs[i]);
            }
        }
        assertTrue(appliedAfterKill > 0, "lines sent after the kill were applied through the new leader");
        final Path appliedFlow = dir.resolve("applied.csv");
        Files.write(appliedFlow, applied, StandardCharsets.UTF_8);
        final FlowFiles.Direct direct = FlowFiles.direct(appliedFlow, Long.MAX_VALUE);
        final String digest = StateDigest.toHex(direct.digest());
        // For the report: nothing is asserted on times.
        System.out.printf("cluster gateway kill -9: leader %d killed after %d answers; %d lines applied, %d refused " +
            "(no leader); the first OK of a line sent after the kill came %d ms after it%n", leader, KILL_AFTER,
            applied.size() - 1, refused, TimeUnit.NANOSECONDS.toMillis(firstAfterKillNs - killedNs));

        for (int n = 0; n < members.length; n++)
        {
            if (n != leader)
            {
                members[n].awaitDigest(digest);
            }
        }
        members[leader] = MemberProcess.start(leader, list, dir.resolve("node" + leader));
        members[leader].awaitDigest(digest);

        gateway.destroy();
        assertTrue(gateway.waitFor(20, TimeUnit.SECONDS), "gateway stopped on SIGTERM");
        for (final MemberProcess member : members)
        {
            member.process.destroy();
        }
        for (int n = 0; n < members.length; n++)
        {
            assertTrue(members[n].process.waitFor(20, TimeUnit.SECONDS), "member " + n + " stopped on SIGTERM");
            assertEquals("commands=" + direct.commands() + " digest=" + digest, DigestTool.run(dir.resolve("node" + n)),
                "digest of member " + n + "'s directory");
        }
    }

    private int leader() throws InterruptedException
    {
        while (true)
        {
            for (int n = 0; n < members.length; n++)
            {
                if (members[n].isLeader())
                {
                    return n;
                }
            }
            Thread.sleep(5);
        }
    }

    private static int listeningPort(final Process process, final StringBuilder output) throws IOException
    {
        final BufferedReader out = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null)
        {
            output.append(line).append('\n');
            final Matcher m = LISTENING.matcher(line);
            if (m.find())
            {
                final Thread drain = new Thread(() -> drain(out, output), "gateway-output");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("gateway ended before listening:\n" + output);
    }

    private static void drain(final BufferedReader out, final StringBuilder output)
    {
        try
        {
            String line;
            while ((line = out.readLine()) != null)
            {
                synchronized (output)
                {
                    output.append(line).append('\n');
                }
            }
        }
        catch (final IOException ex)
        {
            // The process ended.
        }
    }

    private static void readAnswers(final Socket socket, final String[] answers, final long[] answeredNs)
    {
        try
        {
            final BufferedReader in = new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String line;
            while ((line = in.readLine()) != null)
            {
                final Matcher m = ANSWER.matcher(line);
                if (m.matches())
                {
                    final int number = Integer.parseInt(m.group(2));
                    synchronized (answers)
                    {
                        answers[number] = line;
                        answeredNs[number] = System.nanoTime();
                        answers.notifyAll();
                    }
                }
            }
        }
        catch (final IOException ex)
        {
            // Closed at the end of the test.
        }
    }

    private static boolean answered(final String[] answers, final int count)
    {
        synchronized (answers)
        {
            int n = 0;
            for (int i = 1; i < answers.length && n < count; i++)
            {
                n += answers[i] == null ? 0 : 1;
            }
            return n >= count;
        }
    }

    private static void awaitAnswered(final String[] answers, final int count, final Process gateway)
        throws InterruptedException
    {
        synchronized (answers)
        {
            while (!answered(answers, count))
            {
                assertTrue(gateway.isAlive(), "gateway process alive");
                answers.wait(100);
            }
        }
    }
}
