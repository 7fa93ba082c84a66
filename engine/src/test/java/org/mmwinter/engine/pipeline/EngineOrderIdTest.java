package org.mmwinter.engine.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
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
import org.mmwinter.engine.journal.OutputJournal;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's own order id (FIX OrderID): 1, 2, 3, ... in order of acceptance, carried with the client's id in every
 * result of the order and in the output journal, and unique for the life of a data directory: a restart, from a
 * snapshot or from the journal alone, goes on where the last run stopped instead of handing out an id again.
 */
final class EngineOrderIdTest
{
    @TempDir
    Path dir;

    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final List<String> fills = new CopyOnWriteArrayList<>();

    private EnginePipeline start(final boolean snapshots)
    {
        final EngineConfig config = EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data"))
            .ringSize(256).snapshotsEnabled(snapshots);
        final EventHandler<ResultEvent> results = (r, sequence, endOfBatch) ->
        {
            if (r.type == ResultType.ACCEPTED)
            {
                accepted.add(r.clientOrderId + "#" + r.orderId);
            }
            else if (r.type == ResultType.FILL)
            {
                fills.add("maker " + r.makerClientOrderId + "#" + r.makerOrderId + " taker " + r.clientOrderId +
                    "#" + r.orderId);
            }
        };
        final EnginePipeline pipeline = new EnginePipeline(config, List.of(results), List.of(),
            new SystemEpochNanoClock());
        pipeline.start();
        return pipeline;
    }

    private static void send(final EnginePipeline pipeline, final String clientOrderId, final int side)
    {
        final int account = pipeline.directory().resolve(side == Side.BUY ? "buyer" : "seller");
        final int instrument = pipeline.directory().resolve("ABC-USD", true);
        final CommandEvent e =
            PipelineHarness.fill(new CommandEvent(), account, clientOrderId, instrument, side, 100, 1);
        pipeline.publication(PipelineHarness.SOURCE_ID).offerBlocking(e, 0);
    }

    @ParameterizedTest(name = "snapshots {0}")
    @ValueSource(booleans = {true, false})
    void idsGoOnAcrossARestart(final boolean snapshots)
    {
        try (EnginePipeline pipeline = start(snapshots))
        {
            send(pipeline, "bid-0", Side.BUY);
            send(pipeline, "3f2504e0-4f89-11d3-9a0c-0305e82c3301", Side.BUY);
            assertTrue(pipeline.awaitIdle(10, TimeUnit.SECONDS));
        }
        try (EnginePipeline pipeline = start(snapshots))
        {
            assertEquals(2, pipeline.stateWhenIdle().engine().lastOrderId(), "recovered the last id given");
            send(pipeline, "ask:1", Side.SELL);
            send(pipeline, "ask:2", Side.SELL);
            assertTrue(pipeline.awaitIdle(10, TimeUnit.SECONDS));
        }
        assertEquals(List.of("bid-0#1", "3f2504e0-4f89-11d3-9a0c-0305e82c3301#2", "ask:1#3", "ask:2#4"), accepted);
        assertEquals(List.of("maker bid-0#1 taker ask:1#3",
            "maker 3f2504e0-4f89-11d3-9a0c-0305e82c3301#2 taker ask:2#4"), fills);

        final List<String> journaled = new ArrayList<>();
        OutputJournal.replayReadOnly(dir.resolve("data").resolve("output"), r ->
        {
            if (r.type == ResultType.FILL)
            {
                journaled.add("maker " + r.makerClientOrderId + "#" + r.makerOrderId + " taker " + r.clientOrderId +
                    "#" + r.orderId);
            }
        });
        assertEquals(fills, journaled, "the output journal carries both ids of both orders");
    }

    @Test
    void aRejectedNewGetsNoId()
    {
        try (EnginePipeline pipeline = start(true))
        {
            send(pipeline, "dup", Side.BUY);
            send(pipeline, "dup", Side.BUY);
            send(pipeline, "next", Side.BUY);
            assertTrue(pipeline.awaitIdle(10, TimeUnit.SECONDS));
            assertEquals(2, pipeline.stateWhenIdle().engine().lastOrderId());
        }
        assertEquals(List.of("dup#1", "next#2"), accepted);
    }
}
