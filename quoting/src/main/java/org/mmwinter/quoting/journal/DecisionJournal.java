package org.mmwinter.quoting.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.mmwinter.engine.journal.ChronicleSettings;

/**
 * The market maker's decision journal: every quote decision with the inputs that produced it, one Chronicle Queue
 * document per record in {@link DecisionCodec}'s layout, so that a post-mortem can print what the bot saw and why it
 * did what it did ({@link DecisionPrinter}). Written from one thread, the bot's; {@link #append} allocates nothing
 * after its first call. Records go to memory-mapped files that outlive a killed process; nothing is synced to disk.
 */
public final class DecisionJournal implements AutoCloseable
{
    static
    {
        ChronicleSettings.apply();
    }

    private final Path directory;
    private final SingleChronicleQueue queue;
    private final DecisionCodec codec = new DecisionCodec();
    private ExcerptAppender appender;
    private long appended;
    private long bytesWritten;

    private DecisionJournal(final Path directory, final SingleChronicleQueue queue)
    {
        this.directory = directory;
        this.queue = queue;
    }

    /**
     * Opens the journal in {@code directory} for appending, creating the directory if it is missing; records
     * already there are kept.
     *
     * @throws IllegalArgumentException when the directory cannot be created.
     */
    public static DecisionJournal open(final Path directory)
    {
        return open(directory, SystemTimeProvider.INSTANCE);
    }

    /**
     * Opens with the clock Chronicle names its daily files by: tests pin it so that a run stays inside one cycle.
     */
    static DecisionJournal open(final Path directory, final TimeProvider fileClock)
    {
        try
        {
            Files.createDirectories(directory);
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException("cannot create the decision journal directory " + directory + ": " +
                ex, ex);
        }
        return new DecisionJournal(directory, openQueue(directory, false, fileClock));
    }

    static SingleChronicleQueue openQueue(final Path directory, final boolean readOnly, final TimeProvider fileClock)
    {
        return SingleChronicleQueueBuilder.binary(directory)
            .rollCycle(RollCycles.FAST_DAILY)
            .readOnly(readOnly)
            .timeProvider(fileClock)
            .timeoutMS(2_000)
            .build();
    }

    public Path directory()
    {
        return directory;
    }

    /**
     * Records the symbol, tick size and lot size of an instrument, so that the reader can print symbols and decimal
     * prices. Write it before the instrument's first decision (and again after every start: the reader takes the
     * latest definition it has read). Off the hot path: it allocates.
     *
     * @throws IllegalArgumentException for an empty symbol, one over {@value DecisionCodec#MAX_SYMBOL_BYTES} UTF-8
     *     bytes, or a size that is not a positive number.
     */
    public void defineInstrument(final int instrumentId, final String symbol, final double tickSize,
        final double lotSize)
    {
        write(codec.encodeInstrument(instrumentId, symbol, tickSize, lotSize));
    }

    /**
     * Appends one decision: its levels in use, not the whole arrays.
     *
     * @throws IllegalArgumentException when a level count is outside 0 to {@link Decision#MAX_LEVELS}.
     */
    public void append(final Decision d)
    {
        write(codec.encodeDecision(d));
        appended++;
    }

    private void write(final int length)
    {
        if (appender == null)
        {
            appender = queue.createAppender();
        }
        try (DocumentContext dc = appender.writingDocument())
        {
            dc.wire().bytes().write(codec.bytes(), 0, length);
        }
        bytesWritten += length;
    }

    /**
     * Lets the next append come from another thread: Chronicle's appender is single-threaded and checks it, and the
     * live host writes the instrument table and the restart's records on the engine's thread before its own thread
     * takes over. Call it on the thread that wrote last, before the other thread starts.
     */
    public void handOver()
    {
        if (appender != null)
        {
            appender.singleThreadedCheckReset();
        }
    }

    /**
     * Decisions appended since this journal was opened (instrument records not counted).
     */
    public long appended()
    {
        return appended;
    }

    /**
     * Record bytes written since this journal was opened, decisions and instruments (Chronicle's own headers and
     * indexes not counted).
     */
    public long bytesWritten()
    {
        return bytesWritten;
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
