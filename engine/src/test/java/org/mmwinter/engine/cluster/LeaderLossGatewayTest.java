package org.mmwinter.engine.cluster;

import java.nio.file.Path;

import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * As {@link ClusterGatewayFailoverTest}'s no-leader case, with the leader among the two members closed: the gateway
 * refuses new commands, and recovers once the members are back. Its own class because the recovery waits on
 * {@code AeronCluster}'s message timeout ({@link ClusterClient#MESSAGE_TIMEOUT_NS}, 10 s): the gateway only goes on
 * after its session is given up and a new one is connected (see the report of issue 14's gateway tests).
 */
final class LeaderLossGatewayTest
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
    // A guard against a hang (an election that never ends, a DONE that never comes), not a timed assertion.
    @Timeout(90)
    void theLeaderAndAFollowerClosedRefuseWithNoLeaderAndTheirReturnResumesTrading()
    {
        cluster = new GatewayCluster(dir);
        ClusterGatewayFailoverTest.noLeaderThenResume(cluster, true);
    }
}
