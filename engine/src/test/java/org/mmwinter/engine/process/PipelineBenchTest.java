package org.mmwinter.engine.process;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.journal.Durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code engine.jar bench}: every command is acknowledged, and {@code --recovery} times a replay of the whole
 * journal it wrote, not of the tail after the snapshot its close leaves.
 */
final class PipelineBenchTest
{
    @TempDir
    Path dir;

    @Test
    void recoveryReplaysTheWholeJournalTheBenchWrote() throws InterruptedException
    {
        final int commands = 20_000;
        final PipelineBench.Report report = new PipelineBench(commands, 42).run(
            PipelineBench.benchConfig(dir.resolve("data"), true, Durability.NONE, "sleeping"), 0, true);
        assertEquals(commands, report.commands());
        // The journal also holds the bench's account and instrument definitions.
        assertTrue(report.recoveredRecords() >= commands, report.describe());
        assertTrue(report.rejected() < commands / 10, report.describe());
    }

    @Test
    void theWarmUpIsJournaledAndAcknowledgedButNotMeasured() throws InterruptedException
    {
        final int warmup = 4_000;
        final int measured = 3_000;
        final PipelineBench.Report report = new PipelineBench(warmup, measured, 42).run(
            PipelineBench.benchConfig(dir.resolve("data"), true, Durability.NONE, "sleeping"), 100_000, true);
        assertEquals(measured, report.commands());
        assertEquals(measured, report.latencyNs().getTotalCount(), "one latency a measured command, none before");
        assertTrue(report.recoveredRecords() >= warmup + measured, report.describe());
    }

    @Test
    void aWarmUpOrACountThatCannotBeRunIsRefused()
    {
        assertThrows(IllegalArgumentException.class, () -> new PipelineBench(-1, 10, 42));
        assertThrows(IllegalArgumentException.class, () -> new PipelineBench(10, 0, 42));
    }
}
