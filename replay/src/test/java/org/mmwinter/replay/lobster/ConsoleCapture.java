package org.mmwinter.replay.lobster;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.mmwinter.replay.ReplayMain;
import picocli.CommandLine;

/**
 * Runs {@code replay ...} in-process as a user would, keeping what it printed and its exit code.
 */
final class ConsoleCapture
{
    final int exitCode;
    final String out;
    final String err;

    private ConsoleCapture(final int exitCode, final String out, final String err)
    {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    static ConsoleCapture replay(final String... args)
    {
        final PrintStream originalOut = System.out;
        final PrintStream originalErr = System.err;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try
        {
            final int code = new CommandLine(new ReplayMain()).execute(args);
            return new ConsoleCapture(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
        finally
        {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
