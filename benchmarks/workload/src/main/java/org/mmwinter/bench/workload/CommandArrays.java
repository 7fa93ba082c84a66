package org.mmwinter.bench.workload;

import java.util.Arrays;


/**
 * A sequence of commands as parallel primitive arrays, built once before measurement and then only read, so that
 * replaying it costs the same on every side and allocates nothing. Prices are ticks and sizes lots. For a MOVE the
 * size is the order's remaining size at that point (exchange-core's move ignores it, our amend needs it); for a
 * CANCEL price and size are 0; for a MARKET the price is 0.
 */
public final class CommandArrays
{
    private byte[] types;
    private int[] accounts;
    private long[] orderIds;
    private byte[] sides;
    private long[] prices;
    private long[] sizes;
    private int count;

    public CommandArrays(final int initialCapacity)
    {
        final int capacity = Math.max(16, initialCapacity);
        types = new byte[capacity];
        accounts = new int[capacity];
        orderIds = new long[capacity];
        sides = new byte[capacity];
        prices = new long[capacity];
        sizes = new long[capacity];
    }

    /**
     * Appends a command; used while building, never while measuring.
     */
    public void add(
        final byte type, final int account, final long orderId, final byte side, final long price, final long size)
    {
        if (count == types.length)
        {
            final int capacity = count * 2;
            types = Arrays.copyOf(types, capacity);
            accounts = Arrays.copyOf(accounts, capacity);
            orderIds = Arrays.copyOf(orderIds, capacity);
            sides = Arrays.copyOf(sides, capacity);
            prices = Arrays.copyOf(prices, capacity);
            sizes = Arrays.copyOf(sizes, capacity);
        }
        types[count] = type;
        accounts[count] = account;
        orderIds[count] = orderId;
        sides[count] = side;
        prices[count] = price;
        sizes[count] = size;
        count++;
    }

    /**
     * Drops the spare capacity left by building.
     */
    public CommandArrays trim()
    {
        types = Arrays.copyOf(types, count);
        accounts = Arrays.copyOf(accounts, count);
        orderIds = Arrays.copyOf(orderIds, count);
        sides = Arrays.copyOf(sides, count);
        prices = Arrays.copyOf(prices, count);
        sizes = Arrays.copyOf(sizes, count);
        return this;
    }

    public int count()
    {
        return count;
    }

    public byte[] types()
    {
        return types;
    }

    public int[] accounts()
    {
        return accounts;
    }

    public long[] orderIds()
    {
        return orderIds;
    }

    public byte[] sides()
    {
        return sides;
    }

    public long[] prices()
    {
        return prices;
    }

    public long[] sizes()
    {
        return sizes;
    }

    /**
     * Number of commands of one {@link CommandType}.
     */
    public int countOf(final byte type)
    {
        int n = 0;
        for (int i = 0; i < count; i++)
        {
            if (types[i] == type)
            {
                n++;
            }
        }
        return n;
    }

    /**
     * A hash of every field of every command, to show two runs produced the same sequence.
     */
    public long fingerprint()
    {
        long h = 1125899906842597L;
        for (int i = 0; i < count; i++)
        {
            h = 31 * h + types[i];
            h = 31 * h + accounts[i];
            h = 31 * h + orderIds[i];
            h = 31 * h + sides[i];
            h = 31 * h + prices[i];
            h = 31 * h + sizes[i];
        }
        return h;
    }
}
