package org.mmwinter.engine.pipeline;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.EventHandler;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.journal.InputJournal;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.process.OfflineState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fail-stop, never fail-silent: a stage that throws (a result handler, a journal that can no longer be written)
 * stops matching and acknowledging, tells producers, and never leaves them waiting on a hung ring.
 */
class FailStopTest
{
    @TempDir
    Path dir;

    private EngineConfig config()
    {
        return EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data")).ringSize(64)
            .outputRingSize(256);
    }

    @Test
    void aThrowingResultHandlerStopsTheEngineWithoutHangingProducers()
    {
        final List<Long> acked = new CopyOnWriteArrayList<>();
        final EventHandler<ResultEvent> faulty = (event, sequence, endOfBatch) ->
        {
            if (event.type == ResultType.DONE && event.commandType == CommandType.NEW)
            {
                if (event.clientOrderId.decimalValue() == 50)
                {
                    throw new IllegalStateException("subscriber bug");
                }
                acked.add(event.clientOrderId.decimalValue());
            }
        };
        final EnginePipeline pipeline = new EnginePipeline(config(), List.of(faulty), List.of(),
            new SystemEpochNanoClock());
        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
        {
            pipeline.start();
            final int account = pipeline.directory().resolve("a");
            final int instrument = pipeline.directory().resolve("X", true);
            long stoppedAt = -1;
            for (int i = 0; i < 10_000; i++)
            {
                if (PipelineHarness.limit(pipeline, account, i, instrument, Side.BUY, 1 + i, 1) ==
                    Publication.STOPPED)
                {
                    stoppedAt = i;
                    break;
                }
            }
            assertTrue(pipeline.awaitIdle(10, TimeUnit.SECONDS));
            assertTrue(pipeline.failStop().hasFailed());
            assertTrue(pipeline.failStop().describe().contains("subscriber bug"), pipeline.failStop().describe());
            assertTrue(stoppedAt > 0, "producers were told the engine stopped");
            assertEquals(Publication.STOPPED, pipeline.publication(1).offer(
                PipelineHarness.fill(new CommandEvent(), account, 1, instrument, Side.BUY, 1, 1), 1));
            pipeline.close();
        });
        assertFalse(acked.contains(50L));
    }

    @ParameterizedTest(name = "combined stages: {0}")
    @ValueSource(booleans = {true, false})
    void aJournalThatCannotBeWrittenStopsMatchingBeforeTheUnjournaledCommand(final boolean combined) throws Exception
    {
        final List<Long> acked = new CopyOnWriteArrayList<>();
        final EventHandler<ResultEvent> acks = (event, sequence, endOfBatch) ->
        {
            if (event.type == ResultType.DONE && event.commandType == CommandType.NEW)
            {
                acked.add(event.clientOrderId.decimalValue());
            }
        };
        final EnginePipeline pipeline = new EnginePipeline(config().combinedStages(combined), List.of(acks),
            List.of(), new SystemEpochNanoClock());
        assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
        {
            pipeline.start();
            final int account = pipeline.directory().resolve("a");
            final int instrument = pipeline.directory().resolve("X", true);
            for (int i = 0; i < 10; i++)
            {
                PipelineHarness.limit(pipeline, account, i, instrument, Side.BUY, 1 + i, 1);
            }
            assertTrue(pipeline.awaitIdle(10, TimeUnit.SECONDS));
            assertEquals(10, acked.size());

            // The disk goes away under the engine: the journal's queue is closed, every write now throws.
            inputJournalOf(pipeline).close();
            for (int i = 10; i < 20; i++)
            {
                PipelineHarness.limit(pipeline, account, i, instrument, Side.BUY, 1 + i, 1);
            }
            assertTrue(pipeline.awaitIdle(10, TimeUnit.SECONDS));
            assertTrue(pipeline.failStop().hasFailed(), "the failed write stopped the engine");
            assertEquals(10, acked.size(), "nothing unjournaled was matched or acknowledged: " + acked);
            assertEquals(10, pipeline.stateWhenIdle().engine().liveOrderCount());
            pipeline.close();
        });
        assertEquals(10, OfflineState.rebuild(dir.resolve("data")).engine().liveOrderCount(),
            "the journal rebuilds exactly the acknowledged state");
    }

    private static InputJournal inputJournalOf(final EnginePipeline pipeline) throws Exception
    {
        final Field field = EnginePipeline.class.getDeclaredField("inputJournal");
        field.setAccessible(true);
        return (InputJournal)field.get(pipeline);
    }
}
