package org.mmwinter.quoting.bot;

import java.util.Arrays;

import org.mmwinter.engine.core.Side;

/**
 * The bot's copy of one instrument's public book, by price level, built from the engine's L2 updates and replaced
 * whole by a book snapshot when updates were lost. Levels are kept sorted best first in parallel primitive arrays:
 * a market maker reads the top of the book on every event and changes levels near it, so an insert or removal moves
 * only the few levels above it, and nothing is allocated once the arrays have grown to the book's depth.
 */
public final class LocalBook
{
    private static final int INITIAL_LEVELS = 256;

    private final Levels bids = new Levels(true);
    private final Levels asks = new Levels(false);

    public void clear()
    {
        bids.count = 0;
        asks.count = 0;
    }

    /** A level's new aggregate quantity (0: the level is gone). */
    public void set(final int side, final long price, final long qty)
    {
        (side == Side.BUY ? bids : asks).set(price, qty);
    }

    public int levels(final int side)
    {
        return (side == Side.BUY ? bids : asks).count;
    }

    public long price(final int side, final int index)
    {
        return (side == Side.BUY ? bids : asks).prices[index];
    }

    public long qty(final int side, final int index)
    {
        return (side == Side.BUY ? bids : asks).qtys[index];
    }

    /** Quantity at a price on one side, 0 when there is no level. */
    public long qtyAt(final int side, final long price)
    {
        final Levels levels = side == Side.BUY ? bids : asks;
        final int index = levels.find(price);
        return index >= 0 ? levels.qtys[index] : 0;
    }

    private static final class Levels
    {
        private final boolean descending;
        private long[] prices = new long[INITIAL_LEVELS];
        private long[] qtys = new long[INITIAL_LEVELS];
        private int count;

        Levels(final boolean descending)
        {
            this.descending = descending;
        }

        /** Index of the price, or -(insertion point) - 1. */
        int find(final long price)
        {
            int low = 0;
            int high = count - 1;
            while (low <= high)
            {
                final int mid = (low + high) >>> 1;
                final long p = prices[mid];
                if (p == price)
                {
                    return mid;
                }
                if (descending ? p > price : p < price)
                {
                    low = mid + 1;
                }
                else
                {
                    high = mid - 1;
                }
            }
            return -(low + 1);
        }

        void set(final long price, final long qty)
        {
            final int index = find(price);
            if (index >= 0)
            {
                if (qty == 0)
                {
                    System.arraycopy(prices, index + 1, prices, index, count - index - 1);
                    System.arraycopy(qtys, index + 1, qtys, index, count - index - 1);
                    count--;
                }
                else
                {
                    qtys[index] = qty;
                }
                return;
            }
            if (qty == 0)
            {
                return;
            }
            final int at = -index - 1;
            if (count == prices.length)
            {
                // Grows with the book's depth, once; a book deeper than ever before is not the steady state.
                prices = Arrays.copyOf(prices, count * 2);
                qtys = Arrays.copyOf(qtys, count * 2);
            }
            System.arraycopy(prices, at, prices, at + 1, count - at);
            System.arraycopy(qtys, at, qtys, at + 1, count - at);
            prices[at] = price;
            qtys[at] = qty;
            count++;
        }
    }
}
