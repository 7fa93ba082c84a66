package org.mmwinter.engine.journal;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pretoucher faults in the pages ahead of a journal's writer and nothing else: the journal reads back exactly
 * what was written while it ran beside the writer, the file keeps the length Chronicle gave it, and a file it cannot
 * open costs one warning, never an exception.
 */
class JournalPretoucherTest
{
    private static final int PER_BATCH = 64;
    private static final long PAGE = 4096;
    /** A reach short enough that the writer overtakes the pretoucher and meets pages it has not touched. */
    private static final long REACH = 256 * PAGE;

    @TempDir
    Path dir;

    @Test
    void theFrontFollowsTheWriterThroughItsFile()
    {
        try (InputJournal journal = new InputJournal(dir.resolve("input"), Durability.NONE))
        {
            assertNull(journal.front().file(), "no file before the first document");
            final BatchCodec codec = new BatchCodec(1 << 14);
            write(journal, codec, 0, 10);
            final File file = journal.front().file();
            assertNotNull(file);
            assertTrue(file.getName().endsWith(".cq4"), file.getName());
            final long first = journal.front().position();
            write(journal, codec, 10, 10);
            assertTrue(journal.front().position() > first, "the position moves on with every document");
            assertTrue(journal.front().position() < file.length(), "and stays inside the file Chronicle sized");
        }
    }

    @Test
    void aPassTouchesFromTheWritersNextPageToItsReachOrTheFilesEnd()
    {
        try (InputJournal journal = new InputJournal(dir.resolve("input"), Durability.NONE);
            JournalPretoucher pretoucher = new JournalPretoucher(journal.front()))
        {
            final BatchCodec codec = new BatchCodec(1 << 14);
            write(journal, codec, 0, 100);
            final File file = journal.front().file();
            final long lengthBefore = file.length();
            pretoucher.touchAll();
            final long position = journal.front().position();
            final long expected = Math.min(position + JournalPretoucher.AHEAD_BYTES, lengthBefore & -PAGE);
            assertTrue(pretoucher.touchedTo(0) >= expected, pretoucher.touchedTo(0) + " < " + expected);
            assertTrue(pretoucher.touchedTo(0) <= (lengthBefore & -PAGE), "never past the file's end");
            assertEquals(lengthBefore, file.length(), "the pretoucher never grows the file");

            final long touched = pretoucher.touchedTo(0);
            pretoucher.touchAll();
            assertEquals(touched, pretoucher.touchedTo(0), "a page is touched once: a pass with no writes does none");
        }
    }

    @Test
    void theJournalReadsBackExactlyWhatWasWrittenWhileThePretoucherRan()
    {
        final int batches = 6_000; // 384,000 commands, some MB: the writer crosses touched and untouched pages
        try (InputJournal journal = new InputJournal(dir.resolve("input"), Durability.NONE))
        {
            final JournalPretoucher pretoucher = new JournalPretoucher(REACH, journal.front()).start();
            try
            {
                final BatchCodec codec = new BatchCodec(1 << 14);
                for (int batch = 0; batch < batches; batch++)
                {
                    write(journal, codec, (long)batch * PER_BATCH, PER_BATCH);
                }
            }
            finally
            {
                pretoucher.close();
            }
            assertTrue(journal.bytesWritten() > 4 * REACH, "the test writes past its reach: " + journal.bytesWritten());

            final long[] expectedSequence = {1};
            final long records = journal.replay(e ->
            {
                assertEquals(expectedSequence[0], e.sequence);
                assertEquals(CommandType.NEW, e.type);
                assertEquals(1_000 + e.sequence % 100, e.price);
                assertEquals(e.sequence, e.qty);
                expectedSequence[0]++;
            });
            assertEquals((long)batches * PER_BATCH, records);
            assertFalse(pretoucher.threadAlive(), "close stops the thread");
            assertTrue(pretoucher.touchedTo(0) > 0, "the thread touched pages while the writer wrote");
        }
    }

    @Test
    void aFileThatCannotBeOpenedIsGivenUpWithOneWarning()
    {
        final AppendFront front = new AppendFront("input journal");
        front.moved(dir.resolve("missing.cq4").toFile(), 100);
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final PrintStream previous = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try (JournalPretoucher pretoucher = new JournalPretoucher(front))
        {
            pretoucher.touchAll();
            front.moved(dir.resolve("missing.cq4").toFile(), 200);
            pretoucher.touchAll();
            assertEquals(0, pretoucher.touchedTo(0));
        }
        finally
        {
            System.setErr(previous);
        }
        final String warning = err.toString(StandardCharsets.UTF_8);
        assertTrue(warning.startsWith("engine: cannot pretouch the input journal "), warning);
        assertTrue(warning.contains("missing.cq4"), warning);
        assertEquals(1, warning.lines().count(), "one warning for the file, not one per pass: " + warning);
    }

    private static void write(final InputJournal journal, final BatchCodec codec, final long from, final int count)
    {
        final CommandEvent e = new CommandEvent();
        codec.beginBatch(from + 1);
        for (long sequence = from + 1; sequence <= from + count; sequence++)
        {
            codec.add(GtcLimits.buy(e, sequence, 1_000 + sequence % 100, sequence));
        }
        codec.endBatch();
        journal.write(codec);
    }
}
