package org.mmwinter.engine.cluster;

import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The results a member keeps for clients that lost some in a leader change: messages go into a ring of bytes and a
 * ring of entries, the oldest leave when their bytes are needed or the entries are all taken, and
 * {@link ResultHistory#missingAfter} says from which sequence on a client can no longer have them. Each message here
 * is {@code length} bytes all equal to its tag, so a message overwritten in place shows as a wrong byte.
 */
final class ResultHistoryTest
{
    /** A quarter of it, 100 bytes, is the longest message kept. */
    private static final int CAPACITY = 400;

    private final UnsafeBuffer message = new UnsafeBuffer(new byte[CAPACITY]);

    private void add(final ResultHistory history, final int length, final long lastSequence, final int tag)
    {
        message.setMemory(0, length, (byte)tag);
        history.add(message, length, lastSequence);
    }

    /** The entry at {@code index}: where it is, how long, its last sequence, and that every byte is its tag. */
    private static void assertHeld(final ResultHistory history, final long index, final int offset, final int length,
        final long lastSequence, final int tag)
    {
        assertEquals(offset, history.messageOffset(index), "offset of entry " + index);
        assertEquals(length, history.messageLength(index), "length of entry " + index);
        assertEquals(lastSequence, history.lastSequence(index), "last sequence of entry " + index);
        final DirectBuffer bytes = history.buffer();
        for (int i = 0; i < length; i++)
        {
            assertEquals((byte)tag, bytes.getByte(offset + i), "byte " + i + " of entry " + index);
        }
    }

    @Test
    void messagesFillTheRingThenWrapToTheStartEvictingOnlyWhatTheyOverlap()
    {
        final ResultHistory history = new ResultHistory(CAPACITY, 8);
        // Four of 100 bytes fill 0..400 exactly: [0,100) [100,200) [200,300) [300,400), nothing evicted.
        for (int i = 1; i <= 4; i++)
        {
            add(history, 100, i, i);
        }
        assertEquals(0, history.first());
        assertEquals(4, history.end());
        for (int i = 1; i <= 4; i++)
        {
            assertHeld(history, i - 1, (i - 1) * 100, 100, i, i);
        }
        assertEquals(0, history.missingAfter(0), "everything after 0 is held");

        // The fifth: after the last is 400, and 400 + 100 > 400, so it goes to 0, over the first (sequence 1), which
        // is evicted; the second at [100,200) does not overlap [0,100) and stays.
        add(history, 100, 5, 5);
        assertEquals(1, history.first());
        assertEquals(5, history.end());
        assertHeld(history, 4, 0, 100, 5, 5);
        assertHeld(history, 1, 100, 100, 2, 2);
        assertHeld(history, 3, 300, 100, 4, 4);
        assertEquals(1, history.missingAfter(0), "sequence 1's results are gone");
        assertEquals(0, history.missingAfter(1), "everything after 1 is held");

        // 60 bytes at 100 (after the fifth, 0 + 100): [100,160) overlaps the second only, evicted.
        add(history, 60, 6, 6);
        // 60 bytes at 160: [160,220) overlaps the third [200,300), evicted; the fourth [300,400) stays.
        add(history, 60, 7, 7);
        assertEquals(3, history.first());
        assertEquals(7, history.end());
        assertHeld(history, 3, 300, 100, 4, 4);
        assertHeld(history, 4, 0, 100, 5, 5);
        assertHeld(history, 5, 100, 60, 6, 6);
        assertHeld(history, 6, 160, 60, 7, 7);
        assertEquals(3, history.missingAfter(0));
        assertEquals(3, history.missingAfter(2));
        assertEquals(0, history.missingAfter(3));
        assertEquals(0, history.missingAfter(7), "nothing after the last is missing");
    }

    @Test
    void aFullIndexEvictsTheOldestEvenWithBytesToSpare()
    {
        // Four entries and 1,000 bytes: five messages of 10 bytes take 50 bytes, but the fifth needs the first's
        // entry. Each message holds several sequences: its last is 3, 7, 12, 13, 20.
        final ResultHistory history = new ResultHistory(1_000, 4);
        final long[] last = {3, 7, 12, 13, 20};
        for (int i = 0; i < 4; i++)
        {
            add(history, 10, last[i], i + 1);
        }
        assertEquals(0, history.first());
        assertEquals(4, history.end());
        assertEquals(0, history.missingAfter(0));

        add(history, 10, last[4], 5);
        assertEquals(1, history.first(), "the oldest entry was evicted");
        assertEquals(5, history.end());
        // The fifth goes on after the fourth ([30,40)), at 40: the bytes of the first are not reused.
        assertHeld(history, 4, 40, 10, 20, 5);
        assertHeld(history, 1, 10, 10, 7, 2);
        // Sequences up to 3 (the evicted message's last) are gone; 4 on are in the message ending at 7.
        assertEquals(3, history.missingAfter(0));
        assertEquals(3, history.missingAfter(2));
        assertEquals(0, history.missingAfter(3));
        assertEquals(0, history.missingAfter(5));

        // Two more: entries of 7 then 12 go; missing up to 12.
        add(history, 10, 21, 6);
        add(history, 10, 22, 7);
        assertEquals(3, history.first());
        assertEquals(7, history.end());
        assertEquals(12, history.missingAfter(0));
        assertEquals(12, history.missingAfter(11));
        assertEquals(0, history.missingAfter(12));
        assertHeld(history, 3, 30, 10, 13, 4);
        assertHeld(history, 6, 60, 10, 22, 7);
    }

    @Test
    void startAtHoldsNothingBeforeTheLoadedSequence()
    {
        final ResultHistory history = new ResultHistory(CAPACITY, 8);
        history.startAt(50);
        assertEquals(history.first(), history.end(), "nothing held");
        assertEquals(50, history.missingAfter(0));
        assertEquals(50, history.missingAfter(49));
        assertEquals(0, history.missingAfter(50), "a client that had 50 misses nothing");

        add(history, 20, 51, 1);
        add(history, 20, 52, 2);
        assertEquals(0, history.first());
        assertEquals(2, history.end());
        assertHeld(history, 0, 0, 20, 51, 1);
        assertHeld(history, 1, 20, 20, 52, 2);
        assertEquals(0, history.missingAfter(50));

        // Loaded again at 60 (a later snapshot): what was held is dropped, and the next message starts at 0 again.
        history.startAt(60);
        assertEquals(2, history.first());
        assertEquals(2, history.end());
        assertEquals(60, history.missingAfter(52));
        add(history, 20, 61, 3);
        assertHeld(history, 2, 0, 20, 61, 3);
        assertEquals(0, history.missingAfter(60));

        // A start below what is known missing does not lower it.
        history.startAt(10);
        assertEquals(60, history.missingAfter(20));
    }

    @Test
    void aMessageLongerThanAQuarterIsNotKeptAndCountsAsMissing()
    {
        final ResultHistory history = new ResultHistory(CAPACITY, 8);
        add(history, 40, 1, 1);
        // 100 bytes is a quarter of 400, kept; 101 is more, not kept.
        add(history, 100, 2, 2);
        add(history, 101, 3, 3);
        assertEquals(0, history.first());
        assertEquals(2, history.end(), "the long one took no entry");
        assertHeld(history, 0, 0, 40, 1, 1);
        assertHeld(history, 1, 40, 100, 2, 2);
        assertEquals(3, history.missingAfter(0), "sequence 3's results cannot be given");
        assertEquals(3, history.missingAfter(2));
        assertEquals(0, history.missingAfter(3));

        // The next goes on after the last kept one, at 40 + 100 = 140.
        add(history, 10, 4, 4);
        assertHeld(history, 2, 140, 10, 4, 4);
        assertEquals(0, history.missingAfter(3));
    }

    @Test
    void entriesMustBeAPowerOfTwo()
    {
        final IllegalArgumentException ex =
            assertThrows(IllegalArgumentException.class, () -> new ResultHistory(CAPACITY, 6));
        assertEquals("history entries must be a power of two: 6", ex.getMessage());
    }

    @Test
    void startsSmallAndDoublesToItsCapacityBeforeDroppingAnything()
    {
        // Capacity 4 MiB, so the ring starts at 1 MiB. Messages of 100 KiB, the i-th filled with byte i, for
        // sequence i + 1: 40 of them (4,000 KiB) fit in 4 MiB (4,096 KiB) once it has doubled twice; none is
        // dropped, each is held whole and in order.
        final int message = 100 * 1024;
        final ResultHistory history = new ResultHistory(4 << 20, 1 << 10);
        final UnsafeBuffer bytes = new UnsafeBuffer(new byte[message]);
        for (int i = 0; i < 40; i++)
        {
            bytes.setMemory(0, message, (byte)i);
            history.add(bytes, message, i + 1);
        }
        assertEquals(0, history.missingAfter(0), "nothing dropped while it could grow");
        assertEquals(40, history.end() - history.first());
        for (long i = history.first(); i < history.end(); i++)
        {
            assertEquals(message, history.messageLength(i));
            assertEquals(i + 1, history.lastSequence(i));
            final int at = history.messageOffset(i);
            assertEquals((byte)i, history.buffer().getByte(at), "first byte of message " + i);
            assertEquals((byte)i, history.buffer().getByte(at + message - 1), "last byte of message " + i);
        }
        // The 41st would end at 4,100 KiB > 4,096: it goes to offset 0, over message 0 (sequence 1), which is dropped.
        bytes.setMemory(0, message, (byte)40);
        history.add(bytes, message, 41);
        assertEquals(1, history.missingAfter(0));
        assertEquals(0, history.missingAfter(1));
        assertEquals(0, history.messageOffset(history.end() - 1));
    }
}
