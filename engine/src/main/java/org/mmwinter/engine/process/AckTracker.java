package org.mmwinter.engine.process;

import java.util.concurrent.atomic.AtomicLong;

import com.lmax.disruptor.EventHandler;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;

/**
 * Follows acknowledgements (DONE results) of one source: the highest correlation id acked means every command of
 * that source up to it is journaled and matched.
 */
public final class AckTracker implements EventHandler<ResultEvent>
{
    private final int sourceId;
    // Written by this handler's thread alone (lazySet: a store-release), read from others.
    private final AtomicLong lastAcked = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();

    public AckTracker(final int sourceId)
    {
        this.sourceId = sourceId;
    }

    public void onEvent(final ResultEvent event, final long sequence, final boolean endOfBatch)
    {
        if (event.type == ResultType.DONE && event.sourceId == sourceId)
        {
            lastAcked.lazySet(event.correlationId);
            if (event.rejectReason != 0)
            {
                rejected.lazySet(rejected.get() + 1);
            }
        }
    }

    /** Correlation id (line number) of the last acknowledged command. */
    public long lastAcked()
    {
        return lastAcked.get();
    }

    /** Acknowledged commands the engine rejected. */
    public long rejected()
    {
        return rejected.get();
    }
}
