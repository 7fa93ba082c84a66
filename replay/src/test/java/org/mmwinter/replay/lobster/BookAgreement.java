package org.mmwinter.replay.lobster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.agrona.collections.Long2LongHashMap;
import org.agrona.collections.LongArrayList;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.Side;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Checks that what the replay keeps beside the core agrees with the core's own book: the {@link LevelView} level by
 * level (kept from the core's level reports; a missed report would make every comparison wrong) and the queue at
 * each price order by order (a wrong queue would aim executions at the wrong orders).
 */
final class BookAgreement
{
    private BookAgreement()
    {
    }

    static void assertViewMatchesCore(final LobsterRebuild rebuild)
    {
        final MatchingEngine engine = rebuild.engine();
        final Long2LongHashMap bids = new Long2LongHashMap(0);
        final Long2LongHashMap asks = new Long2LongHashMap(0);
        engine.forEachOrder(0, (instrument, side, price, qty, account, clientOrderId, orderId) ->
            (side == Side.BUY ? bids : asks).put(price, (side == Side.BUY ? bids : asks).get(price) + qty));
        final LevelView view = rebuild.levels();
        assertEquals(bids.size(), view.levels(Side.BUY), "bid levels");
        assertEquals(asks.size(), view.levels(Side.SELL), "ask levels");
        for (int rank = 0; rank < view.levels(Side.BUY); rank++)
        {
            assertEquals(bids.get(view.price(Side.BUY, rank)), view.size(Side.BUY, rank), "bid rank " + rank);
        }
        for (int rank = 0; rank < view.levels(Side.SELL); rank++)
        {
            assertEquals(asks.get(view.price(Side.SELL, rank)), view.size(Side.SELL, rank), "ask rank " + rank);
        }
        final Map<String, List<Long>> coreQueues = new LinkedHashMap<>();
        engine.forEachOrder(0, (instrument, side, price, qty, account, clientOrderId, orderId) ->
            coreQueues.computeIfAbsent(side + "@" + price, k -> new ArrayList<>())
                .add(LobsterRebuild.keyOf(account, clientOrderId)));
        int queued = 0;
        for (int side = Side.BUY; side <= Side.SELL; side++)
        {
            for (int rank = 0; rank < view.levels(side); rank++)
            {
                final long price = view.price(side, rank);
                final LongArrayList queue = rebuild.queueAt(side, price);
                final List<Long> replay = new ArrayList<>();
                for (int i = 0; i < queue.size(); i++)
                {
                    replay.add(queue.getLong(i));
                }
                assertEquals(coreQueues.get(side + "@" + price), replay, "queue of side " + side + " at " + price);
                queued += queue.size();
            }
        }
        assertEquals(engine.liveOrderCount(), queued, "orders in the replay's queues");
    }
}
