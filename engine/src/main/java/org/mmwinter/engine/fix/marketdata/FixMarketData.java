package org.mmwinter.engine.fix.marketdata;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.mmwinter.engine.fix.FixMarketDataHandler;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.Participant;
import org.mmwinter.engine.pipeline.ParticipantSpec;
import org.mmwinter.engine.pipeline.Publication;
import quickfix.SessionID;
import quickfix.fix44.MarketDataRequest;

/**
 * FIX 4.4 market data for the engine: MarketDataRequest (V) in; snapshots (W), incremental refreshes (X) of the
 * aggregated L2 book and trades, and rejects (Y) out, through a {@link FixSender}. It is one market-data
 * participant of the pipeline ({@code fix-marketdata}) with a thread of its own, which owns every book and
 * subscription: the acceptor's threads only read a request into plain values and hand it over, so nothing is
 * shared but a queue, and no engine thread ever waits on a FIX session.
 */
public final class FixMarketData implements FixMarketDataHandler, AutoCloseable
{
    /** The participant's name in the engine. */
    public static final String PARTICIPANT_NAME = "fix-marketdata";

    private static final int POLL_LIMIT = 256;
    /** Polls of the queue before a request is served (bounded, so that requests are served under any flow). */
    private static final int CATCH_UP_POLLS = 64;
    /**
     * Idle duty cycles between two attempts to resend a snapshot to a stale subscription whose instrument is
     * quiet (a busy instrument retries at every change); counted in cycles, not read from a clock.
     */
    private static final int STALE_RETRY_IDLE_CYCLES = 1024;

    private final EnginePipeline pipeline;
    private final ConcurrentLinkedQueue<SubscriptionRequest> inbox = new ConcurrentLinkedQueue<>();
    private final CommandEvent snapshotCommand = new CommandEvent();
    private final MarketDataSubscriptions subscriptions;
    private Participant participant;
    private Publication publication;
    private Thread thread;
    private volatile boolean running;
    private volatile int subscriptionCount;

    public FixMarketData(final EnginePipeline pipeline, final FixSender sender)
    {
        this.pipeline = pipeline;
        this.subscriptions = new MarketDataSubscriptions(pipeline.directory(), this::requestBook, sender);
    }

    /**
     * Reads the request on the caller's thread (a FIX session's) and queues it for the market-data thread;
     * requests are answered in the order they arrive.
     */
    public void onRequest(final MarketDataRequest request, final SessionID session)
    {
        inbox.add(SubscriptionRequest.read(request, session, pipeline.directory()));
    }

    /** Ends the session's subscriptions, after the requests it sent before. */
    public void onSessionGone(final SessionID session)
    {
        inbox.add(SubscriptionRequest.sessionGone(session));
    }

    /**
     * Plugs the participant into the running engine and starts the market-data thread.
     *
     * @throws IllegalStateException when already started, or the engine is not running.
     */
    public synchronized FixMarketData start()
    {
        if (thread != null)
        {
            throw new IllegalStateException(PARTICIPANT_NAME + " is already started");
        }
        participant = pipeline.register(ParticipantSpec.of(PARTICIPANT_NAME).withMarketData(), subscriptions);
        publication = participant.publication();
        running = true;
        thread = new Thread(this::run, PARTICIPANT_NAME);
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    /** Subscriptions open now (snapshot-only requests until their snapshot is sent). */
    public int subscriptions()
    {
        return subscriptionCount;
    }

    /** Stops the thread and takes the participant out of the engine; subscribers get nothing more. */
    public synchronized void close()
    {
        running = false;
        final Thread worker = thread;
        if (worker != null && worker != Thread.currentThread())
        {
            try
            {
                worker.join(TimeUnit.SECONDS.toMillis(10));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        if (participant != null)
        {
            participant.close();
        }
    }

    private void run()
    {
        final IdleStrategy idle = new BackoffIdleStrategy(
            100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(200));
        final MarketDataSubscriptions subscriptions = this.subscriptions;
        int idleCycles = 0;
        while (running)
        {
            int work = 0;
            SubscriptionRequest request = inbox.poll();
            if (request != null)
            {
                // Catch up with the engine first, so that the snapshot a request gets holds what the engine had
                // published before the request was taken: a client that saw its order acknowledged finds it there.
                work += catchUp(subscriptions);
                do
                {
                    subscriptions.onRequest(request);
                    work++;
                }
                while ((request = inbox.poll()) != null);
            }
            work += participant.poll(POLL_LIMIT);
            subscriptions.endOfBatch();
            work += subscriptions.requestSnapshots();
            if (work == 0 && ++idleCycles >= STALE_RETRY_IDLE_CYCLES)
            {
                idleCycles = 0;
                work += subscriptions.retryStale();
            }
            subscriptionCount = subscriptions.subscriptionCount();
            idle.idle(work);
        }
    }

    /** Polls what is queued for the participant now, a bounded number of polls, sending what it amounts to. */
    private int catchUp(final MarketDataSubscriptions subscriptions)
    {
        int total = 0;
        for (int i = 0; i < CATCH_UP_POLLS; i++)
        {
            final int polled = participant.poll(POLL_LIMIT);
            subscriptions.endOfBatch();
            if (polled == 0)
            {
                break;
            }
            total += polled;
        }
        return total;
    }

    private boolean requestBook(final int instrumentId, final long correlationId)
    {
        final CommandEvent command = snapshotCommand.clear();
        command.type = CommandType.BOOK_SNAPSHOT;
        command.instrumentId = instrumentId;
        return publication.offer(command, correlationId) >= 0;
    }
}
