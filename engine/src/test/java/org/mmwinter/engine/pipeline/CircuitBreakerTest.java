package org.mmwinter.engine.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.lmax.disruptor.EventHandler;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crash-day controls through the engine: halting and resuming an instrument, and the configured price band around
 * the last trade; both journaled, so a restart comes back halted or not exactly as it was.
 */
class CircuitBreakerTest
{
    @TempDir
    Path dir;

    private final Map<Long, Integer> outcomes = new ConcurrentHashMap<>();

    private EnginePipeline start()
    {
        final EngineConfig config = EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data"))
            .addInstrument(new EngineConfig.InstrumentSpec("LUNA-USD", "0.0001", "0.01", 1_000));
        final EventHandler<ResultEvent> done = (event, sequence, endOfBatch) ->
        {
            if (event.type == ResultType.DONE && event.commandType == CommandType.NEW)
            {
                outcomes.put(event.clientOrderId.decimalValue(), event.rejectReason);
            }
        };
        final EnginePipeline pipeline = new EnginePipeline(config, List.of(done), List.of(),
            new SystemEpochNanoClock());
        pipeline.start();
        return pipeline;
    }

    private int order(final EnginePipeline pipeline, final long id, final int side, final long price)
    {
        final int account = pipeline.directory().resolve("mm");
        final int instrument = pipeline.directory().resolve("LUNA-USD", false);
        PipelineHarness.limit(pipeline, account, id, instrument, side, price, 100);
        assertTrue(pipeline.awaitIdle(10, TimeUnit.SECONDS));
        return outcomes.get(id);
    }

    @Test
    void haltRefusesNewOrdersUntilResumedAndSurvivesARestart()
    {
        try (EnginePipeline pipeline = start())
        {
            assertEquals(RejectReason.NONE, order(pipeline, 1, Side.BUY, 800_000));
            assertTrue(pipeline.halt("LUNA-USD", true));
            assertEquals(RejectReason.INSTRUMENT_HALTED, order(pipeline, 2, Side.BUY, 800_000));
            assertFalse(pipeline.halt("NOPE", true), "unknown symbol");
        }
        try (EnginePipeline pipeline = start())
        {
            final int instrument = pipeline.directory().resolve("LUNA-USD", false);
            assertTrue(pipeline.stateWhenIdle().engine().isHalted(instrument), "still halted after restart");
            assertEquals(RejectReason.INSTRUMENT_HALTED, order(pipeline, 3, Side.BUY, 800_000));
            assertTrue(pipeline.halt("LUNA-USD", false));
            assertEquals(RejectReason.NONE, order(pipeline, 4, Side.BUY, 800_000));
            assertEquals(2, pipeline.stateWhenIdle().engine().liveOrderCount());
        }
    }

    @Test
    void theBandRejectsOrdersTooFarFromTheLastTrade()
    {
        try (EnginePipeline pipeline = start())
        {
            // No trade yet: no reference price, so no band.
            assertEquals(RejectReason.NONE, order(pipeline, 1, Side.SELL, 800_000));
            assertEquals(RejectReason.NONE, order(pipeline, 2, Side.BUY, 800_000));
            // Last trade 80.0000; band 1,000 bps = 10 %: 72.0000 .. 88.0000.
            assertEquals(RejectReason.NONE, order(pipeline, 3, Side.BUY, 720_000));
            assertEquals(RejectReason.PRICE_OUTSIDE_BAND, order(pipeline, 4, Side.BUY, 719_999));
            assertEquals(RejectReason.PRICE_OUTSIDE_BAND, order(pipeline, 5, Side.SELL, 880_001));
            assertEquals(RejectReason.NONE, order(pipeline, 6, Side.SELL, 880_000));
        }
    }
}
