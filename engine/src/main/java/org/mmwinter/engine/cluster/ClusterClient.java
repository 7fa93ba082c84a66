package org.mmwinter.engine.cluster;

import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.aeron.Publication;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.client.EgressListener;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.aeron.logbuffer.Header;
import org.agrona.CloseHelper;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.mmwinter.engine.journal.BatchCodec;
import org.mmwinter.engine.journal.ResultCodec;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;

/**
 * A client of the engine's cluster: its own embedded media driver and an {@link AeronCluster} session. Commands go
 * to the leader's ingress as {@link BatchCodec} documents (the input journal's layout, which is what the service
 * reads); the results of every session's commands come back on the egress as {@link ResultCodec} documents (the
 * source id says whose) and are handed to the {@link Listener} as {@link #poll()} reads them, with the answers to a
 * {@link #sync}. {@code AeronCluster} follows a new leader by itself; what was sent to a leader that died before
 * committing it is lost, which the caller sees as a command without a DONE. Such commands may be sent again: the
 * service applies a command once per source id and correlation id when a sender numbers its commands upwards from 1
 * per source id (a DONE with sequence 0 answers a re-send the log had applied already), and a sync tells the last
 * number applied. {@link ClusterForwarder} does all of that for a gateway. Not thread-safe: one thread sends and
 * polls.
 * <p>
 * {@link #status(long)} tells whether the cluster is taking commands: a cluster without a majority has no leader
 * that can commit, and whatever is sent then is never acknowledged (a lone member's appends are confirmed by no
 * follower, and no election among the members up can make a new leader). The client sees that as commands sent
 * with no DONE after them for {@link #NO_ACK_TIMEOUT_NS}, or as {@code AeronCluster} itself having no leader to send
 * to, and reports {@link #NO_LEADER} rather than letting a caller wait or count such commands as accepted.
 */
public final class ClusterClient implements AutoCloseable
{
    /** Time to connect to a leader or hear from it before {@code AeronCluster} gives up. */
    public static final long MESSAGE_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(10);
    /** Commands outstanding this long with no DONE: no leader commits them. Shorter than an election takes. */
    public static final long NO_ACK_TIMEOUT_NS = TimeUnit.SECONDS.toNanos(1);
    /** {@link #status(long)}: a leader acknowledges what is sent (or nothing is outstanding). */
    public static final int CONNECTED = 0;
    /** {@link #status(long)}: nothing sent is acknowledged, or there is no leader to send to. */
    public static final int NO_LEADER = 1;
    /** {@link #status(long)}: the session is closed ({@code AeronCluster} gave up on finding a leader). */
    public static final int CLOSED = 2;
    /** {@link #sync}: no results from before. */
    public static final long NO_HISTORY = ClusterProtocol.NO_HISTORY;
    private static final long NO_TIME = Long.MIN_VALUE;

    /**
     * What the egress brings, on the thread that calls {@link #poll()}.
     */
    public interface Listener
    {
        /** A result of any session's command (the source id tells whose), in the cluster's order. */
        void onResult(ResultEvent result);

        /**
         * A sync's answer begins: {@link #onDefinition}s, then the results asked for ({@link #onResult}), then
         * {@link #onSynced}. Results before it are from before the sync was applied.
         */
        default void onSyncAnswer()
        {
        }

        /** Part of a sync's answer: an instrument or account definition, in id order. */
        default void onDefinition(final CommandEvent definition)
        {
        }

        /**
         * The end of a sync's answer.
         *
         * @param lastApplied the last correlation id the cluster applied from the sender id asked about (0: none).
         * @param missingUpTo 0, or the last command sequence whose results the leader no longer held.
         * @param sequence    the last command sequence applied when the cluster answered.
         */
        default void onSynced(final long lastApplied, final long missingUpTo, final long sequence)
        {
        }

        /** The cluster has a new leader; results it had sent may not have arrived (sync to have them again). */
        default void onNewLeader(final int leaderMemberId)
        {
        }
    }

    private final MediaDriver driver;
    private final ClusterMembers members;
    private final String host;
    private AeronCluster cluster;
    private AeronCluster.AsyncConnect connecting;
    private String connectError;
    private final BatchCodec commands = new BatchCodec(1 << 10);
    private final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
    private final UnsafeBuffer syncRequest = new UnsafeBuffer(new byte[ClusterProtocol.SYNC_LENGTH]);
    private final Egress egress;
    private long offered;
    /** When {@link #status(long)} first saw the current outstanding commands without a DONE since. */
    private long waitingSinceNs = NO_TIME;
    private long donesSeen;
    private long offeredAtLastDone;

    private ClusterClient(final MediaDriver driver, final AeronCluster cluster, final Egress egress,
        final ClusterMembers members, final String host)
    {
        this.driver = driver;
        this.cluster = cluster;
        this.egress = egress;
        this.members = members;
        this.host = host;
    }

    /**
     * Connects to the cluster's leader (waiting for one to be elected, up to {@link #MESSAGE_TIMEOUT_NS}).
     *
     * @param aeronDir the client's own media driver directory.
     * @param host     this machine's address as the members reach it (for the egress).
     */
    public static ClusterClient connect(final ClusterMembers members, final Path aeronDir, final String host,
        final Listener handler)
    {
        return connect(members, aeronDir, host, handler, ClusterNode.DEFAULT_MAX_PARK_NS);
    }

    /**
     * As {@link #connect(ClusterMembers, Path, String, Listener)}, the client's driver idling by parks of up to
     * {@code maxParkNs}.
     */
    public static ClusterClient connect(final ClusterMembers members, final Path aeronDir, final String host,
        final Listener handler, final long maxParkNs)
    {
        final MediaDriver driver = MediaDriver.launchEmbedded(new MediaDriver.Context()
            .aeronDirectoryName(new File(aeronDir.toAbsolutePath().toFile(), "client").getPath())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(ClusterNode.idleStrategy(maxParkNs))
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true));
        final Egress egress = new Egress(handler);
        try
        {
            final AeronCluster cluster = AeronCluster.connect(context(members, host, driver, egress));
            return new ClusterClient(driver, cluster, egress, members, host);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(driver);
            throw ex;
        }
    }

    private static AeronCluster.Context context(final ClusterMembers members, final String host,
        final MediaDriver driver, final Egress egress)
    {
        return new AeronCluster.Context()
            .aeronDirectoryName(driver.aeronDirectoryName())
            .egressListener(egress)
            .egressChannel("aeron:udp?endpoint=" + host + ":0")
            .ingressChannel("aeron:udp")
            .ingressEndpoints(members.ingressEndpoints())
            .messageTimeoutNs(MESSAGE_TIMEOUT_NS);
    }

    /**
     * After {@code AeronCluster} gave up on the session ({@link #isClosed()}): one step of connecting a new one on the
     * same media driver, without waiting. A new session has a new id; the cluster knows the sender by the source id
     * its commands carry, so a sync ({@link #sync}) tells where to go on from.
     *
     * @return true once the new session is open; false while connecting, or when an attempt failed (said by
     *         {@link #connectError()}; the next call starts another).
     */
    public boolean reconnect()
    {
        if (!cluster.isClosed())
        {
            return true;
        }
        try
        {
            if (connecting == null)
            {
                connectError = null;
                connecting = AeronCluster.asyncConnect(context(members, host, driver, egress));
            }
            final AeronCluster connected = connecting.poll();
            if (connected == null)
            {
                return false;
            }
            connecting = null;
            CloseHelper.quietClose(cluster);
            cluster = connected;
            return true;
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(connecting);
            connecting = null;
            connectError = ex.getMessage();
            return false;
        }
    }

    /**
     * Gives the session up (closes it without waiting for the cluster): for a caller that has heard from no leader
     * for longer than a failover takes, so that {@link #reconnect()} opens a new one instead of waiting out
     * {@link #MESSAGE_TIMEOUT_NS}.
     */
    public void abandonSession()
    {
        CloseHelper.quietClose(cluster);
    }

    /** Why the last {@link #reconnect()} attempt failed, or null. */
    public String connectError()
    {
        return connectError;
    }

    /**
     * Offers one command (its sequence and engine time are the cluster's to give; its source id and correlation id
     * are the sender's, see the class comment).
     *
     * @return the ingress publication's result: positive when sent, else a {@code Publication} code
     *         (back-pressured, not connected: try again after {@link #poll()}).
     */
    public long offer(final CommandEvent command)
    {
        commands.beginBatch(0);
        commands.add(command);
        return offerBatch();
    }

    /**
     * Offers {@code count} commands of a ring of commands in one log message, from index {@code from} (masked by
     * {@code mask}) on, as {@link #offer(CommandEvent)} does one.
     *
     * @return as {@link #offer(CommandEvent)}; none is sent unless all are.
     */
    public long offer(final CommandEvent[] ring, final int mask, final long from, final int count)
    {
        commands.beginBatch(0);
        for (int i = 0; i < count; i++)
        {
            commands.add(ring[(int)((from + i) & mask)]);
        }
        return offerBatch();
    }

    /** Closes the batch begun in {@link #commands} and offers it as one log message. */
    private long offerBatch()
    {
        commands.endBatch();
        buffer.wrap(commands.buffer(), 0, commands.length());
        final long result = cluster.offer(buffer, 0, commands.length());
        if (result > 0)
        {
            offered += commands.count();
        }
        return result;
    }

    /**
     * Whether the cluster takes commands, as far as this client can tell at {@code nowNs} (any monotonic nanosecond
     * time, the same source on every call): {@link #CONNECTED}, {@link #NO_LEADER} or {@link #CLOSED}. Reads nothing
     * itself; call {@link #poll()} in between. The wait for a DONE starts at the first call that sees commands sent
     * since the last DONE.
     */
    public int status(final long nowNs)
    {
        if (cluster.isClosed())
        {
            return CLOSED;
        }
        final Publication ingress = cluster.ingressPublication();
        if (ingress == null || !ingress.isConnected())
        {
            return NO_LEADER;
        }
        if (egress.dones != donesSeen)
        {
            donesSeen = egress.dones;
            offeredAtLastDone = offered;
            waitingSinceNs = NO_TIME;
        }
        if (offered == offeredAtLastDone)
        {
            return CONNECTED;
        }
        if (waitingSinceNs == NO_TIME)
        {
            waitingSinceNs = nowNs;
        }
        return nowNs - waitingSinceNs >= NO_ACK_TIMEOUT_NS ? NO_LEADER : CONNECTED;
    }

    /**
     * Asks the cluster for what this client needs to go on ({@link ClusterProtocol#SYNC}): the definitions, the
     * results of commands after {@code afterSequence} ({@link #NO_HISTORY} for none), and the last correlation id
     * applied from {@code senderId}, told to the listener as it arrives, ending with {@link Listener#onSynced}.
     *
     * @return as {@link #offer}.
     */
    public long sync(final int senderId, final long afterSequence)
    {
        final int length = ClusterProtocol.encodeSync(syncRequest, senderId, afterSequence);
        return cluster.offer(syncRequest, 0, length);
    }

    /**
     * Offers bytes as they are, whatever they hold: for tests of what the cluster does with a message that is not a
     * command batch.
     */
    long offerBytes(final DirectBuffer bytes, final int offset, final int length)
    {
        return cluster.offer(bytes, offset, length);
    }

    /**
     * Reads the egress (results, new-leader events).
     *
     * @return the number of fragments read.
     */
    public int poll()
    {
        return cluster.pollEgress();
    }

    /** Whether the session is open and its ingress reaches a leader. */
    public boolean isConnected()
    {
        final Publication ingress = cluster.ingressPublication();
        return !cluster.isClosed() && ingress != null && ingress.isConnected();
    }

    /** Keeps an otherwise silent session alive. */
    public boolean sendKeepAlive()
    {
        return cluster.sendKeepAlive();
    }

    public int leaderMemberId()
    {
        return cluster.leaderMemberId();
    }

    /** Leader changes seen since connecting. */
    public int newLeaders()
    {
        return egress.newLeaders;
    }

    public boolean isClosed()
    {
        return cluster.isClosed();
    }

    public void close()
    {
        CloseHelper.closeAll(connecting, cluster, driver);
    }

    /**
     * Decodes egress messages into results, definitions and sync ends for the listener.
     */
    private static final class Egress implements EgressListener
    {
        private final ResultCodec codec = new ResultCodec(1 << 12);
        private final BatchCodec definitions = new BatchCodec(1 << 12);
        private final ResultEvent result = new ResultEvent();
        private final CommandEvent definition = new CommandEvent();
        private final Listener listener;
        private final ResultCodec.ResultHandler counter = this::onResult;
        private final BatchCodec.RecordHandler onDefinition;
        int newLeaders;
        long dones;
        /** Between a sync answer's first definitions message and its end. */
        private boolean inAnswer;

        Egress(final Listener listener)
        {
            this.listener = listener;
            this.onDefinition = listener::onDefinition;
        }

        private void onResult(final ResultEvent event)
        {
            if (event.type == ResultType.DONE)
            {
                dones++;
            }
            listener.onResult(event);
        }

        public void onMessage(final long clusterSessionId, final long timestamp, final DirectBuffer buffer,
            final int offset, final int length, final Header header)
        {
            if (length < ClusterProtocol.KIND_LENGTH)
            {
                return;
            }
            final int body = offset + ClusterProtocol.KIND_LENGTH;
            final int bodyLength = length - ClusterProtocol.KIND_LENGTH;
            switch (buffer.getByte(offset))
            {
                case ClusterProtocol.RESULTS:
                    buffer.getBytes(body, codec.wrapForDecode(bodyLength), 0, bodyLength);
                    codec.decode(bodyLength, result, counter, "cluster egress");
                    break;

                case ClusterProtocol.DEFINITIONS:
                    if (!inAnswer)
                    {
                        inAnswer = true;
                        listener.onSyncAnswer();
                    }
                    buffer.getBytes(body, definitions.wrapForDecode(bodyLength), 0, bodyLength);
                    definitions.decode(bodyLength, definition, onDefinition, "cluster egress definitions");
                    break;

                case ClusterProtocol.SYNCED:
                    inAnswer = false;
                    if (length == ClusterProtocol.SYNCED_LENGTH)
                    {
                        listener.onSynced(ClusterProtocol.syncedLastApplied(buffer, offset),
                            ClusterProtocol.syncedMissingUpTo(buffer, offset),
                            ClusterProtocol.syncedSequence(buffer, offset));
                    }
                    break;

                default:
                    break;
            }
        }

        public void onNewLeader(final long clusterSessionId, final long leadershipTermId, final int leaderMemberId,
            final String ingressEndpoints)
        {
            newLeaders++;
            listener.onNewLeader(leaderMemberId);
        }
    }
}
