package org.mmwinter.engine.journal;

import java.nio.file.Path;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import org.mmwinter.engine.message.CommandEvent;

/**
 * The input journal: every sequenced command, a Chronicle Queue document per batch in {@link BatchCodec}'s layout.
 * Replaying it into an empty engine rebuilds the exact state. Writes come from one thread (the sequencer).
 */
public final class InputJournal implements AutoCloseable
{
    static
    {
        ChronicleSettings.apply();
    }

    private final Path directory;
    private final Durability durability;
    private final SingleChronicleQueue queue;
    private final AppendFront front = new AppendFront("input journal");
    private ExcerptAppender appender;
    private long bytesWritten;
    private long batchesWritten;

    public InputJournal(final Path directory, final Durability durability)
    {
        this.directory = directory;
        this.durability = durability;
        this.queue = openQueue(directory, false);
    }

    static SingleChronicleQueue openQueue(final Path directory, final boolean readOnly)
    {
        return SingleChronicleQueueBuilder.binary(directory)
            .rollCycle(RollCycles.FAST_DAILY)
            .readOnly(readOnly)
            .timeoutMS(2_000)
            .build();
    }

    public Path directory()
    {
        return directory;
    }

    public Durability durability()
    {
        return durability;
    }

    /**
     * Appends the closed batch held by {@code codec} as one document, synced if the durability asks for it.
     */
    public void write(final BatchCodec codec)
    {
        if (appender == null)
        {
            appender = queue.createAppender();
        }
        final int length = codec.length();
        front.append(appender, codec.buffer(), length);
        if (durability == Durability.SYNC_BATCH)
        {
            appender.sync();
        }
        bytesWritten += length;
        batchesWritten++;
    }

    /** Where this journal's writer has got to, for the {@link JournalPretoucher}. */
    public AppendFront front()
    {
        return front;
    }

    public long bytesWritten()
    {
        return bytesWritten;
    }

    public long batchesWritten()
    {
        return batchesWritten;
    }

    /**
     * Feeds every record from the start of the journal to {@code handler}, checking each document.
     *
     * @return the number of records.
     * @throws JournalCorruptException for a document that fails its checks.
     */
    public long replay(final BatchCodec.RecordHandler handler)
    {
        return replay(queue, handler);
    }

    /**
     * Feeds the records from the document that holds {@code sequence + 1} to the end, checking each document read:
     * a restart from a snapshot taken at {@code sequence} reads the journal after the snapshot only (the documents
     * before it are not read at all, see {@link DocumentReader#lastDocumentStartingBy}). The first document read
     * may start before {@code sequence + 1}: the handler skips what it already has.
     *
     * @return the number of records read.
     * @throws JournalCorruptException for a document that fails its checks.
     */
    public long replayAfter(final long sequence, final BatchCodec.RecordHandler handler)
    {
        final BatchCodec codec = new BatchCodec(1 << 16);
        final long start = sequence <= 0 ? DocumentReader.FROM_START : DocumentReader.lastDocumentStartingBy(
            queue, "input journal", sequence + 1, BatchCodec.HEADER_BYTES, new DocumentReader.HeaderReader()
            {
                public byte[] buffer(final int length)
                {
                    return codec.wrapForDecode(length);
                }

                public long firstSequence(final int available, final String where)
                {
                    return codec.firstSequence(available, where);
                }
            });
        return replay(queue, start, codec, handler);
    }

    /**
     * Replays a journal directory without opening it for writing (the offline {@code digest} tool).
     */
    public static long replayReadOnly(final Path directory, final BatchCodec.RecordHandler handler)
    {
        try (SingleChronicleQueue queue = openQueue(directory, true))
        {
            return replay(queue, handler);
        }
    }

    private static long replay(final SingleChronicleQueue queue, final BatchCodec.RecordHandler handler)
    {
        return replay(queue, DocumentReader.FROM_START, new BatchCodec(1 << 16), handler);
    }

    private static long replay(
        final SingleChronicleQueue queue, final long startIndex, final BatchCodec codec,
        final BatchCodec.RecordHandler handler)
    {
        final CommandEvent event = new CommandEvent();
        return DocumentReader.readFrom(queue, "input journal", startIndex, new DocumentReader.DocumentHandler()
        {
            public byte[] buffer(final int length)
            {
                return codec.wrapForDecode(length);
            }

            public int onDocument(final int length, final String where)
            {
                return codec.decode(length, event, handler, where);
            }
        });
    }

    public void close()
    {
        if (appender != null)
        {
            appender.close();
        }
        queue.close();
    }
}
