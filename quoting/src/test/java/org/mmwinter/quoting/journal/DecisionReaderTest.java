package org.mmwinter.quoting.journal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;

import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.journal.ChronicleSettings;
import org.mmwinter.engine.journal.JournalCorruptException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class DecisionReaderTest
{
    static
    {
        ChronicleSettings.apply();
    }

    @TempDir
    Path temp;

    @Test
    void aMissingDirectoryIsNamed()
    {
        final Path missing = temp.resolve("nowhere");
        final IllegalArgumentException error =
            assertThrows(IllegalArgumentException.class, () -> DecisionReader.open(missing));
        assertEquals("no decision journal at " + missing + ": no such directory", error.getMessage());
    }

    @Test
    void aDirectoryWithoutAQueueIsNotADecisionJournal() throws Exception
    {
        final Path empty = Files.createDirectory(temp.resolve("empty"));
        final IllegalArgumentException error =
            assertThrows(IllegalArgumentException.class, () -> DecisionReader.open(empty));
        assertEquals(empty + " is not a decision journal: it holds no Chronicle Queue", error.getMessage());
    }

    @Test
    void aQueueOfSomethingElseIsNotADecisionJournal()
    {
        final Path other = temp.resolve("other");
        writeRaw(other, "not a decision".getBytes(StandardCharsets.US_ASCII));
        final IllegalArgumentException error =
            assertThrows(IllegalArgumentException.class, () -> DecisionReader.open(other));
        assertTrue(error.getMessage().startsWith(other + " is not a decision journal: "), error.getMessage());
        assertTrue(error.getMessage().contains("fails its checksum"), error.getMessage());
    }

    @Test
    void anEmptyJournalReadsAsNoDecisions()
    {
        final Path directory = temp.resolve("decisions");
        DecisionJournal.open(directory).close();
        try (DecisionReader reader = DecisionReader.open(directory))
        {
            assertEquals(false, reader.next(new Decision()));
        }
    }

    @Test
    void aDamagedRecordAfterGoodOnesIsReportedWithItsPlace()
    {
        final Path directory = temp.resolve("decisions");
        final Decision d = new Decision();
        d.nowNs = 42;
        try (DecisionJournal journal = DecisionJournal.open(directory))
        {
            journal.append(d);
        }
        final DecisionCodec codec = new DecisionCodec();
        final int length = codec.encodeDecision(d);
        final byte[] damaged = new byte[length];
        System.arraycopy(codec.bytes(), 0, damaged, 0, length);
        damaged[5] ^= 0x10;
        writeRaw(directory, damaged);

        try (DecisionReader reader = DecisionReader.open(directory))
        {
            final Decision read = new Decision();
            assertTrue(reader.next(read));
            assertEquals(42, read.nowNs);
            final JournalCorruptException error = assertThrows(JournalCorruptException.class, () -> reader.next(read));
            assertTrue(error.getMessage().startsWith("decision journal " + directory + " document index 0x"),
                error.getMessage());
            assertTrue(error.getMessage().endsWith("record of " + length + " bytes fails its checksum"),
                error.getMessage());
        }
    }

    @Test
    void aRecordOfANewerLayoutIsRefusedByVersion()
    {
        final Path directory = temp.resolve("decisions");
        final DecisionCodec codec = new DecisionCodec();
        final int length = codec.encodeDecision(new Decision());
        final byte[] newer = new byte[length];
        System.arraycopy(codec.bytes(), 0, newer, 0, length);
        newer[0] = 2;
        reseal(newer);
        writeRaw(directory, newer);

        final IllegalArgumentException error =
            assertThrows(IllegalArgumentException.class, () -> DecisionReader.open(directory));
        assertTrue(error.getMessage().endsWith("record layout version 2 is not readable here, which reads versions " +
            "1 to 1"), error.getMessage());
    }

    @Test
    void aRecordWithBytesPastItsLastFieldIsCorrupt()
    {
        final Path directory = temp.resolve("decisions");
        final DecisionCodec codec = new DecisionCodec();
        final int length = codec.encodeDecision(new Decision());
        // One zero byte more before the checksum.
        final byte[] longer = new byte[length + 1];
        System.arraycopy(codec.bytes(), 0, longer, 0, length - 4);
        reseal(longer);
        writeRaw(directory, longer);

        try (DecisionReader reader = DecisionReader.open(directory))
        {
            final JournalCorruptException error =
                assertThrows(JournalCorruptException.class, () -> reader.next(new Decision()));
            assertTrue(error.getMessage().endsWith("record has 1 bytes past its last field"), error.getMessage());
        }
    }

    /**
     * Rewrites the last four bytes as the little-endian CRC32 of the others.
     */
    private static void reseal(final byte[] record)
    {
        final int body = record.length - 4;
        final CRC32 crc = new CRC32();
        crc.update(record, 0, body);
        final int value = (int)crc.getValue();
        for (int i = 0; i < 4; i++)
        {
            record[body + i] = (byte)(value >>> (8 * i));
        }
    }

    /**
     * Appends {@code bytes} as one document to the queue in {@code directory}, the way the journal writes its own.
     */
    private static void writeRaw(final Path directory, final byte[] bytes)
    {
        try (SingleChronicleQueue queue = DecisionJournal.openQueue(directory, false, SystemTimeProvider.INSTANCE);
            ExcerptAppender appender = queue.createAppender())
        {
            try (DocumentContext dc = appender.writingDocument())
            {
                dc.wire().bytes().write(bytes, 0, bytes.length);
            }
        }
    }
}
