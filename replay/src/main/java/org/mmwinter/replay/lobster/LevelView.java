package org.mmwinter.replay.lobster;

import org.mmwinter.engine.core.Side;

/**
 * The rebuilt book by price level, kept from the core's own level reports
 * ({@link org.mmwinter.engine.core.MatchingListener#onLevelChanged}), so the top N levels can be read after every
 * event without walking the orders. Each side is a sorted array with its best level last.
 */
public final class LevelView
{
    /** LOBSTER's price of an empty ask level. */
    public static final long EMPTY_ASK_PRICE = 9_999_999_999L;
    /** LOBSTER's price of an empty bid level. */
    public static final long EMPTY_BID_PRICE = -9_999_999_999L;

    private final SideLevels bids = new SideLevels(false);
    private final SideLevels asks = new SideLevels(true);

    void onLevel(final int side, final long price, final long qty, final int orderCount)
    {
        (side == Side.BUY ? bids : asks).set(price, qty, orderCount);
    }

    /** Occupied levels on a side. */
    public int levels(final int side)
    {
        return (side == Side.BUY ? bids : asks).count;
    }

    /** Price of the level of rank {@code rank} (0 = best), or the LOBSTER padding price past the last level. */
    public long price(final int side, final int rank)
    {
        final SideLevels levels = side == Side.BUY ? bids : asks;
        if (rank >= levels.count)
        {
            return side == Side.BUY ? EMPTY_BID_PRICE : EMPTY_ASK_PRICE;
        }
        return levels.prices[levels.count - 1 - rank];
    }

    /** Size of the level of rank {@code rank} (0 = best), 0 past the last level. */
    public long size(final int side, final int rank)
    {
        final SideLevels levels = side == Side.BUY ? bids : asks;
        return rank >= levels.count ? 0 : levels.sizes[levels.count - 1 - rank];
    }

    /** Size resting at {@code price} on a side, 0 if none. */
    public long sizeAt(final int side, final long price)
    {
        final SideLevels levels = side == Side.BUY ? bids : asks;
        final int index = levels.find(price);
        return index < 0 ? 0 : levels.sizes[index];
    }

    /** Orders resting at {@code price} on a side, 0 if none. */
    public int ordersAt(final int side, final long price)
    {
        final SideLevels levels = side == Side.BUY ? bids : asks;
        final int index = levels.find(price);
        return index < 0 ? 0 : levels.orders[index];
    }

    /**
     * One side: prices sorted so that the best is last (ascending for bids, descending for asks), sizes beside.
     */
    private static final class SideLevels
    {
        private final boolean descending;
        private long[] prices = new long[256];
        private long[] sizes = new long[256];
        private int[] orders = new int[256];
        private int count;

        SideLevels(final boolean descending)
        {
            this.descending = descending;
        }

        void set(final long price, final long qty, final int orderCount)
        {
            final int index = find(price);
            if (index >= 0)
            {
                if (qty == 0)
                {
                    System.arraycopy(prices, index + 1, prices, index, count - index - 1);
                    System.arraycopy(sizes, index + 1, sizes, index, count - index - 1);
                    System.arraycopy(orders, index + 1, orders, index, count - index - 1);
                    count--;
                }
                else
                {
                    sizes[index] = qty;
                    orders[index] = orderCount;
                }
                return;
            }
            if (qty == 0)
            {
                return;
            }
            if (count == prices.length)
            {
                prices = grow(prices);
                sizes = grow(sizes);
                final int[] moreOrders = new int[orders.length * 2];
                System.arraycopy(orders, 0, moreOrders, 0, count);
                orders = moreOrders;
            }
            final int at = -index - 1;
            System.arraycopy(prices, at, prices, at + 1, count - at);
            System.arraycopy(sizes, at, sizes, at + 1, count - at);
            System.arraycopy(orders, at, orders, at + 1, count - at);
            prices[at] = price;
            sizes[at] = qty;
            orders[at] = orderCount;
            count++;
        }

        /** Index of {@code price}, or -(insertion point) - 1. */
        int find(final long price)
        {
            int low = 0;
            int high = count - 1;
            while (low <= high)
            {
                final int mid = (low + high) >>> 1;
                final long at = prices[mid];
                if (at == price)
                {
                    return mid;
                }
                if (descending ? at > price : at < price)
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

        private static long[] grow(final long[] array)
        {
            final long[] bigger = new long[array.length * 2];
            System.arraycopy(array, 0, bigger, 0, array.length);
            return bigger;
        }
    }
}
