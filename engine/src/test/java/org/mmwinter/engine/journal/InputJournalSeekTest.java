package org.mmwinter.engine.journal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.message.CommandEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A replay after a sequence starts at the document that holds the next one and never reads a document before it:
 * proved on a journal whose third document is damaged, which a replay from the start refuses and a replay after it
 * does not notice.
 */
class InputJournalSeekTest
{
    private static final int BATCHES = 100;
    private static final int PER_BATCH = 10;
    /** The damaged document holds sequences 21 to 30. */
    private static final int DAMAGED_BATCH = 2;

    @TempDir
    Path dir;

    private InputJournal journal;

    @BeforeEach
    void writeJournal()
    {
        journal = new InputJournal(dir.resolve("input"), Durability.NONE);
        final BatchCodec codec = new BatchCodec(1 << 12);
        final CommandEvent e = new CommandEvent();
        long sequence = 1;
        for (int batch = 0; batch < BATCHES; batch++)
        {
            codec.beginBatch(sequence);
            for (int i = 0; i < PER_BATCH; i++, sequence++)
            {
                codec.add(GtcLimits.buy(e, sequence, 1_000, 1));
            }
            codec.endBatch();
            if (batch == DAMAGED_BATCH)
            {
                // The last byte of the CRC32: the document's header still reads, its check fails.
                codec.buffer()[codec.length() - 1] ^= 0x01;
            }
            journal.write(codec);
        }
    }

    @Test
    void aReplayFromTheStartMeetsTheDamagedDocument()
    {
        final JournalCorruptException ex = assertThrows(JournalCorruptException.class,
            () -> journal.replay(InputJournalSeekTest::ignore));
        assertTrue(ex.getMessage().contains("checksum mismatch"), ex.getMessage());
    }

    @Test
    void aReplayAfterASequenceReadsFromTheDocumentHoldingTheNextOne()
    {
        // Sequence 500 ends document 50 (491..500): the replay starts at document 51 (501..510), 50 documents.
        assertReplay(500, 501, 500);
        // Sequence 505 is inside document 51: that document is read whole, its first five records again.
        assertReplay(505, 501, 500);
        // The last sequence: its document (991..1000) is the only one read.
        assertReplay(1_000, 991, 10);
        // Past the end: the last document is still read, so that the caller sees the journal ends before it.
        assertReplay(2_000, 991, 10);
        // Sequence 30 ends the damaged document: the replay starts after it.
        assertReplay(30, 31, 970);
    }

    @Test
    void aReplayThatNeedsTheDamagedDocumentRefusesIt()
    {
        final JournalCorruptException ex = assertThrows(JournalCorruptException.class,
            () -> journal.replayAfter(25, InputJournalSeekTest::ignore));
        assertTrue(ex.getMessage().contains("checksum mismatch"), ex.getMessage());
        assertThrows(JournalCorruptException.class, () -> journal.replayAfter(0, InputJournalSeekTest::ignore));
    }

    private void assertReplay(final long after, final long firstRead, final int recordsRead)
    {
        final List<Long> sequences = new ArrayList<>();
        final long records = journal.replayAfter(after, event -> sequences.add(event.sequence));
        assertEquals(recordsRead, records, "records read after " + after);
        assertEquals(recordsRead, sequences.size());
        assertEquals(firstRead, sequences.get(0), "first record read after " + after);
        assertEquals(1_000L, sequences.get(sequences.size() - 1));
        for (int i = 1; i < sequences.size(); i++)
        {
            assertEquals(sequences.get(i - 1) + 1, sequences.get(i));
        }
    }

    private static void ignore(final CommandEvent event)
    {
        // Only the journal's checks matter here.
    }

    @AfterEach
    void close()
    {
        journal.close();
    }
}
