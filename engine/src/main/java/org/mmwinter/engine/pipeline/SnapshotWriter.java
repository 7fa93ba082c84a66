package org.mmwinter.engine.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.mmwinter.engine.journal.SnapshotEncoder;
import org.mmwinter.engine.state.EngineState;

/**
 * Takes the engine's snapshots so that a periodic one holds the matching thread only while it encodes the state into
 * a buffer kept from one snapshot to the next ({@link SnapshotEncoder}); writing that buffer to a file, renaming it
 * and deleting older snapshots happen on a daemon thread, {@code engine-snapshots}.
 * <p>
 * One buffer and one write at a time: a periodic snapshot that falls due while the previous one is still being
 * written is skipped, and counted ({@link #skipped}), rather than blocking the matcher or encoding into a second
 * buffer. A second buffer would cost a second copy of the state's size and still could not be written before the
 * first, so it would only queue a snapshot that a disk this slow could not keep up with anyway; the journal holds
 * every command, so a skipped snapshot costs a longer replay at the next restart, never a command.
 * <p>
 * The snapshot taken while idle (at {@link EnginePipeline#close}) is written by the calling thread once any write in
 * flight is done, so that it is on disk when the call returns. A write that fails is reported on stderr and the
 * engine goes on: a snapshot is an optimisation over the journal, which stays the source of truth.
 */
final class SnapshotWriter
{
    private static final Runnable NOTHING = () ->
    {
    };

    private final SnapshotEncoder encoder = new SnapshotEncoder();
    private final Path directory;
    private final Thread thread;
    /** Guards the wait for a write in flight; the matcher reads {@link #writing} without it. */
    private final Object writeDone = new Object();
    /** Set by the taker once the buffer holds a snapshot to write, cleared by the writer thread when it is written. */
    private volatile boolean writing;
    private volatile boolean running = true;
    private volatile Runnable beforeWrite = NOTHING;
    /** Resting orders in the snapshot handed to the writer thread (published to it by {@link #writing}). */
    private int liveOrders;

    /** Written by the taker (the matching thread, or the closing one once it has stopped), read by any. */
    private volatile long longestEncodeNs;
    /** Counters with one writer at a time: a plain read and an ordered write, never a volatile increment. */
    private final AtomicLong skipped = new AtomicLong();
    /** Written by whichever thread writes a file, one at a time. */
    private volatile long longestWriteNs;
    private final AtomicLong written = new AtomicLong();

    /**
     * @param state the state as recovered: the buffer is sized for its book (and half as much again) now, at the
     *              start, rather than by the matching thread's first snapshot.
     */
    SnapshotWriter(final Path directory, final EngineState state)
    {
        this.directory = directory;
        encoder.makeRoom(state.engine().liveOrderCount());
        thread = new Thread(this::run, "engine-snapshots");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * From the matching thread: encodes the state and hands the file to the writer thread, or skips the snapshot if
     * the previous one is still being written.
     */
    void takeInBackground(final EngineState state)
    {
        if (writing)
        {
            skipped.lazySet(skipped.get() + 1);
            return;
        }
        encode(state);
        liveOrders = state.engine().liveOrderCount();
        writing = true;
        LockSupport.unpark(thread);
    }

    /**
     * While idle: waits for any write in flight, then encodes and writes the state on the calling thread.
     */
    void takeNow(final EngineState state)
    {
        awaitWritten();
        encode(state);
        write();
    }

    /**
     * Waits for any write in flight and stops the writer thread.
     */
    void close()
    {
        awaitWritten();
        running = false;
        LockSupport.unpark(thread);
        try
        {
            thread.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** The longest the taker has spent encoding a snapshot (nanoseconds): the matching thread's pause. */
    long longestEncodeNs()
    {
        return longestEncodeNs;
    }

    /** The longest a snapshot's file took to write, rename and prune (nanoseconds), off the matching thread. */
    long longestWriteNs()
    {
        return longestWriteNs;
    }

    /** Periodic snapshots skipped because the previous one was still being written. */
    long skipped()
    {
        return skipped.get();
    }

    /** Snapshot files written. */
    long written()
    {
        return written.get();
    }

    /** Tests only: runs on the writer thread before each background write, so that a test can hold one in flight. */
    void beforeWrite(final Runnable hook)
    {
        beforeWrite = hook;
    }

    private void encode(final EngineState state)
    {
        final long start = System.nanoTime();
        encoder.encode(state);
        final long pause = System.nanoTime() - start;
        if (pause > longestEncodeNs)
        {
            longestEncodeNs = pause;
        }
    }

    private void run()
    {
        while (running)
        {
            if (writing)
            {
                try
                {
                    beforeWrite.run();
                    write();
                    // Room for the book to grow by half before the next snapshot, allocated here, not by the matcher.
                    encoder.makeRoom(liveOrders);
                }
                finally
                {
                    synchronized (writeDone)
                    {
                        writing = false;
                        writeDone.notifyAll();
                    }
                }
            }
            else
            {
                LockSupport.park(this);
            }
        }
    }

    private void write()
    {
        final long start = System.nanoTime();
        try
        {
            encoder.writeTo(directory);
            final long took = System.nanoTime() - start;
            if (took > longestWriteNs)
            {
                longestWriteNs = took;
            }
            written.lazySet(written.get() + 1);
        }
        catch (final IOException | RuntimeException ex)
        {
            // A snapshot is an optimisation: the journal still holds everything, so report and go on.
            System.err.println("engine: snapshot not written: " + ex);
        }
    }

    private void awaitWritten()
    {
        synchronized (writeDone)
        {
            boolean interrupted = false;
            // A writer thread that died (an Error) never clears the flag: do not wait for it forever.
            while (writing && thread.isAlive())
            {
                try
                {
                    writeDone.wait(100);
                }
                catch (final InterruptedException ex)
                {
                    interrupted = true;
                }
            }
            if (interrupted)
            {
                Thread.currentThread().interrupt();
            }
        }
    }
}
