package org.mmwinter.engine.process;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.mmwinter.engine.cluster.ClusterForwarder;
import org.mmwinter.engine.cluster.ClusterMembers;
import org.mmwinter.engine.cluster.ClusterNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code engine.jar gateway --cluster MEMBERS}: the engine process's TCP order-flow gateway, FIX acceptor and hosted
 * extensions (the market maker with {@code --bot}), exactly as {@code engine.jar} runs them, in front of a cluster
 * instead of a matching core of their own ({@link ClusterForwarder}). Until SIGTERM.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true,
    description = {"Runs the TCP order-flow gateway and the FIX acceptor in front of a cluster (engine.jar cluster) " +
        "until SIGTERM: commands go to the leader, follow it through a failover, and are applied once.",
        "  gateway --cluster 127.0.0.1:9000,127.0.0.1:9010,127.0.0.1:9020 --port 7601 --fix-port 9878"})
final class ClusterGatewayCommand implements Callable<Integer>
{
    @Option(names = "--cluster", paramLabel = "HOST:BASEPORT,...", required = true,
        description = "The cluster's members, as given to each member's --members.")
    String cluster;

    @Option(names = "--gateway-id", paramLabel = "N",
        description = "This gateway's id, unique among the gateways in front of the cluster (default 1): the " +
            "cluster applies each command of an id once, across restarts of the gateway.")
    int gatewayId = 1;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration over the built-in defaults.")
    Path configFile;

    @Option(names = "--data", paramLabel = "DIR",
        description = "The gateway's own directory: its output journal (what came back), its media driver, the " +
            "bot's decisions (default gateway-data).")
    Path dataDir = Path.of("gateway-data");

    @Option(names = "--host", paramLabel = "ADDRESS",
        description = "Address of the gateways and of this process as the members reach it (default 127.0.0.1).")
    String host = "127.0.0.1";

    @Option(names = "--port", paramLabel = "N",
        description = "TCP port for order-flow CSV clients (default 7601; 0: any free port; -1: none).")
    int port = 7601;

    @Option(names = "--fix-port", paramLabel = "N",
        description = "FIX 4.4 acceptor port (default fix.port, 9878; 0: any free port; -1: none).")
    Integer fixPort;

    @Option(names = "--allow-remote",
        description = "Let the gateways listen on a non-loopback --host (no authentication, no TLS).")
    boolean allowRemote;

    @Option(names = "--max-park-us", paramLabel = "US",
        description = "Longest park of this process's idle Aeron driver, in microseconds (default 1000).")
    long maxParkUs = TimeUnit.NANOSECONDS.toMicros(ClusterNode.DEFAULT_MAX_PARK_NS);

    @Option(names = "--bot", description = "Host the reference market maker in this process, trading on the cluster.")
    boolean bot;

    public Integer call() throws Exception
    {
        final ClusterMembers members;
        final ClusterForwarder forwarder;
        try
        {
            members = ClusterMembers.parse(cluster);
            forwarder = new ClusterForwarder(members, dataDir.resolve("aeron"), host, gatewayId,
                TimeUnit.MICROSECONDS.toNanos(maxParkUs));
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("gateway: " + ex.getMessage());
            return 2;
        }
        final EngineMain main = new EngineMain();
        main.configFile = configFile;
        main.dataDir = dataDir;
        main.host = host;
        main.port = port;
        main.fixPort = fixPort;
        main.allowRemote = allowRemote;
        main.bot = bot;
        main.inFrontOf(forwarder);
        return main.call();
    }
}
