package org.mmwinter.engine.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code journal.pretouch}: on by default, a pipeline with a journal runs one pretoucher thread while it runs and
 * none after it closes; turned off, or with no journal, it runs none.
 */
final class JournalPretouchConfigTest
{
    private static final String THREAD = "journal-pretoucher";

    @TempDir
    Path dir;

    @Test
    void theKeyIsOnByDefaultAndReadFromTheFile() throws Exception
    {
        assertTrue(EngineConfig.defaults().journalPretouch());
        final Path file = dir.resolve("engine.conf");
        Files.writeString(file, "journal.pretouch=false\n");
        assertFalse(EngineConfig.load(file).journalPretouch());
        Files.writeString(file, "journal.pretouch=yes\n");
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> EngineConfig.load(file));
        assertEquals(file + ": journal.pretouch=yes: must be true or false", refused.getMessage());
    }

    @Test
    void aJournaledPipelineRunsOnePretoucherUntilItCloses()
    {
        final int before = pretouchers();
        try (EnginePipeline pipeline = pipeline(EngineConfig.defaults().dataDir(dir.resolve("data"))))
        {
            pipeline.start();
            assertEquals(before + 1, pretouchers());
        }
        assertEquals(before, pretouchers());
    }

    @Test
    void turnedOffOrWithoutAJournalThereIsNone()
    {
        final int before = pretouchers();
        try (EnginePipeline pipeline = pipeline(EngineConfig.defaults().dataDir(dir.resolve("off"))
            .journalPretouch(false)))
        {
            pipeline.start();
            assertEquals(before, pretouchers());
        }
        try (EnginePipeline pipeline = pipeline(EngineConfig.defaults().dataDir(dir.resolve("none"))
            .journalEnabled(false)))
        {
            pipeline.start();
            assertEquals(before, pretouchers());
        }
    }

    private static EnginePipeline pipeline(final EngineConfig config)
    {
        return new EnginePipeline(config.clearInstruments(), List.of(), List.of(), new SystemEpochNanoClock());
    }

    private static int pretouchers()
    {
        int count = 0;
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (THREAD.equals(thread.getName()) && thread.isAlive())
            {
                count++;
            }
        }
        return count;
    }
}
