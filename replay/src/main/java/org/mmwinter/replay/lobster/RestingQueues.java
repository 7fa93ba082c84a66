package org.mmwinter.replay.lobster;

import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.collections.LongArrayList;
import org.mmwinter.engine.core.Side;

/**
 * The rebuilt queue at each price, as replay keys in time priority, kept beside the core's book: the replay only
 * appends an order when the core rests it at the back of its level, amends keep their place, and removals follow
 * the core's reports. Reading one level is then as cheap as its length, where walking the core's book visits every
 * order (a LOBSTER rebuild holds many orders far from the top that no message will touch again).
 */
final class RestingQueues
{
    private final Long2ObjectHashMap<LongArrayList> bids = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<LongArrayList> asks = new Long2ObjectHashMap<>();

    void append(final int side, final long price, final long key)
    {
        final Long2ObjectHashMap<LongArrayList> levels = side == Side.BUY ? bids : asks;
        LongArrayList queue = levels.get(price);
        if (queue == null)
        {
            queue = new LongArrayList();
            levels.put(price, queue);
        }
        queue.addLong(key);
    }

    void remove(final int side, final long price, final long key)
    {
        final Long2ObjectHashMap<LongArrayList> levels = side == Side.BUY ? bids : asks;
        final LongArrayList queue = levels.get(price);
        if (queue != null && queue.removeLong(key) && queue.isEmpty())
        {
            levels.remove(price);
        }
    }

    /** The queue at a price, front first; null when nothing rests there. Not to be changed by the caller. */
    LongArrayList at(final int side, final long price)
    {
        return (side == Side.BUY ? bids : asks).get(price);
    }
}
