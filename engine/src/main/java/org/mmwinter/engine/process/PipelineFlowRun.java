package org.mmwinter.engine.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.OffsetEpochNanoClock;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.state.EngineState;

/**
 * An order-flow file through the whole engine (rings, journal, matching) into the three files of
 * {@code replay match}: the engine-side half of every "both front ends agree" check.
 */
public final class PipelineFlowRun
{
    /**
     * Outcome of a run.
     */
    public record Result(long lines, long commands, long trades, long edgeRejects, long digest, long journalBytes)
    {
    }

    private PipelineFlowRun()
    {
    }

    /**
     * Starts an engine on {@code config} (recovering whatever its data directory holds), feeds {@code input},
     * writes the outputs for the lines of this run into {@code outDir} and shuts the engine down.
     */
    public static Result run(final EngineConfig config, final Path input, final Path outDir, final long limit)
        throws IOException
    {
        final FlowOutputCollector collector = new FlowOutputCollector(outDir);
        final EnginePipeline pipeline = new EnginePipeline(config, List.of(collector), List.of(),
            new OffsetEpochNanoClock());
        collector.bind(pipeline.directory());
        try
        {
            pipeline.start();
            final FlowSource source = new FlowSource(pipeline, 0, limit, collector);
            try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8))
            {
                if (!source.run(reader, input.toString()))
                {
                    throw new IOException("engine stopped: " + pipeline.failStop().describe());
                }
            }
            if (!pipeline.awaitIdle(5, TimeUnit.MINUTES) || pipeline.failStop().hasFailed())
            {
                throw new IOException("engine did not finish: " + pipeline.failStop().describe());
            }
            final EngineState state = pipeline.stateWhenIdle();
            collector.finish(outDir, source.linesRead(), state);
            return new Result(source.linesRead(), state.engine().commandCount(), collector.trades(),
                source.edgeRejects(), state.digest(), pipeline.journalBytes());
        }
        finally
        {
            pipeline.close();
        }
    }
}
