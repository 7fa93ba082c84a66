package org.mmwinter.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.state.EngineState;

/**
 * The one thread that changes state: applies each journaled command to the books and publishes its results,
 * ending with a DONE (the acknowledgement) for its sender.
 */
final class MatchStage implements EventHandler<CommandEvent>
{
    private final EngineState state;
    private final ResultPublisher publisher;
    private final FailStop failStop;
    private final long snapshotEvery;
    private final Runnable snapshot;

    MatchStage(
        final EngineState state,
        final ResultPublisher publisher,
        final FailStop failStop,
        final long snapshotEvery,
        final Runnable snapshot)
    {
        this.state = state;
        this.publisher = publisher;
        this.failStop = failStop;
        this.snapshotEvery = snapshotEvery;
        this.snapshot = snapshot;
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
        if (snapshotEvery > 0 && event.sequence % snapshotEvery == 0)
        {
            // Holds matching while it encodes the state; the file is written on another thread (SnapshotWriter).
            snapshot.run();
        }
    }
}
