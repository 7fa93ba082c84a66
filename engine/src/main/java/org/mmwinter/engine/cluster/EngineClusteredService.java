package org.mmwinter.engine.cluster;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.cluster.codecs.CloseReason;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import io.aeron.cluster.service.ClusteredService;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.UnsafeBuffer;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.journal.BatchCodec;
import org.mmwinter.engine.journal.JournalCorruptException;
import org.mmwinter.engine.journal.Snapshots;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.pipeline.OfflineMatcher;
import org.mmwinter.engine.state.AccountRegistry;
import org.mmwinter.engine.state.EngineState;

/**
 * The matching core as an Aeron Cluster service: the cluster's replicated log replaces the input journal as the
 * source of truth. Each session message is a batch of commands in the input journal's layout ({@link BatchCodec});
 * each command is sequenced by the log (the next sequence after the state's) and timed by the log message's cluster
 * timestamp, applied through {@link OfflineMatcher} (the live engine's publisher, DONE included) and its results go
 * to every client session ({@link ClusterEgress}); a session message may also be a {@link ClusterProtocol#SYNC}
 * request, which changes nothing and is answered to its session alone. Snapshots are the engine's own snapshot bytes
 * ({@link Snapshots}) carried through the snapshot publication ({@link ClusterSnapshot}), so a node restarted from
 * snapshot plus log ends in the same state as the others. Nothing here reads a clock.
 * <p>
 * Re-sends are idempotent: a command with a positive correlation id is applied only if its id is above the last one
 * applied from its source id (a sender numbers its commands upwards), else it is acknowledged as
 * {@link ClusterEgress#ALREADY_APPLIED} and not applied again. That is what lets a client re-send everything a dead
 * leader did not acknowledge. The last id per source is part of the snapshot.
 * <p>
 * {@link #applied()} may be read from any thread: the service thread publishes the applied sequence and its digest,
 * when it has applied something new, at most every {@link #PUBLISH_INTERVAL_NS} of its duty-cycle time and
 * after loading or taking a snapshot.
 */
public final class EngineClusteredService implements ClusteredService
{
    /** How often, at most, the state's digest is computed for observers (it walks every order). */
    public static final long PUBLISH_INTERVAL_NS = 20_000_000L;
    private static final String WHERE = "cluster log message";
    private static final long NO_CORRELATION = -1;
    /** Cluster snapshot payload: i32 engine snapshot length | engine snapshot | i32 sources | (i32 source,
     * i64 last correlation id)*. */
    private static final int SOURCE_ENTRY_LENGTH = 12;
    /** Reads a batch through without applying it. */
    private static final BatchCodec.RecordHandler VALIDATE = event ->
    {
    };

    private final OfflineMatcher matcher;
    private final ClusterEgress egress = new ClusterEgress();
    private final BatchCodec commands = new BatchCodec(1 << 12);
    private final BatchCodec definitions = new BatchCodec(ClusterEgress.FLUSH_BYTES * 2);
    private final CommandEvent definition = new CommandEvent();
    private final CommandEvent command = new CommandEvent();
    private final BatchCodec.RecordHandler applier = this::applyCommand;
    private final Long2LongHashMap lastCorrelation = new Long2LongHashMap(NO_CORRELATION);
    /** Told of each command applied, its result set ({@link ClusterLogReplay}'s export); VALIDATE does nothing. */
    private BatchCodec.RecordHandler appliedListener = VALIDATE;
    private long duplicates;
    private Cluster cluster;
    private long messageNowNs;
    /** Written by the service thread only; volatile for observers. */
    private volatile long malformedMessages;
    private long lastPublishNs;
    private long publishedAt = -1;

    /** The last published sequence and digest, written and read together under its own lock. */
    private final long[] published = new long[2];
    private volatile int snapshotsTaken;
    private volatile boolean startedFromSnapshot;
    private volatile Cluster.Role role = Cluster.Role.FOLLOWER;

    public EngineClusteredService(final int expectedLiveOrders)
    {
        matcher = new OfflineMatcher(expectedLiveOrders, egress);
        published[1] = matcher.state().digest();
    }

    public void onStart(final Cluster cluster, final Image snapshotImage)
    {
        this.cluster = cluster;
        egress.cluster(cluster);
        if (snapshotImage != null)
        {
            final byte[] bytes = ClusterSnapshot.read(snapshotImage, cluster.idleStrategy());
            final UnsafeBuffer payload = new UnsafeBuffer(bytes);
            final int engineLength = payload.getInt(0);
            final byte[] engine = new byte[engineLength];
            payload.getBytes(4, engine);
            Snapshots.load(engine, engineLength, matcher.state(), "cluster snapshot");
            final int sources = payload.getInt(4 + engineLength);
            for (int i = 0, at = 8 + engineLength; i < sources; i++, at += SOURCE_ENTRY_LENGTH)
            {
                lastCorrelation.put(payload.getInt(at), payload.getLong(at + 4));
            }
            startedFromSnapshot = true;
        }
        egress.startAt(matcher.state().lastSequence());
        publish();
    }

    public void onSessionOpen(final ClientSession session, final long timestamp)
    {
    }

    public void onSessionClose(final ClientSession session, final long timestamp, final CloseReason closeReason)
    {
    }

    public void onSessionMessage(final ClientSession session, final long timestamp, final DirectBuffer buffer,
        final int offset, final int length, final Header header)
    {
        if (ClusterProtocol.isSync(buffer, offset, length))
        {
            answerSync(session, ClusterProtocol.syncSender(buffer, offset), ClusterProtocol.syncAfter(buffer, offset));
            return;
        }
        apply(cluster.timeUnit().toNanos(timestamp), buffer, offset, length);
    }

    /**
     * Applies one session message read back from an archived log ({@link ClusterLogReplay}), as
     * {@link #onSessionMessage} does on a running member, with no session to answer.
     */
    void replay(final long nowNs, final DirectBuffer buffer, final int offset, final int length)
    {
        if (!ClusterProtocol.isSync(buffer, offset, length))
        {
            apply(nowNs, buffer, offset, length);
        }
    }

    private void apply(final long nowNs, final DirectBuffer buffer, final int offset, final int length)
    {
        messageNowNs = nowNs;
        buffer.getBytes(offset, commands.wrapForDecode(length), 0, length);
        egress.begin();
        try
        {
            // Read through once before applying anything: a batch whose checksum holds but whose third record is
            // unreadable is refused whole rather than applied up to it. Every member reads the same bytes, so
            // every member refuses them alike and the state stays the same on all of them.
            commands.decode(length, command, VALIDATE, WHERE);
            commands.decode(length, command, applier, WHERE);
        }
        catch (final JournalCorruptException ex)
        {
            malformedMessages++;
        }
        egress.end();
    }

    /**
     * A client asked to sync ({@link ClusterProtocol#SYNC}): the leader sends it the instruments and accounts (as
     * the commands that defined them, in id order), the results it holds after the asked sequence, and the last
     * correlation id applied from the sender. Every member reads the request from the log; it changes no state.
     */
    private void answerSync(final ClientSession session, final int senderId, final long afterSequence)
    {
        final EngineState state = matcher.state();
        final MatchingEngine engine = state.engine();
        definitions.beginBatch(0);
        for (int i = 0; i < engine.instrumentCount(); i++)
        {
            addDefinition(session, definition.clear().setAddInstrument(engine.instrument(i)));
        }
        final AccountRegistry accounts = state.accounts();
        for (int i = 0; i < accounts.size(); i++)
        {
            addDefinition(session, definition.clear().setRegisterAccount(i, accounts.name(i)));
        }
        // Sent even when empty: it marks where the answer starts in what the session receives.
        definitions.endBatch();
        egress.sendDefinitions(session, definitions);
        final long last = lastCorrelation.get(senderId);
        egress.sendHistoryAndSynced(session, afterSequence, last == NO_CORRELATION ? 0 : last, state.lastSequence());
    }

    private void addDefinition(final ClientSession session, final CommandEvent command)
    {
        definitions.add(command);
        if (definitions.length() >= ClusterEgress.FLUSH_BYTES)
        {
            definitions.endBatch();
            egress.sendDefinitions(session, definitions);
            definitions.beginBatch(0);
        }
    }

    public void onTimerEvent(final long correlationId, final long timestamp)
    {
    }

    public void onTakeSnapshot(final ExclusivePublication snapshotPublication)
    {
        final byte[] engine = Snapshots.encode(matcher.state());
        final UnsafeBuffer payload =
            new UnsafeBuffer(new byte[8 + engine.length + lastCorrelation.size() * SOURCE_ENTRY_LENGTH]);
        payload.putInt(0, engine.length);
        payload.putBytes(4, engine);
        payload.putInt(4 + engine.length, lastCorrelation.size());
        final Long2LongHashMap.KeyIterator sources = lastCorrelation.keySet().iterator();
        for (int at = 8 + engine.length; sources.hasNext(); at += SOURCE_ENTRY_LENGTH)
        {
            final long source = sources.nextValue();
            payload.putInt(at, (int)source);
            payload.putLong(at + 4, lastCorrelation.get(source));
        }
        ClusterSnapshot.write(snapshotPublication, payload.byteArray(), payload.capacity(), cluster.idleStrategy());
        snapshotsTaken++;
        publish();
    }

    public void onRoleChange(final Cluster.Role newRole)
    {
        role = newRole;
    }

    public void onTerminate(final Cluster cluster)
    {
    }

    public int doBackgroundWork(final long nowNs)
    {
        final long sequence = matcher.state().lastSequence();
        if (sequence != publishedAt && nowNs - lastPublishNs >= PUBLISH_INTERVAL_NS)
        {
            lastPublishNs = nowNs;
            publish();
            return 1;
        }
        return 0;
    }

    /** The state the log is applied to; only for the service thread, or once the node is closed. */
    public EngineState state()
    {
        return matcher.state();
    }

    /**
     * The sequence of the last command applied and {@link EngineState#digest()} there, as last published: a new
     * pair for an observer thread (tests, the node's status line), never for the service's own work.
     */
    public long[] applied()
    {
        synchronized (published)
        {
            return published.clone();
        }
    }

    public int snapshotsTaken()
    {
        return snapshotsTaken;
    }

    public boolean startedFromSnapshot()
    {
        return startedFromSnapshot;
    }

    public Cluster.Role role()
    {
        return role;
    }

    /** Log messages that were not a readable command batch (refused whole, nothing applied); any thread. */
    public long malformedMessages()
    {
        return malformedMessages;
    }

    /** Re-sent commands acknowledged without being applied again. */
    public long duplicates()
    {
        return duplicates;
    }

    private void applyCommand(final CommandEvent event)
    {
        if (event.correlationId > 0)
        {
            if (event.correlationId <= lastCorrelation.get(event.sourceId))
            {
                duplicates++;
                // Its results went to the old leader's egress: a DONE of sequence ALREADY_APPLIED, accepted, stops the
                // sender re-sending it.
                event.sequence = ClusterEgress.ALREADY_APPLIED;
                event.nowNs = messageNowNs;
                event.result = RejectReason.NONE;
                matcher.acknowledge(event);
                return;
            }
            lastCorrelation.put(event.sourceId, event.correlationId);
        }
        event.sequence = matcher.state().lastSequence() + 1;
        event.nowNs = messageNowNs;
        matcher.apply(event);
        appliedListener.onRecord(event);
    }

    /** For an offline reader of the log only: {@code listener} sees every command applied, after it is. */
    void appliedListener(final BatchCodec.RecordHandler listener)
    {
        appliedListener = listener;
    }

    private void publish()
    {
        final EngineState state = matcher.state();
        publishedAt = state.lastSequence();
        final long digest = state.digest();
        synchronized (published)
        {
            published[0] = publishedAt;
            published[1] = digest;
        }
    }
}
