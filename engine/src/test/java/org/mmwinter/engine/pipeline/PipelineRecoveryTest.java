package org.mmwinter.engine.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmwinter.engine.flow.FlowFiles;
import org.mmwinter.engine.process.OfflineState;
import org.mmwinter.engine.process.PipelineFlowRun;
import org.mmwinter.engine.state.EngineState;
import org.mmwinter.engine.state.StateDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipelineRecoveryTest
{
    @TempDir
    Path dir;

    static EngineConfig config(final Path data)
    {
        return EngineConfig.defaults().clearInstruments().dataDir(data).ringSize(1024);
    }

    @ParameterizedTest(name = "combined stages: {0}")
    @ValueSource(booleans = {true, false})
    void restartRebuildsTheStateOfAnUninterruptedRun(final boolean combined) throws Exception
    {
        final Path flow = FlowFiles.write(dir.resolve("flow.csv"), 42, 20_000);
        final FlowFiles.Direct whole = FlowFiles.direct(flow, Long.MAX_VALUE);
        FlowFiles.split(flow, 9_000, dir.resolve("a.csv"), dir.resolve("b.csv"));
        final FlowFiles.Direct firstPart = FlowFiles.direct(flow, 9_000);

        final Path data = dir.resolve("data");
        final PipelineFlowRun.Result first = PipelineFlowRun.run(config(data).combinedStages(combined),
            dir.resolve("a.csv"), dir.resolve("out-a"), Long.MAX_VALUE);
        assertEquals(hex(firstPart.digest()), hex(first.digest()), "first part through the pipeline");
        assertEquals(firstPart.commands(), first.commands());

        final PipelineFlowRun.Result second = PipelineFlowRun.run(config(data).combinedStages(combined),
            dir.resolve("b.csv"), dir.resolve("out-b"), Long.MAX_VALUE);
        assertEquals(hex(whole.digest()), hex(second.digest()), "after restart and the rest of the flow");
        assertEquals(whole.commands(), second.commands());
        assertTrue(whole.trades() > 1_000, "the flow trades: " + whole.trades());

        final EngineState offline = OfflineState.rebuild(data);
        assertEquals(hex(whole.digest()), hex(offline.digest()), "offline rebuild of the journal");
        assertEquals(whole.commands(), offline.engine().commandCount());
    }

    @Test
    void recoveryOfAnUntouchedJournalChangesNothing() throws Exception
    {
        final Path flow = FlowFiles.write(dir.resolve("flow.csv"), 7, 5_000);
        final Path data = dir.resolve("data");
        final PipelineFlowRun.Result run = PipelineFlowRun.run(config(data), flow, dir.resolve("out"), Long.MAX_VALUE);
        for (int i = 0; i < 3; i++)
        {
            try (EnginePipeline pipeline = new EnginePipeline(config(data)))
            {
                final EnginePipeline.RecoveryReport report = pipeline.start();
                assertEquals(hex(run.digest()), hex(report.digest()), "recovery " + i);
                assertEquals(run.commands(), report.commands());
            }
        }
    }

    @Test
    void journalOffMatchesTheCoreAndWritesNoJournal() throws Exception
    {
        final Path flow = FlowFiles.write(dir.resolve("flow.csv"), 11, 5_000);
        final Path data = dir.resolve("data");
        final PipelineFlowRun.Result run = PipelineFlowRun.run(config(data).journalEnabled(false), flow,
            dir.resolve("out"), Long.MAX_VALUE);
        assertEquals(hex(FlowFiles.direct(flow, Long.MAX_VALUE).digest()), hex(run.digest()));
        assertFalse(Files.exists(data.resolve("input")), "no journal written");
        assertEquals(0, run.journalBytes());
    }

    @Test
    void journalTakesFewBytesPerCommand() throws Exception
    {
        final Path flow = FlowFiles.write(dir.resolve("flow.csv"), 5, 20_000);
        final PipelineFlowRun.Result run = PipelineFlowRun.run(config(dir.resolve("data")), flow, dir.resolve("out"),
            Long.MAX_VALUE);
        final double perCommand = (double)run.journalBytes() / run.commands();
        // The layout is the engine's ceiling (see BatchCodec); a regression to a fat encoding must show here.
        assertTrue(perCommand < 40, "journal bytes per command: " + perCommand);
    }

    static String hex(final long digest)
    {
        return StateDigest.toHex(digest);
    }
}
