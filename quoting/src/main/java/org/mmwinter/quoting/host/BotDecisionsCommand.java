package org.mmwinter.quoting.host;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.mmwinter.quoting.journal.DecisionPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code engine.jar bot-decisions --data DIR [--csv]}: the market maker's decision journal, for a post-mortem.
 */
@Command(name = "bot-decisions", mixinStandardHelpOptions = true,
    description = "Prints the market maker's decision journal (DIR/bot/decisions): every quote decision with the " +
        "mid, sigma, k, inventory, reservation price, half-spreads, quotes and the reason.")
public final class BotDecisionsCommand implements Callable<Integer>
{
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "The engine's data directory.")
    Path dataDir;

    @Option(names = "--csv", description = "CSV with a header instead of aligned text.")
    boolean csv;

    public Integer call()
    {
        try
        {
            DecisionPrinter.print(dataDir, csv, System.out);
            return 0;
        }
        catch (final IllegalArgumentException ex)
        {
            System.err.println("bot-decisions: " + ex.getMessage());
            return 2;
        }
    }
}
