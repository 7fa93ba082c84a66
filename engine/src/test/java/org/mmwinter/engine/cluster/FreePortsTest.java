package org.mmwinter.engine.cluster;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class FreePortsTest
{
    @Test
    void runsAreTakenOutsideTheKernelsEphemeralRange() throws Exception
    {
        final int count = 3 * ClusterMembers.PORTS_PER_NODE;
        final int[] range = FreePorts.searchRange(count);
        assertTrue(range[1] - range[0] > count, "room for a run");
        final Path proc = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        if (Files.isReadable(proc))
        {
            final String[] bounds = Files.readAllLines(proc).get(0).trim().split("\\s+");
            final int low = Integer.parseInt(bounds[0]);
            final int high = Integer.parseInt(bounds[1]);
            assertTrue(range[1] < low || range[0] > high,
                "search range " + range[0] + "-" + range[1] + " against the ephemeral range " + low + "-" + high);
        }
        final int base = FreePorts.base(count);
        assertTrue(base >= range[0] && base + count <= range[1], "base " + base + " in its range");
    }
}
