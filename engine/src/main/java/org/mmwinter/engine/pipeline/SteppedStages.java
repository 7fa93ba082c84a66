package org.mmwinter.engine.pipeline;

import java.util.List;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.ResultEvent;

/**
 * The pipeline's stages run by one thread: the caller's ({@link EngineConfig#steppedStages}) or a single engine
 * thread ({@link EngineConfig#singleThreadStages}). The same handlers on the same rings, polled in pipeline order
 * (journal then match, then every result stage in the order the threaded pipeline registers them, then market
 * data), each handed the ring's batches as a Disruptor processor would be.
 * <p>
 * Why: a replay in lockstep waits for each command's results before it sends the next, so with a thread per stage
 * every command is three hand-offs, and on 2 cores each costs a wake-up or a yield (a compressed Terra day spent
 * more time in the kernel than in Java). Polled inline a round trip costs only the work, and the run is the same
 * command for command, because the rings and the handlers are.
 * <p>
 * One thread steps them; any other is refused, since nothing here is safe to share. Stepped by the caller, that
 * thread is also the only producer (the inbound ring is then single-producer); on an engine thread of its own,
 * producers offer from their own threads as to a threaded pipeline.
 * A handler that throws fails the engine through {@link FailStop}, as under a Disruptor, and the ring moves on.
 */
final class SteppedStages
{
    private final Thread owner;
    private final Stage<CommandEvent> inbound;
    private final Stage<ResultEvent> outbound;
    private final Stage<ResultEvent> marketData;

    /**
     * @param owner the one thread that may step them: the caller's ({@link EngineConfig#steppedStages}) or the
     *              engine thread that runs them ({@link EngineConfig#singleThreadStages}).
     */
    SteppedStages(
        final Thread owner,
        final RingBuffer<CommandEvent> inboundRing,
        final EventHandler<CommandEvent> journalThenMatch,
        final RingBuffer<ResultEvent> outboundRing,
        final List<EventHandler<ResultEvent>> resultHandlers,
        final RingBuffer<ResultEvent> marketDataRing,
        final List<EventHandler<ResultEvent>> marketDataHandlers,
        final FailStop failStop)
    {
        this.owner = owner;
        inbound = new Stage<>(inboundRing, List.of(journalThenMatch), failStop);
        outbound = new Stage<>(outboundRing, resultHandlers, failStop);
        marketData = marketDataRing == null ? null : new Stage<>(marketDataRing, marketDataHandlers, failStop);
    }

    /**
     * Runs every stage once over what its ring holds.
     *
     * @return the number of events handled (0: the pipeline is idle).
     */
    int step()
    {
        checkThread();
        int done = inbound.poll();
        done += outbound.poll();
        if (marketData != null)
        {
            done += marketData.poll();
        }
        return done;
    }

    /**
     * Runs the result stages alone: what the matching stage does when the outbound ring is full, since the only
     * consumer it could wait for is itself.
     */
    void drainResults()
    {
        checkThread();
        outbound.poll();
        if (marketData != null)
        {
            marketData.poll();
        }
    }

    boolean isOwner(final Thread thread)
    {
        return thread == owner;
    }

    /** Refuses any thread but the one that started the pipeline (its inbound ring has a single producer). */
    void checkThread()
    {
        if (Thread.currentThread() != owner)
        {
            throw new IllegalStateException("a pipeline with stepped stages is driven only by the thread that " +
                "started it (" + owner.getName() + "), not " + Thread.currentThread().getName());
        }
    }

    /**
     * One ring's poller and the handlers that see each of its events in turn.
     */
    private static final class Stage<T> implements EventPoller.Handler<T>
    {
        private final EventPoller<T> poller;
        private final EventHandler<T>[] handlers;
        private final FailStop failStop;
        private int handled;

        Stage(final RingBuffer<T> ring, final List<EventHandler<T>> handlers, final FailStop failStop)
        {
            this.poller = ring.newPoller();
            ring.addGatingSequences(poller.getSequence());
            this.handlers = EnginePipeline.handlerArray(handlers);
            this.failStop = failStop;
        }

        int poll()
        {
            handled = 0;
            try
            {
                poller.poll(this);
            }
            catch (final Exception ex)
            {
                // onEvent catches everything a handler throws; this is the poller's own failure.
                failStop.fail("a stepped stage's poller", ex);
            }
            return handled;
        }

        public boolean onEvent(final T event, final long sequence, final boolean endOfBatch)
        {
            for (final EventHandler<T> handler : handlers)
            {
                try
                {
                    handler.onEvent(event, sequence, endOfBatch);
                }
                catch (final Throwable ex)
                {
                    failStop.handleEventException(ex, sequence, event);
                }
            }
            handled++;
            return true;
        }
    }
}
