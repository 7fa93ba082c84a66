package org.mmwinter.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.LongStream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmwinter.engine.flow.FlowFiles;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.process.EngineConsole;
import org.mmwinter.engine.process.PipelineFlowRun;
import org.mmwinter.engine.state.StateDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code engine.jar export --flow} on a single process's data directory, round trip: a seeded flow through the
 * engine, its input journal exported as a flow and an instruments file, and {@code replay match} of those reaches
 * the engine's digest with the engine's command count. Under the built-in instruments symbols are created on first
 * use mid-flow (journaled definitions the instruments file lists); under a file that creates nothing, lines on
 * unlisted symbols reach the core as an unknown instrument and must be rejected alike after the export.
 */
final class JournalFlowExportTest
{
    /** As {@code EngineAgreesWithReplayTest}'s: SYM0 and SYM1 only, nothing created on first use. */
    private static final String SYM_CONFIG = "instruments.create_on_first_use=false\n" +
        "instrument.SYM0.tick=0.00000002\ninstrument.SYM0.lot=0.00000002\n" +
        "instrument.SYM1.tick=0.00000002\ninstrument.SYM1.lot=0.00000002\n";

    static LongStream seeds()
    {
        return LongStream.rangeClosed(1, 4);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void builtInInstrumentsAndSymbolsCreatedOnFirstUse(final long seed, @TempDir final Path tmp) throws IOException
    {
        roundTrip(EngineConfig.defaults(), seed, tmp);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void listedInstrumentsOnlyWithUnknownSymbolsRejected(final long seed, @TempDir final Path tmp)
        throws IOException
    {
        final Path config = Files.writeString(tmp.resolve("coarse.conf"), SYM_CONFIG, StandardCharsets.UTF_8);
        roundTrip(EngineConfig.load(config), seed, tmp);
    }

    private static void roundTrip(final EngineConfig config, final long seed, final Path tmp) throws IOException
    {
        final Path original = FlowFiles.write(tmp.resolve("flow.csv"), seed, 4_000);
        final Path data = tmp.resolve("data");
        final PipelineFlowRun.Result engine = PipelineFlowRun.run(config.dataDir(data).ringSize(1024), original,
            tmp.resolve("engine"), Long.MAX_VALUE);

        final Path exported = tmp.resolve("export").resolve("applied.csv");
        final EngineConsole export = EngineConsole.run("export", "--data", data.toString(), "--flow",
            exported.toString());
        assertEquals(0, export.exitCode, export.out);

        final MatchRun.Result replay = new MatchRun(EngineConfig.load(
            tmp.resolve("export").resolve("applied.instruments.conf"))).run(exported, tmp.resolve("replay"),
            Long.MAX_VALUE);
        assertEquals(StateDigest.toHex(engine.digest()), StateDigest.toHex(replay.digest()), "seed " + seed);
        assertEquals(engine.commands(), replay.commands(), "seed " + seed);
        assertEquals(engine.trades(), replay.trades(), "seed " + seed);
        // Lines the engine refused at the edge never reached its journal: the export has only what it applied.
        assertEquals(replay.commands(), replay.lines(), "seed " + seed);
        assertTrue(replay.trades() > 0, "seed " + seed + " trades");
    }
}
