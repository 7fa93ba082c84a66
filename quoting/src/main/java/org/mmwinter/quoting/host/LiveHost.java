package org.mmwinter.quoting.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.EpochNanoClock;
import org.agrona.concurrent.IdleStrategy;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.pipeline.EngineDirectory;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.Participant;
import org.mmwinter.engine.pipeline.ParticipantListener;
import org.mmwinter.engine.pipeline.ParticipantSpec;
import org.mmwinter.engine.pipeline.Publication;
import org.mmwinter.quoting.account.StatusLine;
import org.mmwinter.quoting.bot.BotConfig;
import org.mmwinter.quoting.bot.JournalRebuild;
import org.mmwinter.quoting.bot.MarketMaker;
import org.mmwinter.quoting.bot.OrderEntry;
import org.mmwinter.quoting.journal.DecisionJournal;

/**
 * The market maker live in the engine process: one thread of its own ({@code bot-<account>}) that polls the bot's
 * participant queue (its execution reports and public market data), lets the strategy decide after each batch, and
 * offers the strategy's commands through the bot's own publication without ever waiting (a busy ring is a refused
 * command, decided again later). When no event comes the thread advances event time from the engine's clock every
 * {@code bot.timer_ms}, so that refreshes and cool-downs happen in a quiet market. Operators reach it through
 * {@link #status} and {@link #control}, which hand the request to this thread. It starts from what the engine's
 * journal says it holds (see {@link JournalRebuild}) and, when it stops or is disconnected, pulls its quotes.
 */
public final class LiveHost implements ParticipantListener, OrderEntry, AutoCloseable
{
    private static final int POLL_LIMIT = 256;
    private static final long CONTROL_TIMEOUT_MS = 2000;
    private static final int STATUS_OP = 100;

    private final EnginePipeline pipeline;
    private final BotConfig config;
    private final Path botDir;
    private final EpochNanoClock clock;
    private final MarketMaker bot;
    private final DecisionJournal journal;
    private final Participant participant;
    private final Publication publication;
    private final List<Instrument> instruments;
    private final long rebuiltSequence;
    private final Thread thread;
    private final StringBuilder statusText = new StringBuilder(1024);
    private final StatusLine statusLine = new StatusLine();
    private final Object controlLock = new Object();

    private volatile boolean running = true;
    /** Decision latency, when measured ({@link #measure}): from a batch of events in to its first command out. */
    private volatile Histogram decisionLatency;
    private Histogram eventToCommand;
    private long batchStartNs;
    private long batchEventNs;
    private boolean batchSent;
    private volatile int pendingOp;
    private String controlReply;
    private long lastTimerNs;
    private boolean pulledOnStop;

    private LiveHost(final EnginePipeline pipeline, final BotConfig config, final Path dataDir,
        final EpochNanoClock clock)
    {
        this.pipeline = pipeline;
        this.config = config;
        this.botDir = dataDir.resolve("bot");
        this.clock = clock;
        final EngineDirectory directory = pipeline.directory();
        instruments = config.resolve(directory);
        final int accountId = directory.resolve(config.account());
        journal = DecisionJournal.open(botDir.resolve("decisions"));
        bot = new MarketMaker(config, accountId, instruments, this, journal);
        // Registered before the rebuild reads the journal: reports of commands the rebuild already saw are skipped
        // by their sequence, none is missed between the two.
        participant = pipeline.register(ParticipantSpec.of("bot-" + config.account(), config.account())
            .withMarketData(), this);
        publication = participant.publication();
        final JournalRebuild rebuild = new JournalRebuild(pipeline.config().inputJournalDir(), config.account());
        rebuild.into(bot);
        rebuiltSequence = rebuild.sequence();
        journal.handOver();
        thread = new Thread(this::run, "bot-" + config.account());
        thread.setDaemon(true);
    }

    /** Starts the market maker on a running pipeline. */
    public static LiveHost start(final EnginePipeline pipeline, final BotConfig config, final Path dataDir,
        final EpochNanoClock clock)
    {
        final LiveHost host = new LiveHost(pipeline, config, dataDir, clock);
        host.thread.start();
        return host;
    }

    // ------------------------------------------------------------------------------------------ the bot thread

    private void run()
    {
        try
        {
            duty();
        }
        catch (final RuntimeException | Error ex)
        {
            // A bot that failed must not leave quotes it can no longer manage.
            System.err.println("bot: stopped after an error, pulling every quote: " + ex);
            ex.printStackTrace();
            running = false;
            pullEverything();
        }
    }

    private void duty()
    {
        final IdleStrategy idle = new BackoffIdleStrategy(64, 64, TimeUnit.MICROSECONDS.toNanos(1),
            TimeUnit.MILLISECONDS.toNanos(1));
        while (running)
        {
            if (decisionLatency != null)
            {
                batchStartNs = clock.nanoTime();
                batchEventNs = 0;
                batchSent = false;
            }
            int work = participant.poll(POLL_LIMIT);
            if (work > 0)
            {
                bot.decide();
            }
            final long now = clock.nanoTime();
            if (now - lastTimerNs >= config.timerNs())
            {
                lastTimerNs = now;
                bot.onTime(now);
                bot.decide();
                work++;
            }
            if (pendingOp != 0)
            {
                serveControl();
                work++;
            }
            idle.idle(work);
        }
        pullEverything();
    }

    public void onReport(final ExecutionReport report)
    {
        if (report.commandSequence > rebuiltSequence)
        {
            bot.onReport(report);
        }
    }

    public void onMarketData(final ExecutionReport update)
    {
        if (batchEventNs == 0)
        {
            batchEventNs = update.nowNs;
        }
        if (update.commandSequence > rebuiltSequence)
        {
            bot.onMarketData(update);
        }
    }

    public void onDisconnected(final String reason)
    {
        // The engine stopped delivering to the bot: it can no longer see its fills, so it must not quote.
        System.err.println("bot: disconnected: " + reason + "; pulling every quote");
        running = false;
    }

    public boolean send(final CommandEvent command, final long correlationId)
    {
        final boolean sent = publication.offer(command, correlationId) >= 0;
        if (sent && decisionLatency != null && !batchSent && batchEventNs != 0)
        {
            batchSent = true;
            final long now = clock.nanoTime();
            decisionLatency.recordValue(Math.max(0, now - batchStartNs));
            eventToCommand.recordValue(Math.max(0, now - batchEventNs));
        }
        return sent;
    }

    /**
     * Measures from here on, on the bot's thread (call before the first event): {@code decision} from the moment a
     * batch holding market data was taken from the queue to the first command the decision published, and
     * {@code endToEnd} from the engine's time stamp of that market data (the same clock) to the same command.
     */
    public void measure(final Histogram decision, final Histogram endToEnd)
    {
        this.eventToCommand = endToEnd;
        this.decisionLatency = decision;
    }

    private void pullEverything()
    {
        if (pulledOnStop)
        {
            return;
        }
        pulledOnStop = true;
        final CommandEvent command = new CommandEvent();
        final int accountId = pipeline.directory().resolve(config.account());
        for (final Instrument instrument : instruments)
        {
            command.clear();
            command.type = CommandType.MASS_CANCEL;
            command.accountId = accountId;
            command.instrumentId = instrument.id();
            if (publication.offerBlocking(command, ExecutionReport.NO_CORRELATION) < 0)
            {
                return;
            }
        }
    }

    private void serveControl()
    {
        synchronized (controlLock)
        {
            final int op = pendingOp;
            if (op == STATUS_OP)
            {
                controlReply = statusLine();
            }
            else
            {
                bot.control(op);
                bot.decide();
                controlReply = "";
            }
            pendingOp = 0;
            controlLock.notifyAll();
        }
    }

    private String statusLine()
    {
        final StringBuilder out = statusText;
        out.setLength(0);
        statusLine.appendTo(bot.ledger(), out);
        out.append(" paused=").append(bot.isPaused() ? 1 : 0)
            .append(" kill_switch=").append(bot.isKilled() ? 1 : 0)
            .append(" kill_confirmed=").append(bot.isKillConfirmed() ? 1 : 0)
            .append(" venue_status=").append(bot.venueStatus())
            .append(" commands_sent=").append(bot.commandsSent())
            .append(" busy=").append(bot.busyRefusals());
        return out.toString();
    }

    // ---------------------------------------------------------------------------------------------- operators

    /** The {@code BOT_STATUS} line: the figures as {@code key=value} pairs. */
    public String status()
    {
        return request(STATUS_OP);
    }

    /**
     * Applies {@link MarketMaker#PAUSE}, {@link MarketMaker#RESUME} or {@link MarketMaker#RESET_KILL} on the bot's
     * thread.
     *
     * @return {@code null} once applied, or why not.
     */
    public String control(final int operation)
    {
        final String reply = request(operation);
        return reply == null ? "the market maker did not answer within " + CONTROL_TIMEOUT_MS + " ms" : null;
    }

    private String request(final int op)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONTROL_TIMEOUT_MS);
        synchronized (controlLock)
        {
            while (pendingOp != 0)
            {
                if (!waitUntil(deadline))
                {
                    return null;
                }
            }
            controlReply = null;
            pendingOp = op;
            while (pendingOp == op && controlReply == null)
            {
                if (!waitUntil(deadline))
                {
                    if (pendingOp == op)
                    {
                        pendingOp = 0;
                    }
                    return null;
                }
            }
            return controlReply;
        }
    }

    /** Waits on the control lock; false once the deadline passed or the bot thread is gone. */
    private boolean waitUntil(final long deadline)
    {
        final long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (leftMs <= 0 || !thread.isAlive())
        {
            return false;
        }
        try
        {
            controlLock.wait(Math.min(leftMs, 50));
            return true;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public MarketMaker bot()
    {
        return bot;
    }

    public Participant participant()
    {
        return participant;
    }

    /** Stops the thread (pulling the bot's quotes) and writes {@code bot/status.json}. */
    public void close()
    {
        running = false;
        try
        {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        final StringBuilder json = new StringBuilder(4096);
        statusLine.appendJson(bot.ledger(), json);
        try
        {
            Files.createDirectories(botDir);
            final Path temp = botDir.resolve("status.json.tmp");
            Files.write(temp, (json + "\n").getBytes(StandardCharsets.UTF_8));
            Files.move(temp, botDir.resolve("status.json"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        }
        catch (final IOException ex)
        {
            System.err.println("bot: cannot write " + botDir.resolve("status.json") + ": " + ex.getMessage());
        }
        participant.close();
        journal.close();
    }
}
