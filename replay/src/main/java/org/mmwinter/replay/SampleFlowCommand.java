package org.mmwinter.replay;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code replay sample-flow}: writes a seeded synthetic order flow of any length in the contract's CSV, the one
 * {@code samples/sample-flow.csv} was made with, so that a load test or a benchmark of {@code replay match} needs no
 * recorded data and two machines time the same bytes.
 */
@Command(
    name = "sample-flow",
    mixinStandardHelpOptions = true,
    description = "Writes a seeded synthetic order flow (BTC-USD, ETH-USD, SOL-USD; makers and traders; limit, " +
        "market, IOC/FOK, cancels, amends, ten deliberately bad lines). The defaults give samples/sample-flow.csv.")
final class SampleFlowCommand implements Callable<Integer>
{
    @Option(names = "--out", required = true, paramLabel = "FLOW.csv", description = "File to write (replaced).")
    Path out;

    @Option(names = "--lines", paramLabel = "N",
        description = "Data lines (default: ${DEFAULT-VALUE}).")
    int lines = SampleFlowGenerator.SAMPLE_LINES;

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed = SampleFlowGenerator.SAMPLE_SEED;

    public Integer call()
    {
        if (lines < 0)
        {
            System.err.println("replay sample-flow: --lines must not be negative");
            return 2;
        }
        try
        {
            final Path parent = out.toAbsolutePath().getParent();
            if (parent != null)
            {
                Files.createDirectories(parent);
            }
            final SampleFlowGenerator.Summary summary;
            try (Writer writer = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8), 1 << 16))
            {
                summary = SampleFlowGenerator.generate(writer, lines, seed);
            }
            System.out.println("replay sample-flow: lines=" + summary.lines() + " bad=" + summary.badLines() +
                " live-at-end=" + summary.liveOrdersAtEnd() + " seed=" + seed + " out=" + out);
            return 0;
        }
        catch (final IOException ex)
        {
            System.err.println("replay sample-flow: cannot write " + out + ": " + ex.getMessage());
            return 1;
        }
    }
}
