package org.mmwinter.quoting.journal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.agrona.collections.Int2ObjectHashMap;
import org.mmwinter.engine.journal.ChronicleSettings;
import org.mmwinter.engine.journal.JournalCorruptException;

/**
 * Reads a decision journal from its start, one decision at a time, keeping the instrument table its records define.
 * Opens the queue read-only, so it can read the journal of a running bot: {@link #next} answers false at the current
 * end and true again once more has been written.
 */
public final class DecisionReader implements AutoCloseable
{
    static
    {
        ChronicleSettings.apply();
    }

    /** What {@link #tickSize} and {@link #lotSize} answer for an instrument the journal does not define. */
    public static final double UNKNOWN_SIZE = Double.NaN;

    private static final int NO_RECORD = 0;
    private static final long NO_INDEX = -1;

    private final Path directory;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final DecisionCodec codec = new DecisionCodec();
    private final Int2ObjectHashMap<InstrumentDefinition> instruments = new Int2ObjectHashMap<>();
    /** The type of a record read (by {@link #open}'s check) but not yet handed out, or {@link #NO_RECORD}. */
    private int pendingType = NO_RECORD;
    private long lastIndex = NO_INDEX;

    private DecisionReader(final Path directory, final SingleChronicleQueue queue)
    {
        this.directory = directory;
        this.queue = queue;
        this.tailer = queue.createTailer();
    }

    /**
     * Opens the journal in {@code directory} for reading, checking that its first record is a decision journal's.
     *
     * @throws IllegalArgumentException naming the directory when it does not exist, holds no Chronicle Queue, or
     *     holds one whose first record is not a decision journal record.
     */
    public static DecisionReader open(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            throw new IllegalArgumentException("no decision journal at " + directory + ": no such directory");
        }
        if (!holdsQueue(directory))
        {
            throw new IllegalArgumentException(directory + " is not a decision journal: it holds no Chronicle Queue");
        }
        final SingleChronicleQueue queue;
        try
        {
            queue = DecisionJournal.openQueue(directory, true, SystemTimeProvider.INSTANCE);
        }
        catch (final RuntimeException ex)
        {
            throw new IllegalArgumentException(directory + " is not a decision journal: " + ex, ex);
        }
        final DecisionReader reader = new DecisionReader(directory, queue);
        try
        {
            reader.pendingType = reader.readRecord();
        }
        catch (final JournalCorruptException ex)
        {
            reader.close();
            throw new IllegalArgumentException(directory + " is not a decision journal: " + ex.getMessage(), ex);
        }
        return reader;
    }

    private static boolean holdsQueue(final Path directory)
    {
        // Chronicle keeps its queue's metadata in a .cq4t table store beside the cycle files.
        try (DirectoryStream<Path> tables = Files.newDirectoryStream(directory, "*.cq4t"))
        {
            return tables.iterator().hasNext();
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("cannot list " + directory + ": " + ex, ex);
        }
    }

    public Path directory()
    {
        return directory;
    }

    /**
     * Fills {@code into} with the next decision, taking in the instrument records on the way.
     *
     * @return false at the end of what has been written so far.
     * @throws JournalCorruptException naming the document that fails its checks.
     */
    public boolean next(final Decision into)
    {
        while (true)
        {
            int type = pendingType;
            pendingType = NO_RECORD;
            if (type == NO_RECORD)
            {
                type = readRecord();
                if (type == NO_RECORD)
                {
                    return false;
                }
            }
            if (type == DecisionCodec.DECISION)
            {
                try
                {
                    codec.decodeDecision(into);
                }
                catch (final JournalCorruptException ex)
                {
                    throw new JournalCorruptException(where(lastIndex) + ": " + ex.getMessage(), ex);
                }
                return true;
            }
            instruments.put(codec.instrumentId(),
                new InstrumentDefinition(codec.symbol(), codec.tickSize(), codec.lotSize()));
        }
    }

    /**
     * Copies the next document into the codec and checks it (an instrument record is decoded then too).
     *
     * @return its record type, or {@link #NO_RECORD} when there is none yet.
     */
    private int readRecord()
    {
        long index = NO_INDEX;
        try (DocumentContext dc = tailer.readingDocument())
        {
            if (!dc.isPresent())
            {
                return NO_RECORD;
            }
            index = dc.index();
            lastIndex = index;
            final Bytes<?> bytes = dc.wire().bytes();
            final int length = (int)bytes.readRemaining();
            bytes.read(codec.wrapForDecode(length), 0, length);
            return codec.open(length);
        }
        catch (final JournalCorruptException ex)
        {
            throw new JournalCorruptException(where(index) + ": " + ex.getMessage(), ex);
        }
        catch (final RuntimeException ex)
        {
            throw new JournalCorruptException(where(index) + " cannot be read: " + ex, ex);
        }
        catch (final InternalError ex)
        {
            // The JVM's answer to touching a memory-mapped page that the file no longer has (a cut file).
            throw new JournalCorruptException(where(index) + " is shorter than its own layout says (a truncated " +
                "file?): " + ex.getMessage(), ex);
        }
    }

    private String where(final long index)
    {
        final String journal = "decision journal " + directory;
        return index == NO_INDEX ? journal : journal + " document index 0x" + Long.toHexString(index);
    }

    /**
     * The symbol of an instrument the journal has defined so far, or {@code "#" + instrumentId} when it has not.
     */
    public String symbol(final int instrumentId)
    {
        final InstrumentDefinition definition = instruments.get(instrumentId);
        return definition == null ? "#" + instrumentId : definition.symbol;
    }

    /**
     * The tick size of an instrument the journal has defined so far, or {@link #UNKNOWN_SIZE}.
     */
    public double tickSize(final int instrumentId)
    {
        final InstrumentDefinition definition = instruments.get(instrumentId);
        return definition == null ? UNKNOWN_SIZE : definition.tickSize;
    }

    /**
     * The lot size of an instrument the journal has defined so far, or {@link #UNKNOWN_SIZE}.
     */
    public double lotSize(final int instrumentId)
    {
        final InstrumentDefinition definition = instruments.get(instrumentId);
        return definition == null ? UNKNOWN_SIZE : definition.lotSize;
    }

    public void close()
    {
        tailer.close();
        queue.close();
    }

    /**
     * One instrument record's figures.
     */
    private static final class InstrumentDefinition
    {
        final String symbol;
        final double tickSize;
        final double lotSize;

        InstrumentDefinition(final String symbol, final double tickSize, final double lotSize)
        {
            this.symbol = symbol;
            this.tickSize = tickSize;
            this.lotSize = lotSize;
        }
    }
}
