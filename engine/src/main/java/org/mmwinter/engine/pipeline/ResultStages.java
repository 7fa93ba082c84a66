package org.mmwinter.engine.pipeline;

import java.util.List;

import com.lmax.disruptor.EventHandler;
import org.mmwinter.engine.message.ResultEvent;

/**
 * The engine's own readers of the outbound ring (output journal, participant router, market-data copy) run one
 * after the other on one thread. None of them waits on anything but memory, and on two cores every extra thread
 * spinning on the ring competes with the matcher, so adding the router added no thread.
 */
final class ResultStages implements EventHandler<ResultEvent>
{
    private final EventHandler<ResultEvent>[] stages;

    ResultStages(final List<EventHandler<ResultEvent>> stages)
    {
        this.stages = EnginePipeline.handlerArray(stages);
    }

    public void onEvent(final ResultEvent event, final long sequence, final boolean endOfBatch) throws Exception
    {
        for (final EventHandler<ResultEvent> stage : stages)
        {
            stage.onEvent(event, sequence, endOfBatch);
        }
    }
}
