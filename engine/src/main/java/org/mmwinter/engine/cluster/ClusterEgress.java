package org.mmwinter.engine.cluster;

import io.aeron.Publication;
import io.aeron.cluster.service.ClientSession;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.mmwinter.engine.journal.ResultCodec;
import org.mmwinter.engine.message.ResultEvent;

/**
 * The results of one log message, back to the session that sent it: collected into {@link ResultCodec} documents
 * (the output journal's layout) and offered on the session's egress, a document whenever one reaches
 * {@link #FLUSH_BYTES} and the rest when the message is done. On a follower the session's offer is Aeron's mock, so
 * only the leader sends. A client that cannot be reached loses its results (counted): the cluster's state does not
 * wait on a client.
 */
final class ClusterEgress implements ResultCodec.ResultHandler
{
    /** Well below the smallest egress message limit (a 64 KiB term allows 8 KiB messages). */
    static final int FLUSH_BYTES = 2_048;
    /** Offers of one document before it is given up as undeliverable (back-pressure that does not clear). */
    static final int MAX_OFFER_ATTEMPTS = 1_000;

    /** The sequence of a DONE that acknowledges a re-sent command applied before: it was not applied again. */
    static final long ALREADY_APPLIED = 0;
    /** No session to answer: results are dropped. */
    static final ClientSession NO_SESSION = null;

    private final ResultCodec codec = new ResultCodec(FLUSH_BYTES * 2);
    private final UnsafeBuffer buffer = new UnsafeBuffer(0, 0);
    private IdleStrategy idle;
    private ClientSession session;
    private long documentsSent;
    private long documentsDropped;

    /**
     * Starts collecting the results of a message from {@code session}, or {@link #NO_SESSION} to discard them
     * (a log replayed offline answers no one).
     */
    void begin(final ClientSession session, final IdleStrategy idle)
    {
        this.session = session;
        this.idle = idle;
        codec.beginBatch();
    }

    public void onResult(final ResultEvent event)
    {
        codec.add(event);
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
        session = null;
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
        if (session == NO_SESSION)
        {
            return;
        }
        buffer.wrap(codec.buffer(), 0, codec.length());
        final IdleStrategy idle = this.idle;
        idle.reset();
        for (int attempt = 0; attempt < MAX_OFFER_ATTEMPTS; attempt++)
        {
            final long result = session.offer(buffer, 0, codec.length());
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
            idle.idle();
        }
        documentsDropped++;
    }
}
