package org.mmwinter.engine.cluster;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * The few frames the cluster and its clients exchange besides command batches, each written and read here and
 * nowhere else.
 * <p>
 * Ingress: a session message is either an input-journal command batch ({@code BatchCodec}, whose first byte is its
 * version) or a {@link #SYNC} request: {@code u8 SYNC | i32 sender id | i64 after sequence}. A sync asks for what a
 * client needs to go on after connecting or after a leader change: the venue's definitions, the results it may
 * have missed, and the last command the log applied from its sender id (the first it may send next is the one
 * after).
 * <p>
 * Egress: every message starts with a kind byte. {@link #RESULTS}: an output-journal document ({@code ResultCodec})
 * of the results of one log message (sent to every session: a gateway routes maker fills and market data to its
 * own participants). {@link #DEFINITIONS}: a command batch of the instruments and accounts defined so far, in id
 * order (the answer to a sync, before its results). {@link #SYNCED}:
 * {@code u8 SYNCED | i64 last applied from the sender | i64 missing up to | i64 sequence}: the end of a sync's
 * answer; the results of commands after the asked sequence up to "missing up to" are no longer held by the leader
 * (0 when none is missing); "sequence" is the last command sequence the log had applied at the sync.
 */
final class ClusterProtocol
{
    /** Ingress: the sync request. Not a {@code BatchCodec} version (those are small numbers). */
    static final byte SYNC = 0x53;
    static final int SYNC_LENGTH = 1 + 4 + 8;
    /** Asked in a sync by a client that wants no results from before it connected. */
    static final long NO_HISTORY = Long.MAX_VALUE;

    static final byte RESULTS = 1;
    static final byte DEFINITIONS = 2;
    static final byte SYNCED = 3;
    static final int SYNCED_LENGTH = 1 + 8 + 8 + 8;
    /** Bytes before the document in a {@link #RESULTS} or {@link #DEFINITIONS} message. */
    static final int KIND_LENGTH = 1;

    private ClusterProtocol()
    {
    }

    static int encodeSync(final MutableDirectBuffer buffer, final int senderId, final long afterSequence)
    {
        buffer.putByte(0, SYNC);
        buffer.putInt(1, senderId);
        buffer.putLong(5, afterSequence);
        return SYNC_LENGTH;
    }

    static boolean isSync(final DirectBuffer buffer, final int offset, final int length)
    {
        return length == SYNC_LENGTH && buffer.getByte(offset) == SYNC;
    }

    static int syncSender(final DirectBuffer buffer, final int offset)
    {
        return buffer.getInt(offset + 1);
    }

    static long syncAfter(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + 5);
    }

    static int encodeSynced(final MutableDirectBuffer buffer, final long lastApplied, final long missingUpTo,
        final long sequence)
    {
        buffer.putByte(0, SYNCED);
        buffer.putLong(1, lastApplied);
        buffer.putLong(9, missingUpTo);
        buffer.putLong(17, sequence);
        return SYNCED_LENGTH;
    }

    static long syncedLastApplied(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + 1);
    }

    static long syncedMissingUpTo(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + 9);
    }

    static long syncedSequence(final DirectBuffer buffer, final int offset)
    {
        return buffer.getLong(offset + 17);
    }
}
