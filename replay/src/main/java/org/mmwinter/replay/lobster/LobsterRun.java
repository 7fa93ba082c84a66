package org.mmwinter.replay.lobster;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code replay lobster}: runs a LOBSTER message file through the matching core ({@link LobsterRebuild}) and, with
 * the order-book file, checks the rebuilt top N levels after every event ({@link BookVerifier}). Writes
 * {@code trades.csv} and, with a book file, {@code lobster-match.csv}. A malformed line is reported on the error
 * stream with its file and line number, counted and skipped.
 */
public final class LobsterRun
{
    /** The instrument's name when the message file is not named the LOBSTER way. */
    public static final String DEFAULT_SYMBOL = "LOBSTER";
    /** Levels argument meaning "the book file's column count / 4". */
    public static final int LEVELS_FROM_FILE = 0;

    private static final Pattern LOBSTER_NAME =
        Pattern.compile("([A-Za-z0-9.^-]+)_\\d{4}-\\d{2}-\\d{2}_\\d+_\\d+_message_\\d+\\.csv(\\.gz)?");
    private static final int MAX_REPORTED_LINES = 1000;

    private final PrintStream errors;
    private final boolean naive;
    private long reported;

    /**
     * @param errors where malformed lines and row-count differences are reported.
     */
    public LobsterRun(final PrintStream errors)
    {
        this(errors, false);
    }

    /**
     * @param naive seed the book from the first book row and then only compare: no levels taken from the book
     *              file later, no resynchronisation (to measure what they add).
     */
    public LobsterRun(final PrintStream errors, final boolean naive)
    {
        this.errors = errors;
        this.naive = naive;
    }

    /**
     * The instrument's name: the ticker of a {@code TICKER_Date_Start_End_message_Level.csv} name, else
     * {@link #DEFAULT_SYMBOL}.
     */
    public static String symbolOf(final Path messages)
    {
        final Path name = messages.getFileName();
        final Matcher matcher = LOBSTER_NAME.matcher(name == null ? "" : name.toString());
        return matcher.matches() ? matcher.group(1) : DEFAULT_SYMBOL;
    }

    /**
     * @param book the order-book file, or null to rebuild without checking.
     * @param levels levels to compare, or {@link #LEVELS_FROM_FILE}.
     * @throws LobsterFileException for a file that cannot be read, or a book file without a usable first row.
     * @throws IllegalArgumentException for more levels than the book file has (a usage error).
     */
    public LobsterResult run(final Path messages, final Path book, final int levels, final Path out)
        throws IOException
    {
        checkReadable(messages);
        if (book != null)
        {
            checkReadable(book);
        }
        Files.createDirectories(out);
        final long start = System.nanoTime();
        try (LineSource messageLines = openSource(messages);
            LineSource bookLines = book == null ? null : openSource(book);
            Writer trades = writer(out.resolve("trades.csv")))
        {
            final LobsterRebuild rebuild = new LobsterRebuild(symbolOf(messages), trades);
            final LobsterMessageParser parser = new LobsterMessageParser();
            final LobsterMessage message = new LobsterMessage();
            String bookLine = bookLines == null ? null : read(bookLines);
            BookVerifier verifier = null;
            long[] row = null;
            if (bookLines != null)
            {
                final int n = levelsOf(book, bookLine, levels);
                verifier = new BookVerifier(n, rebuild, naive);
                row = new long[4 * n];
            }
            final int fileColumns = bookLine == null ? 0 : BookRowParser.columnsOf(bookLine);
            final BookRowParser fileRowParser = bookLine == null ? null : new BookRowParser(fileColumns);
            final long[] fileRow = new long[Math.max(fileColumns, 1)];
            long rows = 0;
            long events = 0;
            long malformed = 0;
            long bookRows = 0;
            long malformedBook = 0;
            String line;
            while ((line = read(messageLines)) != null)
            {
                rows++;
                final boolean parsed = parser.parse(line, message);
                if (parsed)
                {
                    events++;
                    rebuild.apply(message, rows);
                }
                else
                {
                    malformed++;
                    report(messageLines, parser.error());
                }
                if (bookLine == null)
                {
                    continue;
                }
                bookRows++;
                if (fileRowParser.parse(bookLine, fileRow))
                {
                    System.arraycopy(fileRow, 0, row, 0, row.length);
                    verifier.check(row, rows, parsed ? message : null);
                }
                else
                {
                    malformedBook++;
                    report(bookLines, fileRowParser.error());
                }
                bookLine = read(bookLines);
            }
            long extraBookRows = 0;
            while (bookLine != null)
            {
                extraBookRows++;
                bookLine = read(bookLines);
            }
            if (bookLines != null && (extraBookRows > 0 || bookRows < rows))
            {
                errors.println("replay lobster: the book file has " + (bookRows + extraBookRows) +
                    " rows and the message file " + rows + ": compared the first " + bookRows + " (rows align " +
                    "one to one from the first)");
            }
            trades.flush();
            final long elapsed = System.nanoTime() - start;
            return new LobsterResult(rebuild.engine().instrument(0).symbol(), rows, events, malformed,
                bookRows + extraBookRows, bookRows, malformedBook, elapsed, rebuild,
                verifier == null ? null : verifier.tally(), verifier == null ? 0 : verifier.resyncs(),
                verifier == null ? 0 : verifier.levelsFromBook(), out);
        }
    }

    /** Writes {@code lobster-match.csv} for a result that has a book comparison. */
    public static void writeMatch(final LobsterResult result) throws IOException
    {
        try (Writer csv = writer(result.out().resolve("lobster-match.csv")))
        {
            csv.write(LevelTally.CSV_HEADER);
            csv.write('\n');
            for (int k = 0; k < result.tally().levels(); k++)
            {
                csv.write(result.tally().csvRow(k));
                csv.write('\n');
            }
        }
    }

    private static int levelsOf(final Path book, final String firstRow, final int levels)
    {
        if (firstRow == null)
        {
            throw new LobsterFileException(book + ": the book file has no data row");
        }
        final int columns = BookRowParser.columnsOf(firstRow);
        if (columns % 4 != 0)
        {
            throw new LobsterFileException(book + ": the first book row has " + columns +
                " columns, not a multiple of 4 (ask price, ask size, bid price, bid size per level)");
        }
        if (levels == LEVELS_FROM_FILE)
        {
            return columns / 4;
        }
        if (levels > columns / 4)
        {
            throw new IllegalArgumentException("--levels " + levels + " but " + book + " has " + columns / 4);
        }
        return levels;
    }

    private String read(final LineSource source) throws IOException
    {
        return source.next();
    }

    private void report(final LineSource source, final String why)
    {
        reported++;
        if (reported <= MAX_REPORTED_LINES)
        {
            errors.println("replay lobster: " + source.path() + ":" + source.lineNumber() +
                ": malformed line skipped: " + why);
        }
        else if (reported == MAX_REPORTED_LINES + 1)
        {
            errors.println("replay lobster: more malformed lines; they are counted, not shown");
        }
    }

    private static LineSource openSource(final Path path)
    {
        try
        {
            return LineSource.open(path);
        }
        catch (final IOException ex)
        {
            throw new LobsterFileException("cannot read " + path + ": " + ex.getMessage());
        }
    }

    private static void checkReadable(final Path path)
    {
        if (!Files.isRegularFile(path) || !Files.isReadable(path))
        {
            throw new LobsterFileException("cannot read " + path);
        }
    }

    private static Writer writer(final Path path) throws IOException
    {
        return new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.US_ASCII), 1 << 16);
    }
}
