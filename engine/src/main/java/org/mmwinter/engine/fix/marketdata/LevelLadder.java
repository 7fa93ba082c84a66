package org.mmwinter.engine.fix.marketdata;

import java.util.Arrays;

/**
 * One side of an aggregated book: its price levels best first (highest bid, lowest offer), each with the total
 * quantity resting at the price and the number of orders, in parallel primitive arrays kept sorted. A level is
 * found by binary search; the arrays grow (doubling) only when a side holds more levels than ever before.
 */
final class LevelLadder
{
    private static final int INITIAL_LEVELS = 64;

    private final boolean highestFirst;
    private long[] prices = new long[INITIAL_LEVELS];
    private long[] quantities = new long[INITIAL_LEVELS];
    private int[] orderCounts = new int[INITIAL_LEVELS];
    private int size;
    private int lastIndex;

    /**
     * @param highestFirst true for bids (the best is the highest price), false for offers.
     */
    LevelLadder(final boolean highestFirst)
    {
        this.highestFirst = highestFirst;
    }

    int size()
    {
        return size;
    }

    long price(final int index)
    {
        return prices[index];
    }

    long quantity(final int index)
    {
        return quantities[index];
    }

    int orderCount(final int index)
    {
        return orderCounts[index];
    }

    /** Where the level of the last {@link #apply} is (or was, for a delete), counted from the best (0). */
    int lastIndex()
    {
        return lastIndex;
    }

    void clear()
    {
        size = 0;
    }

    /**
     * Sets the level at {@code price} to its new state, as the engine publishes it (quantity 0: the level is gone).
     *
     * @return {@link LevelBook#NEW}, {@link LevelBook#CHANGE}, {@link LevelBook#DELETE}, or
     *         {@link LevelBook#NO_CHANGE} for an empty level that was not there.
     */
    int apply(final long price, final long quantity, final int orderCount)
    {
        final int found = find(price);
        if (found >= 0)
        {
            lastIndex = found;
            if (quantity == 0)
            {
                remove(found);
                return LevelBook.DELETE;
            }
            quantities[found] = quantity;
            orderCounts[found] = orderCount;
            return LevelBook.CHANGE;
        }
        final int at = -found - 1;
        lastIndex = at;
        if (quantity == 0)
        {
            return LevelBook.NO_CHANGE;
        }
        insert(at, price, quantity, orderCount);
        return LevelBook.NEW;
    }

    /**
     * @return the index of {@code price}, or {@code -(insertion point) - 1} when it has no level.
     */
    private int find(final long price)
    {
        int low = 0;
        int high = size - 1;
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long at = prices[mid];
            if (at == price)
            {
                return mid;
            }
            if (highestFirst ? at > price : at < price)
            {
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return -low - 1;
    }

    private void insert(final int at, final long price, final long quantity, final int orderCount)
    {
        if (size == prices.length)
        {
            final int capacity = size * 2;
            prices = Arrays.copyOf(prices, capacity);
            quantities = Arrays.copyOf(quantities, capacity);
            orderCounts = Arrays.copyOf(orderCounts, capacity);
        }
        final int tail = size - at;
        System.arraycopy(prices, at, prices, at + 1, tail);
        System.arraycopy(quantities, at, quantities, at + 1, tail);
        System.arraycopy(orderCounts, at, orderCounts, at + 1, tail);
        prices[at] = price;
        quantities[at] = quantity;
        orderCounts[at] = orderCount;
        size++;
    }

    private void remove(final int at)
    {
        final int tail = size - at - 1;
        System.arraycopy(prices, at + 1, prices, at, tail);
        System.arraycopy(quantities, at + 1, quantities, at, tail);
        System.arraycopy(orderCounts, at + 1, orderCounts, at, tail);
        size--;
    }
}
