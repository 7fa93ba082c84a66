package org.mmwinter.engine.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.lmax.disruptor.EventHandler;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.journal.OutputJournal;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Stepped stages ({@link EngineConfig#steppedStages}): nothing moves until the starting thread asks, then exactly what
 * was offered is journaled, matched and delivered; a participant sees the same reports as under threads; a sweep
 * with more results than the outbound ring holds goes through; a failing handler fails the engine; another thread
 * is refused; and the journal is the same journal, which threaded stages rebuild.
 */
class SteppedStagesTest
{
    @TempDir
    Path dir;

    private EngineConfig config(final String name, final boolean stepped)
    {
        return EngineConfig.defaults().clearInstruments().dataDir(dir.resolve(name)).ringSize(64)
            .outputRingSize(64).steppedStages(stepped);
    }

    @Test
    void nothingMovesUntilTheCallerSteps()
    {
        final List<Integer> results = new ArrayList<>();
        final EventHandler<ResultEvent> tap = (event, sequence, endOfBatch) -> results.add(event.type);
        try (EnginePipeline pipeline = new EnginePipeline(config("a", true), List.of(tap), List.of(),
            new SystemEpochNanoClock()))
        {
            pipeline.start();
            final int account = pipeline.directory().resolve("a");
            final int instrument = pipeline.directory().resolve("X", true);
            assertTrue(pipeline.awaitProgress(), "the account and the instrument definition were waiting");
            assertFalse(pipeline.awaitProgress(), "then nothing is left");
            results.clear();
            final long batches = pipeline.journalBatches();
            PipelineHarness.limit(pipeline, account, 1, instrument, Side.BUY, 100, 5);
            assertEquals(List.of(), results, "offered, not yet matched");
            assertEquals(batches, pipeline.journalBatches(), "offered, not yet journaled");
            assertTrue(pipeline.awaitProgress());
            assertEquals(batches + 1, pipeline.journalBatches());
            assertTrue(results.contains(ResultType.ACCEPTED) && results.contains(ResultType.DONE), results.toString());
            assertFalse(pipeline.awaitProgress());
        }
    }

    @Test
    void aSweepWithMoreResultsThanTheOutboundRingHoldsGoesThrough()
    {
        final int makers = 500;
        final long[] counts = new long[2];
        final EventHandler<ResultEvent> tap = (event, sequence, endOfBatch) ->
        {
            if (event.type == ResultType.FILL)
            {
                counts[0]++;
            }
            else if (event.type == ResultType.DONE && event.commandType == CommandType.NEW)
            {
                counts[1]++;
            }
        };
        try (EnginePipeline pipeline = new EnginePipeline(config("b", true), List.of(tap), List.of(),
            new SystemEpochNanoClock()))
        {
            pipeline.start();
            sweep(pipeline, makers);
            assertEquals(makers, counts[0]);
            assertEquals(makers + 1, counts[1]);
            assertTrue(pipeline.backPressureWaits() > 0, "the matching stage found the outbound ring full");
            assertEquals(0, pipeline.stateWhenIdle().engine().liveOrderCount(), "everything traded");
            assertFalse(pipeline.failStop().hasFailed());
        }
    }

    @Test
    void aParticipantSeesWhatItSeesUnderThreadsAndTheJournalRebuildsUnderThreads()
    {
        final List<String> stepped = new ArrayList<>();
        final long digest = runWithParticipant(config("c", true), stepped);
        final List<String> threaded = new ArrayList<>();
        assertEquals(digest, runWithParticipant(config("d", false), threaded));
        assertEquals(threaded, stepped);
        assertTrue(stepped.size() > 100, "reports: " + stepped.size());
        try (EnginePipeline rebuilt = new EnginePipeline(config("c", false).snapshotsEnabled(false)))
        {
            rebuilt.start();
            assertEquals(digest, rebuilt.digest());
        }
    }

    /**
     * The output journal on a thread of its own behind stepped stages: the same results in the same order as the one
     * folded into the stepped result stages, and all of them on disk once close returns, through an outbound ring
     * of 64 that the sweep fills many times over. Also on one engine thread ({@code single}).
     */
    @Test
    void theOutputJournalOnItsOwnThreadHoldsTheSameResults()
    {
        final List<String> folded = journaledResults(config("oj-folded", true));
        assertEquals(folded, journaledResults(config("oj-thread", true).outputJournalThread(true)));
        assertEquals(folded, journaledResults(config("oj-single", false).singleThreadStages(true)
            .outputJournalThread(true)));
        assertTrue(folded.size() > 1_500, "results journaled: " + folded.size());
    }

    private List<String> journaledResults(final EngineConfig config)
    {
        try (EnginePipeline pipeline = new EnginePipeline(config))
        {
            pipeline.start();
            sweep(pipeline, 500);
            assertFalse(pipeline.failStop().hasFailed());
        }
        final List<String> results = new ArrayList<>();
        OutputJournal.replayReadOnly(config.outputJournalDir(), r -> results.add(r.type + " " + r.commandSequence +
            " " + r.clientOrderId + " " + r.orderId + " " + r.price + " " + r.qty + " " + r.remaining));
        return results;
    }

    /**
     * {@code makers} offers of 1 at rising prices, then one buy that sweeps them all (about three results per offer:
     * fills, trades, levels), and waits until the pipeline is idle. Into rings of 64 the producer must step the
     * stages to find room, and the matching stage finds the outbound ring full.
     */
    private static void sweep(final EnginePipeline pipeline, final int makers)
    {
        final int seller = pipeline.directory().resolve("seller");
        final int buyer = pipeline.directory().resolve("buyer");
        final int instrument = pipeline.directory().resolve("X", true);
        for (int i = 0; i < makers; i++)
        {
            PipelineHarness.limit(pipeline, seller, i + 1, instrument, Side.SELL, 100 + i, 1);
        }
        PipelineHarness.limit(pipeline, buyer, 10_000, instrument, Side.BUY, 100 + makers, makers);
        assertTrue(pipeline.awaitIdle(10, TimeUnit.SECONDS));
    }

    private static long runWithParticipant(final EngineConfig config, final List<String> reports)
    {
        try (EnginePipeline pipeline = new EnginePipeline(config))
        {
            pipeline.start();
            final int instrument = pipeline.directory().resolve("X", true);
            final Participant trader = pipeline.register(ParticipantSpec.of("trader", "a", "b"),
                new ParticipantListener()
                {
                    public void onReport(final ExecutionReport report)
                    {
                        reports.add(report.type + " " + report.clientOrderId + " " + report.price + " " +
                            report.qty + " " + report.remaining);
                    }
                });
            final int a = pipeline.directory().resolve("a");
            final int b = pipeline.directory().resolve("b");
            final Publication publication = trader.publication();
            final CommandEvent command = new CommandEvent();
            for (int i = 0; i < 200; i++)
            {
                PipelineHarness.fill(command, i % 2 == 0 ? a : b, i + 1, instrument, i % 3 == 0 ? Side.BUY :
                    Side.SELL, 95 + i % 11, 1 + i % 4);
                publication.offerBlocking(command, i + 1);
                trader.poll(1024);
            }
            assertTrue(pipeline.awaitIdle(10, TimeUnit.SECONDS));
            while (trader.poll(1024) > 0)
            {
                // Drain what is queued.
            }
            return pipeline.digest();
        }
    }

    @Test
    void aHandlerThatThrowsFailsTheEngine()
    {
        final EventHandler<ResultEvent> faulty = (event, sequence, endOfBatch) ->
        {
            if (event.type == ResultType.ACCEPTED)
            {
                throw new IllegalStateException("subscriber bug");
            }
        };
        try (EnginePipeline pipeline = new EnginePipeline(config("e", true), List.of(faulty), List.of(),
            new SystemEpochNanoClock()))
        {
            pipeline.start();
            final int account = pipeline.directory().resolve("a");
            final int instrument = pipeline.directory().resolve("X", true);
            PipelineHarness.limit(pipeline, account, 1, instrument, Side.BUY, 100, 5);
            assertTrue(pipeline.awaitIdle(10, TimeUnit.SECONDS));
            assertTrue(pipeline.failStop().hasFailed());
            assertTrue(pipeline.failStop().describe().contains("subscriber bug"), pipeline.failStop().describe());
            assertEquals(Publication.STOPPED, PipelineHarness.limit(pipeline, account, 2, instrument, Side.BUY,
                100, 5));
        }
    }

    @Test
    void anotherThreadIsRefused() throws InterruptedException
    {
        try (EnginePipeline pipeline = new EnginePipeline(config("f", true)))
        {
            pipeline.start();
            final int account = pipeline.directory().resolve("a");
            final int instrument = pipeline.directory().resolve("X", true);
            final AtomicReference<RuntimeException> refusedStep = new AtomicReference<>();
            final AtomicReference<RuntimeException> refusedOffer = new AtomicReference<>();
            final Thread other = new Thread(() ->
            {
                try
                {
                    pipeline.awaitProgress();
                }
                catch (final IllegalStateException ex)
                {
                    refusedStep.set(ex);
                }
                try
                {
                    PipelineHarness.limit(pipeline, account, 1, instrument, Side.BUY, 100, 5);
                }
                catch (final IllegalStateException ex)
                {
                    refusedOffer.set(ex);
                }
            }, "not-the-owner");
            other.start();
            other.join();
            for (final AtomicReference<RuntimeException> refused : List.of(refusedStep, refusedOffer))
            {
                assertNotNull(refused.get());
                assertTrue(refused.get().getMessage().contains("driven only by the thread that started it"),
                    refused.get().getMessage());
            }
            assertTrue(pipeline.awaitProgress(), "the definitions, offered by this thread");
            assertFalse(pipeline.awaitProgress(), "and nothing from the other");
        }
    }

    @Test
    void onOneEngineThreadProducersOfferFromTheirOwnThreadsAndCloseDrains()
    {
        final List<String> stepped = new ArrayList<>();
        final long digest = runWithParticipant(config("g", true), stepped);
        final List<String> single = new ArrayList<>();
        final EngineConfig config = config("h", false).stageLayout("single");
        assertEquals(digest, runWithParticipant(config, single));
        assertEquals(stepped, single);
        try (EnginePipeline rebuilt = new EnginePipeline(config("h", false).snapshotsEnabled(false)))
        {
            rebuilt.start();
            assertEquals(digest, rebuilt.digest(), "everything offered before close was journaled");
        }
    }
}
