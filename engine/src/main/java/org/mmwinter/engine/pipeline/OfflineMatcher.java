package org.mmwinter.engine.pipeline;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import org.mmwinter.engine.journal.ResultCodec;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.state.EngineState;

/**
 * The matching stage without the rings' threads: applies commands to a fresh {@link EngineState} and publishes
 * their results through the live engine's own {@link ResultPublisher}, handing each to a handler as soon as it is
 * made. For offline tools ({@code replay verify}) that must produce exactly the results the running engine would
 * have journaled for the same commands, fees and DONE acknowledgements included.
 */
public final class OfflineMatcher
{
    /**
     * Slots of the private ring: each callback publishes at most one result, read before the next callback, so a
     * few suffice whatever a command does.
     */
    private static final int RING_SIZE = 8;

    private final ResultPublisher publisher;
    private final ResultTap tap;
    private final EngineState state;

    /**
     * @param handler receives every result in the order the engine publishes them; the event is reused.
     */
    public OfflineMatcher(final int expectedLiveOrders, final ResultCodec.ResultHandler handler)
    {
        // No gating sequence: the tap reads each slot right after it is published, so the ring never fills; and no
        // thread ever waits on it, so its wait strategy only has to cost nothing to signal.
        final RingBuffer<ResultEvent> ring = RingBuffer.createSingleProducer(ResultEvent::new, RING_SIZE,
            new BusySpinWaitStrategy());
        publisher = new ResultPublisher(ring);
        tap = new ResultTap(publisher, ring, handler);
        state = new EngineState(tap, expectedLiveOrders);
        publisher.pricing(state.engine());
    }

    /**
     * Applies one sequenced command as the matching stage does: its results, then its DONE.
     *
     * @return the command's {@code RejectReason}.
     */
    public int apply(final CommandEvent command)
    {
        publisher.begin(command);
        command.result = state.apply(command);
        publisher.done(command);
        tap.drain();
        return command.result;
    }

    /**
     * Publishes a command's DONE alone, the state untouched: the acknowledgement of a command that is not applied
     * (a re-send a replicated log had applied before), with the command's own sequence, time and result.
     */
    public void acknowledge(final CommandEvent command)
    {
        publisher.begin(command);
        publisher.done(command);
        tap.drain();
    }

    public EngineState state()
    {
        return state;
    }
}
