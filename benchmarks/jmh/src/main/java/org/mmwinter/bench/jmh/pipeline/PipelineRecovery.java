package org.mmwinter.bench.jmh.pipeline;

import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.mmwinter.bench.jmh.IdStyle;
import org.mmwinter.bench.workload.MixShape;
import org.mmwinter.bench.workload.Workload;
import org.mmwinter.bench.workload.WorkloadConfig;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.state.StateDigest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Recovery speed: journals {@code --commands} commands of the mix once (input journal only, no snapshots), then
 * times {@code new EnginePipeline(config).start()} on that journal {@code --runs} times, each a fresh pipeline
 * rebuilding the whole state from the journal's first record, and checks that every run rebuilds the state the
 * journaling run ended with (same digest). The first run is the honest figure for a restart (a cold JVM for
 * recovery code); later runs show it warmed up. Appends one JSON line to {@code --out}.
 * <p>
 * {@code java <chronicle.jvm.flags> -Xms2g -Xmx2g -cp benchmarks.jar
 * org.mmwinter.bench.jmh.pipeline.PipelineRecovery --commands 10000000 --runs 3 --out recovery.jsonl}
 * <p>
 * With {@code --snapshot-tail T} it times a restart from a snapshot instead: snapshots on, the {@code --commands}
 * journaled, the pipeline closed (which writes a snapshot at that point, its write time reported as the pause a
 * periodic snapshot of that book would cost the matching thread), then {@code T} more commands journaled by a second
 * pipeline (started from that snapshot) whose own closing snapshot is deleted, so that every timed restart loads
 * the snapshot taken after {@code --commands} and replays the {@code T}-command tail. The snapshot's figures are
 * two: {@code snapshotWriteNs} is the matching thread's pause (encoding the state into memory, all that a periodic
 * snapshot holds matching for), {@code snapshotFileNs} the file's write, rename and pruning, which a periodic
 * snapshot leaves to the engine's snapshot thread. Run at 10 M and 100 M commands
 * with the same tail, the restart times show whether the journal before the snapshot is read.
 */
@Command(name = "PipelineRecovery", mixinStandardHelpOptions = true,
    description = "Times recovery of the pipeline from its input journal.")
public final class PipelineRecovery implements Callable<Integer>
{
    @Option(names = "--commands", paramLabel = "N", description = "Commands to journal (default 10000000).")
    int commands = 10_000_000;

    @Option(names = "--runs", paramLabel = "N", description = "Recoveries to time (default 3).")
    int runs = 3;

    @Option(names = "--ids", paramLabel = "numeric|alnum8|uuid36|mixed",
        description = "How the workload's order ids are spelt (default numeric).")
    String ids = IdStyle.NUMERIC;

    @Option(names = "--snapshot-tail", paramLabel = "T",
        description = "Restart from a snapshot taken after --commands, with T commands journaled after it " +
            "(default: off, the whole journal is replayed).")
    int snapshotTail = -1;

    @Option(names = "--resting-orders", paramLabel = "N",
        description = "Resting orders of the mix's book (default 1000; the snapshot's size follows it).")
    int restingOrders = WorkloadConfig.BASE_RESTING_ORDERS;

    @Option(names = "--out", paramLabel = "FILE", description = "Append the result as a JSON line to FILE.")
    Path out;

    @Option(names = "--data-parent", paramLabel = "DIR",
        description = "Where to create the scratch data directory (default: java.io.tmpdir).")
    Path dataParent;

    /**
     * One timed recovery: {@code startNs} is the whole {@code start()} (rings and threads included),
     * {@code replayNs} the journal replay alone as the engine reports it.
     */
    record Run(long records, long startNs, long replayNs)
    {
        double recordsPerSecond()
        {
            return records * 1e9 / startNs;
        }
    }

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new PipelineRecovery()).execute(args));
    }

    public Integer call() throws IOException
    {
        if (commands <= 0 || runs <= 0)
        {
            throw new CommandLine.ParameterException(new CommandLine(this), "--commands and --runs must be positive");
        }
        final boolean fromSnapshot = snapshotTail >= 0;
        final Workload workload = MixShape.generate(restingOrders);
        final CommandCycle cycle = new CommandCycle(workload, ids);
        try (ScratchDirectory data = ScratchDirectory.create("pipeline-recovery", dataParent))
        {
            final EngineConfig config = PipelineSettings.config(data.path(), PipelineSettings.ON,
                PipelineSettings.DEFAULT_STAGES).snapshotsEnabled(fromSnapshot);
            final long journalStart = System.nanoTime();
            long digest;
            long journalBytes;
            final PipelineDriver journaling = PipelineDriver.start(config, workload.config().accounts());
            try
            {
                journaling.publishAndAwait(cycle.fill(), cycle.ids());
                publish(journaling, cycle, commands);
                digest = journaling.pipeline().digest();
                journalBytes = journaling.pipeline().journalBytes();
            }
            finally
            {
                journaling.close();
            }
            // The snapshot at close is the only one this pipeline writes.
            final long snapshotNs = journaling.pipeline().longestSnapshotNs();
            final long snapshotFileNs = journaling.pipeline().longestSnapshotFileNs();
            List<Path> kept = List.of();
            System.out.printf("recovery: journaled %,d commands (%,d bytes) in %.1f s; digest %s%n",
                commands, journalBytes, (System.nanoTime() - journalStart) / 1e9, StateDigest.toHex(digest));
            if (fromSnapshot)
            {
                System.out.printf("recovery: snapshot of a %,d-order book written in %.1f ms " +
                    "(the matching thread's pause: encoding it), its file in %.1f ms (off the matching thread)%n",
                    restingOrders, snapshotNs / 1e6, snapshotFileNs / 1e6);
                kept = snapshotFiles(config);
                try (PipelineDriver pipeline = PipelineDriver.start(config, workload.config().accounts()))
                {
                    publish(pipeline, cycle, snapshotTail);
                    digest = pipeline.pipeline().digest();
                    journalBytes = pipeline.pipeline().journalBytes();
                }
                deleteSnapshotsBut(config, kept);
                System.out.printf("recovery: journaled a tail of %,d commands after the snapshot; digest %s%n",
                    snapshotTail, StateDigest.toHex(digest));
            }

            final List<Run> timed = new ArrayList<>();
            for (int r = 0; r < runs; r++)
            {
                final long start = System.nanoTime();
                try (EnginePipeline recovered = new EnginePipeline(config))
                {
                    final EnginePipeline.RecoveryReport report = recovered.start();
                    final long startNs = System.nanoTime() - start;
                    if (report.digest() != digest)
                    {
                        throw new IllegalStateException("recovery rebuilt digest " +
                            StateDigest.toHex(report.digest()) + ", the journaling run ended with " +
                            StateDigest.toHex(digest));
                    }
                    if (fromSnapshot != report.snapshotSequence() > 0)
                    {
                        throw new IllegalStateException("recovery " + (fromSnapshot ? "did not start" : "started") +
                            " from a snapshot: " + report.describe());
                    }
                    final Run run = new Run(report.records(), startNs, report.elapsedNs());
                    timed.add(run);
                    System.out.printf("recovery run %d: %,d records in %.3f s = %,.0f records/s " +
                            "(journal replay alone %.3f s)%n",
                        r + 1, run.records(), startNs / 1e9, run.recordsPerSecond(), run.replayNs() / 1e9);
                }
                if (fromSnapshot)
                {
                    // Its closing snapshot would shorten the next restart's tail to nothing.
                    deleteSnapshotsBut(config, kept);
                }
            }
            if (out != null)
            {
                try (PrintWriter writer = new PrintWriter(new FileWriter(out.toFile(), true)))
                {
                    writer.println(toJson(journalBytes, snapshotNs, snapshotFileNs, timed));
                }
            }
        }
        return 0;
    }

    private static void publish(final PipelineDriver pipeline, final CommandCycle cycle, final int count)
    {
        for (int i = 0; i < count; i++)
        {
            pipeline.publish(cycle.commands(), cycle.next(), cycle.ids(), 0);
        }
        pipeline.awaitCompleted(pipeline.published());
    }

    private static void deleteSnapshotsBut(final EngineConfig config, final List<Path> kept) throws IOException
    {
        for (final Path file : snapshotFiles(config))
        {
            if (!kept.contains(file))
            {
                Files.delete(file);
            }
        }
    }

    private static List<Path> snapshotFiles(final EngineConfig config) throws IOException
    {
        try (Stream<Path> files = Files.list(config.snapshotDir()))
        {
            return files.collect(Collectors.toList());
        }
    }

    private String toJson(
        final long journalBytes, final long snapshotNs, final long snapshotFileNs, final List<Run> timed)
    {
        final StringBuilder json = new StringBuilder();
        json.append("{\"benchmark\":\"recovery\",\"commands\":").append(commands)
            .append(",\"ids\":\"").append(ids).append('"')
            .append(",\"restingOrders\":").append(restingOrders)
            .append(",\"snapshotTail\":").append(snapshotTail)
            .append(",\"snapshotWriteNs\":").append(snapshotNs)
            .append(",\"snapshotFileNs\":").append(snapshotFileNs)
            .append(",\"journalBytes\":").append(journalBytes)
            .append(",\"runs\":[");
        for (int i = 0; i < timed.size(); i++)
        {
            final Run run = timed.get(i);
            json.append(i == 0 ? "" : ",")
                .append("{\"records\":").append(run.records())
                .append(",\"startNs\":").append(run.startNs())
                .append(",\"replayNs\":").append(run.replayNs())
                .append(",\"recordsPerSecond\":").append(Math.round(run.recordsPerSecond())).append('}');
        }
        return json.append("]}").toString();
    }
}
