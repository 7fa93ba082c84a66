package org.mmwinter.engine.journal;

import java.io.File;
import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.LockSupport;

import org.agrona.IoUtil;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Writes to the pages of the journal files just ahead of their writers, on a thread of its own, so that the first
 * write to a page is not made by the engine thread.
 *
 * <p>Why: a journal is a memory-mapped file, and the first write to a new page of it is a page fault that the file
 * system serves. Measured on the project's 2-core VM (ext4 on a virtual disk, kernel 6.18): about every 7-8 MB of
 * journal one such fault takes 20-24 ms, and the thread's CPU time over it is as long as its wall time, so it is
 * kernel work, not a wait for the disk. At 100,000 commands/s that is a 20 ms stall of the engine thread every
 * 1.7 s. Writing alone into an {@link InputJournal} every 10 us for 15 s (2026-12-03), 3 and 4 writes took over
 * 20 ms without this class, none over 5.3 ms after the first half second with it.
 *
 * <p>What it does not do: it moves that CPU time to its own thread, it does not remove it. On two cores with two
 * threads spinning (a producer and the engine, {@code pipeline.stages=single}) there is no core to spare, and the
 * pipeline's p99.9 at 100,000 commands/s was the same with and without it (3.7-16 ms against 3.6-14.5 ms in three
 * alternating runs each); the one stall of over 10 ms in a traced run began within 2 ms of this thread's 20 ms touch.
 * It pays where a core is free for it, as in the measurement above (one writer on two cores).
 *
 * <p>How: every {@link #PERIOD_NS} it reads each journal's {@link AppendFront} and makes sure every page from there
 * to {@link #AHEAD_BYTES} further on has been written once, through a window of the file it maps itself. The write is
 * a compare-and-set of 0 by 0 on the page's first word: it changes nothing whatever the writer has put there (so a
 * writer that catches up loses nothing), but it is a write, so the fault happens here. It
 * never touches past the file's length (Chronicle sizes the file; a mapping must not grow it), so the journal's
 * contents and length are exactly what they would be without it; only blocks that would have been allocated a little
 * later are allocated now (at most {@link #AHEAD_BYTES} a journal beyond its end when the engine stops).
 *
 * <p>It only ever saves time: a file it cannot open or map (removed, a full disk) is given up with one warning and
 * the writer faults its pages in itself, as without it.
 */
public final class JournalPretoucher implements AutoCloseable
{
    static final long AHEAD_BYTES = 16L << 20;
    static final long PERIOD_NS = 5_000_000L;
    private static final long WINDOW_BYTES = 16L << 20;
    private static final long PAGE = 4096;

    private final Cursor[] cursors;
    private final Thread thread;
    private volatile boolean running = true;

    public JournalPretoucher(final AppendFront... fronts)
    {
        this(AHEAD_BYTES, fronts);
    }

    /** Touching {@code aheadBytes} (a multiple of the page) ahead of each writer: a test takes a shorter reach. */
    JournalPretoucher(final long aheadBytes, final AppendFront... fronts)
    {
        cursors = new Cursor[fronts.length];
        for (int i = 0; i < fronts.length; i++)
        {
            cursors[i] = new Cursor(fronts[i], aheadBytes);
        }
        thread = new Thread(this::run, "journal-pretoucher");
        thread.setDaemon(true);
    }

    public JournalPretoucher start()
    {
        thread.start();
        return this;
    }

    /** One pass over every journal; the thread calls it every {@link #PERIOD_NS}, a test may call it itself. */
    void touchAll()
    {
        for (final Cursor cursor : cursors)
        {
            cursor.touch();
        }
    }

    /** The position up to which {@code front}'s current file has been touched: for tests. */
    long touchedTo(final int front)
    {
        return cursors[front].touchedTo;
    }

    /** Whether its thread is still alive: for tests. */
    boolean threadAlive()
    {
        return thread.isAlive();
    }

    private void run()
    {
        while (running)
        {
            touchAll();
            LockSupport.parkNanos(PERIOD_NS);
        }
    }

    /** Stops the thread and unmaps what it had mapped; the journals themselves are not touched. */
    @Override
    public void close()
    {
        running = false;
        LockSupport.unpark(thread);
        if (thread.isAlive())
        {
            try
            {
                thread.join(10_000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        for (final Cursor cursor : cursors)
        {
            cursor.release();
        }
    }

    /** One journal: the file being touched, the window of it mapped, and how far it has been touched. */
    private static final class Cursor
    {
        private final AppendFront front;
        private final long aheadBytes;
        private final UnsafeBuffer page = new UnsafeBuffer(0, 0);
        private File file;
        private boolean givenUp;
        private FileChannel channel;
        private MappedByteBuffer window;
        private long windowStart;
        private long windowEnd;
        long touchedTo;

        Cursor(final AppendFront front, final long aheadBytes)
        {
            this.front = front;
            this.aheadBytes = aheadBytes;
        }

        void touch()
        {
            final File current = front.file();
            final long position = front.position();
            if (current == null || position == AppendFront.UNKNOWN)
            {
                return;
            }
            if (!current.equals(file))
            {
                release();
                file = current;
                givenUp = false;
                touchedTo = 0;
            }
            if (givenUp)
            {
                return;
            }
            try
            {
                if (channel == null)
                {
                    channel = FileChannel.open(file.toPath(), StandardOpenOption.READ, StandardOpenOption.WRITE);
                }
                final long fileEnd = channel.size() & -PAGE;
                final long end = Math.min(position + aheadBytes, fileEnd);
                long next = Math.max(touchedTo, (position + PAGE) & -PAGE);
                while (next < end)
                {
                    if (next < windowStart || next >= windowEnd)
                    {
                        map(next & -WINDOW_BYTES, fileEnd);
                    }
                    page.compareAndSetInt((int)(next - windowStart), 0, 0);
                    next += PAGE;
                }
                touchedTo = next;
            }
            catch (final IOException | RuntimeException | InternalError ex)
            {
                // InternalError is how the JVM reports a fault on a mapped page it could not back (a full disk).
                System.err.println("engine: cannot pretouch the " + front.name() + " " + file + " (" + ex +
                    "); its writer faults its pages in itself");
                givenUp = true;
                release();
            }
        }

        /** Maps the window from {@code start} (a multiple of the window size), never past {@code limit}. */
        private void map(final long start, final long limit) throws IOException
        {
            unmapWindow();
            final long length = Math.min(WINDOW_BYTES, limit - start);
            window = channel.map(FileChannel.MapMode.READ_WRITE, start, length);
            page.wrap(window);
            windowStart = start;
            windowEnd = start + length;
        }

        private void unmapWindow()
        {
            if (window != null)
            {
                page.wrap(0, 0);
                IoUtil.unmap(window);
                window = null;
            }
            windowStart = 0;
            windowEnd = 0;
        }

        void release()
        {
            unmapWindow();
            if (channel != null)
            {
                try
                {
                    channel.close();
                }
                catch (final IOException ignored)
                {
                    // Nothing was written through the channel itself: closing it cannot lose anything.
                }
                channel = null;
            }
        }
    }
}
