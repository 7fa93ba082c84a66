package org.mmwinter.engine.process;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs {@code --help} of a command line and of every subcommand under it, as a user types it. picocli formats each
 * description as a format string: a lone {@code %} (as in "0.3 %") makes it print a WARN line to stderr and the raw
 * text, which a user sees on every {@code --help}; no one reads every help text after each change, so this does.
 */
public final class HelpTexts
{
    private HelpTexts()
    {
    }

    /**
     * @param mainCommand a fresh picocli command object (e.g. {@code new EngineMain()}).
     * @param newCommand  makes another fresh one: each run gets its own, as each process does.
     * @return the command paths checked, e.g. {@code [], [bench], [cluster, member]}.
     */
    public static List<List<String>> assertEveryHelpIsClean(
        final Object mainCommand, final Supplier<Object> newCommand)
    {
        final List<List<String>> paths = new ArrayList<>();
        collect(new CommandLine(mainCommand), new ArrayList<>(), paths);
        for (final List<String> path : paths)
        {
            final List<String> args = new ArrayList<>(path);
            args.add("--help");
            final EngineConsole help = EngineConsole.capture(newCommand.get(), args.toArray(new String[0]));
            assertEquals(0, help.exitCode, args + ": " + help.err);
            assertTrue(help.out.contains("Usage:"), args + " printed no usage: " + help.out);
            assertFalse(help.err.contains("WARN"), args + " warns: " + help.err);
            assertFalse(help.out.contains("%n"), args + " printed a raw format string: " + help.out);
        }
        return paths;
    }

    private static void collect(final CommandLine command, final List<String> path, final List<List<String>> paths)
    {
        paths.add(List.copyOf(path));
        for (final String name : command.getSubcommands().keySet())
        {
            final CommandLine sub = command.getSubcommands().get(name);
            // An alias is listed under each of its names; check a subcommand once, under its own name.
            if (!sub.getCommandName().equals(name) || "help".equals(name))
            {
                continue;
            }
            path.add(name);
            collect(sub, path, paths);
            path.remove(path.size() - 1);
        }
    }
}
