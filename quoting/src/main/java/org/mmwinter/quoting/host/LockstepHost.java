package org.mmwinter.quoting.host;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.message.ResultType;
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
 * fees, self-trade prevention) but in event time: the driver sets the engine's {@link EventClock} to each event's
 * time, offers one command and waits for the engine to finish it, then lets the bot see what it caused and decide.
 * The bot's commands reach the engine after an {@link OrderEntryLatency} of event time, in the order sent, before any
 * flow command that comes later. One command at a time makes the run deterministic: the same flow and seed give
 * the same journal, fills and decisions, byte for byte, whatever the machine's speed. The crash-day replay drives
 * the bot this way; the live host runs the same {@link MarketMaker} in real time.
 */
public final class LockstepHost implements OrderEntry, AutoCloseable
{
    private static final int MAX_PENDING = 4096;

    private final EnginePipeline pipeline;
    private final EventClock clock;
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
    private long lastDue;
    private long lastSendNs = Long.MIN_VALUE;
    private long nowNs;
    private long flowCorrelation;

    /**
     * The reference market maker in lockstep, its decisions journaled under {@code dataDir} (none when null), rebuilt
     * from the pipeline's journal first.
     *
     * @param pipeline a started pipeline whose clock is {@code clock}.
     */
    public LockstepHost(final EnginePipeline pipeline, final EventClock clock, final BotConfig config,
        final Path dataDir, final OrderEntryLatency latency)
    {
        this(pipeline, clock, config.account(), latency, new MarketMakerFactory(pipeline, config, dataDir));
    }

    /**
     * Any strategy in lockstep, trading for {@code account}: {@code factory} builds it with its account id and the
     * way its commands leave.
     */
    public LockstepHost(final EnginePipeline pipeline, final EventClock clock, final String account,
        final OrderEntryLatency latency, final StrategyFactory factory)
    {
        this.pipeline = pipeline;
        this.clock = clock;
        this.latency = latency;
        this.nowNs = clock.nanoTime();
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

    /** Records each flow command's publish-to-acknowledgement time (wall clock, nanoseconds) from here on. */
    public void measure(final Histogram histogram)
    {
        this.acknowledgement = histogram;
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
        clock.set(nowNs);
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
                checkEngine();
                // Yield, not spin: on two cores the engine's stages need this core to finish the command.
                Thread.yield();
            }
        }
        if (acknowledgement != null)
        {
            acknowledgement.recordValue(System.nanoTime() - offeredNs);
        }
        drainBot();
        strategy.decide();
        return driverListener.reason;
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
            clock.set(nowNs);
            // Completion is counted in DONEs (one per command), not matched by correlation id: a strategy may
            // give two commands of one burst the same correlation.
            final long target = botListener.dones;
            long offered = 0;
            while (size > 0 && pendingDue[head] == due)
            {
                final int index = head;
                head = (head + 1) % MAX_PENDING;
                size--;
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
                checkEngine();
                // Yield, not spin: on two cores the engine's stages need this core to finish the command.
                Thread.yield();
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
        final long due = size > 0 && nowNs == lastSendNs ? lastDue : Math.max(lastDue, nowNs + latency.next());
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
            if (update.commandSequence > skipThrough)
            {
                strategy.onMarketData(update);
            }
        }
    }

    private static final class DriverListener implements ParticipantListener
    {
        long awaited = -1;
        boolean done;
        int reason;

        public void onReport(final ExecutionReport report)
        {
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
    }
}
