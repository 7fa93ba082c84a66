package org.mmwinter.engine.fix.marketdata;

import java.util.Arrays;

/**
 * The entries of one subscription's next MarketDataIncrementalRefresh (X), gathered while one engine command's
 * updates arrive so that a command that moves several levels reaches the subscriber as one message. Primitive
 * arrays, reused: it grows only when one command produces more entries than any before.
 */
final class EntryBatch
{
    /** MDEntryType 0. */
    static final int BID = 0;
    /** MDEntryType 1. */
    static final int OFFER = 1;
    /** MDEntryType 2. */
    static final int TRADE = 2;

    private static final int INITIAL_ENTRIES = 16;

    private int[] entryTypes = new int[INITIAL_ENTRIES];
    private int[] actions = new int[INITIAL_ENTRIES];
    private long[] prices = new long[INITIAL_ENTRIES];
    private long[] quantities = new long[INITIAL_ENTRIES];
    private int[] orderCounts = new int[INITIAL_ENTRIES];
    private int size;

    int size()
    {
        return size;
    }

    int entryType(final int index)
    {
        return entryTypes[index];
    }

    /** A {@link LevelBook} action: {@link LevelBook#NEW}, {@link LevelBook#CHANGE} or {@link LevelBook#DELETE}. */
    int action(final int index)
    {
        return actions[index];
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

    void clear()
    {
        size = 0;
    }

    void add(final int entryType, final int action, final long price, final long quantity, final int orderCount)
    {
        if (size == entryTypes.length)
        {
            final int capacity = size * 2;
            entryTypes = Arrays.copyOf(entryTypes, capacity);
            actions = Arrays.copyOf(actions, capacity);
            prices = Arrays.copyOf(prices, capacity);
            quantities = Arrays.copyOf(quantities, capacity);
            orderCounts = Arrays.copyOf(orderCounts, capacity);
        }
        entryTypes[size] = entryType;
        actions[size] = action;
        prices[size] = price;
        quantities[size] = quantity;
        orderCounts[size] = orderCount;
        size++;
    }
}
