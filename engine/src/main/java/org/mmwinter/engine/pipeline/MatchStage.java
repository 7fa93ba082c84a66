package org.mmwinter.engine.pipeline;

import com.lmax.disruptor.EventHandler;

/**
 * The one thread that changes state: applies each journaled command to the books and publishes its results,
 * ending with a DONE (the acknowledgement) for its sender.
 */
final class MatchStage implements EventHandler<CommandEvent>
{
    private final EngineState state;
    private final ResultPublisher publisher;
    private final FailStop failStop;

    MatchStage(final EngineState state, final ResultPublisher publisher, final FailStop failStop)
    {
        this.state = state;
        this.publisher = publisher;
        this.failStop = failStop;
    }

    public void onEvent(final CommandEvent event, final long ringSequence, final boolean endOfBatch)
    {
        if (failStop.hasFailed())
        {
            return;
        }
        publisher.begin(event);
        event.result = state.apply(event);
        publisher.done(event);
    }
}
