package org.mmwinter.engine.pipeline;

import java.util.List;

import com.lmax.disruptor.EventHandler;
import org.mmwinter.engine.message.ResultEvent;

/**
 * The engine's own readers of the outbound ring (output journal, participant router, market-data copy) run one
 * after the other on one thread. None of them waits on anything but memory, and on two cores each extra thread
 * spinning on the ring is time taken from the matcher: measured, a separate router thread halved pipeline
 * throughput under load.
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
