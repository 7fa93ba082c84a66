package org.mmwinter.engine.cluster;

import java.util.ArrayList;
import java.util.List;

/**
 * The members of a cluster as the command line names them, {@code HOST:BASEPORT,HOST:BASEPORT,...} (node N is the
 * N-th, from 0), and the Aeron endpoints derived from them: each node uses five consecutive ports from its base.
 */
public final class ClusterMembers
{
    /** Client ingress: where {@code AeronCluster} clients send commands. */
    public static final int INGRESS_OFFSET = 0;
    /** Consensus traffic between the members (votes, appends, commits). */
    public static final int CONSENSUS_OFFSET = 1;
    /** The replicated log, from the leader to each follower. */
    public static final int LOG_OFFSET = 2;
    /** Catch-up of a member that fell behind. */
    public static final int CATCHUP_OFFSET = 3;
    /** The node's archive control endpoint (log and snapshot replication between archives). */
    public static final int ARCHIVE_OFFSET = 4;
    /** Ports each node takes from its base. */
    public static final int PORTS_PER_NODE = 5;

    private final String[] hosts;
    private final int[] basePorts;

    private ClusterMembers(final String[] hosts, final int[] basePorts)
    {
        this.hosts = hosts;
        this.basePorts = basePorts;
    }

    /**
     * @throws IllegalArgumentException naming the member that is not {@code HOST:PORT}.
     */
    public static ClusterMembers parse(final String members)
    {
        final String[] parts = members.split(",");
        final List<String> hosts = new ArrayList<>();
        final int[] ports = new int[parts.length];
        for (int i = 0; i < parts.length; i++)
        {
            final String part = parts[i].trim();
            final int colon = part.lastIndexOf(':');
            if (colon <= 0 || colon == part.length() - 1)
            {
                throw new IllegalArgumentException("--members: member " + i + " is '" + part + "', not HOST:BASEPORT");
            }
            try
            {
                ports[i] = Integer.parseInt(part.substring(colon + 1));
            }
            catch (final NumberFormatException ex)
            {
                throw new IllegalArgumentException("--members: member " + i + " has port '" +
                    part.substring(colon + 1) + "', not a number", ex);
            }
            if (ports[i] <= 0 || ports[i] + PORTS_PER_NODE > 65_536)
            {
                throw new IllegalArgumentException("--members: member " + i + " base port " + ports[i] +
                    " leaves no room for its " + PORTS_PER_NODE + " ports");
            }
            hosts.add(part.substring(0, colon));
        }
        return new ClusterMembers(hosts.toArray(new String[0]), ports);
    }

    public int size()
    {
        return hosts.length;
    }

    public String host(final int node)
    {
        return hosts[node];
    }

    /** {@code host:port} of one of a node's endpoints ({@code *_OFFSET}). */
    public String endpoint(final int node, final int offset)
    {
        return hosts[node] + ':' + (basePorts[node] + offset);
    }

    /**
     * The consensus module's member list: {@code id,ingress,consensus,log,catchup,archive|...}.
     */
    public String consensusMembers()
    {
        final StringBuilder s = new StringBuilder();
        for (int i = 0; i < hosts.length; i++)
        {
            s.append(i).append(',').append(endpoint(i, INGRESS_OFFSET))
                .append(',').append(endpoint(i, CONSENSUS_OFFSET))
                .append(',').append(endpoint(i, LOG_OFFSET))
                .append(',').append(endpoint(i, CATCHUP_OFFSET))
                .append(',').append(endpoint(i, ARCHIVE_OFFSET)).append('|');
        }
        return s.toString();
    }

    /**
     * The client's ingress endpoints: {@code id=host:port,...}.
     */
    public String ingressEndpoints()
    {
        final StringBuilder s = new StringBuilder();
        for (int i = 0; i < hosts.length; i++)
        {
            s.append(i == 0 ? "" : ",").append(i).append('=').append(endpoint(i, INGRESS_OFFSET));
        }
        return s.toString();
    }

    /** The members as given: {@code host:baseport,...}. */
    @Override
    public String toString()
    {
        final StringBuilder s = new StringBuilder();
        for (int i = 0; i < hosts.length; i++)
        {
            s.append(i == 0 ? "" : ",").append(hosts[i]).append(':').append(basePorts[i]);
        }
        return s.toString();
    }
}
