package org.mmwinter.engine.process;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.journal.Durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
