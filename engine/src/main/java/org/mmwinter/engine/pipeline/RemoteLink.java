package org.mmwinter.engine.pipeline;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.ResultEvent;

/**
 * What a {@link RemoteEngine} reaches of the pipeline, on the forwarding thread only: the inbound ring, read as its
 * one consumer, and the outbound ring, written as its one producer.
 */
public final class RemoteLink
{
    /**
     * Receives one command taken from the inbound ring; the event is the ring's slot, valid only during the call.
     */
    @FunctionalInterface
    public interface CommandHandler
    {
        void onCommand(CommandEvent command);
    }

    private final EventPoller<CommandEvent> poller;
    private final EventPoller.Handler<CommandEvent> onEvent = this::onEvent;
    private final RingBuffer<ResultEvent> outbound;
    private final ResultPublisher publisher;
    private CommandHandler handler;
    private int limit;
    private int count;

    /**
     * @param poller the inbound ring's poller, whose sequence gates the ring.
     */
    RemoteLink(final EventPoller<CommandEvent> poller, final RingBuffer<ResultEvent> outbound,
        final ResultPublisher publisher)
    {
        this.poller = poller;
        this.outbound = outbound;
        this.publisher = publisher;
    }

    /**
     * Hands up to {@code limit} published commands to {@code handler}, in ring order; each is consumed once handed.
     *
     * @return how many.
     */
    public int pollCommands(final CommandHandler handler, final int limit)
    {
        if (limit <= 0)
        {
            return 0;
        }
        this.handler = handler;
        this.limit = limit;
        this.count = 0;
        try
        {
            poller.poll(onEvent);
        }
        catch (final RuntimeException ex)
        {
            throw ex;
        }
        catch (final Exception ex)
        {
            // EventPoller declares Exception; the handler throws nothing checked.
            throw new IllegalStateException("polling the inbound ring", ex);
        }
        return count;
    }

    private boolean onEvent(final CommandEvent event, final long sequence, final boolean endOfBatch)
    {
        handler.onCommand(event);
        return ++count < limit;
    }

    /** Publishes a result that came back, as it is (waiting while the outbound ring is full). */
    public void publish(final ResultEvent result)
    {
        final long slot = outbound.next();
        outbound.get(slot).copyFrom(result);
        outbound.publish(slot);
    }

    /**
     * Answers a command here, without sending it: the engine's own DONE, with {@code reason} (e.g. no leader), to
     * its source and correlation id.
     */
    public void answer(final CommandEvent command, final int reason)
    {
        command.result = reason;
        publisher.begin(command);
        publisher.done(command);
    }
}
