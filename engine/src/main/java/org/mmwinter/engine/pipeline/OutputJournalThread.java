package org.mmwinter.engine.pipeline;

import java.util.concurrent.locks.LockSupport;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.RingBuffer;
import org.mmwinter.engine.message.ResultEvent;

/**
 * The output journal on a thread of its own behind a ring whose other stages are polled by one thread
 * ({@link EngineConfig#outputJournalThread}): the stepped replay's one thread then routes the results while this one
 * encodes and appends them, on the core the replay leaves idle. It is one more consumer gating the ring, so a result
 * slot is reused only once both have read it, and it reads the results in ring order, as the stage folded into the
 * result stages would; only where one journal document ends and the next begins depends on timing (it is one
 * document per batch it finds), which no reader of the journal sees.
 * <p>
 * The invariant: once {@link #awaitCaughtUp} returns true, every result published before the call is in the journal
 * (or the engine has failed, which stops all journaling). It waits by sleeping, never spinning: the ring's wait
 * strategy is a sleeping one when this thread is on, so an idle replay does not keep a core busy.
 */
final class OutputJournalThread
{
    private static final long STOP_WAIT_NS = 10_000_000_000L;

    private final RingBuffer<ResultEvent> ring;
    private final BatchEventProcessor<ResultEvent> processor;
    private final Thread thread;
    private final FailStop failStop;

    OutputJournalThread(final RingBuffer<ResultEvent> ring, final OutputJournalStage stage, final FailStop failStop)
    {
        this.ring = ring;
        this.failStop = failStop;
        processor = new BatchEventProcessorBuilder().build(ring, ring.newBarrier(), stage);
        processor.setExceptionHandler(failStop);
        ring.addGatingSequences(processor.getSequence());
        thread = new Thread(processor, "engine-output-journal");
        thread.setDaemon(true);
    }

    void start()
    {
        thread.start();
    }

    /**
     * Waits until every result published so far is journaled, the engine has failed or the deadline passed.
     *
     * @return false when the deadline passed first.
     */
    boolean awaitCaughtUp(final long deadlineNs)
    {
        final long published = ring.getCursor();
        while (processor.getSequence().get() < published && !failStop.hasFailed() && thread.isAlive())
        {
            if (System.nanoTime() - deadlineNs > 0)
            {
                return false;
            }
            LockSupport.parkNanos(50_000);
        }
        return true;
    }

    /**
     * Journals what was published (up to 10 s, unless the engine failed), then stops the thread and waits for it to
     * end: whatever a close leaves unread on the inbound ring, the results already published are an audit trail of
     * what the engine did, and they are all kept.
     */
    void stop()
    {
        awaitCaughtUp(System.nanoTime() + STOP_WAIT_NS);
        processor.halt();
        try
        {
            thread.join(10_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
