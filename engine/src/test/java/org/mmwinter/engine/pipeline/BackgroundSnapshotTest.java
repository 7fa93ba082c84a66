package org.mmwinter.engine.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.state.StateDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Periodic snapshots are encoded on the matching thread and written on the snapshot thread: what that thread writes
 * loads to the state of a full replay, the snapshot at close is on disk when close returns, a write that fails does
 * not stop matching, and a snapshot due while one is still being written is skipped and counted. A test hook on the
 * snapshot thread holds a write in flight, so that the skip does not depend on timing.
 */
class BackgroundSnapshotTest
{
    private static final int EVERY = 100;

    @TempDir
    Path dir;

    private EngineConfig config()
    {
        return EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data")).ringSize(1024)
            .snapshotEvery(EVERY);
    }

    private List<Path> snapshots() throws Exception
    {
        try (Stream<Path> files = Files.list(dir.resolve("data").resolve("snapshots")))
        {
            return files.sorted().collect(Collectors.toList());
        }
    }

    /**
     * Resting orders on both sides of two books, and every seventh order crossing, so that the snapshots hold books,
     * trades and partly filled orders.
     */
    private static void trade(final EnginePipeline pipeline, final int orders, final long firstId)
    {
        final int buyer = pipeline.directory().resolve("buyer");
        final int seller = pipeline.directory().resolve("seller");
        final int[] instruments = {pipeline.directory().resolve("ABC-USD", true),
            pipeline.directory().resolve("XYZ-USD", true)};
        final Publication publication = pipeline.publication(PipelineHarness.SOURCE_ID);
        final CommandEvent e = new CommandEvent();
        for (int i = 0; i < orders; i++)
        {
            final long id = firstId + i;
            final boolean buy = i % 2 == 0;
            final boolean cross = i % 7 == 0;
            final long price = buy ? (cross ? 1_050 : 990 - i % 40) : (cross ? 950 : 1_010 + i % 40);
            PipelineHarness.fill(e, buy ? buyer : seller, id, instruments[i % 2], buy ? Side.BUY : Side.SELL, price,
                1 + i % 5);
            publication.offerBlocking(e, id);
        }
    }

    private long fullReplayDigest()
    {
        try (EnginePipeline replay = new EnginePipeline(config().snapshotsEnabled(false)))
        {
            final EnginePipeline.RecoveryReport report = replay.start();
            assertEquals(0, report.snapshotSequence());
            return report.digest();
        }
    }

    @Test
    void aPeriodicSnapshotWrittenInTheBackgroundLoadsToTheStateOfAFullReplay() throws Exception
    {
        final long digest;
        final long lastSequence;
        try (EnginePipeline pipeline = new EnginePipeline(config()))
        {
            pipeline.start();
            trade(pipeline, 450, 1);
            digest = pipeline.digest();
            lastSequence = pipeline.stateWhenIdle().lastSequence();
            assertTrue(pipeline.longestSnapshotNs() > 0, "the matching thread encoded periodic snapshots");
        }
        final List<Path> files = snapshots();
        assertEquals(2, files.size(), "a periodic snapshot and the one at close: " + files);
        // Without the snapshot taken at close, the restart starts from the newest periodic one, which the snapshot
        // thread wrote while matching went on.
        Files.delete(files.get(1));
        try (EnginePipeline restarted = new EnginePipeline(config()))
        {
            final EnginePipeline.RecoveryReport report = restarted.start();
            assertTrue(report.snapshotSequence() > 0 && report.snapshotSequence() % EVERY == 0 &&
                report.snapshotSequence() < lastSequence, report.describe());
            assertEquals(hex(digest), hex(report.digest()), report.describe());
        }
        assertEquals(hex(digest), hex(fullReplayDigest()), "a full replay of the journal");
    }

    @Test
    void closeLeavesTheFinalSnapshotOnDiskAfterTheWriteInFlight() throws Exception
    {
        final CountDownLatch inFlight = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final long digest;
        final long lastSequence;
        final SnapshotWriter writer;
        final EnginePipeline pipeline = new EnginePipeline(config());
        try
        {
            pipeline.start();
            writer = pipeline.snapshotWriter();
            writer.beforeWrite(() ->
            {
                inFlight.countDown();
                awaitQuietly(release);
            });
            trade(pipeline, 150, 1);
            assertTrue(inFlight.await(10, TimeUnit.SECONDS), "a periodic snapshot is being written");
            digest = pipeline.digest();
            lastSequence = pipeline.stateWhenIdle().lastSequence();
            assertEquals(0, writer.written(), "the periodic write is held");
        }
        finally
        {
            // Released from another thread while close() waits for it (or before: either way close must write
            // the final snapshot after it, not over it).
            final Thread releaser = new Thread(release::countDown);
            releaser.start();
            pipeline.close();
            releaser.join();
        }
        assertEquals(2, writer.written(), "the held periodic snapshot, then the one at close");
        final List<Path> files = snapshots();
        assertEquals(String.format("snapshot-%020d.bin", lastSequence), files.get(files.size() - 1).getFileName()
            .toString(), "the newest snapshot is the state at close: " + files);
        try (EnginePipeline restarted = new EnginePipeline(config()))
        {
            final EnginePipeline.RecoveryReport report = restarted.start();
            assertEquals(lastSequence, report.snapshotSequence(), report.describe());
            assertEquals(hex(digest), hex(report.digest()));
        }
    }

    @Test
    void aSnapshotDueWhileOneIsBeingWrittenIsSkippedAndCounted() throws Exception
    {
        final CountDownLatch inFlight = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final long digest;
        final SnapshotWriter writer;
        try (EnginePipeline pipeline = new EnginePipeline(config()))
        {
            pipeline.start();
            writer = pipeline.snapshotWriter();
            writer.beforeWrite(() ->
            {
                inFlight.countDown();
                awaitQuietly(release);
            });
            trade(pipeline, 350, 1);
            assertTrue(inFlight.await(10, TimeUnit.SECONDS), "a periodic snapshot is being written");
            // Matching went on past the snapshots that fell due while the first was held.
            digest = pipeline.digest();
            final long lastSequence = pipeline.stateWhenIdle().lastSequence();
            assertTrue(lastSequence >= 3 * EVERY, "sequence " + lastSequence);
            assertEquals(lastSequence / EVERY - 1, pipeline.snapshotsSkipped(), "all but the one held were skipped");
            assertEquals(0, writer.written());
            release.countDown();
        }
        assertEquals(2, writer.written(), "the held periodic snapshot, then the one at close");
        try (EnginePipeline restarted = new EnginePipeline(config()))
        {
            assertTrue(restarted.start().snapshotSequence() > 0);
            assertEquals(hex(digest), hex(restarted.digest()));
        }
        assertEquals(hex(digest), hex(fullReplayDigest()), "a full replay of the journal");
    }

    @Test
    void aSnapshotThatCannotBeWrittenDoesNotStopMatching() throws Exception
    {
        Files.createDirectories(dir.resolve("data"));
        // The snapshot directory is a file: every write fails, the periodic ones on the snapshot thread.
        Files.writeString(dir.resolve("data").resolve("snapshots"), "not a directory");
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final PrintStream previous = System.err;
        final long digest;
        final long commands;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try
        {
            try (EnginePipeline pipeline = new EnginePipeline(config()))
            {
                pipeline.start();
                trade(pipeline, 500, 1);
                assertTrue(pipeline.awaitIdle(10, TimeUnit.SECONDS));
                commands = pipeline.commandCount();
                assertFalse(pipeline.failStop().hasFailed(), "the engine goes on");
                assertEquals(0, pipeline.snapshotWriter().written());
                // More commands after failed writes are still matched.
                trade(pipeline, 10, 10_000);
                digest = pipeline.digest();
                assertEquals(commands + 10, pipeline.commandCount());
            }
        }
        finally
        {
            System.setErr(previous);
        }
        final String reported = err.toString(StandardCharsets.UTF_8);
        assertTrue(reported.contains("engine: snapshot not written: "), reported);
        assertTrue(commands >= 500, "commands " + commands);
        try (EnginePipeline restarted = new EnginePipeline(config()))
        {
            final EnginePipeline.RecoveryReport report = restarted.start();
            assertEquals(0, report.snapshotSequence(), "no snapshot was written: the journal is replayed");
            assertEquals(commands + 10, report.commands());
            assertEquals(hex(digest), hex(report.digest()));
        }
    }

    private static void awaitQuietly(final CountDownLatch latch)
    {
        try
        {
            latch.await(30, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    private static String hex(final long digest)
    {
        return StateDigest.toHex(digest);
    }
}
