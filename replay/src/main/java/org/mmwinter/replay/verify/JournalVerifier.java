package org.mmwinter.replay.verify;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mmwinter.engine.journal.InputJournal;
import org.mmwinter.engine.journal.JournalCorruptException;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.pipeline.OfflineMatcher;

/**
 * An engine data directory as a regression test: re-runs its input journal through the current matching core and
 * the live engine's result publishing ({@link OfflineMatcher}), and compares every result, in order, with the one
 * its output journal recorded, on every field the journal records ({@link JournalForm}). Stops at the first
 * divergence. One verification per instance.
 */
public final class JournalVerifier
{
    /** Check every command. */
    public static final long NO_LIMIT = Long.MAX_VALUE;

    /** How Chronicle Queue names a cycle's file; a journal directory without one holds no journal. */
    private static final String QUEUE_FILE = ".cq4";

    /** Room for the live orders of a large journal before the core's maps grow. */
    private static final int EXPECTED_LIVE_ORDERS = 1 << 16;

    private final Path dataDir;
    private final long limit;
    private final JournalForm form = new JournalForm();
    private RecordedResults recorded;
    private OfflineMatcher matcher;
    private CommandEvent command;
    private long lastSequence;
    private long commands;
    private long results;
    private boolean stopped;
    private RuntimeException outputFailure;
    private Verdict divergence;

    /**
     * @param limit how many commands to check from the start ({@link #NO_LIMIT} for all).
     * @throws IllegalArgumentException for a negative limit.
     */
    public JournalVerifier(final Path dataDir, final long limit)
    {
        if (limit < 0)
        {
            throw new IllegalArgumentException("--limit must not be negative: " + limit);
        }
        this.dataDir = dataDir;
        this.limit = limit;
    }

    /**
     * @throws IllegalArgumentException when the directory or one of its journals is missing.
     * @throws JournalCorruptException when a journal cannot be opened or read.
     */
    public Verdict run()
    {
        final Path input = dataDir.resolve("input");
        final Path output = dataDir.resolve("output");
        if (!Files.isDirectory(dataDir))
        {
            throw new IllegalArgumentException("no data directory " + dataDir.toAbsolutePath().normalize());
        }
        if (!holdsQueueFiles(input))
        {
            throw new IllegalArgumentException("no input journal under " + dataDir.toAbsolutePath().normalize() +
                " (expected queue files, *" + QUEUE_FILE + ", in " + input + ")");
        }
        if (!holdsQueueFiles(output))
        {
            // The engine creates the directory even with the output journal off, and writes nothing into it.
            throw new IllegalArgumentException("no output journal under " + dataDir.toAbsolutePath().normalize() +
                " (expected queue files, *" + QUEUE_FILE + ", in " + output +
                "; was the engine run with the output journal off?)");
        }
        matcher = new OfflineMatcher(EXPECTED_LIVE_ORDERS, this::onReplayed);
        try (RecordedResults reader = new RecordedResults(output))
        {
            recorded = reader;
            replayInput(input);
            if (outputFailure != null)
            {
                throw outputFailure;
            }
            if (divergence == null)
            {
                checkNothingLeft();
            }
        }
        return divergence != null ? divergence : Verdict.allAgreed(commands, results);
    }

    /**
     * @throws JournalCorruptException when the directory exists but cannot be listed.
     */
    private static boolean holdsQueueFiles(final Path directory)
    {
        if (!Files.isDirectory(directory))
        {
            return false;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*" + QUEUE_FILE))
        {
            return files.iterator().hasNext();
        }
        catch (final IOException ex)
        {
            throw new JournalCorruptException("cannot list " + directory + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * The engine's reader reports a damaged document as {@link JournalCorruptException}, but a queue Chronicle
     * cannot open at all (a stray or cut metadata file, a file that is not a queue's) as whatever Chronicle threw:
     * all are an unreadable journal.
     */
    private void replayInput(final Path input)
    {
        try
        {
            InputJournal.replayReadOnly(input, this::onCommand);
        }
        catch (final JournalCorruptException ex)
        {
            throw ex;
        }
        catch (final Exception ex)
        {
            // Chronicle also throws checked exceptions it does not declare (StreamCorruptedException for a file
            // that is not a queue file): caught here as Exception.
            throw new JournalCorruptException("input journal " + input + " cannot be opened: " + ex, ex);
        }
    }

    private void onCommand(final CommandEvent next)
    {
        if (stopped || commands >= limit)
        {
            // The journal is still read to its end (Chronicle's reader has no early exit): decoding is cheap.
            return;
        }
        commands++;
        command = next;
        lastSequence = next.sequence;
        matcher.apply(next);
    }

    private void onReplayed(final ResultEvent actual)
    {
        if (stopped)
        {
            return;
        }
        final boolean present;
        try
        {
            present = recorded.advance();
        }
        catch (final RuntimeException ex)
        {
            // Rethrown after the input journal's reader has closed, which would otherwise take it for its own.
            outputFailure = ex;
            stopped = true;
            return;
        }
        if (!present)
        {
            diverge(actual.commandSequence, "(none: the output journal ends after " + results + " results)",
                ResultText.describe(form.asRecorded(actual)), "");
            return;
        }
        final ResultEvent expected = recorded.current();
        if (form.same(expected, actual))
        {
            results++;
            return;
        }
        final ResultEvent replayed = form.asRecorded(actual);
        final String differences = ResultText.differences(expected, replayed);
        diverge(Math.min(expected.commandSequence, actual.commandSequence), ResultText.describe(expected),
            ResultText.describe(replayed), differences.isEmpty() ?
            "a recorded field this report does not name (the encodings differ)" : differences);
    }

    /**
     * After the last command checked: a recorded result left over is one the replay did not make, unless
     * {@code --limit} stopped before its command.
     */
    private void checkNothingLeft()
    {
        if (!recorded.advance())
        {
            return;
        }
        final ResultEvent expected = recorded.current();
        if (commands == limit && expected.commandSequence > lastSequence)
        {
            return;
        }
        // No command is being replayed now (the decoder's event has moved on): the report names none.
        command = null;
        diverge(expected.commandSequence, ResultText.describe(expected), commands == limit ?
            "(none: the replay made no more results for the " + commands + " commands checked)" :
            "(none: the replay made no more results; the input journal ends after " + commands + " commands)", "");
    }

    private void diverge(final long sequence, final String expected, final String actual, final String differences)
    {
        final String commandText = command != null && command.sequence == sequence ? command.toString() : "";
        divergence = new Verdict(commands, results, false, sequence, commandText, expected, actual, differences);
        stopped = true;
    }
}
