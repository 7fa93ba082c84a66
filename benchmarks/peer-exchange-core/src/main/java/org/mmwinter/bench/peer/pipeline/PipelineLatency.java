package org.mmwinter.bench.peer.pipeline;

import exchange.core2.core.common.api.ApiCommand;
import org.mmwinter.bench.harness.LatencyHarness;
import org.mmwinter.bench.harness.LatencyOptions;
import org.mmwinter.bench.harness.LatencyRecorder;
import org.mmwinter.bench.harness.LatencyResult;
import org.mmwinter.bench.harness.LatencyTarget;
import org.mmwinter.bench.harness.MaxRateSearch;
import org.mmwinter.bench.workload.MixShape;
import org.mmwinter.bench.workload.WorkloadConfig;

/**
 * Response time of exchange-core's pipeline, from the command's due time to its result leaving the results
 * stage, at fixed offered rates, with intended start times (no coordinated omission). A fresh pipeline per rate.
 * The timestamp exchange-core carries through its pipeline is set to the command's due time just before it is
 * sent, so the results stage can tell each command's latency.
 * <p>
 * {@code java --add-opens ... -cp peer-benchmarks.jar org.mmwinter.bench.peer.pipeline.PipelineLatency
 * --rates 100000,1000000 --seconds 5 --variant journal-off|journal-on [--find-max] --out peer-latency.jsonl}
 * <p>
 * With {@code --find-max} it searches for the highest rate the pipeline sustains ({@link MaxRateSearch}), from the
 * first rate up, as our side's {@code PipelineLatency} does, and reports the highest rate sustained and the
 * next step, which was not.
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

    /**
     * {@code --variant journal-off|journal-on}, optionally followed by {@code /latency-profile} for exchange-core's
     * own latency settings (2k ring, groups of 256 commands). The default is its throughput settings: on 2 cores
     * its latency settings fall behind already at 100,000 commands/s (a probe measured 62,000/s achieved and a
     * p50 of about 1 s), while the throughput settings keep up with a p50 in the tens of microseconds.
     */
    public static void main(final String[] args)
    {
        final LatencyOptions options = LatencyOptions.parse(args);
        final String variant = options.variant().isEmpty() ? "journal-off" : options.variant();
        final String[] parts = variant.split("/");
        if (!"journal-off".equals(parts[0]) && !"journal-on".equals(parts[0]) ||
            parts.length > 2 || parts.length == 2 && !"latency-profile".equals(parts[1]))
        {
            throw new IllegalArgumentException(
                "--variant is journal-off or journal-on, optionally with /latency-profile, not " + variant);
        }
        final boolean journal = "journal-on".equals(parts[0]);
        final PipelineProfile profile = parts.length == 2 ? PipelineProfile.LATENCY : PipelineProfile.THROUGHPUT;
        final String label = "exchange-core " + variant;
        if (options.findMax())
        {
            MaxRateSearch.searchAndReport(
                rate -> run(journal, profile, label + ", max search", rate, options), label, options);
        }
        else
        {
            for (final long rate : options.rates())
            {
                options.report(run(journal, profile, label, rate, options));
            }
        }
        System.exit(0);
    }

    private static LatencyResult run(
        final boolean journal, final PipelineProfile profile, final String label, final long rate,
        final LatencyOptions options)
    {
        final CommandCycle commands = new CommandCycle(MixShape.generate(WorkloadConfig.BASE_RESTING_ORDERS));
        try (ExchangeCorePipeline pipeline = ExchangeCorePipeline.start(journal, profile, 1_000))
        {
            pipeline.submitAndAwait(commands.fill());
            final LatencyRecorder recorder = new LatencyRecorder();
            final PipelineLatency target = new PipelineLatency(pipeline, commands);
            pipeline.recordLatency(recorder, pipeline.completed());
            final LatencyResult result = LatencyHarness.run("pipeline", label, target, recorder, rate,
                options.warmupNs(), options.measureNs(), 60_000_000_000L);
            if (pipeline.rejects() != 0)
            {
                throw new IllegalStateException("exchange-core refused " + pipeline.rejects() + " commands");
            }
            return result;
        }
    }
}
