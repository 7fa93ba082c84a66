package org.mmwinter.bench.jmh.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmwinter.bench.workload.MixShape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The throughput benchmark's state runs a few chunks of the mix and every command comes back DONE, unrefused, with
 * and without the journal; its data directory is gone afterwards. No timing is asserted.
 */
class PipelineThroughputBenchmarkTest
{
    private static final int CHUNKS = 3;

    @ParameterizedTest
    @CsvSource({"off, combined, numeric", "on, combined, numeric", "on, split, numeric", "on, split, uuid36"})
    void everyCommandOfEveryChunkIsDone(final String journal, final String stages, final String ids)
    {
        final PipelineThroughputBenchmark.PipelineState state = new PipelineThroughputBenchmark.PipelineState();
        state.journal = journal;
        state.stages = stages;
        state.ids = ids;
        state.setUp();
        final Path data = state.data.path();
        final long fill = state.commands.fill().count();
        try
        {
            assertEquals(fill, state.pipeline.completed(), "the fill is done before the first invocation");
            final PipelineThroughputBenchmark benchmark = new PipelineThroughputBenchmark();
            for (int chunk = 1; chunk <= CHUNKS; chunk++)
            {
                assertEquals(fill + (long)chunk * MixShape.CHUNK, benchmark.pipeline(state));
                assertEquals(fill + (long)chunk * MixShape.CHUNK, state.pipeline.completed());
            }
            assertEquals(0, state.pipeline.rejects());
            if (!PipelineSettings.OFF.equals(journal))
            {
                assertTrue(state.pipeline.pipeline().journalBytes() > 0, "the journal was written");
            }
        }
        finally
        {
            state.tearDown();
        }
        assertFalse(Files.exists(data), "the data directory is deleted at tear-down");
    }
}
