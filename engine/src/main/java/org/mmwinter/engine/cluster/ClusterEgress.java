package org.mmwinter.engine.cluster;

import java.util.function.Consumer;

import io.aeron.Publication;
import io.aeron.cluster.service.ClientSession;
import io.aeron.cluster.service.Cluster;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.mmwinter.engine.journal.BatchCodec;
import org.mmwinter.engine.journal.ResultCodec;
import org.mmwinter.engine.message.ResultEvent;

/**
 * The results of each log message, to every client session: collected into {@link ResultCodec} documents (the
 * output journal's layout), each sent as a {@link ClusterProtocol#RESULTS} message whenever it reaches
 * {@link #FLUSH_BYTES} and when the message is done, and kept in the {@link ResultHistory} for clients that missed
 * some in a leader change. Every session gets everything (a gateway delivers maker fills and market data to its own
 * participants, and knows its own commands' results by their source id), so a session costs the egress its share
 * of bandwidth. On a follower a session's offer is Aeron's mock, so only the leader sends, but every member keeps
 * the same history.
 * <p>
 * The cluster never waits on a client: a message a session's publication does not take after
 * {@link #MAX_OFFER_ATTEMPTS} quick tries is dropped for that session (counted). A gateway killed with its session
 * still open would otherwise hold up every member's log for as long as Aeron takes to see it gone. A live client
 * that lost a message sees a gap in the command sequences of its results and syncs, which gives it the messages
 * again from the history.
 */
final class ClusterEgress implements ResultCodec.ResultHandler
{
    /** Well below the smallest egress message limit (a 64 KiB term allows 8 KiB messages). */
    static final int FLUSH_BYTES = 2_048;
    /** Offers of one message to one session before it is dropped for it (back-pressure, a client gone). */
    static final int MAX_OFFER_ATTEMPTS = 16;
    /** Bytes of results each member keeps for clients to catch up on after a leader change. */
    static final int HISTORY_BYTES = 1 << 25;
    static final int HISTORY_ENTRIES = 1 << 16;

    /** The sequence of a DONE that acknowledges a re-sent command applied before: it was not applied again. */
    static final long ALREADY_APPLIED = 0;

    private final ResultCodec codec = new ResultCodec(FLUSH_BYTES * 2);
    private final UnsafeBuffer message = new UnsafeBuffer(new byte[FLUSH_BYTES * 4]);
    private final ResultHistory history = new ResultHistory(HISTORY_BYTES, HISTORY_ENTRIES);
    private final Consumer<ClientSession> sendToSession = this::sendTo;
    private Cluster cluster;
    private int messageLength;
    private long lastSequence;
    private long documentsSent;
    private long documentsDropped;

    /**
     * The running member's cluster, whose sessions are sent to; null offline (a log replayed from the archive
     * answers no one and keeps no history).
     */
    void cluster(final Cluster cluster)
    {
        this.cluster = cluster;
    }

    /** The state was loaded at {@code sequence}: the history holds nothing from before. */
    void startAt(final long sequence)
    {
        history.startAt(sequence);
    }

    /** Starts collecting the results of one log message. */
    void begin()
    {
        codec.beginBatch();
        lastSequence = 0;
    }

    public void onResult(final ResultEvent event)
    {
        codec.add(event);
        lastSequence = Math.max(lastSequence, event.commandSequence);
        if (codec.length() >= FLUSH_BYTES)
        {
            flush();
            codec.beginBatch();
        }
    }

    /**
     * Sends what is collected of the current message.
     */
    void end()
    {
        if (codec.count() > 0)
        {
            flush();
        }
    }

    /**
     * Part of a sync's answer to {@code session}: one document of definitions ({@link ClusterProtocol#DEFINITIONS},
     * at most {@link #FLUSH_BYTES} and a record).
     */
    void sendDefinitions(final ClientSession session, final BatchCodec definitions)
    {
        if (cluster != null)
        {
            offer(session, message, 0, frame(ClusterProtocol.DEFINITIONS, definitions.buffer(), definitions.length()));
        }
    }

    /**
     * The end of a sync's answer to {@code session}: the results held after {@code afterSequence} (none for
     * {@link ClusterProtocol#NO_HISTORY}), then {@link ClusterProtocol#SYNCED}.
     */
    void sendHistoryAndSynced(final ClientSession session, final long afterSequence, final long lastApplied,
        final long sequence)
    {
        if (cluster == null)
        {
            return;
        }
        long missing = 0;
        if (afterSequence != ClusterProtocol.NO_HISTORY)
        {
            final DirectBuffer held = history.buffer();
            for (long i = history.first(); i < history.end(); i++)
            {
                if (history.lastSequence(i) > afterSequence)
                {
                    offer(session, held, history.messageOffset(i), history.messageLength(i));
                }
            }
            missing = history.missingAfter(afterSequence);
        }
        offer(session, message, 0, ClusterProtocol.encodeSynced(message, lastApplied, missing, sequence));
    }

    long documentsSent()
    {
        return documentsSent;
    }

    long documentsDropped()
    {
        return documentsDropped;
    }

    private void flush()
    {
        codec.endBatch();
        if (cluster == null)
        {
            return;
        }
        messageLength = frame(ClusterProtocol.RESULTS, codec.buffer(), codec.length());
        history.add(message, messageLength, lastSequence);
        cluster.forEachClientSession(sendToSession);
    }

    /**
     * Writes a message of {@code kind} holding the document {@code document[0, length)} into {@link #message}.
     *
     * @return the message's length.
     */
    private int frame(final byte kind, final byte[] document, final int length)
    {
        message.putByte(0, kind);
        message.putBytes(ClusterProtocol.KIND_LENGTH, document, 0, length);
        return ClusterProtocol.KIND_LENGTH + length;
    }

    private void sendTo(final ClientSession session)
    {
        offer(session, message, 0, messageLength);
    }

    private void offer(final ClientSession session, final DirectBuffer buffer, final int offset, final int length)
    {
        for (int attempt = 0; attempt < MAX_OFFER_ATTEMPTS; attempt++)
        {
            final long result = session.offer(buffer, offset, length);
            if (result > 0)
            {
                documentsSent++;
                return;
            }
            if (result == Publication.NOT_CONNECTED || result == Publication.CLOSED ||
                result == Publication.MAX_POSITION_EXCEEDED)
            {
                break;
            }
            Thread.onSpinWait();
        }
        documentsDropped++;
    }
}
