package org.mmwinter.bench.jmh.soak;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.mmwinter.bench.jmh.IdStyle;
import org.mmwinter.bench.jmh.pipeline.CommandCycle;
import org.mmwinter.bench.jmh.pipeline.PipelineDriver;
import org.mmwinter.bench.jmh.pipeline.PipelineSettings;
import org.mmwinter.bench.jmh.pipeline.ScratchDirectory;
import org.mmwinter.bench.workload.CommandArrays;
import org.mmwinter.bench.workload.MixShape;
import org.mmwinter.bench.workload.Workload;
import org.mmwinter.bench.workload.WorkloadConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Soak: pushes a long run of the mix (100 million commands by default) through our pipeline with the input journal
 * on, and every {@code --every} commands lets the pipeline drain, forces a GC and records the heap still in use and
 * the journal's bytes per command. Both must stay flat: a pipeline that keeps something per command (exchange-core's
 * users' longest-standing complaint is a leak in its event lists) shows a heap that climbs.
 * <p>
 * The output journal is off (results are about 85 bytes a command, 8.5 GB per 100 million; recovery needs only the
 * input journal, about 18 bytes a command), and so are snapshots. Writes the curve as CSV
 * ({@code commands,heap_after_gc_bytes,journal_bytes_per_command,elapsed_s,journal_bytes}) to {@code --out} and
 * stdout, and deletes its data directory at the end.
 * <p>
 * {@code --ids} spells the order ids as {@link IdStyle} does (default {@code numeric}, the workload's numbers
 * repeating from one cycle to the next); {@code --fresh-ids} gives every NEW an id never sent before
 * ({@link FreshIds}), so that an engine keeping anything per id it has seen would show a climbing heap.
 * <p>
 * {@code java <chronicle.jvm.flags> -Xms2g -Xmx2g -cp benchmarks.jar org.mmwinter.bench.jmh.soak.PipelineSoak
 * --commands 100000000 --out soak.csv}
 */
@Command(name = "PipelineSoak", mixinStandardHelpOptions = true,
    description = "Soak test of the pipeline: heap after GC and journal bytes per command over a long run.")
public final class PipelineSoak implements Callable<Integer>
{
    static final String HEADER = "commands,heap_after_gc_bytes,journal_bytes_per_command,elapsed_s,journal_bytes";
    /**
     * Input journal bytes a command with a numeric id takes (about 16) with room to spare, to refuse a run the disk
     * cannot hold; any other id adds its characters.
     */
    private static final long DISK_BYTES_PER_COMMAND = 25;

    @Option(names = "--commands", paramLabel = "N", description = "Commands to push (default 100000000).")
    long commands = 100_000_000;

    @Option(names = "--every", paramLabel = "N",
        description = "Commands between measurements (default: a twentieth of --commands).")
    long every;

    @Option(names = "--out", paramLabel = "FILE", description = "CSV file to write (default soak.csv).")
    Path out = Path.of("soak.csv");

    @Option(names = "--data-parent", paramLabel = "DIR",
        description = "Where to create the scratch data directory (default: java.io.tmpdir).")
    Path dataParent;

    @Option(names = "--stages", paramLabel = "combined|split", description = "Default split.")
    String stages = PipelineSettings.DEFAULT_STAGES;

    @Option(names = "--ids", paramLabel = "numeric|alnum8|uuid36|mixed",
        description = "How order ids are spelt (default numeric).")
    String ids = IdStyle.NUMERIC;

    @Option(names = "--fresh-ids", description = "Every NEW gets an id never sent before.")
    boolean freshIds;

    public static void main(final String[] args)
    {
        System.exit(new CommandLine(new PipelineSoak()).execute(args));
    }

    public Integer call() throws IOException
    {
        if (commands <= 0)
        {
            throw new CommandLine.ParameterException(new CommandLine(this), "--commands must be positive");
        }
        final long step = every > 0 ? every : Math.max(1, commands / 20);
        final Workload workload = MixShape.generate(WorkloadConfig.BASE_RESTING_ORDERS);
        final IdStyle style = IdStyle.of(ids);
        final CommandCycle cycle = new CommandCycle(workload, ids);
        final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (ScratchDirectory data = ScratchDirectory.create("pipeline-soak", dataParent))
        {
            final long needed = commands *
                (DISK_BYTES_PER_COMMAND + (IdStyle.NUMERIC.equals(ids) ? 0 : style.maxTextLength()));
            if (data.usableSpace() < needed)
            {
                System.err.printf("soak: %s has %,d bytes free, %,d commands need about %,d%n",
                    data.path(), data.usableSpace(), commands, needed);
                return 1;
            }
            final FreshIds fresh = freshIds ? new FreshIds(style, workload.maxOrderId()) : null;
            final Soak soak = new Soak(data, cycle, fresh, workload.config().accounts(), memory);
            try (PrintWriter csv = new PrintWriter(Files.newBufferedWriter(out, StandardCharsets.UTF_8)))
            {
                System.out.println(HEADER);
                csv.println(HEADER);
                soak.run(commands, step, csv);
            }
            System.out.print(soak.summary());
        }
        return 0;
    }

    /**
     * One soak run on one pipeline.
     */
    private final class Soak
    {
        private final ScratchDirectory data;
        private final CommandCycle cycle;
        private final FreshIds fresh;
        private final int accounts;
        private final MemoryMXBean memory;
        private long firstHeap = -1;
        private long lastHeap;
        private long maxHeap;
        private long minHeap = Long.MAX_VALUE;
        private double firstBytesPerCommand;
        private double lastBytesPerCommand;
        private double seconds;
        private long total;
        private long bytesOnDisk;

        Soak(
            final ScratchDirectory data,
            final CommandCycle cycle,
            final FreshIds fresh,
            final int accounts,
            final MemoryMXBean memory)
        {
            this.data = data;
            this.cycle = cycle;
            this.fresh = fresh;
            this.accounts = accounts;
            this.memory = memory;
        }

        void run(final long commands, final long step, final PrintWriter csv)
        {
            try (PipelineDriver pipeline = PipelineDriver.start(
                PipelineSettings.config(data.path(), PipelineSettings.ON, stages), accounts))
            {
                if (fresh == null)
                {
                    pipeline.publishAndAwait(cycle.fill(), cycle.ids());
                }
                else
                {
                    for (int i = 0; i < cycle.fill().count(); i++)
                    {
                        pipeline.publish(cycle.fill(), i, fresh.idOf(cycle.fill(), i), 0);
                    }
                    pipeline.awaitCompleted(pipeline.published());
                }
                final CommandArrays cycleCommands = cycle.commands();
                final long start = System.nanoTime();
                long sent = 0;
                while (sent < commands)
                {
                    final long stop = Math.min(commands, sent + step);
                    for (; sent < stop; sent++)
                    {
                        final int index = cycle.next();
                        if (fresh == null)
                        {
                            pipeline.publish(cycleCommands, index, cycle.ids(), 0);
                        }
                        else
                        {
                            pipeline.publish(cycleCommands, index, fresh.idOf(cycleCommands, index), 0);
                        }
                    }
                    pipeline.awaitCompleted(pipeline.published());
                    System.gc();
                    final long heap = memory.getHeapMemoryUsage().getUsed();
                    final long journalBytes = pipeline.pipeline().journalBytes();
                    total = pipeline.published();
                    final double bytesPerCommand = (double)journalBytes / total;
                    seconds = (System.nanoTime() - start) / 1e9;
                    final String row = String.format("%d,%d,%.3f,%.3f,%d",
                        total, heap, bytesPerCommand, seconds, journalBytes);
                    System.out.println(row);
                    csv.println(row);
                    csv.flush();
                    if (firstHeap < 0)
                    {
                        firstHeap = heap;
                        firstBytesPerCommand = bytesPerCommand;
                    }
                    lastHeap = heap;
                    maxHeap = Math.max(maxHeap, heap);
                    minHeap = Math.min(minHeap, heap);
                    lastBytesPerCommand = bytesPerCommand;
                }
                if (pipeline.rejects() != 0)
                {
                    throw new IllegalStateException("our pipeline refused " + pipeline.rejects() + " commands");
                }
                bytesOnDisk = data.bytesOnDisk();
            }
        }

        String summary()
        {
            return String.format("soak (%s ids%s): %,d commands in %.1f s (%,.0f commands/s including the " +
                    "forced GCs); heap after GC first %,d B, last %,d B (%+,d B), min %,d B, max %,d B; " +
                    "journal bytes/command first %.3f, last %.3f; journal files on disk %,d B%n",
                ids, fresh == null ? ", repeating each cycle" :
                    String.format(", fresh: %,d distinct NEW ids", fresh.newOrders()),
                total, seconds, total / seconds, firstHeap, lastHeap, lastHeap - firstHeap, minHeap, maxHeap,
                firstBytesPerCommand, lastBytesPerCommand, bytesOnDisk);
        }
    }
}
