package org.mmwinter.engine.cluster;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * The last egress messages of results a member sent, kept so that a client that lost some in a leader change can
 * have them again ({@link ClusterProtocol#SYNC}). Aeron Cluster replicates the log, not the egress: results the old
 * leader sent and the client never read are otherwise gone, and a gateway's market maker would never learn of a
 * fill it had.
 * <p>
 * Messages are copied end to end into one ring of bytes (one that does not fit before the end starts again at 0),
 * with an index ring of where each begins, how long it is and the last command sequence it holds; the oldest go
 * when room is needed. Every member applies the same log and so holds the same messages, except one started from a
 * snapshot, which holds nothing from before it: {@link #missingAfter} tells a client what it can no longer have.
 * The ring starts at {@link #INITIAL_BYTES} and doubles, up to its capacity, before it drops anything: a member that
 * has sent little holds little. Service thread only.
 */
final class ResultHistory
{
    /** Bytes the ring starts with (or its capacity, if smaller). */
    static final int INITIAL_BYTES = 1 << 20;

    private UnsafeBuffer bytes;
    private final int capacity;
    private final int[] offsets;
    private final int[] lengths;
    private final long[] lastSequences;
    private final int entryMask;
    private long head;
    private long tail;
    /** The highest command sequence whose results were dropped, or were never here (before a start). */
    private long droppedUpTo;

    /**
     * @param capacityBytes bytes kept at most (a message longer than a quarter of it is not kept).
     * @param entries       messages kept at most; a power of two.
     */
    ResultHistory(final int capacityBytes, final int entries)
    {
        if (Integer.bitCount(entries) != 1)
        {
            throw new IllegalArgumentException("history entries must be a power of two: " + entries);
        }
        capacity = capacityBytes;
        bytes = new UnsafeBuffer(new byte[Math.min(capacityBytes, INITIAL_BYTES)]);
        offsets = new int[entries];
        lengths = new int[entries];
        lastSequences = new long[entries];
        entryMask = entries - 1;
    }

    /** Results up to {@code sequence} are not held (the state was loaded there, not built by this history). */
    void startAt(final long sequence)
    {
        head = tail;
        droppedUpTo = Math.max(droppedUpTo, sequence);
    }

    void add(final DirectBuffer message, final int length, final long lastSequence)
    {
        if (length > capacity / 4)
        {
            droppedUpTo = Math.max(droppedUpTo, lastSequence);
            return;
        }
        while (bytes.capacity() < capacity && tail > head && tail - head <= entryMask &&
            overlaps((int)(head & entryMask), nextOffset(length), length))
        {
            grow();
        }
        int at = 0;
        if (tail > head)
        {
            final int last = (int)((tail - 1) & entryMask);
            at = offsets[last] + lengths[last];
            if (at + length > bytes.capacity())
            {
                at = 0;
            }
        }
        // Drop the oldest while they overlap the room needed, or the index is full.
        while (tail > head && (tail - head > entryMask || overlaps((int)(head & entryMask), at, length)))
        {
            final int oldest = (int)(head & entryMask);
            droppedUpTo = Math.max(droppedUpTo, lastSequences[oldest]);
            head++;
        }
        final int entry = (int)(tail & entryMask);
        bytes.putBytes(at, message, 0, length);
        offsets[entry] = at;
        lengths[entry] = length;
        lastSequences[entry] = lastSequence;
        tail++;
    }

    /**
     * The highest sequence after {@code afterSequence} whose results this history cannot give, or 0 when it holds
     * everything after it.
     */
    long missingAfter(final long afterSequence)
    {
        return droppedUpTo > afterSequence ? droppedUpTo : 0;
    }

    /** Messages held, oldest first: {@link #messageOffset}, {@link #messageLength}, {@link #lastSequence}. */
    long first()
    {
        return head;
    }

    long end()
    {
        return tail;
    }

    DirectBuffer buffer()
    {
        return bytes;
    }

    int messageOffset(final long index)
    {
        return offsets[(int)(index & entryMask)];
    }

    int messageLength(final long index)
    {
        return lengths[(int)(index & entryMask)];
    }

    long lastSequence(final long index)
    {
        return lastSequences[(int)(index & entryMask)];
    }

    /** Where a message of {@code length} bytes would go next. */
    private int nextOffset(final int length)
    {
        if (tail == head)
        {
            return 0;
        }
        final int last = (int)((tail - 1) & entryMask);
        final int at = offsets[last] + lengths[last];
        return at + length > bytes.capacity() ? 0 : at;
    }

    /** Doubles the ring (up to its capacity), the messages held copied to its start in order. */
    private void grow()
    {
        final UnsafeBuffer bigger = new UnsafeBuffer(new byte[(int)Math.min((long)bytes.capacity() * 2, capacity)]);
        int at = 0;
        for (long i = head; i < tail; i++)
        {
            final int entry = (int)(i & entryMask);
            bigger.putBytes(at, bytes, offsets[entry], lengths[entry]);
            offsets[entry] = at;
            at += lengths[entry];
        }
        bytes = bigger;
    }

    private boolean overlaps(final int entry, final int at, final int length)
    {
        final int start = offsets[entry];
        final int end = start + lengths[entry];
        return start < at + length && at < end;
    }
}
