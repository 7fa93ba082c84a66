package org.mmwinter.replay.verify;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.mmwinter.engine.journal.JournalCorruptException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code replay verify}: yesterday's engine data directory as today's regression test. Exit 0 when every result
 * agrees, 1 at the first divergence (printed), 2 when a journal is missing or cannot be read.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "Re-runs an engine data directory's input journal through the current matching core and compares " +
        "every result, in order and on every field the output journal records, with the recorded output journal. " +
        "Exit 0: all agree; 1: the first divergence is printed; 2: a journal is missing or unreadable.")
public final class VerifyCommand implements Callable<Integer>
{
    /** Every result agreed. */
    public static final int AGREED = 0;
    /** A result diverged. */
    public static final int DIVERGED = 1;
    /** A journal is missing or cannot be read, or the arguments are wrong. */
    public static final int UNREADABLE = 2;

    @Option(names = "--data", required = true, paramLabel = "DIR",
        description = "An engine data directory (holding input/ and output/).")
    Path data;

    @Option(names = "--limit", paramLabel = "N", description = "Check only the first N commands.")
    long limit = JournalVerifier.NO_LIMIT;

    public Integer call()
    {
        if (limit < 0)
        {
            System.err.println("verify: --limit must not be negative, not " + limit);
            return UNREADABLE;
        }
        final Verdict verdict;
        try
        {
            verdict = new JournalVerifier(data, limit).run();
        }
        catch (final IllegalArgumentException | JournalCorruptException ex)
        {
            System.err.println("verify: " + ex.getMessage());
            return UNREADABLE;
        }
        System.out.println(verdict.report());
        return verdict.agreed() ? AGREED : DIVERGED;
    }
}
