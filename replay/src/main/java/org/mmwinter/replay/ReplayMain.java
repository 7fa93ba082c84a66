package org.mmwinter.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.mmwinter.engine.extension.Extensions;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.replay.crash.CrashCommand;
import org.mmwinter.replay.l2.L2Command;
import org.mmwinter.replay.lobster.LobsterCommand;
import org.mmwinter.replay.verify.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of {@code replay.jar}.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = "Replays order flow through the matching engine.",
    subcommands = {ReplayMain.Match.class, CrashCommand.class, VerifyCommand.class, LobsterCommand.class,
        L2Command.class, SampleFlowCommand.class})
public final class ReplayMain implements Callable<Integer>
{
    public Integer call()
    {
        CommandLine.usage(this, System.err);
        return 2;
    }

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new ReplayMain()).execute(args));
    }

    @Command(
        name = "match",
        mixinStandardHelpOptions = true,
        description = "Runs an order-flow CSV through the matching core and writes trades.csv, book.csv and " +
            "events.csv into the output directory. Instruments are the engine's built-in ones, or those of " +
            "--config.")
    static final class Match implements Callable<Integer>
    {
        @Option(names = "--input", required = true, paramLabel = "FLOW.csv",
            description = "Order flow: ts_ns,action,account,order_id,symbol,side,type,tif,price,qty[,stp]")
        Path input;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (created).")
        Path out;

        @Option(names = "--limit", paramLabel = "N", description = "Stop after the first N data lines.")
        long limit = Long.MAX_VALUE;

        @Option(names = "--config", paramLabel = "FILE",
            description = "An engine configuration file (as engine.jar --config): its instruments and " +
                "instruments.create_on_first_use are used, its other keys checked as the engine checks them and " +
                "otherwise ignored.")
        Path config;

        public Integer call()
        {
            if (limit < 0)
            {
                System.err.println("replay match: --limit must not be negative");
                return 2;
            }
            final EngineConfig engineConfig;
            try
            {
                // Extension keys (bot.*) are accepted as the engine accepts them, so one file serves both.
                engineConfig = config == null ? EngineConfig.defaults() :
                    EngineConfig.load(config, Extensions.discover().configPrefixes());
            }
            catch (final IOException ex)
            {
                System.err.println("replay match: cannot read --config " + config + ": " + ex.getMessage());
                return 2;
            }
            catch (final IllegalArgumentException ex)
            {
                System.err.println("replay match: bad configuration: " + ex.getMessage());
                return 2;
            }
            try
            {
                final MatchRun.Result result = new MatchRun(engineConfig).run(input, out, limit);
                System.out.println(result.summary());
                return 0;
            }
            catch (final FlowFileException ex)
            {
                System.err.println("replay match: " + ex.getMessage());
                return 1;
            }
            catch (final IOException | UncheckedIOException ex)
            {
                System.err.println("replay match: I/O error: " + ex.getMessage());
                return 1;
            }
        }
    }
}
