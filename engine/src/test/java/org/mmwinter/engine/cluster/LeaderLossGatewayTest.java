package org.mmwinter.engine.cluster;

import java.nio.file.Path;

import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * As {@link ClusterGatewayFailoverTest}'s no-leader case, with the leader among the two members closed: the gateway
 * refuses new commands, and recovers once the members are back. The leader elected among the relaunched members never
 * tells the old session so: the gateway goes on only once it has given that session up
 * ({@link ClusterForwarder#STALE_SESSION_NS}, 4 s without an answer; {@code AeronCluster} itself would wait its
 * 10 s message timeout) and connected a new one. Its own class because of that wait.
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
