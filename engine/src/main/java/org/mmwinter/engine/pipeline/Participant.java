package org.mmwinter.engine.pipeline;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import org.agrona.collections.Long2LongHashMap;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.message.ResultType;

/**
 * Something that plugs into the engine (a gateway, the hosted market maker, a test client): one way in, its
 * {@link Publication}s, and one way out, its own queue of {@link ExecutionReport}s, which it reads with
 * {@link #poll} from a thread of its own (Aeron's {@code Subscription.poll}), or on a thread the engine hosts for it
 * ({@link #startHostThread}).
 * <p>
 * The engine writes into the queue from its router thread and never waits on it: a participant whose queue is full
 * when a report is due is disconnected (its reports would otherwise be lost, or the engine held up), and a listener
 * that throws is disconnected too; both are counted and said once on standard error. Neither stops matching.
 */
public final class Participant implements AutoCloseable
{
    private static final int HOST_POLL_LIMIT = 256;

    private final String name;
    private final ParticipantSpec spec;
    private final ParticipantListener listener;
    private final EnginePipeline pipeline;
    private final Publication publication;
    final RingBuffer<ExecutionReport> queue;
    private final Sequence consumed = new Sequence(-1);
    /** Engine order id to the correlation id of the NEW this participant sent; router thread only. */
    final Long2LongHashMap orderCorrelations = new Long2LongHashMap(ExecutionReport.NO_CORRELATION);
    /** Market data was dropped since the last update delivered; router thread only. */
    boolean marketDataGap;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong marketDataDropped = new AtomicLong();
    private volatile String disconnectReason;
    private boolean disconnectTold;
    private volatile Thread hostThread;
    private volatile boolean hostRunning;

    Participant(
        final EnginePipeline pipeline,
        final ParticipantSpec spec,
        final ParticipantListener listener,
        final int sourceId)
    {
        this.pipeline = pipeline;
        this.spec = spec;
        this.name = spec.name();
        this.listener = listener;
        this.publication = pipeline.publication(sourceId);
        // Single producer (the router); nobody ever waits on the strategy, so its signal must cost nothing.
        this.queue = RingBuffer.createSingleProducer(ExecutionReport::new, spec.queueSize(),
            new BusySpinWaitStrategy());
        queue.addGatingSequences(consumed);
    }

    public String name()
    {
        return name;
    }

    public ParticipantSpec spec()
    {
        return spec;
    }

    /** Its one way in: commands offered here carry its source id, and their results come back to it. */
    public Publication publication()
    {
        return publication;
    }

    /**
     * One more way in whose results also come back to this participant (a gateway gives each session its own,
     * so that acknowledgements name the session).
     */
    public Publication newPublication()
    {
        return pipeline.addPublication(this);
    }

    /**
     * Delivers what is queued, at most {@code limit} reports, to the listener on the calling thread; the caller is
     * the participant's only reader.
     *
     * @return the number delivered (0 once disconnected, after telling the listener).
     */
    public int poll(final int limit)
    {
        if (disconnectReason == null && pipeline.failStop().hasFailed())
        {
            disconnect("engine stopped: " + pipeline.failStop().describe());
        }
        if (disconnectReason != null)
        {
            tellDisconnected();
            return 0;
        }
        final RingBuffer<ExecutionReport> queue = this.queue;
        final long available = queue.getCursor();
        long next = consumed.get() + 1;
        int count = 0;
        try
        {
            while (next <= available && count < limit && disconnectReason == null)
            {
                final ExecutionReport report = queue.get(next);
                next++;
                count++;
                if (isMarketData(report.type))
                {
                    listener.onMarketData(report);
                }
                else
                {
                    listener.onReport(report);
                }
            }
        }
        catch (final RuntimeException | Error ex)
        {
            disconnect("its listener threw " + ex);
        }
        finally
        {
            consumed.set(next - 1);
        }
        if (disconnectReason != null)
        {
            tellDisconnected();
        }
        return count;
    }

    /**
     * Polls on a daemon thread of the engine's ({@code participant-<name>}), backing off when idle, until closed.
     */
    public synchronized Participant startHostThread()
    {
        if (hostThread != null)
        {
            throw new IllegalStateException(name + " is already hosted");
        }
        hostRunning = true;
        final Thread thread = new Thread(this::hostLoop, "participant-" + name);
        thread.setDaemon(true);
        hostThread = thread;
        thread.start();
        return this;
    }

    public boolean isConnected()
    {
        return disconnectReason == null;
    }

    /** Why it was disconnected, or null while connected. */
    public String disconnectReason()
    {
        return disconnectReason;
    }

    /** Reports and updates put into its queue. */
    public long delivered()
    {
        return delivered.get();
    }

    /** Market-data updates it lost by lagging. */
    public long marketDataDropped()
    {
        return marketDataDropped.get();
    }

    /**
     * Stops delivery and, if hosted, the host thread (the listener is told on its thread).
     */
    public void close()
    {
        disconnect("closed");
        final Thread thread = hostThread;
        hostRunning = false;
        if (thread != null && thread != Thread.currentThread())
        {
            try
            {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Marks the participant disconnected (the first reason wins) and takes it out of the routing; any thread.
     */
    void disconnect(final String reason)
    {
        synchronized (this)
        {
            if (disconnectReason != null)
            {
                return;
            }
            disconnectReason = reason;
        }
        pipeline.onDisconnected(this, reason);
    }

    /** Router thread only: one more report in the queue. */
    void countDelivered()
    {
        delivered.lazySet(delivered.get() + 1);
    }

    /** Router thread only: one market-data update lost. */
    void countMarketDataDropped()
    {
        marketDataDropped.lazySet(marketDataDropped.get() + 1);
    }

    /** What goes to {@link ParticipantListener#onMarketData}: public updates, book levels and statuses. */
    static boolean isMarketData(final int type)
    {
        return ResultType.isMarketData(type) || type == ResultType.BOOK_LEVEL || type == ResultType.STATUS;
    }

    private void tellDisconnected()
    {
        if (!disconnectTold)
        {
            disconnectTold = true;
            try
            {
                listener.onDisconnected(disconnectReason);
            }
            catch (final RuntimeException ex)
            {
                System.err.println("engine: participant " + name + " threw while told it was disconnected: " + ex);
            }
        }
    }

    private void hostLoop()
    {
        final IdleStrategy idle = new BackoffIdleStrategy(
            100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(200));
        while (hostRunning && disconnectReason == null)
        {
            idle.idle(poll(HOST_POLL_LIMIT));
        }
        poll(0);
    }
}
