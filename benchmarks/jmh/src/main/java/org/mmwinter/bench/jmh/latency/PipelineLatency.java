package org.mmwinter.bench.jmh.latency;

import org.mmwinter.bench.harness.LatencyHarness;
import org.mmwinter.bench.harness.LatencyOptions;
import org.mmwinter.bench.harness.LatencyRecorder;
import org.mmwinter.bench.harness.LatencyResult;
import org.mmwinter.bench.harness.LatencyTarget;
import org.mmwinter.bench.harness.MaxRateSearch;
import org.mmwinter.bench.jmh.IdStyle;
import org.mmwinter.bench.jmh.pipeline.CommandCycle;
import org.mmwinter.bench.jmh.pipeline.PipelineDriver;
import org.mmwinter.bench.jmh.pipeline.PipelineSettings;
import org.mmwinter.bench.jmh.pipeline.ScratchDirectory;
import org.mmwinter.bench.workload.MixShape;
import org.mmwinter.bench.workload.Workload;
import org.mmwinter.bench.workload.WorkloadConfig;

/**
 * Response time of our pipeline, from each command's planned send time (carried in its {@code clientTsNs}) to its
 * DONE result on the result thread, at fixed offered rates, with intended start times (no coordinated omission).
 * A fresh pipeline, in a fresh data directory, per rate; the same mix and the same harness as exchange-core's
 * {@code PipelineLatency} and the bare Disruptor hop.
 * <p>
 * {@code java <chronicle.jvm.flags> -cp benchmarks.jar org.mmwinter.bench.jmh.latency.PipelineLatency
 * --rates 100000,1000000 --seconds 5
 * --variant journal-off|journal-on|journal-sync|journal-on+output[/split|/combined|/single]
 * [--find-max [--max-p99-us 10000]] --out latency.jsonl}; the journal and matching stages run on two threads
 * ({@code /split}, the engine's default) or on one ({@code /combined}), or every stage, the result handlers
 * included, on one engine thread ({@code /single}). A further {@code /alnum8}, {@code /uuid36}
 * or {@code /mixed} spells the order ids as {@link IdStyle} does (default {@code numeric}), before measurement.
 * <p>
 * With {@code --find-max} it searches for the highest rate the pipeline sustains ({@link MaxRateSearch}), from the
 * first rate up, and reports the highest rate sustained and the next step, which was not.
 */
public final class PipelineLatency implements LatencyTarget
{
    private final PipelineDriver pipeline;
    private final CommandCycle commands;
    private final long base;

    private PipelineLatency(final PipelineDriver pipeline, final CommandCycle commands)
    {
        this.pipeline = pipeline;
        this.commands = commands;
        this.base = pipeline.completed();
    }

    public void send(final long index, final long intendedNs)
    {
        pipeline.publish(commands.commands(), commands.next(), commands.ids(), intendedNs);
    }

    public long completed()
    {
        return pipeline.completed() - base;
    }

    public static void main(final String[] args)
    {
        final LatencyOptions options = LatencyOptions.parse(args);
        final String variant = options.variant().isEmpty() ? "journal-on" : options.variant();
        final String[] parts = variant.split("/");
        final String journal = PipelineSettings.journalOfVariant(parts[0]);
        String stages = PipelineSettings.DEFAULT_STAGES;
        String ids = IdStyle.NUMERIC;
        for (int i = 1; i < parts.length; i++)
        {
            if (PipelineSettings.COMBINED.equals(parts[i]) || PipelineSettings.SPLIT.equals(parts[i]) ||
                PipelineSettings.SINGLE.equals(parts[i]))
            {
                stages = parts[i];
            }
            else if (isIdStyle(parts[i]))
            {
                ids = parts[i];
            }
            else
            {
                throw new IllegalArgumentException("--variant is journal-<off|on|sync|on+output>, optionally " +
                    "followed by /split (the default), /combined or /single and by /numeric (the default), /alnum8, " +
                    "/uuid36 or /mixed, not " + variant);
            }
        }
        final Workload workload = MixShape.generate(WorkloadConfig.BASE_RESTING_ORDERS);
        final String label = "ours " + variant;
        final String idStyle = ids;
        final String stageLayout = stages;
        if (options.findMax())
        {
            MaxRateSearch.searchAndReport(
                rate -> run(workload, journal, stageLayout, idStyle, label + ", max search", rate, options), label,
                options);
        }
        else
        {
            for (final long rate : options.rates())
            {
                options.report(run(workload, journal, stages, ids, label, rate, options));
            }
        }
        System.exit(0);
    }

    private static boolean isIdStyle(final String name)
    {
        try
        {
            IdStyle.of(name);
            return true;
        }
        catch (final IllegalArgumentException ex)
        {
            return false;
        }
    }

    private static LatencyResult run(
        final Workload workload,
        final String journal,
        final String stages,
        final String ids,
        final String label,
        final long rate,
        final LatencyOptions options)
    {
        final CommandCycle commands = new CommandCycle(workload, ids);
        try (ScratchDirectory data = ScratchDirectory.create("pipeline-latency");
            PipelineDriver pipeline = PipelineDriver.start(
                PipelineSettings.config(data.path(), journal, stages),
                workload.config().accounts()))
        {
            pipeline.publishAndAwait(commands.fill(), commands.ids());
            final LatencyRecorder recorder = new LatencyRecorder();
            final PipelineLatency target = new PipelineLatency(pipeline, commands);
            pipeline.recordLatency(recorder, pipeline.completed());
            final LatencyResult result = LatencyHarness.run("pipeline", label, target, recorder, rate,
                options.warmupNs(), options.measureNs(), 60_000_000_000L);
            if (pipeline.rejects() != 0)
            {
                throw new IllegalStateException("our pipeline refused " + pipeline.rejects() + " commands");
            }
            return result;
        }
    }
}
