package org.mmwinter.engine.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.flow.FlowFiles;
import org.mmwinter.engine.process.PipelineFlowRun;
import org.mmwinter.engine.state.StateDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Snapshots shorten recovery but never change its result: snapshot plus journal tail, a damaged snapshot, and
 * periodic snapshots all end at the digest of a full journal replay.
 */
class SnapshotRecoveryTest
{
    @TempDir
    Path dir;

    private EngineConfig config()
    {
        return EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data")).ringSize(1024);
    }

    private List<Path> snapshots() throws Exception
    {
        try (Stream<Path> files = Files.list(dir.resolve("data").resolve("snapshots")))
        {
            return files.sorted().collect(Collectors.toList());
        }
    }

    @Test
    void aShutdownSnapshotPlusTheJournalTailGiveTheUninterruptedState() throws Exception
    {
        final Path flow = FlowFiles.write(dir.resolve("flow.csv"), 31, 12_000);
        FlowFiles.split(flow, 5_000, dir.resolve("a.csv"), dir.resolve("b.csv"));
        PipelineFlowRun.run(config(), dir.resolve("a.csv"), dir.resolve("out-a"), Long.MAX_VALUE);
        assertEquals(1, snapshots().size(), "shutdown wrote a snapshot");

        try (EnginePipeline pipeline = new EnginePipeline(config()))
        {
            final EnginePipeline.RecoveryReport report = pipeline.start();
            assertTrue(report.snapshotSequence() > 0, report.describe());
            assertEquals(hex(FlowFiles.direct(flow, 5_000).digest()), hex(report.digest()));
            // The snapshot was taken at the journal's last sequence: only the document holding it is read, not the
            // thousands of records before it.
            assertTrue(report.records() >= 1 && report.records() <= config().maxBatch(), report.describe());
        }
        final PipelineFlowRun.Result rest = PipelineFlowRun.run(config(), dir.resolve("b.csv"), dir.resolve("out-b"),
            Long.MAX_VALUE);
        assertEquals(hex(FlowFiles.direct(flow, Long.MAX_VALUE).digest()), hex(rest.digest()));
    }

    @Test
    void aDamagedSnapshotFallsBackToTheJournal() throws Exception
    {
        final Path flow = FlowFiles.write(dir.resolve("flow.csv"), 32, 6_000);
        PipelineFlowRun.run(config(), flow, dir.resolve("out"), Long.MAX_VALUE);
        final Path snapshot = snapshots().get(snapshots().size() - 1);
        final byte[] bytes = Files.readAllBytes(snapshot);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(snapshot, bytes);

        try (EnginePipeline pipeline = new EnginePipeline(config()))
        {
            final EnginePipeline.RecoveryReport report = pipeline.start();
            assertEquals(0, report.snapshotSequence(), "the damaged (and only) snapshot was not used");
            assertEquals(hex(FlowFiles.direct(flow, Long.MAX_VALUE).digest()), hex(report.digest()));
        }
    }

    @Test
    void periodicSnapshotsKeepTheNewestTwoAndAgreeWithTheJournal() throws Exception
    {
        final Path flow = FlowFiles.write(dir.resolve("flow.csv"), 33, 8_000);
        final EngineConfig config = config().snapshotEvery(1_000);
        PipelineFlowRun.run(config, flow, dir.resolve("out"), Long.MAX_VALUE);
        assertEquals(2, snapshots().size(), "older snapshots are pruned: " + snapshots());
        try (EnginePipeline pipeline = new EnginePipeline(config))
        {
            assertEquals(hex(FlowFiles.direct(flow, Long.MAX_VALUE).digest()), hex(pipeline.start().digest()));
        }
        try (EnginePipeline pipeline = new EnginePipeline(config().snapshotsEnabled(false)))
        {
            final EnginePipeline.RecoveryReport report = pipeline.start();
            assertEquals(0, report.snapshotSequence());
            assertEquals(hex(FlowFiles.direct(flow, Long.MAX_VALUE).digest()), hex(report.digest()));
        }
    }

    private static String hex(final long digest)
    {
        return StateDigest.toHex(digest);
    }
}
