package org.mmwinter.engine.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import com.lmax.disruptor.EventHandler;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmwinter.engine.core.BookRows;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.ReferenceEngine;
import org.mmwinter.engine.flow.FlowGenerator;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.state.EngineState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The randomized differential test through the whole engine: seeded flows (every action, tif, STP mode, price
 * bands, invalid commands) published into the rings, journaled and matched, compared with the naive reference model
 * on reject reasons, fills in execution order and final books; then the journal alone rebuilds the same books. Each
 * seed runs in three stage layouts: on threads of their own ({@code split}), stepped by the test's thread
 * ({@link EngineConfig#steppedStages}) and all on one engine thread ({@code single}), the last two with rings small
 * enough that the producer and the matching stage both find theirs full; threaded stages rebuild every journal.
 */
class PipelineDifferentialTest
{
    private static final int COMMANDS = 3_000;

    @TempDir
    Path dir;

    static Stream<Arguments> seeds()
    {
        return LongStream.rangeClosed(1, 16).boxed().flatMap(seed -> Stream.of(
            Arguments.of(seed, "split"), Arguments.of(seed, "stepped"), Arguments.of(seed, "single")));
    }

    @ParameterizedTest(name = "seed {0}, {1} stages")
    @MethodSource("seeds")
    void theEngineAgreesWithTheReferenceModel(final long seed, final String layout)
    {
        final FlowGenerator generator = new FlowGenerator(seed, FlowGenerator.Options.FULL);
        final ReferenceEngine reference = new ReferenceEngine();
        final int[] reasons = new int[COMMANDS];
        final List<String> engineFills = new ArrayList<>();
        final EventHandler<ResultEvent> results = (r, sequence, endOfBatch) ->
        {
            if (r.sourceId != 3)
            {
                return;
            }
            if (r.type == ResultType.DONE)
            {
                reasons[(int)r.correlationId] = r.rejectReason;
            }
            else if (r.type == ResultType.FILL)
            {
                engineFills.add(new ReferenceEngine.Fill(r.instrumentId, r.price, r.qty, r.side, r.makerAccountId,
                    r.makerClientOrderId.toString(), r.makerRemaining, r.accountId, r.clientOrderId.toString(),
                    r.remaining).toString());
            }
        };
        final EngineConfig config = EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data"))
            .ringSize(256);
        if ("stepped".equals(layout))
        {
            config.steppedStages(true).outputRingSize(64);
        }
        else if ("single".equals(layout))
        {
            config.stageLayout("single").outputRingSize(64);
        }
        final List<String> referenceFills = new ArrayList<>();
        final int[] expected = new int[COMMANDS];
        try (EnginePipeline pipeline = new EnginePipeline(config, List.of(results), List.of(),
            new SystemEpochNanoClock()))
        {
            pipeline.start();
            for (final Instrument instrument : generator.instruments())
            {
                reference.addInstrument(instrument);
                assertEquals(instrument.id(), pipeline.directory().define(instrument));
            }
            final CommandEvent command = new CommandEvent();
            final Publication publication = pipeline.publication(3);
            for (int i = 0; i < COMMANDS; i++)
            {
                generator.next(command);
                publication.offerBlocking(command, i);
                expected[i] = reference.apply(command);
                for (final ReferenceEngine.Fill f : reference.fills())
                {
                    referenceFills.add(f.toString());
                }
            }
            assertTrue(pipeline.awaitIdle(60, TimeUnit.SECONDS));
            for (int i = 0; i < COMMANDS; i++)
            {
                if (expected[i] != reasons[i])
                {
                    fail("seed " + seed + " command " + i + ": engine reason " + reasons[i] + ", reference " +
                        expected[i]);
                }
            }
            assertEquals(referenceFills, engineFills, "fills, seed " + seed);
            assertTrue(referenceFills.size() > 50, "the flow trades: " + referenceFills.size());
            assertSameBooks(seed, reference, pipeline.stateWhenIdle());
        }
        try (EnginePipeline recovered = new EnginePipeline(config.snapshotsEnabled(false).steppedStages(false)
            .stageLayout("split")))
        {
            recovered.start();
            assertSameBooks(seed, reference, recovered.stateWhenIdle());
        }
    }

    private static void assertSameBooks(final long seed, final ReferenceEngine reference, final EngineState state)
    {
        final BookRows expectedRows = new BookRows();
        final BookRows actualRows = new BookRows();
        for (int i = 0; i < reference.instrumentCount(); i++)
        {
            reference.writeRows(i, expectedRows.clear());
            actualRows.clear();
            state.engine().forEachOrder(i, actualRows);
            assertEquals(-1, actualRows.firstDifference(expectedRows),
                "seed " + seed + " instrument " + i + "\nengine:\n" + actualRows + "reference:\n" + expectedRows);
        }
    }
}
