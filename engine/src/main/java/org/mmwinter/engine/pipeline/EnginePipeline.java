package org.mmwinter.engine.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.mmwinter.engine.journal.AppendFront;
import org.mmwinter.engine.journal.InputJournal;
import org.mmwinter.engine.journal.JournalCorruptException;
import org.mmwinter.engine.journal.JournalPretoucher;
import org.mmwinter.engine.journal.OutputJournal;
import org.mmwinter.engine.journal.Snapshots;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.TradingStatus;
import org.mmwinter.engine.state.EngineState;
import org.mmwinter.engine.state.StateDigest;

/**
 * The engine: producers publish into a multi-producer inbound ring; the sequencer stamps and journals each command,
 * then the single matching thread applies it and publishes results into the outbound ring, where the output journal
 * and subscribers read them (market data also on a lossy copy). Starting it first rebuilds state from the input
 * journal, emitting nothing.
 */
public final class EnginePipeline implements AutoCloseable
{
    /** Source id of the engine's own commands (definitions, operator halts). */
    public static final int ENGINE_SOURCE_ID = 0;
    /** Source ids of participants' publications start here; producers that are not participants use lower ones. */
    public static final int FIRST_PARTICIPANT_SOURCE_ID = 1 << 20;

    private final EngineConfig config;
    private final EpochNanoClock clock;
    private final List<EventHandler<ResultEvent>> resultHandlers;
    private final List<EventHandler<ResultEvent>> marketDataHandlers;
    private final FailStop failStop = new FailStop();
    /** Padded: producers increment it on every full ring, and it must not share a line with what stages read. */
    private final Sequence busyCount = new Sequence(0);
    private final EngineDirectory directory;
    private final ParticipantRouter router = new ParticipantRouter();
    private final List<Participant> participants = new ArrayList<>();
    private final AtomicLong participantsDisconnected = new AtomicLong();
    private int nextParticipantSourceId = FIRST_PARTICIPANT_SOURCE_ID;

    private InputJournal inputJournal;
    private OutputJournal outputJournal;
    /** The output journal's own thread behind polled stages ({@link EngineConfig#outputJournalThread}), or null. */
    private OutputJournalThread outputJournalThread;
    /** Faults the journals' next pages in ahead of their writers ({@link EngineConfig#journalPretouch}), or null. */
    private JournalPretoucher pretoucher;
    private Disruptor<CommandEvent> inbound;
    private RingBuffer<CommandEvent> ring;
    private Disruptor<ResultEvent> outbound;
    private Disruptor<ResultEvent> marketData;
    /** The outbound ring, threaded or stepped. */
    private RingBuffer<ResultEvent> outRing;
    /** The stages when one thread runs them all (the caller's or the engine thread), else null. */
    private SteppedStages stepped;
    /** The caller steps the stages ({@link EngineConfig#steppedStages}); else the engine thread does, if any. */
    private boolean stepsOnCaller;
    /** The engine thread of {@link EngineConfig#singleThreadStages}, else null. */
    private Thread engineThread;
    private volatile boolean engineThreadRunning;
    private List<EventHandler<ResultEvent>> steppedResultStages;
    private RingBuffer<ResultEvent> steppedMarketDataRing;
    private MarketDataFanOut fanOut;
    private ResultPublisher publisher;
    private JournalStage journalStage;
    private EngineState state;
    private RecoveryReport recovery;
    private final RemoteEngine remote;
    private Thread forwarder;
    private volatile boolean forwarding;
    private volatile boolean accepting;
    private long snapshotSequence;
    /** Null when there are no snapshots (no input journal, or snapshots off). */
    private SnapshotWriter snapshots;
    private boolean closed;

    /**
     * What start-up rebuilt from the journal.
     */
    public record RecoveryReport(
        long records, long commands, long lastSequence, long snapshotSequence, long elapsedNs, long digest)
    {
        public String describe()
        {
            return "recovered " + (snapshotSequence > 0 ? "snapshot at sequence " + snapshotSequence + " + " : "") +
                "journal (" + records + " records read, " + commands + " order-flow commands, last sequence " +
                lastSequence + ") in " + String.format("%.3f", elapsedNs / 1e9) + " s, digest=" +
                StateDigest.toHex(digest);
        }
    }

    public EnginePipeline(final EngineConfig config)
    {
        this(config, List.of(), List.of(), new OffsetEpochNanoClock());
    }

    /**
     * @param resultHandlers     see every result, in order, never dropped (a slow one back-pressures the core).
     * @param marketDataHandlers see trade prints and level changes on a lossy ring (a slow one loses updates).
     */
    public EnginePipeline(
        final EngineConfig config,
        final List<EventHandler<ResultEvent>> resultHandlers,
        final List<EventHandler<ResultEvent>> marketDataHandlers,
        final EpochNanoClock clock)
    {
        this(config, resultHandlers, marketDataHandlers, clock, null);
    }

    /**
     * A pipeline in front of a matching core that runs elsewhere ({@link RemoteEngine}): the same participants,
     * router, market data and output journal, but no input journal, no recovery and no book of its own; one
     * forwarding thread stands where the sequencer and the matcher would.
     */
    public static EnginePipeline inFrontOf(final EngineConfig config, final RemoteEngine remote)
    {
        return inFrontOf(config, List.of(), remote);
    }

    /**
     * As {@link #inFrontOf(EngineConfig, RemoteEngine)}, with handlers that see every result that comes back.
     */
    public static EnginePipeline inFrontOf(
        final EngineConfig config, final List<EventHandler<ResultEvent>> resultHandlers, final RemoteEngine remote)
    {
        return new EnginePipeline(config, resultHandlers, List.of(), new OffsetEpochNanoClock(), remote);
    }

    private EnginePipeline(
        final EngineConfig config,
        final List<EventHandler<ResultEvent>> resultHandlers,
        final List<EventHandler<ResultEvent>> marketDataHandlers,
        final EpochNanoClock clock,
        final RemoteEngine remote)
    {
        this.config = config;
        this.clock = clock;
        this.remote = remote;
        this.resultHandlers = new ArrayList<>(resultHandlers);
        this.marketDataHandlers = new ArrayList<>(marketDataHandlers);
        this.directory = new EngineDirectory(this, config.createInstrumentsOnFirstUse());
    }

    /**
     * Recovers from the journal, starts the stages and defines the configured instruments. A start that fails leaves
     * nothing running and nothing changed: see {@link #undoStart}.
     *
     * @throws org.mmwinter.engine.journal.JournalCorruptException when the journal cannot be trusted.
     * @throws IllegalStateException                               when a configured instrument contradicts its
     *                                                             journaled definition.
     */
    public RecoveryReport start()
    {
        try
        {
            return startStages();
        }
        catch (final RuntimeException | Error ex)
        {
            undoStart();
            throw ex;
        }
    }

    private RecoveryReport startStages()
    {
        final WaitStrategy waitStrategy = WaitStrategies.create(config.waitStrategy());
        final boolean oneThread = config.steppedStages() || config.singleThreadStages();
        if (oneThread)
        {
            if (remote != null)
            {
                throw new IllegalArgumentException("stepped or single-thread stages need a matching core in this " +
                    "process");
            }
            // Polled by the caller, never waited on: the wait strategy is never asked to wait or wake anyone, but
            // by the output journal's own thread when it has one, which sleeps rather than spins while idle.
            outRing = RingBuffer.createSingleProducer(ResultEvent::new, config.outputRingSize(),
                ownOutputJournalThread() ? new SleepingWaitStrategy() : new BusySpinWaitStrategy());
        }
        else
        {
            outbound = new Disruptor<>(ResultEvent::new, config.outputRingSize(), threads("engine-results"),
                ProducerType.SINGLE, WaitStrategies.create(config.waitStrategy()));
            outRing = outbound.getRingBuffer();
        }
        publisher = new ResultPublisher(outRing);
        if (remote != null)
        {
            return startInFront(waitStrategy);
        }
        state = new EngineState(publisher, config.expectedLiveOrders());
        publisher.pricing(state.engine());

        if (config.journalEnabled())
        {
            try
            {
                Files.createDirectories(config.inputJournalDir());
                Files.createDirectories(config.outputJournalDir());
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot create the journal directories under " + config.dataDir(), ex);
            }
            inputJournal = new InputJournal(config.inputJournalDir(), config.durability());
            if (config.outputJournalEnabled())
            {
                outputJournal = new OutputJournal(config.outputJournalDir());
            }
        }

        final long recoveryStart = System.nanoTime();
        publisher.muted(true);
        final long records = recover();
        publisher.muted(false);
        recovery = new RecoveryReport(records, state.engine().commandCount(), state.lastSequence(), snapshotSequence,
            System.nanoTime() - recoveryStart, state.digest());
        directory.load(state.engine(), state.accounts());
        startPretoucher();
        if (inputJournal != null && config.snapshotsEnabled())
        {
            snapshots = new SnapshotWriter(config.snapshotDir(), state);
        }

        startResultStages();

        journalStage = new JournalStage(inputJournal, clock, config.commandTime(), config.maxBatch(),
            state.lastSequence(), state.lastNowNs(), failStop);
        final MatchStage matchStage = new MatchStage(state, publisher, failStop, config.snapshotEvery(),
            this::periodicSnapshot);
        if (oneThread)
        {
            // Stepped by the caller, that thread alone offers, so one producer: a claim is a plain counter, not a
            // compare-and-set. On an engine thread of its own, producers offer from theirs. Either way the rings are
            // polled, so nobody is ever woken.
            stepsOnCaller = config.steppedStages();
            ring = stepsOnCaller ?
                RingBuffer.createSingleProducer(CommandEvent::new, config.ringSize(), new BusySpinWaitStrategy()) :
                RingBuffer.createMultiProducer(CommandEvent::new, config.ringSize(), new BusySpinWaitStrategy());
            engineThread = stepsOnCaller ? null : new Thread(this::runStages, "engine-1");
            stepped = new SteppedStages(stepsOnCaller ? Thread.currentThread() : engineThread, ring,
                new JournalThenMatchStage(journalStage, matchStage, ring, config.maxBatch()), outRing,
                steppedResultStages, steppedMarketDataRing, marketDataHandlers, failStop);
            publisher.steppedBy(stepped);
            if (engineThread != null)
            {
                engineThread.setDaemon(true);
                engineThreadRunning = true;
                engineThread.start();
            }
        }
        else
        {
            inbound = new Disruptor<>(CommandEvent::new, config.ringSize(), threads("engine-inbound"),
                ProducerType.MULTI, waitStrategy);
            inbound.setDefaultExceptionHandler(failStop);
            if (config.combinedStages())
            {
                inbound.handleEventsWith(new JournalThenMatchStage(journalStage, matchStage,
                    inbound.getRingBuffer(), config.maxBatch()));
            }
            else
            {
                inbound.handleEventsWith(journalStage).then(matchStage);
            }
            ring = inbound.getRingBuffer();
            if (marketData != null)
            {
                marketData.start();
            }
            outbound.start();
            inbound.start();
        }
        accepting = true;
        defineConfiguredInstruments();
        return recovery;
    }

    /**
     * The engine thread of single-thread stages: steps them until closed, idling as the wait strategy says. Like a
     * Disruptor processor it goes on after a failure (the stages then do nothing), so that producers and
     * {@link #awaitIdle} are never left waiting on a ring nobody reads.
     */
    private void runStages()
    {
        final IdleStrategy idle = WaitStrategies.idleStrategy(config.waitStrategy());
        while (engineThreadRunning)
        {
            int work;
            try
            {
                work = stepped.step();
            }
            catch (final RuntimeException | Error ex)
            {
                failStop.fail("the engine thread", ex);
                work = 0;
            }
            idle.idle(work);
        }
    }

    /**
     * Start in front of a remote core: connect (its definitions seed the directory), then the result stages, an
     * inbound ring read by the forwarding thread alone, and the forwarding thread.
     */
    private RecoveryReport startInFront(final WaitStrategy waitStrategy)
    {
        final long connectStart = System.nanoTime();
        state = new EngineState(publisher, 1);
        publisher.pricing(state.engine());
        publisher.muted(true);
        remote.connect(state);
        publisher.muted(false);
        directory.load(state.engine(), state.accounts());
        recovery = new RecoveryReport(0, 0, 0, 0, System.nanoTime() - connectStart, 0);
        if (config.journalEnabled() && config.outputJournalEnabled())
        {
            try
            {
                Files.createDirectories(config.outputJournalDir());
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("cannot create the output journal directory " +
                    config.outputJournalDir(), ex);
            }
            outputJournal = new OutputJournal(config.outputJournalDir());
        }
        startPretoucher();
        startResultStages();
        ring = RingBuffer.createMultiProducer(CommandEvent::new, config.ringSize(), waitStrategy);
        final EventPoller<CommandEvent> poller = ring.newPoller();
        ring.addGatingSequences(poller.getSequence());
        final RemoteLink link = new RemoteLink(poller, outRing, publisher);
        if (marketData != null)
        {
            marketData.start();
        }
        outbound.start();
        forwarding = true;
        forwarder = new Thread(() -> forward(link), "engine-forwarder");
        forwarder.setDaemon(true);
        forwarder.start();
        accepting = true;
        defineConfiguredInstruments();
        return recovery;
    }

    /** The forwarding thread's duty cycle: a failure stops the pipeline, as a failing stage does. */
    private void forward(final RemoteLink link)
    {
        final IdleStrategy idle = new BackoffIdleStrategy(
            100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(100));
        try
        {
            while (forwarding && !failStop.hasFailed())
            {
                idle.idle(remote.doWork(link, System.nanoTime()));
            }
        }
        catch (final RuntimeException | Error ex)
        {
            failStop.fail("forwarding to " + remote.describe(), ex);
        }
    }

    private void defineConfiguredInstruments()
    {
        // All checked before any is defined: a conflict found at the second must not leave the first journaled.
        directory.checkDefinable(config.instruments());
        for (final EngineConfig.InstrumentSpec spec : config.instruments())
        {
            directory.define(spec.symbol(), spec);
        }
    }

    /** Whether this pipeline fronts a remote core ({@link #inFrontOf}) and keeps no book of its own. */
    public boolean isInFront()
    {
        return remote != null;
    }

    /**
     * The outbound ring's handlers (the engine's own stages on one processor, then each result handler) and the
     * market-data ring with its handlers: on threads of their own, or kept for {@link SteppedStages}.
     */
    private void startResultStages()
    {
        final List<EventHandler<ResultEvent>> ownStages = new ArrayList<>();
        if (outputJournal != null && outbound == null && ownOutputJournalThread())
        {
            outputJournalThread = new OutputJournalThread(outRing,
                new OutputJournalStage(outputJournal, config.maxBatch(), failStop), failStop);
            outputJournalThread.start();
        }
        else if (outputJournal != null)
        {
            ownStages.add(new OutputJournalStage(outputJournal, config.maxBatch(), failStop));
        }
        ownStages.add(router);
        if (!marketDataHandlers.isEmpty())
        {
            final RingBuffer<ResultEvent> marketDataRing;
            if (outbound == null)
            {
                marketDataRing = RingBuffer.createSingleProducer(ResultEvent::new, config.marketDataRingSize(),
                    new BusySpinWaitStrategy());
                steppedMarketDataRing = marketDataRing;
            }
            else
            {
                marketData = new Disruptor<>(ResultEvent::new, config.marketDataRingSize(),
                    threads("engine-marketdata"), ProducerType.SINGLE, WaitStrategies.create(config.waitStrategy()));
                marketData.setDefaultExceptionHandler(failStop);
                marketData.handleEventsWith(handlerArray(marketDataHandlers));
                marketDataRing = marketData.getRingBuffer();
            }
            fanOut = new MarketDataFanOut(marketDataRing);
            ownStages.add(fanOut);
        }
        final List<EventHandler<ResultEvent>> outHandlers = new ArrayList<>();
        outHandlers.add(new ResultStages(ownStages));
        outHandlers.addAll(resultHandlers);
        if (outbound == null)
        {
            steppedResultStages = outHandlers;
        }
        else
        {
            outbound.setDefaultExceptionHandler(failStop);
            outbound.handleEventsWith(handlerArray(outHandlers));
        }
    }

    /**
     * Snapshot (if any) then journal after it; a snapshot that cannot be used is reported and the journal replayed
     * from its start, since the journal alone is the source of truth. With a snapshot the journal before it is not
     * read at all ({@link InputJournal#replayAfter}): the restart costs the journal written since the snapshot.
     */
    private long recover()
    {
        if (inputJournal == null)
        {
            return 0;
        }
        long fromSequence = 0;
        if (config.snapshotsEnabled())
        {
            final List<String> problems = new ArrayList<>();
            try
            {
                fromSequence = Snapshots.loadLatest(config.snapshotDir(), state, problems);
            }
            catch (final IllegalStateException ex)
            {
                problems.add(ex.getMessage());
                state = new EngineState(publisher, config.expectedLiveOrders());
                publisher.pricing(state.engine());
                fromSequence = 0;
            }
            catch (final IOException ex)
            {
                problems.add("snapshots unreadable: " + ex);
            }
            for (final String problem : problems)
            {
                System.err.println("engine: " + problem + "; replaying the journal instead");
            }
        }
        final long skipUpTo = fromSequence;
        // [0]: the last sequence read; [1]: the first sequence applied after the snapshot (0 while none).
        final long[] seen = new long[2];
        // A refusal here closes the journals with the rest of the failed start (undoStart).
        final long records = inputJournal.replayAfter(skipUpTo, record ->
        {
            seen[0] = record.sequence;
            if (record.sequence > skipUpTo)
            {
                if (seen[1] == 0)
                {
                    seen[1] = record.sequence;
                }
                state.apply(record);
            }
        });
        if (seen[0] < skipUpTo)
        {
            throw new JournalCorruptException("snapshot at sequence " + skipUpTo + " is ahead of the input journal " +
                "(last sequence " + seen[0] + "): journal files are missing; refusing to start");
        }
        if (seen[1] != 0 && seen[1] != skipUpTo + 1)
        {
            throw new JournalCorruptException("the input journal goes on at sequence " + seen[1] + " after the " +
                (skipUpTo > 0 ? "snapshot at sequence " + skipUpTo : "start") + ": journal files are missing " +
                "between them; refusing to start");
        }
        snapshotSequence = skipUpTo;
        return records;
    }

    /**
     * From the matching thread, between two commands: encodes the state and leaves the file to the snapshot thread
     * ({@link SnapshotWriter}), or skips the snapshot while the previous one is still being written.
     */
    private void periodicSnapshot()
    {
        if (snapshots != null)
        {
            snapshots.takeInBackground(state);
        }
    }

    /**
     * Writes a snapshot of the current state and returns once it is on disk (or reported as not written); only while
     * idle, never while the matching thread runs.
     */
    void snapshot()
    {
        if (snapshots != null)
        {
            snapshots.takeNow(state);
        }
    }

    /**
     * The longest a snapshot has held the thread that took it so far (nanoseconds, 0 when none): for a periodic
     * snapshot, the pause the matching thread sees between two commands while it encodes the state. Writing the file
     * is not in it ({@link #longestSnapshotFileNs}).
     */
    public long longestSnapshotNs()
    {
        return snapshots == null ? 0 : snapshots.longestEncodeNs();
    }

    /**
     * The longest a snapshot's file has taken to write, rename and prune older ones (nanoseconds, 0 when none); a
     * periodic snapshot's is spent on the snapshot thread, not the matching thread.
     */
    public long longestSnapshotFileNs()
    {
        return snapshots == null ? 0 : snapshots.longestWriteNs();
    }

    /** Periodic snapshots skipped because the one before was still being written. */
    public long snapshotsSkipped()
    {
        return snapshots == null ? 0 : snapshots.skipped();
    }

    /** Tests: the snapshot taker, null when there are no snapshots. */
    SnapshotWriter snapshotWriter()
    {
        return snapshots;
    }

    /** Journal sequence of the snapshot recovery started from (0 when none). */
    public long snapshotSequence()
    {
        return snapshotSequence;
    }

    public EngineConfig config()
    {
        return config;
    }

    public RecoveryReport recovery()
    {
        return recovery;
    }

    public EngineDirectory directory()
    {
        return directory;
    }

    public FailStop failStop()
    {
        return failStop;
    }

    /**
     * The one way in for a producer: a handle whose commands carry {@code sourceId}. Each producer thread takes its
     * own; results of its commands carry the same source id.
     */
    public Publication publication(final int sourceId)
    {
        return new Publication(this, sourceId);
    }

    /**
     * Plugs a participant in (at start-up or while running): its accounts are registered if new, its reports flow
     * into its own queue from the next result on, and its publication is ready. The caller polls it, or hosts it
     * with {@link Participant#startHostThread()}.
     *
     * @throws IllegalStateException before {@link #start}, after {@link #close}, or when one of its accounts already
     *                               belongs to another participant.
     */
    public synchronized Participant register(final ParticipantSpec spec, final ParticipantListener listener)
    {
        if (!accepting)
        {
            throw new IllegalStateException("participants plug into a running engine: start it first");
        }
        final int[] accounts = new int[spec.accounts().size()];
        for (int i = 0; i < accounts.length; i++)
        {
            accounts[i] = directory.resolve(spec.accounts().get(i));
            if (accounts[i] < 0)
            {
                throw new IllegalStateException("account " + spec.accounts().get(i) + " of participant " +
                    spec.name() + " cannot be registered (name too long, or the engine stopped)");
            }
        }
        final int sourceId = nextParticipantSourceId++;
        final Participant participant = new Participant(this, spec, listener, sourceId);
        router.add(participant, sourceId, accounts);
        participants.add(participant);
        return participant;
    }

    /** Participants disconnected so far (fell behind, threw, or were closed). */
    public long participantsDisconnected()
    {
        return participantsDisconnected.get();
    }

    synchronized Publication addPublication(final Participant participant)
    {
        final int sourceId = nextParticipantSourceId++;
        router.addSource(participant, sourceId);
        return publication(sourceId);
    }

    /**
     * A participant was disconnected: out of the routing, counted, said once.
     */
    void onDisconnected(final Participant participant, final String reason)
    {
        router.remove(participant);
        participantsDisconnected.incrementAndGet();
        if (!"closed".equals(reason))
        {
            System.err.println("engine: participant " + participant.name() + " disconnected: " + reason +
                " (matching goes on)");
        }
    }

    /**
     * Claims an inbound slot without waiting; only {@link Publication} fills and publishes it.
     *
     * @return the slot's sequence, or {@link Publication#BUSY} when the ring is full, or {@link Publication#STOPPED}.
     */
    long tryClaim()
    {
        if (!accepting || failStop.hasFailed())
        {
            return Publication.STOPPED;
        }
        if (stepsOnCaller)
        {
            stepped.checkThread();
        }
        try
        {
            return ring.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            busyCount.incrementAndGet();
            return Publication.BUSY;
        }
    }

    CommandEvent slot(final long sequence)
    {
        return ring.get(sequence);
    }

    void publish(final long sequence)
    {
        ring.publish(sequence);
    }

    /**
     * Circuit breaker: publishes HALT (or RESUME) of an instrument through the ring, journaled like any command, so
     * recovery restores it. A halted instrument refuses NEW and AMEND; cancels still work.
     *
     * @return false when the symbol is unknown or the engine stopped.
     */
    public boolean halt(final String symbol, final boolean halted)
    {
        return halt(symbol, halted, 0, 0);
    }

    /**
     * As {@link #halt(String, boolean)}, acknowledged (DONE) to {@code sourceId} with {@code correlationId}.
     */
    public boolean halt(final String symbol, final boolean halted, final int sourceId, final long correlationId)
    {
        final int instrumentId = directory.resolve(symbol, false);
        if (instrumentId < 0)
        {
            return false;
        }
        final CommandEvent command = new CommandEvent();
        command.type = halted ? CommandType.HALT : CommandType.RESUME;
        command.instrumentId = instrumentId;
        return publication(sourceId).offerBlocking(command, correlationId) >= 0;
    }

    /**
     * Publishes the venue's status ({@link TradingStatus#VENUE_STRESS},
     * {@code WITHDRAWALS_HALTED} or {@code VENUE_NORMAL}) through the ring, journaled like any command, so recovery
     * restores it; every market-data subscriber and drop copy is told. No order is refused because of it.
     *
     * @return false when the code is not a venue status or the engine stopped.
     */
    public boolean setVenueStatus(final int status)
    {
        return setVenueStatus(status, 0, 0);
    }

    /**
     * As {@link #setVenueStatus(int)}, acknowledged (DONE) to {@code sourceId} with {@code correlationId}.
     */
    public boolean setVenueStatus(final int status, final int sourceId, final long correlationId)
    {
        if (!TradingStatus.isVenueStatus(status))
        {
            return false;
        }
        final CommandEvent command = new CommandEvent().setVenueStatus(status);
        return publication(sourceId).offerBlocking(command, correlationId) >= 0;
    }

    /** Commands refused because the inbound ring was full. */
    public long busyCount()
    {
        return busyCount.get();
    }

    /** Market-data updates dropped because market-data subscribers lagged. */
    public long marketDataDropped()
    {
        return fanOut == null ? 0 : fanOut.dropped();
    }

    /** Times the core waited on a full outbound ring (a slow result consumer). */
    public long backPressureWaits()
    {
        return publisher.backPressureWaits();
    }

    public long journalBytes()
    {
        return inputJournal == null ? 0 : inputJournal.bytesWritten();
    }

    public long outputJournalBytes()
    {
        return outputJournal == null ? 0 : outputJournal.bytesWritten();
    }

    public long journalBatches()
    {
        return inputJournal == null ? 0 : inputJournal.batchesWritten();
    }

    /**
     * Waits until every published command is matched (in front of a remote core: answered) and every result
     * consumed, or the engine failed.
     *
     * @return false on timeout.
     */
    public boolean awaitIdle(final long timeout, final TimeUnit unit)
    {
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        if (stepsOnCaller)
        {
            // Every stage's work is the caller's: run them until none has any.
            while (stepped.step() > 0)
            {
                // Stepping is the waiting.
            }
            return outputJournalThread == null || outputJournalThread.awaitCaughtUp(deadline);
        }
        final RingBuffer<ResultEvent> out = outRing;
        while (System.nanoTime() < deadline)
        {
            // In front of a remote core, idle also means nothing sent is still waiting for its answer.
            final boolean inboundDone = ring.getMinimumGatingSequence() >= ring.getCursor() &&
                (remote == null || remote.inFlight() == 0);
            final boolean outboundDone = out.getMinimumGatingSequence() >= out.getCursor();
            if ((inboundDone && outboundDone) || failStop.hasFailed())
            {
                return true;
            }
            LockSupport.parkNanos(100_000);
        }
        return false;
    }

    /**
     * The state digest once the engine is idle (waits up to a minute for it).
     */
    public long digest()
    {
        refuseInFront("digest");
        if (!awaitIdle(60, TimeUnit.SECONDS))
        {
            throw new IllegalStateException("engine did not become idle");
        }
        return state.digest();
    }

    /** Order-flow commands applied so far (read when idle). */
    public long commandCount()
    {
        refuseInFront("commandCount");
        return state.engine().commandCount();
    }

    /**
     * Read-only access to the state for tools and tests; only while the engine is idle.
     */
    public EngineState stateWhenIdle()
    {
        refuseInFront("stateWhenIdle");
        if (!awaitIdle(60, TimeUnit.SECONDS))
        {
            throw new IllegalStateException("engine did not become idle");
        }
        return state;
    }

    /**
     * Stops accepting, drains what was published, stops the stages and closes the journals.
     */
    public synchronized void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        accepting = false;
        final List<Participant> plugged;
        synchronized (this)
        {
            plugged = new ArrayList<>(participants);
        }
        for (final Participant participant : plugged)
        {
            participant.disconnect("engine stopped");
        }
        if (forwarder != null)
        {
            closeInFront();
        }
        if (inbound != null)
        {
            // Disruptor's shutdown waits only for stages already running: one whose thread has not yet started (a
            // close right after start) would be halted with published commands unread, and they would be lost.
            awaitIdle(10, TimeUnit.SECONDS);
            shutdown(inbound);
            shutdown(outbound);
            if (marketData != null)
            {
                shutdown(marketData);
            }
        }
        else if (stepped != null)
        {
            // Stepped by the caller, only the driving thread may step; a close from another one leaves unjournaled
            // (so unacknowledged) commands unread, as a crash would. On an engine thread: drained, then stopped.
            if (!stepsOnCaller || stepped.isOwner(Thread.currentThread()))
            {
                awaitIdle(10, TimeUnit.SECONDS);
            }
            stopEngineThread();
        }
        // The stages have stopped, so the state no longer changes: the last snapshot, written before close returns.
        if (snapshots != null)
        {
            if (!failStop.hasFailed())
            {
                snapshot();
            }
            snapshots.close();
        }
        stopOutputJournalThread();
        closeJournals();
    }

    /**
     * After a start that failed (a damaged journal, a configured instrument that contradicts its journaled
     * definition, a directory that cannot be created): stops whatever threads it had started and closes the journals
     * it had opened, so that an embedding that catches the failure is not left with spinning stages and open queues.
     * Unlike {@link #close} it neither drains nor snapshots: the start published nothing a client was waiting for
     * (a conflict is found before any configured instrument is defined), and a snapshot would change the data
     * directory that the refusal says was left as it was. The pipeline is then closed; {@link #close} does nothing.
     */
    private synchronized void undoStart()
    {
        closed = true;
        accepting = false;
        forwarding = false;
        join(forwarder);
        stopEngineThread();
        for (final Disruptor<?> disruptor : Arrays.asList(inbound, outbound, marketData))
        {
            if (disruptor != null)
            {
                disruptor.halt();
            }
        }
        if (snapshots != null)
        {
            snapshots.close();
        }
        if (remote != null)
        {
            remote.close();
        }
        stopOutputJournalThread();
        closeJournals();
    }

    /** Whether the output journal gets a thread of its own: asked for, and the other stages polled by one thread. */
    private boolean ownOutputJournalThread()
    {
        return config.outputJournalThread() && config.outputJournalEnabled() &&
            (config.steppedStages() || config.singleThreadStages());
    }

    /** Stops the output journal's own thread once it has journaled every result published. */
    private void stopOutputJournalThread()
    {
        if (outputJournalThread != null)
        {
            outputJournalThread.stop();
        }
    }

    /**
     * For a thread waiting on the engine's results (a lockstep host): with stepped stages
     * ({@link EngineConfig#steppedStages}) runs every stage once, the only way anything moves; with stages on threads
     * of their own, gives up the core to them.
     *
     * @return false only when the stages are stepped and none had anything to do: whatever the caller waits for
     *         will not come.
     */
    public boolean awaitProgress()
    {
        if (stepsOnCaller)
        {
            return stepped.step() > 0;
        }
        Thread.yield();
        return true;
    }

    /** A producer found the inbound ring full: let the stages make room (stepped) or wait a little for them. */
    void awaitCapacity(final long parkNs)
    {
        if (stepsOnCaller)
        {
            stepped.step();
        }
        else
        {
            LockSupport.parkNanos(parkNs);
        }
    }

    /**
     * Forwards what was offered and waits (up to 10 s, not at all while the remote core has no leader) for it to be
     * answered, then stops the forwarding thread, the result stages and the connection.
     */
    private void closeInFront()
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && !failStop.hasFailed() && !remote.noLeader() &&
            (ring.getMinimumGatingSequence() < ring.getCursor() || remote.inFlight() > 0))
        {
            LockSupport.parkNanos(1_000_000);
        }
        forwarding = false;
        join(forwarder);
        // Disruptor's shutdown drains what the forwarder published into the outbound ring.
        shutdown(outbound);
        if (marketData != null)
        {
            shutdown(marketData);
        }
        remote.close();
    }

    private void refuseInFront(final String what)
    {
        if (remote != null)
        {
            throw new IllegalStateException(what + ": this process fronts " + remote.describe() +
                " and keeps no book of its own; ask a member (engine.jar digest --data MEMBER_DIR)");
        }
    }

    // Disruptor takes its handlers as a generic varargs array (and the stepped stages keep theirs in one), which Java
    // cannot create without an unchecked cast; the array is only read, and every element is an EventHandler<T>.
    @SuppressWarnings("unchecked")
    static <T> EventHandler<T>[] handlerArray(final List<EventHandler<T>> handlers)
    {
        return handlers.toArray((EventHandler<T>[])new EventHandler<?>[0]);
    }

    private static void shutdown(final Disruptor<?> disruptor)
    {
        try
        {
            disruptor.shutdown(10, TimeUnit.SECONDS);
        }
        catch (final TimeoutException ex)
        {
            disruptor.halt();
        }
    }

    private void stopEngineThread()
    {
        if (engineThread == null)
        {
            return;
        }
        engineThreadRunning = false;
        join(engineThread);
    }

    /** Waits up to 10 s for a thread that was told to stop (none when null). */
    private static void join(final Thread thread)
    {
        if (thread == null)
        {
            return;
        }
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the pretoucher over whichever journals are open, unless it is turned off or there are none. */
    private void startPretoucher()
    {
        final List<AppendFront> fronts = new ArrayList<>(2);
        if (inputJournal != null)
        {
            fronts.add(inputJournal.front());
        }
        if (outputJournal != null)
        {
            fronts.add(outputJournal.front());
        }
        if (config.journalPretouch() && !fronts.isEmpty())
        {
            pretoucher = new JournalPretoucher(fronts.toArray(new AppendFront[0])).start();
        }
    }

    private void closeJournals()
    {
        if (pretoucher != null)
        {
            pretoucher.close();
        }
        if (inputJournal != null)
        {
            inputJournal.close();
        }
        if (outputJournal != null)
        {
            outputJournal.close();
        }
    }

    /**
     * Daemon threads named {@code name-1}, {@code name-2}, ... in the order the ring's stages start (on the inbound
     * ring: the sequencer, then the matcher), so that a profile tells the stages apart.
     */
    private static ThreadFactory threads(final String name)
    {
        final AtomicInteger count = new AtomicInteger();
        return runnable ->
        {
            final Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
