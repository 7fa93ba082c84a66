package org.mmwinter.engine.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import net.openhft.chronicle.core.io.BackgroundResourceReleaser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.journal.JournalCorruptException;
import org.mmwinter.engine.message.CommandEvent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A start that fails leaves nothing behind: no engine thread running (a busy-spinning stage would take a core from
 * an embedding that caught the failure), no journal file held open, and the data directory as it was, so that the
 * refusal's "nothing was changed" is true and a corrected start in the same process works.
 */
class FailedStartTest
{
    @TempDir
    Path dir;

    private EngineConfig config()
    {
        return EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data"))
            .addInstrument(new EngineConfig.InstrumentSpec("BTC-USD", "0.01", "0.0001", 0));
    }

    @Test
    void anInstrumentConfiguredAgainstItsJournaledDefinitionStartsNothingAndChangesNothing() throws Exception
    {
        final long digest;
        try (EnginePipeline pipeline = new EnginePipeline(config()))
        {
            pipeline.start();
            rest(pipeline, 20);
            assertTrue(pipeline.awaitIdle(10, TimeUnit.SECONDS));
            digest = pipeline.digest();
        }
        final Map<Path, byte[]> snapshotsBefore = contents(dir.resolve("data").resolve("snapshots"));
        assertEquals(1, snapshotsBefore.size(), "the snapshot written at close");

        // A new instrument first, then the journaled one with another tick: refused before either is defined.
        final EngineConfig changed = EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data"))
            .addInstrument(new EngineConfig.InstrumentSpec("ETH-USD", "0.01", "0.001", 0))
            .addInstrument(new EngineConfig.InstrumentSpec("BTC-USD", "0.1", "0.0001", 0));
        final Set<Thread> threadsBefore = liveThreads();
        final Set<String> filesBefore = filesOpenUnder(dir.resolve("data"));
        final EnginePipeline refused = new EnginePipeline(changed);
        final IllegalStateException failure = assertThrows(IllegalStateException.class, refused::start);
        assertTrue(failure.getMessage().contains("instrument BTC-USD is journaled as"), failure.getMessage());

        assertNoEngineThreadsStarted(threadsBefore);
        assertNoFileLeftOpen(dir.resolve("data"), filesBefore);
        refused.close();
        assertSnapshotsUnchanged(snapshotsBefore);

        try (EnginePipeline again = new EnginePipeline(config()))
        {
            final EnginePipeline.RecoveryReport report = again.start();
            assertEquals(report.snapshotSequence(), report.lastSequence(),
                "the failed start journaled nothing after the snapshot taken at the first close");
            assertEquals(digest, again.digest());
            assertEquals(MatchingEngine.UNKNOWN_INSTRUMENT, again.directory().resolve("ETH-USD", false),
                "the new instrument listed before the conflict was not defined");
        }
    }

    @Test
    void aJournalShorterThanItsSnapshotLeavesNoThreadAndNoFileOpen() throws Exception
    {
        try (EnginePipeline pipeline = new EnginePipeline(config()))
        {
            pipeline.start();
            rest(pipeline, 200);
            assertTrue(pipeline.awaitIdle(10, TimeUnit.SECONDS));
        }
        // The journal's files lost (a restore that missed them): the snapshot is ahead of it, a refusal found after
        // the journal was opened.
        try (Stream<Path> files = Files.list(dir.resolve("data").resolve("input")))
        {
            for (final Path file : (Iterable<Path>)files::iterator)
            {
                if (file.toString().endsWith(".cq4"))
                {
                    Files.delete(file);
                }
            }
        }

        final Set<Thread> threadsBefore = liveThreads();
        final Set<String> filesBefore = filesOpenUnder(dir.resolve("data"));
        final EnginePipeline refused = new EnginePipeline(config());
        final JournalCorruptException failure = assertThrows(JournalCorruptException.class, refused::start);
        assertTrue(failure.getMessage().contains("is ahead of the input journal"), failure.getMessage());
        assertNoEngineThreadsStarted(threadsBefore);
        assertNoFileLeftOpen(dir.resolve("data"), filesBefore);
        refused.close();
    }

    private static void rest(final EnginePipeline pipeline, final int orders)
    {
        final int account = pipeline.directory().resolve("maker");
        final int instrument = pipeline.directory().resolve("BTC-USD", false);
        final Publication publication = pipeline.publication(PipelineHarness.SOURCE_ID);
        final CommandEvent e = new CommandEvent();
        for (int i = 1; i <= orders; i++)
        {
            PipelineHarness.fill(e, account, i, instrument, i % 2 == 0 ? Side.BUY : Side.SELL,
                i % 2 == 0 ? 1_000 - i : 2_000 + i, 1);
            publication.offerBlocking(e, i);
        }
    }

    private static Set<Thread> liveThreads()
    {
        return new HashSet<>(Thread.getAllStackTraces().keySet());
    }

    /** Threads are stopped, not joined, by a halt: give them a moment to see it. */
    private static void assertNoEngineThreadsStarted(final Set<Thread> before) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> left;
        do
        {
            left = new ArrayList<>();
            for (final Thread thread : Thread.getAllStackTraces().keySet())
            {
                if (!before.contains(thread) && thread.isAlive() && thread.getName().startsWith("engine-"))
                {
                    left.add(thread.getName());
                }
            }
            if (left.isEmpty())
            {
                return;
            }
            Thread.sleep(10);
        }
        while (System.nanoTime() < deadline);
        throw new AssertionError("threads of the failed start still running: " + left);
    }

    /**
     * The descriptors open on files under {@code data}, as "fd -> file", once Chronicle has released what earlier
     * closes handed to its background releaser. Linux only (/proc), which is where the engine runs and CI tests it;
     * elsewhere empty.
     */
    private static Set<String> filesOpenUnder(final Path data) throws IOException
    {
        BackgroundResourceReleaser.releasePendingResources();
        final Set<String> open = new TreeSet<>();
        final Path fds = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fds))
        {
            return open;
        }
        final Path root = data.toRealPath();
        try (Stream<Path> links = Files.list(fds))
        {
            for (final Path link : (Iterable<Path>)links::iterator)
            {
                try
                {
                    final Path target = Files.readSymbolicLink(link);
                    if (target.startsWith(root))
                    {
                        open.add(link.getFileName() + " -> " + target);
                    }
                }
                catch (final IOException ex)
                {
                    // The descriptor of this listing itself, closed by now: not a journal's.
                }
            }
        }
        return open;
    }

    private static void assertNoFileLeftOpen(final Path data, final Set<String> before) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        Set<String> opened;
        do
        {
            opened = filesOpenUnder(data);
            opened.removeAll(before);
            if (opened.isEmpty())
            {
                return;
            }
            Thread.sleep(10);
        }
        while (System.nanoTime() < deadline);
        throw new AssertionError("files of the failed start still open: " + opened);
    }

    private void assertSnapshotsUnchanged(final Map<Path, byte[]> before) throws IOException
    {
        final Map<Path, byte[]> after = contents(dir.resolve("data").resolve("snapshots"));
        assertEquals(before.keySet(), after.keySet(), "no snapshot written or removed");
        for (final Map.Entry<Path, byte[]> file : before.entrySet())
        {
            assertArrayEquals(file.getValue(), after.get(file.getKey()), file.getKey().toString());
        }
    }

    private static Map<Path, byte[]> contents(final Path directory) throws IOException
    {
        final Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(directory))
        {
            for (final Path file : (Iterable<Path>)list::iterator)
            {
                files.put(file.getFileName(), Files.readAllBytes(file));
            }
        }
        return files;
    }
}
