package org.mmwinter.engine.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.mmwinter.engine.process.ChildJvm;
import org.mmwinter.engine.process.EngineMain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An {@code engine.jar cluster} member in a process of its own, and the last status line it printed (its role, the
 * sequence it applied, its digest there, its snapshots), read on a thread of its own.
 */
final class MemberProcess
{
    private static final Pattern STATUS =
        Pattern.compile("cluster node=(\\d+) role=(\\w+) applied=(\\d+) digest=([0-9a-f]{16}) snapshots=(\\d+) " +
            "from-snapshot=(true|false)");

    final Process process;
    private long applied = -1;
    private String role = "";
    private String digest = "";
    private int snapshots;
    private boolean fromSnapshot;
    private boolean ended;
    /** The last lines it printed other than status lines (why it ended, when it did). */
    private final StringBuilder other = new StringBuilder();

    private MemberProcess(final Process process)
    {
        this.process = process;
        final Thread reader = new Thread(this::read, "member-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts member {@code node} of {@code list} on {@code data}, printing its status at most every 20 ms. */
    static MemberProcess start(final int node, final String list, final Path data) throws IOException
    {
        return new MemberProcess(ChildJvm.command(EngineMain.class, "cluster", "--node", Integer.toString(node),
            "--members", list, "--data", data.toString(), "--status-ms", "20",
            "--expected-orders", "4096").redirectErrorStream(true).start());
    }

    private void read()
    {
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = out.readLine()) != null)
            {
                final Matcher m = STATUS.matcher(line);
                synchronized (this)
                {
                    if (!m.find())
                    {
                        other.append(line).append('\n');
                        if (other.length() > 8_000)
                        {
                            other.delete(0, other.length() - 8_000);
                        }
                    }
                    else
                    {
                        role = m.group(2);
                        applied = Long.parseLong(m.group(3));
                        digest = m.group(4);
                        snapshots = Integer.parseInt(m.group(5));
                        fromSnapshot = Boolean.parseBoolean(m.group(6));
                    }
                    notifyAll();
                }
            }
        }
        catch (final IOException ex)
        {
            // The process was killed: its output ends.
        }
        synchronized (this)
        {
            ended = true;
            notifyAll();
        }
    }

    synchronized void awaitSnapshot() throws InterruptedException
    {
        while (snapshots == 0 && !ended)
        {
            wait();
        }
        assertTrue(snapshots > 0, "member took a snapshot before its output ended");
    }

    synchronized boolean fromSnapshot()
    {
        return fromSnapshot;
    }

    synchronized boolean isLeader()
    {
        return "LEADER".equals(role);
    }

    synchronized String awaitDigestAt(final long sequence) throws InterruptedException
    {
        while (applied < sequence && !ended)
        {
            wait();
        }
        assertEquals(sequence, applied, "applied commands; other output:\n" + other);
        return digest;
    }

    /**
     * Waits until the member's state has {@code expected} digest (the caller's test timeout guards a member that never
     * gets there), or its output ended.
     *
     * @return the digest it last printed.
     */
    synchronized String awaitDigest(final String expected) throws InterruptedException
    {
        while (!digest.equals(expected) && !ended)
        {
            wait();
        }
        assertEquals(expected, digest, "digest; other output:\n" + other);
        return digest;
    }

    /** The sequence it last said it applied. */
    synchronized long applied()
    {
        return applied;
    }
}
