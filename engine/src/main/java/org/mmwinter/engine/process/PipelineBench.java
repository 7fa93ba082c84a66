package org.mmwinter.engine.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import com.lmax.disruptor.EventHandler;
import org.HdrHistogram.Histogram;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.StpMode;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.journal.Durability;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.Publication;
import org.mmwinter.engine.pipeline.RemoteEngine;

/**
 * {@code engine.jar bench}: the engine's own load test. Pre-builds a seeded command mix (mostly limit orders around
 * a mid, cancels of live orders, crossing IOCs), publishes it from one producer thread either as fast as the ring
 * takes it or at a fixed rate, and measures publish-to-acknowledgement latency from each command's intended send
 * time (no coordinated omission), journal bytes per command, and recovery speed from the journal it wrote.
 * <p>
 * The first {@code warmup} commands of the mix go through the same pipeline unmeasured, each acknowledged before the
 * measured ones start: while they run the JIT compiles the hot path (a fifth of a cold 3 M-command run's samples
 * were the C2 compiler's), so the figures are those of a running engine rather than of its first seconds.
 */
public final class PipelineBench
{
    /** The file that marks a directory as a bench's scratch directory ({@link #claimScratch}). */
    static final String SCRATCH_MARK = ".engine-bench-scratch";

    /**
     * What one run measured.
     */
    public record Report(
        long commands, double seconds, double commandsPerSecond, Histogram latencyNs, long journalBytes,
        long outputBytes, long batches, long recoveredRecords, double recoverySeconds, long busy, long noLeader,
        long rejected)
    {
        public String describe()
        {
            final StringBuilder sb = new StringBuilder();
            sb.append(String.format("commands=%d elapsed=%.3fs throughput=%.0f commands/s busy=%d rejected=%d%s%n",
                commands, seconds, commandsPerSecond, busy, rejected,
                noLeader == 0 ? "" : " refused_no_leader=" + noLeader));
            if (latencyNs != null && latencyNs.getTotalCount() > 0)
            {
                sb.append(String.format("latency us: p50=%.1f p90=%.1f p99=%.1f p99.9=%.1f p99.99=%.1f max=%.1f%n",
                    latencyNs.getValueAtPercentile(50) / 1e3, latencyNs.getValueAtPercentile(90) / 1e3,
                    latencyNs.getValueAtPercentile(99) / 1e3, latencyNs.getValueAtPercentile(99.9) / 1e3,
                    latencyNs.getValueAtPercentile(99.99) / 1e3, latencyNs.getMaxValue() / 1e3));
            }
            if (journalBytes > 0)
            {
                sb.append(String.format("input journal: %d bytes, %.1f bytes/command, %.1f commands/batch; " +
                    "output journal: %.1f bytes/command%n", journalBytes, (double)journalBytes / commands,
                    (double)commands / Math.max(1, batches), (double)outputBytes / commands));
            }
            if (recoveredRecords > 0)
            {
                sb.append(String.format("recovery: %d records in %.3fs = %.0f records/s%n", recoveredRecords,
                    recoverySeconds, recoveredRecords / recoverySeconds));
            }
            return sb.toString();
        }
    }

    private static final int ACCOUNTS = 1_000;
    private static final int BENCH_SOURCE_ID = 2;
    private static final long MID = 1_000_000;
    /** Resting orders the generated flow keeps in the book, as exchange-core's benchmark does. */
    private static final int LIVE_TARGET = 1_000;
    /** Share of crossing IOCs, in percent; the rest is GTCs and cancels in balance. */
    private static final int IOC_PERCENT = 4;
    /** How long before a command's due time a paced sender stops sleeping (parking overshoots by about this). */
    private static final long PARK_AHEAD_NS = 60_000;

    private final int warmup;
    private final int[] type;
    private final int[] account;
    private final long[] orderId;
    private final int[] side;
    private final int[] tif;
    private final long[] price;
    private final long[] qty;

    /**
     * Builds {@code commands} commands from {@code seed}: 4 % crossing IOCs, GTCs within 750 ticks of the mid and
     * cancels of them in balance, so that about {@link #LIVE_TARGET} orders rest in the book.
     */
    public PipelineBench(final int commands, final long seed)
    {
        this(0, commands, seed);
    }

    /**
     * {@code warmup} commands, then {@code measured} more, of one mix built from {@code seed}: the measured ones meet
     * the book the warm-up left.
     */
    public PipelineBench(final int warmup, final int measured, final long seed)
    {
        if (warmup < 0 || measured <= 0 || (long)warmup + measured > Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("warm-up " + warmup + " and " + measured + " measured commands");
        }
        this.warmup = warmup;
        final int commands = warmup + measured;
        type = new int[commands];
        account = new int[commands];
        orderId = new long[commands];
        side = new int[commands];
        tif = new int[commands];
        price = new long[commands];
        qty = new long[commands];
        final SplittableRandom random = new SplittableRandom(seed);
        // Every resting order is tracked, so the book stays near LIVE_TARGET orders: a GTC is balanced by a cancel.
        // (The generator once tracked only the first 2,048 and cancelled 30 % of the time against 66 % GTCs, so the
        // book grew by a third of the commands: 700,000 orders after 2 M commands, not the 1,000 it claimed.)
        final int[] liveAccount = new int[LIVE_TARGET * 2];
        final long[] liveId = new long[LIVE_TARGET * 2];
        int live = 0;
        long nextId = 1;
        for (int i = 0; i < commands; i++)
        {
            final int roll = random.nextInt(100);
            final boolean cancel = roll >= IOC_PERCENT &&
                (live >= LIVE_TARGET || live > LIVE_TARGET / 2 && random.nextBoolean());
            if (cancel)
            {
                // An order an IOC has filled meanwhile is refused as unknown: the bench counts those refusals.
                final int pick = random.nextInt(live);
                type[i] = CommandType.CANCEL;
                account[i] = liveAccount[pick];
                orderId[i] = liveId[pick];
                live--;
                liveAccount[pick] = liveAccount[live];
                liveId[pick] = liveId[live];
                continue;
            }
            type[i] = CommandType.NEW;
            account[i] = random.nextInt(ACCOUNTS);
            orderId[i] = nextId++;
            side[i] = random.nextInt(2);
            qty[i] = 1 + random.nextInt(100);
            if (roll < IOC_PERCENT)
            {
                // Aggressive IOC through the touch: this is where trades come from.
                tif[i] = TimeInForce.IOC;
                price[i] = side[i] == Side.BUY ? MID + 50 : MID - 50;
            }
            else
            {
                tif[i] = TimeInForce.GTC;
                final long offset = 1 + random.nextInt(750);
                price[i] = side[i] == Side.BUY ? MID - offset : MID + offset;
                liveAccount[live] = account[i];
                liveId[live] = orderId[i];
                live++;
            }
        }
    }

    /**
     * @param ratePerSecond 0 for as fast as possible.
     */
    public Report run(final EngineConfig config, final long ratePerSecond, final boolean measureRecovery)
        throws InterruptedException
    {
        return run(config, ratePerSecond, measureRecovery, null);
    }

    /**
     * As {@link #run(EngineConfig, long, boolean)}, through a pipeline in front of {@code front} when it is not null
     * ({@link EnginePipeline#inFrontOf}: the same load, measured the same way, matched elsewhere).
     */
    public Report run(final EngineConfig config, final long ratePerSecond, final boolean measureRecovery,
        final RemoteEngine front) throws InterruptedException
    {
        final int n = type.length;
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong refusedNoLeader = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final EventHandler<ResultEvent> acks = (event, sequence, endOfBatch) ->
        {
            if (event.type == ResultType.DONE && event.sourceId == BENCH_SOURCE_ID)
            {
                if (ratePerSecond > 0)
                {
                    histogram.recordValue(Math.max(0, System.nanoTime() - event.clientTsNs));
                }
                if (event.rejectReason == RejectReason.NO_LEADER)
                {
                    refusedNoLeader.lazySet(refusedNoLeader.get() + 1);
                }
                else if (event.rejectReason != RejectReason.NONE)
                {
                    rejected.lazySet(rejected.get() + 1);
                }
                acknowledged.lazySet(acknowledged.get() + 1);
            }
        };
        final EnginePipeline pipeline = front == null ?
            new EnginePipeline(config, List.of(acks), List.of(), new OffsetEpochNanoClock()) :
            EnginePipeline.inFrontOf(config, List.of(acks), front);
        pipeline.start();
        final int instrument = pipeline.directory().resolve("BENCH", true);
        for (int a = 0; a < ACCOUNTS; a++)
        {
            pipeline.directory().resolve("bench-" + a);
        }
        pipeline.awaitIdle(60, TimeUnit.SECONDS);

        final long intervalNs = ratePerSecond > 0 ? 1_000_000_000L / ratePerSecond : 0;
        long start = System.nanoTime();
        final Publication publication = pipeline.publication(BENCH_SOURCE_ID);
        final CommandEvent command = new CommandEvent();
        for (int i = 0; i < n; i++)
        {
            if (i == warmup && warmup > 0)
            {
                if (!awaitAcknowledged(acknowledged, warmup, pipeline))
                {
                    break;
                }
                histogram.reset();
                start = System.nanoTime();
            }
            long planned = 0;
            if (intervalNs > 0)
            {
                planned = start + (i - warmup) * intervalNs;
                long now;
                while ((now = System.nanoTime()) < planned)
                {
                    // Sleep, then yield, while far from the due time: a sender spinning on 2 cores takes a core from
                    // the engine (and, in front of a cluster, from its members).
                    if (planned - now > PARK_AHEAD_NS)
                    {
                        LockSupport.parkNanos(planned - now - PARK_AHEAD_NS);
                    }
                    else if (planned - now > 2_000)
                    {
                        Thread.yield();
                    }
                    else
                    {
                        Thread.onSpinWait();
                    }
                }
            }
            final CommandEvent e = command;
            e.clear();
            e.type = type[i];
            e.clientTsNs = intervalNs > 0 ? planned : System.nanoTime();
            e.accountId = account[i];
            e.clientOrderId.setDecimal(orderId[i]);
            e.instrumentId = instrument;
            e.side = side[i];
            e.orderType = OrderType.LIMIT;
            e.tif = tif[i];
            e.stp = StpMode.NONE;
            e.price = price[i];
            e.qty = qty[i];
            // A full ring parks the producer for a while rather than yielding per retry: on 2 cores every yield was a
            // system call and a switch, a tenth of the run's samples, taken from the stages that drain the ring.
            final long result = publication.offerBlocking(e, i);
            if (result < 0)
            {
                break;
            }
        }
        // Every DONE back: in front of a remote core, an idle pipeline has only forwarded its commands.
        awaitAcknowledged(acknowledged, n, pipeline);
        pipeline.awaitIdle(10, TimeUnit.MINUTES);
        final double seconds = (System.nanoTime() - start) / 1e9;
        final long journalBytes = pipeline.journalBytes();
        final long outputBytes = pipeline.outputJournalBytes();
        final long batches = pipeline.journalBatches();
        final long busy = pipeline.busyCount();
        pipeline.close();
        if (acknowledged.get() < n)
        {
            throw new IllegalStateException("only " + acknowledged.get() + " of " + n + " commands acknowledged: " +
                pipeline.failStop().describe());
        }

        long recovered = 0;
        double recoverySeconds = 0;
        if (measureRecovery && config.journalEnabled() && front == null)
        {
            // From the journal alone: the snapshot written at close would leave only its tail to read.
            try (EnginePipeline again = new EnginePipeline(config.snapshotsEnabled(false)))
            {
                final EnginePipeline.RecoveryReport report = again.start();
                recovered = report.records();
                recoverySeconds = report.elapsedNs() / 1e9;
            }
        }
        // The journals hold the warm-up too: their bytes and batches are scaled to the measured commands, so that
        // bytes a command and commands a batch are those of the whole run.
        final long measured = n - warmup;
        return new Report(measured, seconds, measured / seconds, ratePerSecond > 0 ? histogram : null,
            journalBytes * measured / n, outputBytes * measured / n, Math.max(1, batches * measured / n), recovered,
            recoverySeconds, busy, refusedNoLeader.get(), rejected.get());
    }

    /** Waits (up to 10 minutes) until {@code count} commands are acknowledged; false if they never were. */
    private static boolean awaitAcknowledged(final AtomicLong acknowledged, final long count,
        final EnginePipeline pipeline)
    {
        final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (acknowledged.get() < count && System.nanoTime() < deadline && !pipeline.failStop().hasFailed())
        {
            LockSupport.parkNanos(50_000);
        }
        return acknowledged.get() >= count;
    }

    /**
     * Makes {@code dir} an empty scratch directory of the bench's own, marked as such; or says why not. The bench
     * deletes its directory before and after a run, so it only deletes one that is empty or that a bench marked: given
     * an engine's data directory by mistake ({@code --data data}), it must refuse rather than delete the journal.
     *
     * @return null once {@code dir} is ready, or the refusal.
     */
    static String claimScratch(final Path dir) throws IOException
    {
        if (Files.exists(dir))
        {
            if (!Files.isDirectory(dir))
            {
                return "--data " + dir + " is a file, not a directory";
            }
            if (!Files.exists(dir.resolve(SCRATCH_MARK)) && !isEmpty(dir))
            {
                return "--data " + dir + " holds files that no bench wrote (an engine's journal?); the bench deletes " +
                    "its data directory before and after a run, so give it a new or empty directory";
            }
            deleteRecursively(dir);
        }
        Files.createDirectories(dir);
        Files.createFile(dir.resolve(SCRATCH_MARK));
        return null;
    }

    private static boolean isEmpty(final Path dir) throws IOException
    {
        try (Stream<Path> entries = Files.list(dir))
        {
            return entries.findAny().isEmpty();
        }
    }

    static void deleteRecursively(final Path dir) throws IOException
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir))
        {
            for (final Path p : (Iterable<Path>)paths.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.delete(p);
            }
        }
    }

    /**
     * Configuration for a bench run in its own fresh data directory.
     */
    static EngineConfig benchConfig(
        final Path data, final boolean journal, final Durability durability, final String wait)
    {
        return EngineConfig.defaults().clearInstruments().dataDir(data).journalEnabled(journal)
            .durability(durability).waitStrategy(wait);
    }
}
