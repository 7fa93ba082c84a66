package org.mmwinter.quoting.host;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EngineDirectory;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.Participant;
import org.mmwinter.engine.pipeline.ParticipantListener;
import org.mmwinter.engine.pipeline.ParticipantSpec;
import org.mmwinter.engine.pipeline.Publication;
import org.mmwinter.quoting.bot.BotConfig;
import org.mmwinter.quoting.bot.JournalRebuild;
import org.mmwinter.quoting.bot.MarketMaker;
import org.mmwinter.quoting.bot.OrderEntry;
import org.mmwinter.quoting.bot.Strategy;
import org.mmwinter.quoting.journal.DecisionJournal;

/**
 * The market maker in lockstep with a replayed flow, on the real engine pipeline (journal, matching, routing,
 * fees, self-trade prevention) but in event time: every command carries its event time (the pipeline stamps each
 * command with its own time, {@link EngineConfig#commandTime}), and the strategy sees what each flow command caused
 * and decides, at that command's time, before it sees the next one's. The bot's commands reach the engine after an
 * {@link OrderEntryLatency} of event time, in the order sent, before any flow command that comes later.
 * <p>
 * Flow goes in one command at a time ({@link #submit}) or as a batch ({@link #submitBatch}): since nothing the
 * strategy decides reaches the engine sooner than the latency's minimum after the event it reacts to, every flow
 * command before that horizon ({@link #horizon}) can be in the pipeline at once (conservative lookahead, as in
 * parallel discrete-event simulation); the host then hands the strategy the reports command by command, cutting
 * them at each command's sequence, so the strategy sees and decides exactly as if the commands had gone one at a
 * time. Either way the run is deterministic: the same flow and seed give the same journal, fills and decisions,
 * byte for byte, whatever the machine's speed. The crash-day replay drives the bot this way; the live host runs the
 * same {@link MarketMaker} in real time.
 * <p>
 * While it waits for results the host asks the pipeline to make progress ({@link EnginePipeline#awaitProgress}):
 * replays start theirs with stepped stages ({@link EngineConfig#steppedStages}), so the host's thread runs the
 * journal, the match and the routing itself and a round trip costs the work alone; a threaded pipeline works too
 * (the host then yields the core to its stages), command for command the same.
 */
public final class LockstepHost implements OrderEntry, AutoCloseable
{
    /** Flow commands in one {@link #submitBatch} at most. */
    public static final int MAX_BATCH = 1024;
    private static final int MAX_PENDING = 4096;

    private final EnginePipeline pipeline;
    private final OrderEntryLatency latency;
    private final Strategy strategy;
    private final MarketMaker bot;
    private final DecisionJournal journal;
    /** Wall-clock time from offering a flow command to its DONE (the engine's publish-to-acknowledgement). */
    private Histogram acknowledgement;
    private final Participant botParticipant;
    private final Publication botPublication;
    private final Participant driver;
    private final Publication driverPublication;
    private final BotListener botListener = new BotListener();
    private final DriverListener driverListener = new DriverListener();

    private final CommandEvent[] pending = new CommandEvent[MAX_PENDING];
    private final long[] pendingCorrelation = new long[MAX_PENDING];
    private final long[] pendingDue = new long[MAX_PENDING];
    private int head;
    private int size;

    private final long[] batchNs = new long[MAX_BATCH];
    private final long[] batchSequence = new long[MAX_BATCH];
    private final long[] batchOfferedNs = new long[MAX_BATCH];
    private final int[] batchReason = new int[MAX_BATCH];
    private long batchFirstCorrelation;
    private int batchCount;
    private int batchDone;
    private int batchOpened;
    private boolean inBatch;
    private Observer observer = Observer.SILENT;

    private long lastDue;
    private long lastSendNs = Long.MIN_VALUE;
    private long nowNs;
    private long flowCorrelation;

    /**
     * The reference market maker in lockstep, its decisions journaled under {@code dataDir} (none when null), rebuilt
     * from the pipeline's journal first.
     *
     * @param pipeline a started pipeline that stamps commands with their own time ({@link
     *                 EngineConfig#commandTime}).
     */
    public LockstepHost(final EnginePipeline pipeline, final BotConfig config, final Path dataDir,
        final OrderEntryLatency latency)
    {
        this(pipeline, config.account(), latency, new MarketMakerFactory(pipeline, config, dataDir));
    }

    /**
     * Any strategy in lockstep, trading for {@code account}: {@code factory} builds it with its account id and the
     * way its commands leave.
     */
    public LockstepHost(final EnginePipeline pipeline, final String account, final OrderEntryLatency latency,
        final StrategyFactory factory)
    {
        if (!pipeline.config().commandTime())
        {
            throw new IllegalArgumentException("a lockstep host needs a pipeline that stamps each command with its " +
                "own time: EngineConfig.commandTime(true)");
        }
        this.pipeline = pipeline;
        this.latency = latency;
        this.nowNs = 0;
        for (int i = 0; i < MAX_PENDING; i++)
        {
            pending[i] = new CommandEvent();
        }
        final EngineDirectory directory = pipeline.directory();
        final int accountId = directory.resolve(account);
        strategy = factory.create(accountId, this);
        bot = strategy instanceof MarketMaker ? (MarketMaker)strategy : null;
        journal = factory instanceof MarketMakerFactory ? ((MarketMakerFactory)factory).journal : null;
        botParticipant = pipeline.register(ParticipantSpec.of("strategy-" + account, account).withMarketData(),
            botListener);
        botPublication = botParticipant.publication();
        driver = pipeline.register(ParticipantSpec.of("lockstep-driver"), driverListener);
        driverPublication = driver.publication();
        pipeline.awaitIdle(60, TimeUnit.SECONDS);
        drainBot();
        if (bot != null)
        {
            final JournalRebuild rebuild = new JournalRebuild(pipeline.config().inputJournalDir(), account);
            rebuild.into(bot);
            botListener.skipThrough = rebuild.sequence();
        }
    }

    /** Builds the strategy a lockstep host drives. */
    public interface StrategyFactory
    {
        Strategy create(int accountId, OrderEntry entry);
    }

    /** The reference market maker on the configured instruments, with its decision journal. */
    private static final class MarketMakerFactory implements StrategyFactory
    {
        private final EnginePipeline pipeline;
        private final BotConfig config;
        private final Path dataDir;
        private DecisionJournal journal;

        MarketMakerFactory(final EnginePipeline pipeline, final BotConfig config, final Path dataDir)
        {
            this.pipeline = pipeline;
            this.config = config;
            this.dataDir = dataDir;
        }

        public Strategy create(final int accountId, final OrderEntry entry)
        {
            journal = dataDir == null ? null : DecisionJournal.open(dataDir.resolve("bot").resolve("decisions"));
            return new MarketMaker(config, accountId, config.resolve(pipeline.directory()), entry, journal);
        }
    }

    /** Told, as a run goes, what the driver may want to know without reading the engine while it works. */
    public interface Observer
    {
        /** Tells nothing. */
        Observer SILENT = new Observer()
        {
            public void afterCommand(final long eventNs)
            {
            }

            public void onTrade(final ExecutionReport trade)
            {
            }
        };

        /** The strategy has seen everything a flow command caused and decided; {@code eventNs}: its time. */
        void afterCommand(long eventNs);

        /** A public trade, in the strategy's market data (before the strategy sees it). */
        void onTrade(ExecutionReport trade);
    }

    /** Records each flow command's publish-to-acknowledgement time (wall clock, nanoseconds) from here on. */
    public void measure(final Histogram histogram)
    {
        this.acknowledgement = histogram;
    }

    public void observe(final Observer observer)
    {
        this.observer = observer;
    }

    /**
     * Runs one flow command at its event time ({@code command.nowNs}): first every command of the bot due by then,
     * then this one, each followed by the bot's decisions.
     *
     * @return the engine's reject reason for the command (0 when accepted).
     */
    public int submit(final CommandEvent command)
    {
        advanceTo(command.nowNs);
        latency.onMessage(command.nowNs);
        final long correlation = ++flowCorrelation;
        command.clientTsNs = command.nowNs;
        driverListener.awaited = correlation;
        driverListener.done = false;
        final long offeredNs = acknowledgement == null ? 0 : System.nanoTime();
        if (driverPublication.offerBlocking(command, correlation) < 0)
        {
            throw new IllegalStateException("the engine stopped");
        }
        while (!driverListener.done)
        {
            if (driver.poll(64) == 0)
            {
                awaitEngine("a flow command's DONE");
            }
        }
        if (acknowledgement != null)
        {
            acknowledgement.recordValue(System.nanoTime() - offeredNs);
        }
        drainBot();
        strategy.decide();
        observer.afterCommand(command.nowNs);
        return driverListener.reason;
    }

    /**
     * The latest event time, exclusive, up to which flow commands may go into one {@link #submitBatch} now (after
     * {@link #advanceTo} the batch's first command's time): the earliest a command the strategy has yet to decide
     * could arrive, or the next one it sent, whichever is sooner. With no minimum latency, only commands at the
     * current time.
     */
    public long horizon()
    {
        final long reaction = nowNs + latency.minimumNs();
        return size > 0 ? Math.min(reaction, pendingDue[head]) : reaction;
    }

    /**
     * Runs {@code count} flow commands, in event-time order, all before {@link #horizon()} and the first at the
     * time {@link #advanceTo} was last called with, as one batch in the pipeline; the strategy sees and decides
     * exactly as if they had been {@link #submit}ted one by one. Each command's reject reason is then
     * {@link #batchReason}.
     */
    public void submitBatch(final CommandEvent[] commands, final int count)
    {
        if (count < 1 || count > MAX_BATCH)
        {
            throw new IllegalArgumentException("a batch has 1 to " + MAX_BATCH + " commands, not " + count);
        }
        final long horizon = horizon();
        long previous = nowNs;
        for (int i = 0; i < count; i++)
        {
            final long t = commands[i].nowNs;
            if (t < previous || (i == 0 ? t != nowNs : t >= horizon))
            {
                throw new IllegalArgumentException("batch command " + i + " at " + t + " is not in [" + nowNs +
                    ", " + horizon + ") in time order (advance to the first command's time first)");
            }
            previous = t;
        }
        batchFirstCorrelation = flowCorrelation + 1;
        batchCount = count;
        batchDone = 0;
        batchOpened = 1;
        inBatch = true;
        // The first command's time is reached: advanceTo already ran the strategy's turn at it.
        latency.onMessage(commands[0].nowNs);
        for (int i = 0; i < count; i++)
        {
            final CommandEvent command = commands[i];
            command.clientTsNs = command.nowNs;
            batchNs[i] = command.nowNs;
            batchReason[i] = 0;
            batchOfferedNs[i] = acknowledgement == null ? 0 : System.nanoTime();
            if (driverPublication.offerBlocking(command, ++flowCorrelation) < 0)
            {
                throw new IllegalStateException("the engine stopped");
            }
        }
        while (batchDone < batchCount)
        {
            if (driver.poll(256) + botParticipant.poll(256) == 0)
            {
                awaitEngine("the DONEs of a batch of flow commands");
            }
        }
        // Every DONE is in, so everything the batch caused is in the bot's queue.
        drainBot();
        while (batchOpened < batchCount)
        {
            openNext();
        }
        inBatch = false;
        strategy.decide();
        observer.afterCommand(batchNs[count - 1]);
    }

    /** The engine's reject reason for command {@code index} of the last batch (0 when accepted). */
    public int batchReason(final int index)
    {
        return batchReason[index];
    }

    /**
     * The strategy has seen all the last opened command caused: its turn after it, then event time moves to the
     * next command of the batch and the strategy's turn there, as {@link #submit} and {@link #advanceTo} do.
     */
    private void openNext()
    {
        strategy.decide();
        observer.afterCommand(batchNs[batchOpened - 1]);
        final long t = batchNs[batchOpened++];
        if (t > nowNs)
        {
            nowNs = t;
        }
        strategy.onTime(nowNs);
        strategy.decide();
        latency.onMessage(t);
    }

    /**
     * Before the strategy sees a report of command sequence {@code sequence}, opens the batch commands before the
     * one it belongs to. The router hands every participant its results in sequence order and a command's DONE after
     * everything else it caused, so: while the open command's DONE is not in the driver's queue, the report is that
     * command's; once it is, a later sequence belongs to the next command.
     */
    private void openThrough(final long sequence)
    {
        while (batchOpened < batchCount)
        {
            final int open = batchOpened - 1;
            if (open >= batchDone)
            {
                while (driver.poll(256) > 0)
                {
                    checkEngine();
                }
                if (open >= batchDone)
                {
                    return;
                }
            }
            if (sequence <= batchSequence[open])
            {
                return;
            }
            openNext();
        }
    }

    /**
     * Moves event time to {@code eventNowNs}: the bot's commands due by then reach the engine, in order. The
     * commands of one decision travel together (one latency draw, as one burst on one connection): they are offered
     * together at their arrival time and waited for once.
     */
    public void advanceTo(final long eventNowNs)
    {
        while (size > 0 && pendingDue[head] <= eventNowNs)
        {
            final long due = pendingDue[head];
            nowNs = Math.max(nowNs, due);
            // Completion is counted in DONEs (one per command), not matched by correlation id: a strategy may
            // give two commands of one burst the same correlation.
            final long target = botListener.dones;
            long offered = 0;
            while (size > 0 && pendingDue[head] == due)
            {
                final int index = head;
                head = (head + 1) % MAX_PENDING;
                size--;
                pending[index].clientTsNs = nowNs;
                if (botPublication.offerBlocking(pending[index], pendingCorrelation[index]) < 0)
                {
                    throw new IllegalStateException("the engine stopped");
                }
                offered++;
            }
            awaitBot(target + offered);
        }
        if (eventNowNs > nowNs)
        {
            nowNs = eventNowNs;
        }
        strategy.onTime(nowNs);
        strategy.decide();
    }

    /**
     * An operator's command ({@link MarketMaker#PAUSE}, ...), applied and decided upon at the current event time.
     */
    public void control(final int operation)
    {
        bot.control(operation);
        strategy.decide();
    }

    /** Delivers every command of the bot still in flight (the end of a run). */
    public void flush()
    {
        while (size > 0)
        {
            advanceTo(pendingDue[head]);
        }
    }

    /** Waits until the bot has seen {@code dones} DONEs in all, letting the strategy see what came before. */
    private void awaitBot(final long dones)
    {
        while (botListener.dones < dones)
        {
            if (botParticipant.poll(256) == 0)
            {
                awaitEngine("the DONEs of the strategy's commands");
            }
        }
        drainBot();
        strategy.decide();
    }

    private void drainBot()
    {
        // The router hands the bot everything a command caused before the command's DONE reaches its sender.
        while (botParticipant.poll(256) > 0)
        {
            checkEngine();
        }
    }

    /**
     * Nothing came back yet: the engine's stages run (stepped) or get the core (threaded; yield, not spin, since on
     * two cores they need this core to finish the command).
     *
     * @param awaited what the host waits for (in the queue it just found empty), to name it should the engine
     *                have nothing left to do: stepped, that means it will never come.
     */
    private void awaitEngine(final String awaited)
    {
        checkEngine();
        if (!pipeline.awaitProgress())
        {
            throw new IllegalStateException("the engine is idle but " + awaited + " never came");
        }
    }

    private void checkEngine()
    {
        if (pipeline.failStop().hasFailed())
        {
            throw new IllegalStateException("the engine failed: " + pipeline.failStop().describe());
        }
        if (!botParticipant.isConnected())
        {
            throw new IllegalStateException("the bot was disconnected: " + botParticipant.disconnectReason());
        }
    }

    public boolean send(final CommandEvent command, final long correlationId)
    {
        if (size == MAX_PENDING)
        {
            return false;
        }
        final int index = (head + size) % MAX_PENDING;
        pending[index].copyFrom(command);
        pendingCorrelation[index] = correlationId;
        // In the order sent, as over one connection: a later command never overtakes an earlier one; the commands
        // of one decision (sent at the same event time) share one latency and arrive together.
        final long due = size > 0 && nowNs == lastSendNs ? lastDue : Math.max(lastDue, nowNs + latency.next(nowNs));
        lastSendNs = nowNs;
        pendingDue[index] = due;
        lastDue = due;
        size++;
        return true;
    }

    /** The reference market maker, or {@code null} when this host drives another strategy. */
    public MarketMaker bot()
    {
        return bot;
    }

    public Strategy strategy()
    {
        return strategy;
    }

    /** The engine, for the driver to read its book between commands (the engine is idle then). */
    public EnginePipeline pipeline()
    {
        return pipeline;
    }

    /** Event time of the run. */
    public long nowNs()
    {
        return nowNs;
    }

    /** Commands of the bot sent but not yet at the engine. */
    public int inFlight()
    {
        return size;
    }

    public void close()
    {
        botParticipant.close();
        driver.close();
        if (journal != null)
        {
            journal.close();
        }
    }

    private final class BotListener implements ParticipantListener
    {
        long dones;
        long skipThrough;

        public void onReport(final ExecutionReport report)
        {
            if (inBatch)
            {
                openThrough(report.commandSequence);
            }
            if (report.type == ResultType.DONE)
            {
                dones++;
            }
            if (report.commandSequence > skipThrough)
            {
                strategy.onReport(report);
            }
        }

        public void onMarketData(final ExecutionReport update)
        {
            if (inBatch)
            {
                openThrough(update.commandSequence);
            }
            if (update.commandSequence > skipThrough)
            {
                if (update.type == ResultType.TRADE)
                {
                    observer.onTrade(update);
                }
                strategy.onMarketData(update);
            }
        }
    }

    private final class DriverListener implements ParticipantListener
    {
        long awaited = -1;
        boolean done;
        int reason;

        public void onReport(final ExecutionReport report)
        {
            if (inBatch)
            {
                onBatchReport(report);
                return;
            }
            if (report.type == ResultType.REJECTED && report.commandCorrelationId == awaited)
            {
                reason = report.rejectReason;
            }
            if (report.type == ResultType.DONE && report.commandCorrelationId == awaited)
            {
                reason = report.rejectReason;
                done = true;
            }
        }

        private void onBatchReport(final ExecutionReport report)
        {
            final long index = report.commandCorrelationId - batchFirstCorrelation;
            if (index < 0 || index >= batchCount)
            {
                return;
            }
            final int i = (int)index;
            if (report.type == ResultType.REJECTED)
            {
                batchReason[i] = report.rejectReason;
            }
            else if (report.type == ResultType.DONE)
            {
                batchReason[i] = report.rejectReason;
                batchSequence[i] = report.commandSequence;
                if (acknowledgement != null)
                {
                    acknowledgement.recordValue(System.nanoTime() - batchOfferedNs[i]);
                }
                batchDone++;
            }
        }
    }
}
