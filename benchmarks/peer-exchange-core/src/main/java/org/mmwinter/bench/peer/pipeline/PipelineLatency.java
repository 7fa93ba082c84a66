package org.mmwinter.bench.peer.pipeline;

import exchange.core2.core.common.api.ApiCommand;
import org.mmwinter.bench.harness.LatencyHarness;
import org.mmwinter.bench.harness.LatencyOptions;
import org.mmwinter.bench.harness.LatencyRecorder;
import org.mmwinter.bench.harness.LatencyTarget;
import org.mmwinter.bench.workload.MixShape;
import org.mmwinter.bench.workload.WorkloadConfig;

/**
 * Response time of exchange-core's pipeline, from the command's due time to its result leaving the results
 * stage, at fixed offered rates, with intended start times (no coordinated omission). A fresh pipeline per rate.
 * <p>
 * {@code java --add-opens ... -cp peer-benchmarks.jar org.mmwinter.bench.peer.pipeline.PipelineLatency
 * --rates 100000,1000000 --seconds 5 --variant journal-off|journal-on --out peer-latency.jsonl}
 */
public final class PipelineLatency implements LatencyTarget
{
    private final ExchangeCorePipeline pipeline;
    private final CommandCycle commands;
    private final long base;

    private PipelineLatency(final ExchangeCorePipeline pipeline, final CommandCycle commands)
    {
        this.pipeline = pipeline;
        this.commands = commands;
        this.base = pipeline.completed();
    }

    public void send(final long index, final long intendedNs)
    {
        final ApiCommand command = commands.next();
        command.timestamp = intendedNs;
        pipeline.submit(command);
    }

    public long completed()
    {
        return pipeline.completed() - base;
    }

    public static void main(final String[] args)
    {
        final LatencyOptions options = LatencyOptions.parse(args);
        final String variant = options.variant().isEmpty() ? "journal-off" : options.variant();
        if (!"journal-off".equals(variant) && !"journal-on".equals(variant))
        {
            throw new IllegalArgumentException("--variant is journal-off or journal-on, not " + variant);
        }
        for (final long rate : options.rates())
        {
            final CommandCycle commands = new CommandCycle(MixShape.generate(WorkloadConfig.BASE_RESTING_ORDERS));
            try (ExchangeCorePipeline pipeline =
                ExchangeCorePipeline.start("journal-on".equals(variant), PipelineProfile.LATENCY, 1_000))
            {
                pipeline.submitAndAwait(commands.fill());
                final LatencyRecorder recorder = new LatencyRecorder();
                final PipelineLatency target = new PipelineLatency(pipeline, commands);
                pipeline.recordLatency(recorder, pipeline.completed());
                options.report(LatencyHarness.run("pipeline", "exchange-core " + variant, target, recorder, rate,
                    options.warmupNs(), options.measureNs(), 60_000_000_000L));
                if (pipeline.rejects() != 0)
                {
                    throw new IllegalStateException("exchange-core refused " + pipeline.rejects() + " commands");
                }
            }
        }
        System.exit(0);
    }
}
