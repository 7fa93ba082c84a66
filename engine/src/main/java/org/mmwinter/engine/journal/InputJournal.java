package org.mmwinter.engine.journal;

import java.nio.file.Path;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
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
        try (DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().write(codec.buffer(), 0, length);
        }
        if (durability == Durability.SYNC_BATCH)
        {
            appender.sync();
        }
        bytesWritten += length;
        batchesWritten++;
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
        final BatchCodec codec = new BatchCodec(1 << 16);
        final CommandEvent event = new CommandEvent();
        return DocumentReader.readAll(queue, "input journal", new DocumentReader.DocumentHandler()
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
