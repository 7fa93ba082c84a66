package org.mmwinter.replay.lobster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code replay lobster}: NASDAQ LOBSTER order-level data through the real matching core, checked against the
 * order-book file. Exit 0 when the run completed (malformed lines are reported and skipped), 1 when a file cannot
 * be read, 2 for a usage error.
 */
@Command(name = "lobster", mixinStandardHelpOptions = true,
    description = "Rebuilds the book of a LOBSTER message file (plain or .gz, with or without a header) through the " +
        "matching core; with --book checks the top N levels after every event and prints one line per level, " +
        "level=K rows=N matched=M share=P%%. Writes trades.csv and lobster-match.csv into --out.")
public final class LobsterCommand implements Callable<Integer>
{
    /** The run completed. */
    public static final int OK = 0;
    /** A file cannot be read. */
    public static final int DATA_ERROR = 1;
    /** Bad arguments. */
    public static final int USAGE = 2;

    private static final int NOT_GIVEN = -1;

    @Option(names = "--messages", required = true, paramLabel = "M.csv",
        description = "LOBSTER message file: time,type,order_id,size,price,direction.")
    Path messages;

    @Option(names = "--book", paramLabel = "B.csv",
        description = "LOBSTER order-book file aligned with the messages (ask price, ask size, bid price, bid size " +
            "per level).")
    Path book;

    @Option(names = "--levels", paramLabel = "N",
        description = "Levels to compare (default: the book file's column count / 4).")
    int levels = NOT_GIVEN;

    @Option(names = "--naive",
        description = "Seed the book from the first book row, then only compare: no deeper levels taken from the " +
            "book file, no resynchronisation (shows what those corrections add).")
    boolean naive;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created).")
    Path out;

    public Integer call()
    {
        if (levels != NOT_GIVEN && levels < 1)
        {
            System.err.println("replay lobster: --levels must be at least 1, not " + levels);
            return USAGE;
        }
        if (levels != NOT_GIVEN && book == null)
        {
            System.err.println("replay lobster: --levels needs --book (it is the number of book levels compared)");
            return USAGE;
        }
        final LobsterResult result;
        try
        {
            result = new LobsterRun(System.err, naive).run(messages, book,
                levels == NOT_GIVEN ? LobsterRun.LEVELS_FROM_FILE : levels, out);
            if (result.tally() != null)
            {
                LobsterRun.writeMatch(result);
                for (int k = 0; k < result.tally().levels(); k++)
                {
                    System.out.println(result.tally().line(k));
                }
            }
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("replay lobster: " + ex.getMessage());
            return USAGE;
        }
        catch (final LobsterFileException ex)
        {
            System.err.println("replay lobster: " + ex.getMessage());
            return DATA_ERROR;
        }
        catch (final IOException | UncheckedIOException ex)
        {
            System.err.println("replay lobster: I/O error: " + ex.getMessage());
            return DATA_ERROR;
        }
        System.out.println(result.summary());
        return OK;
    }
}
