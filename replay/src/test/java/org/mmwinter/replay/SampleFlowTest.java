package org.mmwinter.replay;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.process.EngineConsole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample flow of the README ({@code samples/sample-flow.csv}): it is what the seeded generator writes, and
 * {@code replay match} runs it with only its deliberately bad lines rejected.
 */
final class SampleFlowTest
{
    private static final Path SAMPLE = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
        .resolve("../samples/sample-flow.csv").normalize();

    @Test
    void committedSampleIsTheGeneratorsOutput() throws IOException
    {
        final StringWriter generated = new StringWriter();
        SampleFlowGenerator.generate(generated, SampleFlowGenerator.SAMPLE_LINES, SampleFlowGenerator.SAMPLE_SEED);

        assertTrue(Files.isRegularFile(SAMPLE), "missing " + SAMPLE);
        assertEquals(generated.toString(), CsvOutputs.text(SAMPLE),
            "regenerate with: java -jar replay/target/replay.jar sample-flow --out samples/sample-flow.csv");
    }

    @Test
    void sampleRunsWithOnlyItsBadLinesRejected(@TempDir final Path out) throws IOException
    {
        final SampleFlowGenerator.Summary summary = SampleFlowGenerator.generate(
            new StringWriter(), SampleFlowGenerator.SAMPLE_LINES, SampleFlowGenerator.SAMPLE_SEED);

        // The engine's built-in instruments (BTC-USD tick 0.01 lot 0.0001, ...): the sample is on their ticks and lots.
        final MatchRun.Result result = new MatchRun().run(SAMPLE, out, Long.MAX_VALUE);

        assertEquals(SampleFlowGenerator.SAMPLE_LINES, result.lines());
        assertEquals(summary.badLines(), result.rejects());
        assertEquals(summary.liveOrdersAtEnd(), CsvOutputs.dataRows(out.resolve(CsvOutputs.BOOK)));
        final List<String[]> trades = CsvOutputs.read(out.resolve(CsvOutputs.TRADES));
        for (final String symbol : new String[]{"BTC-USD", "ETH-USD", "SOL-USD"})
        {
            assertTrue(trades.stream().anyMatch(row -> symbol.equals(row[2])), "no trade in " + symbol);
        }
    }

    @Test
    void sampleFlowCommandWritesTheSampleWithItsDefaultsAndOtherLengthsOnRequest(@TempDir final Path dir)
        throws IOException
    {
        final Path sample = dir.resolve("nested/sample.csv");
        assertEquals(0, EngineConsole.capture(new ReplayMain(), "sample-flow", "--out", sample.toString()).exitCode);
        assertEquals(CsvOutputs.text(SAMPLE), CsvOutputs.text(sample));

        final Path longer = dir.resolve("longer.csv");
        assertEquals(0, EngineConsole.capture(new ReplayMain(),
            "sample-flow", "--out", longer.toString(), "--lines", "12000", "--seed", "7").exitCode);
        final StringWriter expected = new StringWriter();
        SampleFlowGenerator.generate(expected, 12_000, 7);
        assertEquals(expected.toString(), CsvOutputs.text(longer));
        final MatchRun.Result result = new MatchRun().run(longer, dir.resolve("out"), Long.MAX_VALUE);
        assertEquals(12_000, result.lines());
        assertEquals(10, result.rejects());
    }

    @Test
    void sampleFlowCommandRefusesANegativeLengthAndWritesNothing(@TempDir final Path dir)
    {
        final Path out = dir.resolve("flow.csv");
        final EngineConsole run = EngineConsole.capture(new ReplayMain(),
            "sample-flow", "--out", out.toString(), "--lines", "-1");
        assertEquals(2, run.exitCode);
        assertTrue(run.err.contains("--lines must not be negative"), run.err);
        assertFalse(Files.exists(out));
    }
}
