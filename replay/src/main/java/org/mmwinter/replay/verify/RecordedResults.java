package org.mmwinter.replay.verify;

import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.mmwinter.engine.journal.JournalCorruptException;
import org.mmwinter.engine.journal.OutputJournal;
import org.mmwinter.engine.message.ResultEvent;

/**
 * The recorded output journal read in order, one result at a time, while the input journal is being replayed on
 * the caller's thread. The engine's reader pushes every result to a handler, so it runs on a thread of its own and
 * hands results over in blocks: a bounded few, recycled, whatever the journal's length.
 */
final class RecordedResults implements AutoCloseable
{
    private static final int BLOCK_SIZE = 1_024;
    private static final int BLOCKS = 8;

    /** Put after the last block: the reader is done (see {@link #failure}). */
    private static final Block END = new Block(0);

    private final BlockingQueue<Block> filled = new ArrayBlockingQueue<>(BLOCKS + 1);
    private final BlockingQueue<Block> free = new ArrayBlockingQueue<>(BLOCKS);
    private final Thread reader;
    private volatile boolean stopping;
    private volatile RuntimeException failure;
    private Block current;
    private int index;
    private boolean ended;
    private long read;

    /**
     * One hand-over: results copied by the reader, read by the caller.
     */
    private static final class Block
    {
        final ResultEvent[] events;
        int count;

        Block(final int size)
        {
            events = new ResultEvent[size];
            for (int i = 0; i < size; i++)
            {
                events[i] = new ResultEvent();
            }
        }
    }

    /**
     * Thrown inside the reader's handler to abandon the journal when the caller has stopped reading.
     */
    private static final class Abandoned extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        Abandoned()
        {
            super("verification stopped", null, false, false);
        }
    }

    /**
     * Starts reading {@code directory} (an output journal) from its start.
     */
    RecordedResults(final Path directory)
    {
        for (int i = 0; i < BLOCKS; i++)
        {
            free.add(new Block(BLOCK_SIZE));
        }
        reader = new Thread(() -> readAll(directory), "verify-output-journal");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll(final Path directory)
    {
        final Block[] filling = new Block[1];
        try
        {
            filling[0] = take(free);
            OutputJournal.replayReadOnly(directory, r ->
            {
                Block block = filling[0];
                if (block.count == block.events.length)
                {
                    put(block);
                    block = take(free);
                    filling[0] = block;
                }
                block.events[block.count++].copyFrom(r);
            });
            put(filling[0]);
        }
        catch (final JournalCorruptException ex)
        {
            if (!stopping)
            {
                failure = ex;
            }
        }
        catch (final Exception ex)
        {
            // A queue Chronicle cannot open at all comes out as whatever Chronicle threw, checked exceptions it does
            // not declare included (StreamCorruptedException for a file that is not a queue file).
            if (!stopping)
            {
                failure = new JournalCorruptException("output journal " + directory + " cannot be opened: " + ex, ex);
            }
        }
        finally
        {
            put(END);
        }
    }

    private Block take(final BlockingQueue<Block> queue)
    {
        try
        {
            final Block block = queue.take();
            block.count = 0;
            return block;
        }
        catch (final InterruptedException ex)
        {
            throw new Abandoned();
        }
    }

    /**
     * Never waits: the queue holds every block there is and the end mark.
     */
    private void put(final Block block)
    {
        filled.offer(block);
    }

    /**
     * Moves to the next recorded result.
     *
     * @return false when the journal has no more.
     * @throws JournalCorruptException when the journal could not be read to its end (or at all).
     */
    boolean advance()
    {
        while (!ended && (current == null || index + 1 >= current.count))
        {
            if (current != null && current != END)
            {
                free.add(current);
            }
            current = takeFilled();
            index = -1;
            if (current == END)
            {
                ended = true;
                if (failure != null)
                {
                    throw failure;
                }
            }
        }
        if (ended)
        {
            return false;
        }
        index++;
        read++;
        return true;
    }

    /** The result {@link #advance} moved to; valid until the next call. */
    ResultEvent current()
    {
        return current.events[index];
    }

    /** Results moved to so far. */
    long read()
    {
        return read;
    }

    private Block takeFilled()
    {
        try
        {
            return filled.take();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the output journal", ex);
        }
    }

    /**
     * Stops the reader wherever it is and waits for it to close the journal.
     */
    public void close()
    {
        stopping = true;
        reader.interrupt();
        try
        {
            reader.join();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
