package org.mmwinter.replay.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.flow.FlowGenerator;
import org.mmwinter.engine.journal.InputJournal;
import org.mmwinter.engine.journal.OutputJournal;
import org.mmwinter.engine.journal.ResultCodec;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.Publication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Engine data directories for the verify tests, written by the real {@link EnginePipeline}; and the recorded
 * output journal read back and rewritten with the engine's own codec, to alter it in one place.
 */
final class RecordedDirectories
{
    /** Source id of the commands the tests send. */
    static final int SOURCE_ID = 3;

    private RecordedDirectories()
    {
    }

    /**
     * Three commands by hand: X-USD defined (prices in cents, whole lots, maker 1 bps, taker 5 bps), a sell of 3 at
     * 100.00, a buy of 2 at 100.00 that takes 2 of it.
     */
    static Path crossingPair(final Path dataDir)
    {
        try (EnginePipeline pipeline = new EnginePipeline(EngineConfig.defaults().clearInstruments()
            .dataDir(dataDir)))
        {
            pipeline.start();
            assertEquals(0, pipeline.directory().define(
                new Instrument(0, "X-USD", 2, 1, 0, 1, Instrument.NO_BAND, 100, 500)));
            final Publication publication = pipeline.publication(SOURCE_ID);
            final CommandEvent command = new CommandEvent();
            publication.offerBlocking(command.setLimitOrder(1, "s1", 0, Side.SELL, TimeInForce.GTC, 10_000, 3), 1);
            publication.offerBlocking(command.setLimitOrder(2, "b1", 0, Side.BUY, TimeInForce.GTC, 10_000, 2), 2);
            assertTrue(pipeline.awaitIdle(60, TimeUnit.SECONDS));
        }
        return dataDir;
    }

    /**
     * A seeded flow of every action (limits, markets, IOC/FOK, amends, cancels, mass cancels, self-trade modes,
     * invalid commands) on the generator's instruments.
     */
    static Path generatedFlow(final Path dataDir, final long seed, final int commands)
    {
        final FlowGenerator generator = new FlowGenerator(seed, FlowGenerator.Options.FULL);
        try (EnginePipeline pipeline = new EnginePipeline(EngineConfig.defaults().clearInstruments()
            .dataDir(dataDir).ringSize(256)))
        {
            pipeline.start();
            for (final Instrument instrument : generator.instruments())
            {
                assertEquals(instrument.id(), pipeline.directory().define(instrument));
            }
            final Publication publication = pipeline.publication(SOURCE_ID);
            final CommandEvent command = new CommandEvent();
            for (int i = 0; i < commands; i++)
            {
                generator.next(command);
                publication.offerBlocking(command, i);
            }
            assertTrue(pipeline.awaitIdle(60, TimeUnit.SECONDS));
        }
        return dataDir;
    }

    /** Every result of the directory's output journal, in order. */
    static List<ResultEvent> recorded(final Path dataDir)
    {
        final List<ResultEvent> results = new ArrayList<>();
        OutputJournal.replayReadOnly(dataDir.resolve("output"), r -> results.add(new ResultEvent().copyFrom(r)));
        return results;
    }

    /** How many commands the directory's input journal holds. */
    static long commands(final Path dataDir)
    {
        return InputJournal.replayReadOnly(dataDir.resolve("input"), c ->
        {
        });
    }

    /**
     * Replaces the directory's output journal with {@code results}, encoded by the engine's codec in batches as the
     * engine writes them.
     */
    static void rewrite(final Path dataDir, final List<ResultEvent> results) throws IOException
    {
        final Path output = dataDir.resolve("output");
        try (Stream<Path> paths = Files.walk(output))
        {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.delete(path);
            }
        }
        final ResultCodec codec = new ResultCodec(1 << 16);
        try (OutputJournal journal = new OutputJournal(output))
        {
            for (int from = 0; from < results.size(); from += 64)
            {
                codec.beginBatch();
                for (int i = from; i < Math.min(results.size(), from + 64); i++)
                {
                    codec.add(results.get(i));
                }
                codec.endBatch();
                journal.write(codec);
            }
        }
    }
}
