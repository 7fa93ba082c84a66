package org.mmwinter.bench.workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The generator's own model of the book, so that every cancel and move it emits names an order that is still live
 * on every side under test. It matches the way all of them do for this subset: price-time priority, trades at the
 * resting order's price, no self-trade prevention, the remainder of a GTC rests and that of an IOC expires, a
 * moved order leaves its level, trades if it now crosses and rests at the back of its new level.
 * Runs only while building the workload, so plain collections are fine here.
 */
final class ModelBook
{
    static final long NO_PRICE = Long.MIN_VALUE;

    private final TreeMap<Long, LinkedHashSet<ModelOrder>> bids = new TreeMap<>(Collections.reverseOrder());
    private final TreeMap<Long, LinkedHashSet<ModelOrder>> asks = new TreeMap<>();
    private final ArrayList<ModelOrder> live = new ArrayList<>();
    private long lastTradePrice = NO_PRICE;
    private long fills;

    int liveCount()
    {
        return live.size();
    }

    int levelCount()
    {
        return bids.size() + asks.size();
    }

    long fills()
    {
        return fills;
    }

    long lastTradePrice()
    {
        return lastTradePrice;
    }

    long bestBid()
    {
        return bids.isEmpty() ? NO_PRICE : bids.firstKey();
    }

    long bestAsk()
    {
        return asks.isEmpty() ? NO_PRICE : asks.firstKey();
    }

    ModelOrder randomLive(final SplittableRandom random)
    {
        return live.get(random.nextInt(live.size()));
    }

    ModelOrder liveAt(final int index)
    {
        return live.get(index);
    }

    /**
     * Matches a new order and rests its remainder when {@code rest} is set (GTC); returns the number of fills.
     */
    int submit(final ModelOrder taker, final boolean rest)
    {
        final int fills = match(taker);
        if (taker.remaining > 0 && rest)
        {
            restOrder(taker);
            addLive(taker);
        }
        return fills;
    }

    void cancel(final ModelOrder order)
    {
        unrest(order);
        removeLive(order);
    }

    /**
     * Moves a resting order to {@code newPrice}; returns the number of fills it made as a taker.
     */
    int move(final ModelOrder order, final long newPrice)
    {
        unrest(order);
        order.price = newPrice;
        final int fills = match(order);
        if (order.remaining > 0)
        {
            restOrder(order);
        }
        else
        {
            removeLive(order);
        }
        return fills;
    }

    private int match(final ModelOrder taker)
    {
        final boolean buy = taker.side == OrderSide.BUY;
        final TreeMap<Long, LinkedHashSet<ModelOrder>> opposite = buy ? asks : bids;
        int count = 0;
        while (taker.remaining > 0 && !opposite.isEmpty())
        {
            final Map.Entry<Long, LinkedHashSet<ModelOrder>> best = opposite.firstEntry();
            final long levelPrice = best.getKey();
            if (buy ? levelPrice > taker.price : levelPrice < taker.price)
            {
                break;
            }
            final Iterator<ModelOrder> makers = best.getValue().iterator();
            while (taker.remaining > 0 && makers.hasNext())
            {
                final ModelOrder maker = makers.next();
                final long qty = Math.min(taker.remaining, maker.remaining);
                taker.remaining -= qty;
                maker.remaining -= qty;
                lastTradePrice = levelPrice;
                count++;
                if (maker.remaining == 0)
                {
                    makers.remove();
                    removeLive(maker);
                }
            }
            if (best.getValue().isEmpty())
            {
                opposite.pollFirstEntry();
            }
        }
        fills += count;
        return count;
    }

    private void restOrder(final ModelOrder order)
    {
        final TreeMap<Long, LinkedHashSet<ModelOrder>> side = order.side == OrderSide.BUY ? bids : asks;
        side.computeIfAbsent(order.price, price -> new LinkedHashSet<>()).add(order);
    }

    private void unrest(final ModelOrder order)
    {
        final TreeMap<Long, LinkedHashSet<ModelOrder>> side = order.side == OrderSide.BUY ? bids : asks;
        final LinkedHashSet<ModelOrder> level = side.get(order.price);
        if (level == null || !level.remove(order))
        {
            throw new IllegalStateException("order " + order.orderId + " is not resting at " + order.price);
        }
        if (level.isEmpty())
        {
            side.remove(order.price);
        }
    }

    private void addLive(final ModelOrder order)
    {
        order.liveIndex = live.size();
        live.add(order);
    }

    private void removeLive(final ModelOrder order)
    {
        final int index = order.liveIndex;
        final ModelOrder last = live.remove(live.size() - 1);
        if (last != order)
        {
            live.set(index, last);
            last.liveIndex = index;
        }
        order.liveIndex = -1;
    }
}
