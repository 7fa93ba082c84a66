package org.mmwinter.engine.journal;

import java.io.File;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Where a journal's writer has got to: the file it appends to and the byte position after its last document. One
 * writer publishes, the {@link JournalPretoucher} reads; a release store each, no counter and no lock, so that the
 * writer pays a field store per document and nothing else.
 */
public final class AppendFront
{
    private static final VarHandle POSITION;
    private static final VarHandle FILE;

    static
    {
        try
        {
            final MethodHandles.Lookup lookup = MethodHandles.lookup();
            POSITION = lookup.findVarHandle(AppendFront.class, "position", long.class);
            FILE = lookup.findVarHandle(AppendFront.class, "file", File.class);
        }
        catch (final ReflectiveOperationException ex)
        {
            throw new ExceptionInInitializerError(ex);
        }
    }

    public static final long UNKNOWN = -1;

    private final String name;
    @SuppressWarnings("unused") // written and read through POSITION
    private long position;
    @SuppressWarnings("unused") // written and read through FILE
    private File file;
    private File lastFile;

    public AppendFront(final String name)
    {
        this.name = name;
    }

    /** What the journal is called in a warning: "input journal", "output journal". */
    public String name()
    {
        return name;
    }

    /**
     * Appends {@code length} bytes of {@code buffer} as one document and publishes where it ended: the one way the
     * journals write, so that no writer can move on without its front following.
     */
    void append(final ExcerptAppender appender, final byte[] buffer, final int length)
    {
        try (DocumentContext dc = appender.writingDocument())
        {
            final Bytes<?> bytes = dc.wire().bytes();
            bytes.write(buffer, 0, length);
            moved(appender.currentFile(), bytes.writePosition());
        }
    }

    /**
     * The writer appended up to {@code position} of {@code current}. On a new file the position is first taken back
     * to {@link #UNKNOWN}, then the file published, then the position: a reader that reads the file and then the
     * position never pairs the new file with the old file's position.
     */
    void moved(final File current, final long position)
    {
        if (current != lastFile)
        {
            lastFile = current;
            POSITION.setRelease(this, UNKNOWN);
            FILE.setRelease(this, current);
        }
        POSITION.setRelease(this, position);
    }

    /** The file last appended to, null before the first document. */
    public File file()
    {
        return (File)FILE.getAcquire(this);
    }

    /**
     * Read after {@link #file}: the position in that file, or {@link #UNKNOWN} while the writer is moving to another.
     */
    public long position()
    {
        return (long)POSITION.getAcquire(this);
    }
}
