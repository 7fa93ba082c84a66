package org.mmwinter.engine.journal;

import java.nio.file.Path;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import org.mmwinter.engine.message.ResultEvent;

/**
 * The output journal: every result (execution reports, trades, level changes, acknowledgements) in the order the
 * core produced them, a Chronicle Queue document per batch in {@link ResultCodec}'s layout. An audit trail and the
 * source of exported trades; recovery never needs it.
 */
public final class OutputJournal implements AutoCloseable
{
    static
    {
        ChronicleSettings.apply();
    }

    private final SingleChronicleQueue queue;
    private final AppendFront front = new AppendFront("output journal");
    private ExcerptAppender appender;
    private long bytesWritten;

    public OutputJournal(final Path directory)
    {
        this.queue = InputJournal.openQueue(directory, false);
    }

    public void write(final ResultCodec codec)
    {
        if (appender == null)
        {
            appender = queue.createAppender();
        }
        final int length = codec.length();
        front.append(appender, codec.buffer(), length);
        bytesWritten += length;
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

    /**
     * Reads a whole output journal directory.
     *
     * @return the number of results.
     */
    public static long replayReadOnly(final Path directory, final ResultCodec.ResultHandler handler)
    {
        final ResultCodec codec = new ResultCodec(1 << 16);
        final ResultEvent event = new ResultEvent();
        try (SingleChronicleQueue queue = InputJournal.openQueue(directory, true))
        {
            return DocumentReader.readAll(queue, "output journal", new DocumentReader.DocumentHandler()
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
