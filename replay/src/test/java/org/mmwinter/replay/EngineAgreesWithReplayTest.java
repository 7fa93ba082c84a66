package org.mmwinter.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmwinter.engine.flow.FlowFiles;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.process.EngineMain;
import org.mmwinter.engine.process.PipelineFlowRun;
import org.mmwinter.engine.state.StateDigest;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same flows through the full engine (Disruptor rings, sequencer, Chronicle journal, matching stage) and through
 * {@code replay match}: the three output files must be identical and the digests equal. Conformance cases and the
 * golden flow are checked against their expected files through the engine too.
 */
final class EngineAgreesWithReplayTest
{
    private static EngineConfig engineConfig(final Path data)
    {
        // The built-in instruments have 10^-8 ticks and lots, exactly what replay match creates on first use.
        return EngineConfig.defaults().dataDir(data).ringSize(1024);
    }

    static List<String> conformanceCases() throws IOException
    {
        return ConformanceTest.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conformanceCases")
    void conformanceCasesPassThroughTheEngine(final String name, @TempDir final Path tmp) throws IOException
    {
        final Path dir = CsvOutputs.resource("conformance/" + name);
        final PipelineFlowRun.Result engine = PipelineFlowRun.run(engineConfig(tmp.resolve("data")),
            dir.resolve("flow.csv"), tmp.resolve("engine"), Long.MAX_VALUE);
        CsvOutputs.assertEquivalent(dir.resolve("expected"), tmp.resolve("engine"));
        final MatchRun.Result replay = new MatchRun().run(dir.resolve("flow.csv"), tmp.resolve("replay"),
            Long.MAX_VALUE);
        CsvOutputs.assertIdentical(tmp.resolve("replay"), tmp.resolve("engine"));
        assertEquals(StateDigest.toHex(replay.digest()), StateDigest.toHex(engine.digest()));
    }

    @Test
    void theGoldenFlowPassesThroughTheEngine(@TempDir final Path tmp) throws IOException
    {
        final Path dir = CsvOutputs.resource("golden");
        final PipelineFlowRun.Result engine = PipelineFlowRun.run(engineConfig(tmp.resolve("data")),
            dir.resolve("flow.csv"), tmp.resolve("engine"), Long.MAX_VALUE);
        CsvOutputs.assertIdentical(dir.resolve("expected"), tmp.resolve("engine"));
        final MatchRun.Result replay = new MatchRun().run(dir.resolve("flow.csv"), tmp.resolve("replay"),
            Long.MAX_VALUE);
        assertEquals(StateDigest.toHex(replay.digest()), StateDigest.toHex(engine.digest()));
    }

    static LongStream seeds()
    {
        return LongStream.rangeClosed(1, 12);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomFlowsGiveIdenticalFilesThroughBothFrontEnds(final long seed, @TempDir final Path tmp)
        throws IOException
    {
        final Path flow = FlowFiles.write(tmp.resolve("flow.csv"), seed, 4_000);
        final MatchRun.Result replay = new MatchRun().run(flow, tmp.resolve("replay"), Long.MAX_VALUE);
        final PipelineFlowRun.Result engine = PipelineFlowRun.run(engineConfig(tmp.resolve("data")), flow,
            tmp.resolve("engine"), Long.MAX_VALUE);
        CsvOutputs.assertIdentical(tmp.resolve("replay"), tmp.resolve("engine"));
        assertEquals(replay.commands(), engine.commands(), "seed " + seed);
        assertEquals(replay.trades(), engine.trades(), "seed " + seed);
        assertEquals(StateDigest.toHex(replay.digest()), StateDigest.toHex(engine.digest()), "seed " + seed);
    }

    @Test
    void limitStopsBothFrontEndsAtTheSameLine(@TempDir final Path tmp) throws IOException
    {
        final Path flow = FlowFiles.write(tmp.resolve("flow.csv"), 99, 3_000);
        final MatchRun.Result replay = new MatchRun().run(flow, tmp.resolve("replay"), 1_234);
        final PipelineFlowRun.Result engine = PipelineFlowRun.run(engineConfig(tmp.resolve("data")), flow,
            tmp.resolve("engine"), 1_234);
        CsvOutputs.assertIdentical(tmp.resolve("replay"), tmp.resolve("engine"));
        assertEquals(StateDigest.toHex(replay.digest()), StateDigest.toHex(engine.digest()));
    }

    @Test
    void theEnginesExportOfItsJournalsMatchesReplayMatch(@TempDir final Path tmp) throws IOException
    {
        final Path flow = FlowFiles.write(tmp.resolve("flow.csv"), 21, 5_000);
        final MatchRun.Result replay = new MatchRun().run(flow, tmp.resolve("replay"), Long.MAX_VALUE);
        final Path data = tmp.resolve("data");
        PipelineFlowRun.run(engineConfig(data), flow, tmp.resolve("engine"), Long.MAX_VALUE);

        final int exit = new CommandLine(new EngineMain())
            .execute("export", "--data", data.toString(), "--out", tmp.resolve("export").toString());
        assertEquals(0, exit);
        assertEquals(CsvOutputs.text(tmp.resolve("replay").resolve(CsvOutputs.TRADES)),
            CsvOutputs.text(tmp.resolve("export").resolve(CsvOutputs.TRADES)), "trades.csv from the output journal");
        assertEquals(CsvOutputs.text(tmp.resolve("replay").resolve(CsvOutputs.BOOK)),
            CsvOutputs.text(tmp.resolve("export").resolve(CsvOutputs.BOOK)), "book.csv rebuilt from the input journal");
        assertEquals(replay.trades(), CsvOutputs.dataRows(tmp.resolve("export").resolve(CsvOutputs.TRADES)));
    }
}
