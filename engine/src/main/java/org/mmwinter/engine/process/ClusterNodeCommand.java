package org.mmwinter.engine.process;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.mmwinter.engine.cluster.ClusterMembers;
import org.mmwinter.engine.cluster.ClusterNode;
import org.mmwinter.engine.cluster.EngineClusteredService;
import org.mmwinter.engine.state.StateDigest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code engine.jar cluster}: one member of the replicated engine (Aeron Cluster) until SIGTERM. Prints a status
 * line whenever its role or applied state changed, at most every {@code --status-ms}:
 * {@code cluster node=N role=LEADER applied=S digest=HEX snapshots=K from-snapshot=true|false} (snapshots taken
 * since it started; whether it started from one), which is how scripts and tests see it from outside.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
    description = {"Runs one member of a cluster of engines (Aeron Cluster, Raft-replicated log) until SIGTERM.",
        "  cluster --node 0 --members 127.0.0.1:9000,127.0.0.1:9010,127.0.0.1:9020 --data node0"})
final class ClusterNodeCommand implements Callable<Integer>
{
    @Option(names = "--node", paramLabel = "N", required = true, description = "This member's index in --members.")
    int node;

    @Option(names = "--members", paramLabel = "HOST:BASEPORT,...", required = true,
        description = "Every member, in order; each takes " + ClusterMembers.PORTS_PER_NODE +
            " consecutive ports from its base.")
    String members;

    @Option(names = "--data", paramLabel = "DIR", required = true,
        description = "This member's directory (its log archive, snapshots and consensus state).")
    Path data;

    @Option(names = "--expected-orders", paramLabel = "N", description = "Live orders to size for (default 65536).")
    int expectedOrders = 1 << 16;

    @Option(names = "--max-park-us", paramLabel = "US",
        description = "Longest park of an idle Aeron agent, in microseconds (default 1000): lower answers a light " +
            "load sooner and costs more CPU when idle.")
    long maxParkUs = TimeUnit.NANOSECONDS.toMicros(ClusterNode.DEFAULT_MAX_PARK_NS);

    @Option(names = "--status-ms", paramLabel = "MS", description = "Least interval of status lines (default 1000).")
    long statusMs = 1000;

    public Integer call() throws Exception
    {
        final ClusterMembers parsed = ClusterMembers.parse(members);
        final EngineClusteredService service = new EngineClusteredService(expectedOrders);
        final CountDownLatch stopped = new CountDownLatch(1);
        final CountDownLatch closed = new CountDownLatch(1);
        try (ClusterNode clusterNode = ClusterNode.launch(node, parsed, data, service,
            TimeUnit.MICROSECONDS.toNanos(maxParkUs)))
        {
            final Thread hook = new Thread(() ->
            {
                stopped.countDown();
                try
                {
                    closed.await(10, TimeUnit.SECONDS);
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                }
            }, "cluster-node-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            System.out.println("cluster node=" + clusterNode.nodeId() + " started members=" + members + " data=" +
                clusterNode.dataDir());
            String last = "";
            do
            {
                final long[] applied = service.applied();
                final String status = "cluster node=" + node + " role=" + service.role() + " applied=" + applied[0] +
                    " digest=" + StateDigest.toHex(applied[1]) + " snapshots=" + service.snapshotsTaken() +
                    " from-snapshot=" + service.startedFromSnapshot();
                if (!status.equals(last))
                {
                    System.out.println(status);
                    last = status;
                }
            }
            while (!stopped.await(statusMs, TimeUnit.MILLISECONDS));
        }
        finally
        {
            closed.countDown();
        }
        System.out.println("cluster node=" + node + " stopped");
        return 0;
    }
}
