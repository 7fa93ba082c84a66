package org.mmwinter.engine.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.EventHandler;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What slow consumers and a full inbound ring do: execution results back-pressure the core and are never lost;
 * market data is dropped and counted; producers facing a full ring get BUSY, counted, instead of blocking.
 */
class FlowControlTest
{
    @TempDir
    Path dir;

    private EngineConfig config()
    {
        return EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data")).ringSize(64)
            .outputRingSize(64).marketDataRingSize(16);
    }

    @Test
    void aSlowResultConsumerBackPressuresTheCoreAndLosesNothing()
    {
        final AtomicLong done = new AtomicLong();
        final AtomicLong lastSequence = new AtomicLong();
        final AtomicLong outOfOrder = new AtomicLong();
        final EventHandler<ResultEvent> slow = (event, sequence, endOfBatch) ->
        {
            if (event.type == ResultType.DONE)
            {
                if (event.commandSequence <= lastSequence.get())
                {
                    outOfOrder.incrementAndGet();
                }
                lastSequence.set(event.commandSequence);
                done.incrementAndGet();
            }
            if ((sequence & 7) == 0)
            {
                LockSupport.parkNanos(200_000);
            }
        };
        try (EnginePipeline pipeline = new EnginePipeline(config(), List.of(slow), List.of(),
            new SystemEpochNanoClock()))
        {
            pipeline.start();
            final int account = pipeline.directory().resolve("a");
            final int instrument = pipeline.directory().resolve("X", true);
            for (int i = 0; i < 1_000; i += 2)
            {
                PipelineHarness.crossingPair(pipeline, account, i, instrument);
            }
            assertTrue(pipeline.awaitIdle(60, TimeUnit.SECONDS));
            assertEquals(1_000 + 2, done.get(), "a DONE for every command (and the two definitions)");
            assertEquals(0, outOfOrder.get());
            assertTrue(pipeline.backPressureWaits() > 0, "the core waited for the slow consumer");
            assertEquals(500, pipeline.stateWhenIdle().engine().tradeCount());
        }
    }

    @Test
    void aSlowMarketDataSubscriberLosesUpdatesButNotExecutions()
    {
        final AtomicLong fills = new AtomicLong();
        final AtomicLong marketData = new AtomicLong();
        final EventHandler<ResultEvent> executions = (event, sequence, endOfBatch) ->
        {
            if (event.type == ResultType.FILL)
            {
                fills.incrementAndGet();
            }
        };
        final EventHandler<ResultEvent> slowMarketData = (event, sequence, endOfBatch) ->
        {
            marketData.incrementAndGet();
            LockSupport.parkNanos(1_000_000);
        };
        try (EnginePipeline pipeline = new EnginePipeline(config(), List.of(executions), List.of(slowMarketData),
            new SystemEpochNanoClock()))
        {
            pipeline.start();
            final int account = pipeline.directory().resolve("a");
            final int instrument = pipeline.directory().resolve("X", true);
            for (int i = 0; i < 2_000; i += 2)
            {
                PipelineHarness.crossingPair(pipeline, account, i, instrument);
            }
            assertTrue(pipeline.awaitIdle(60, TimeUnit.SECONDS));
            assertEquals(1_000, fills.get(), "every fill delivered");
            // 1,000 trades and 2,000 level changes were published.
            final long dropped = pipeline.marketDataDropped();
            assertTrue(dropped > 0, "the lagging subscriber lost updates");
            assertTrue(dropped < 3_000);
        }
    }

    @Test
    void aFullInboundRingAnswersBusyInsteadOfBlocking() throws Exception
    {
        final CountDownLatch release = new CountDownLatch(1);
        final EventHandler<ResultEvent> stuck = (event, sequence, endOfBatch) -> release.await();
        try (EnginePipeline pipeline = new EnginePipeline(config(), List.of(stuck), List.of(),
            new SystemEpochNanoClock()))
        {
            pipeline.start();
            final int account = pipeline.directory().resolve("a");
            final int instrument = pipeline.directory().resolve("X", true);
            int accepted = 0;
            int busy = 0;
            final Publication publication = pipeline.publication(PipelineHarness.SOURCE_ID);
            final CommandEvent command = new CommandEvent();
            for (int i = 0; i < 10_000 && busy == 0; i++)
            {
                PipelineHarness.fill(command, account, i, instrument, i % 2, 100 + i % 2, 1);
                if (publication.offer(command, i) == Publication.BUSY)
                {
                    busy++;
                    continue;
                }
                accepted++;
            }
            assertEquals(1, busy, "a full ring answered BUSY");
            assertEquals(1, pipeline.busyCount());
            assertTrue(accepted + 2 >= 64, "the inbound ring (64, two taken by definitions) filled first: " + accepted);
            release.countDown();
            assertTrue(pipeline.awaitIdle(60, TimeUnit.SECONDS));
            assertEquals(accepted, pipeline.stateWhenIdle().engine().commandCount(), "every accepted command ran");
        }
    }
}
