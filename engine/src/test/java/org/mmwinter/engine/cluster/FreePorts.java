package org.mmwinter.engine.cluster;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A base port with a run of free loopback ports after it (UDP and TCP), for tests that start cluster members.
 * <p>
 * The runs are taken outside the operating system's ephemeral range (Linux's default starts at 32768, Windows' and
 * macOS' at 49152; where Linux has it elsewhere, {@code /proc} says so). A port is only known free when it is
 * checked; the members bind theirs a moment later, and in that moment every {@code endpoint=host:0} channel
 * (replication, archive control responses, client egress) is given an ephemeral port by the kernel. A run inside the
 * ephemeral range could be taken that way: CI once failed with "Address already in use" on a member's port 56851
 * while the members of its own cluster were starting.
 */
public final class FreePorts
{
    private static final int FIRST = 21_000;
    private static final int LAST = 32_000;
    private static final int STRIDE = 97;
    /** Linux says where its ephemeral range is; a machine that set it to start below {@link #LAST} is read here. */
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    private FreePorts()
    {
    }

    /**
     * @param count ports needed from the base.
     */
    public static int base(final int count)
    {
        final int[] range = searchRange(count);
        final int first = range[0];
        final int span = range[1] - first - count;
        // Start from the process id so that concurrent test JVMs on one machine look in different places.
        int candidate = first + (int)(ProcessHandle.current().pid() * STRIDE % span);
        for (int tries = 0; tries < 200; tries++)
        {
            if (allFree(candidate, count))
            {
                return candidate;
            }
            candidate = first + (candidate - first + count + STRIDE) % span;
        }
        throw new IllegalStateException("no run of " + count + " free ports found in " + first + "-" + range[1]);
    }

    /**
     * {@link #FIRST} to {@link #LAST}, cut at the start of Linux's ephemeral range when it starts lower; when too
     * little is left below it, the ports above the range's end.
     */
    static int[] searchRange(final int count)
    {
        int low = Integer.MAX_VALUE;
        int high = 0;
        try
        {
            final String[] bounds = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+");
            low = Integer.parseInt(bounds[0]);
            high = Integer.parseInt(bounds[1]);
        }
        catch (final IOException | RuntimeException ex)
        {
            // Not Linux, or not readable: the defaults elsewhere start at 49152, above LAST. (Files.readString reads
            // one character of a /proc file, whose size is 0: hence readAllLines.)
        }
        final int last = Math.min(LAST, low - 1);
        if (last - FIRST > 1_000 + count)
        {
            return new int[]{FIRST, last};
        }
        if (65_535 - high > 1_000 + count)
        {
            return new int[]{high + 1, 65_535};
        }
        return new int[]{FIRST, LAST};
    }

    /**
     * Three members on loopback with free ports, as {@code --members} takes them:
     * {@code 127.0.0.1:B,127.0.0.1:B+5,127.0.0.1:B+10}.
     */
    public static String threeLoopbackMembers()
    {
        final int base = base(3 * ClusterMembers.PORTS_PER_NODE);
        final StringBuilder list = new StringBuilder();
        for (int n = 0; n < 3; n++)
        {
            list.append(n == 0 ? "" : ",").append("127.0.0.1:").append(base + n * ClusterMembers.PORTS_PER_NODE);
        }
        return list.toString();
    }

    private static boolean allFree(final int base, final int count)
    {
        for (int port = base; port < base + count; port++)
        {
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress()))
            {
                udp.getLocalPort();
                tcp.getLocalPort();
            }
            catch (final IOException ex)
            {
                return false;
            }
        }
        return true;
    }
}
