package org.mmwinter.engine.pipeline;

import java.util.concurrent.atomic.AtomicLong;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;

/**
 * Copies trade prints and level changes onto the market-data ring without ever waiting: when its subscribers lag
 * and the ring is full, the update is dropped and counted. Only public market data may be lost this way (a
 * subscriber recovers from the next level update); execution reports never pass through here.
 */
final class MarketDataFanOut implements EventHandler<ResultEvent>
{
    private final RingBuffer<ResultEvent> marketData;
    private final AtomicLong dropped = new AtomicLong();

    MarketDataFanOut(final RingBuffer<ResultEvent> marketData)
    {
        this.marketData = marketData;
    }

    public void onEvent(final ResultEvent event, final long sequence, final boolean endOfBatch)
    {
        if (!ResultType.isMarketData(event.type))
        {
            return;
        }
        final long slot;
        try
        {
            slot = marketData.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            dropped.lazySet(dropped.get() + 1);
            return;
        }
        marketData.get(slot).copyFrom(event);
        marketData.publish(slot);
    }

    long dropped()
    {
        return dropped.get();
    }
}
