package org.mmwinter.engine.process;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code engine.jar bench} refuses a switch value it does not know (exit 2, the option and the value named, nothing
 * run or written) instead of measuring the default or the opposite of what was asked: {@code --journal yes} used to
 * run without the journal. Nor does it delete a {@code --data} directory it did not write.
 */
final class BenchSwitchesTest
{
    @TempDir
    Path dir;

    @Test
    void unknownSwitchValuesAreRefusedBeforeAnythingRuns()
    {
        final String data = dir.resolve("bench-data").toString();
        assertRefused("--journal must be on or off, not 'yes'", "--journal", "yes", "--data", data);
        assertRefused("--output-journal must be on or off, not 'false'", "--output-journal", "false", "--data", data);
        assertRefused("--pretouch must be on or off, not 'ON'", "--pretouch", "ON", "--data", data);
        assertRefused("--durability must be none or sync-batch, not 'sync'", "--durability", "sync", "--data", data);
        final EngineConsole stages = EngineConsole.run("bench", "--stages", "fast", "--data", data);
        assertEquals(2, stages.exitCode, stages.out + stages.err);
        assertTrue(stages.err.startsWith("engine bench: --wait sleeping --stages fast: "), stages.err);
        assertFalse(Files.exists(dir.resolve("bench-data")));
    }

    @Test
    void knownValuesRunTheBench()
    {
        final EngineConsole console = EngineConsole.run("bench", "--commands", "20000", "--journal", "off",
            "--output-journal", "off", "--pretouch", "off", "--durability", "none",
            "--data", dir.resolve("bench-data").toString());
        assertEquals(0, console.exitCode, console.err);
        assertTrue(console.out.contains("journal=off"), console.out);
    }

    @Test
    void aDirectoryTheBenchDidNotWriteIsNeverDeleted() throws Exception
    {
        // An engine's data directory given by mistake: the bench deletes its own before and after a run.
        final Path engineData = dir.resolve("data");
        Files.createDirectories(engineData.resolve("input"));
        final Path journal = Files.writeString(engineData.resolve("input").resolve("20261203.cq4"), "journal");
        assertRefused("--data " + engineData + " holds files that no bench wrote (an engine's journal?); the bench " +
            "deletes its data directory before and after a run, so give it a new or empty directory",
            "--commands", "20000", "--data", engineData.toString());
        assertEquals("journal", Files.readString(journal));

        final Path file = Files.writeString(dir.resolve("notes.txt"), "notes");
        assertRefused("--data " + file + " is a file, not a directory", "--data", file.toString());
        assertEquals("notes", Files.readString(file));
    }

    @Test
    void anEmptyDirectoryOrOneABenchLeftIsUsedAndRemoved() throws Exception
    {
        final Path empty = Files.createDirectories(dir.resolve("empty"));
        assertRuns(empty);
        // A bench that was killed leaves its marked directory behind; the next run takes it over.
        final Path left = Files.createDirectories(dir.resolve("left"));
        Files.createFile(left.resolve(PipelineBench.SCRATCH_MARK));
        Files.writeString(left.resolve("partial.cq4"), "a killed run's journal");
        assertRuns(left);
    }

    private static void assertRuns(final Path data)
    {
        final EngineConsole console = EngineConsole.run("bench", "--commands", "20000", "--journal", "off",
            "--output-journal", "off", "--data", data.toString());
        assertEquals(0, console.exitCode, console.err);
        assertFalse(Files.exists(data), "the bench removes its scratch directory after the run");
    }

    private static void assertRefused(final String message, final String... options)
    {
        final String[] args = new String[options.length + 1];
        args[0] = "bench";
        System.arraycopy(options, 0, args, 1, options.length);
        final EngineConsole console = EngineConsole.run(args);
        assertEquals(2, console.exitCode, console.out + console.err);
        assertEquals("engine bench: " + message, console.err);
    }
}
