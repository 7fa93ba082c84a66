package org.mmwinter.engine.process;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;

/**
 * Runs a command line in this JVM as a user would ({@code engine.jar ...}, or any picocli command such as
 * {@code replay ...}), keeping its exit code and what it printed.
 */
public final class EngineConsole
{
    public final int exitCode;
    public final String out;
    public final String err;

    private EngineConsole(final int exitCode, final String out, final String err)
    {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    /** {@code engine.jar ARGS}, its output trimmed. */
    public static EngineConsole run(final String... args)
    {
        final EngineConsole console = capture(new EngineMain(), args);
        return new EngineConsole(console.exitCode, console.out.trim(), console.err.trim());
    }

    /**
     * Executes {@code command} (a picocli command object) with {@code args}, its output as printed.
     */
    public static EngineConsole capture(final Object command, final String... args)
    {
        final PrintStream originalOut = System.out;
        final PrintStream originalErr = System.err;
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try
        {
            final int code = new CommandLine(command).execute(args);
            return new EngineConsole(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
        finally
        {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
