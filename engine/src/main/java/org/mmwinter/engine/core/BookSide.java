package org.mmwinter.engine.core;

/**
 * The price levels of one side, kept sorted in an array with the best level last: the best price is O(1), emptying
 * the best level is O(1), and a new level is found by binary search and shifts only the levels better than it,
 * which in real flow are few.
 */
final class BookSide
{
    private final int side;
    private long[] keys;
    private PriceLevel[] levels;
    private int size;
    private PriceLevel[] freeLevels;
    private int freeCount;
    private long totalQty;

    BookSide(final int side, final int initialLevels)
    {
        this.side = side;
        final int capacity = Math.max(4, initialLevels);
        keys = new long[capacity];
        levels = new PriceLevel[capacity];
        freeLevels = new PriceLevel[capacity];
        for (int i = 0; i < capacity; i++)
        {
            freeLevels[i] = new PriceLevel();
        }
        freeCount = capacity;
    }

    int side()
    {
        return side;
    }

    int levelCount()
    {
        return size;
    }

    /**
     * Level by rank: 0 is the best.
     */
    PriceLevel levelAt(final int rank)
    {
        return levels[size - 1 - rank];
    }

    PriceLevel best()
    {
        return size == 0 ? null : levels[size - 1];
    }

    long totalQty()
    {
        return totalQty;
    }

    void addQty(final long delta)
    {
        totalQty += delta;
    }

    /**
     * Sort key that makes "better" mean "larger" on both sides.
     */
    private long key(final long price)
    {
        return side == Side.BUY ? price : -price;
    }

    /**
     * True when {@code price} is at least as good as {@code reference} from this side's point of view.
     */
    boolean isAtLeastAsGood(final long price, final long reference)
    {
        return side == Side.BUY ? price >= reference : price <= reference;
    }

    PriceLevel find(final long price)
    {
        final int index = search(key(price));
        return index >= 0 ? levels[index] : null;
    }

    PriceLevel findOrCreate(final long price)
    {
        final long key = key(price);
        int index = search(key);
        if (index >= 0)
        {
            return levels[index];
        }
        index = -(index + 1);
        if (size == keys.length)
        {
            grow();
        }
        final int tail = size - index;
        if (tail > 0)
        {
            System.arraycopy(keys, index, keys, index + 1, tail);
            System.arraycopy(levels, index, levels, index + 1, tail);
        }
        final PriceLevel level = acquire();
        level.price = price;
        keys[index] = key;
        levels[index] = level;
        size++;
        return level;
    }

    void remove(final PriceLevel level)
    {
        final int last = size - 1;
        int index;
        if (levels[last] == level)
        {
            index = last;
        }
        else
        {
            index = search(key(level.price));
            final int tail = last - index;
            System.arraycopy(keys, index + 1, keys, index, tail);
            System.arraycopy(levels, index + 1, levels, index, tail);
        }
        levels[last] = null;
        size = last;
        release(level);
    }

    private int search(final long key)
    {
        final long[] keys = this.keys;
        int low = 0;
        int high = size - 1;
        // Most activity is at the top of the book, i.e. the end of the array.
        if (high >= 0 && keys[high] == key)
        {
            return high;
        }
        while (low <= high)
        {
            final int mid = (low + high) >>> 1;
            final long midKey = keys[mid];
            if (midKey < key)
            {
                low = mid + 1;
            }
            else if (midKey > key)
            {
                high = mid - 1;
            }
            else
            {
                return mid;
            }
        }
        return -(low + 1);
    }

    private PriceLevel acquire()
    {
        if (freeCount == 0)
        {
            return new PriceLevel();
        }
        final PriceLevel level = freeLevels[--freeCount];
        freeLevels[freeCount] = null;
        return level;
    }

    private void release(final PriceLevel level)
    {
        level.head = null;
        level.tail = null;
        level.totalQty = 0;
        level.orderCount = 0;
        if (freeCount == freeLevels.length)
        {
            final PriceLevel[] bigger = new PriceLevel[freeLevels.length * 2];
            System.arraycopy(freeLevels, 0, bigger, 0, freeCount);
            freeLevels = bigger;
        }
        freeLevels[freeCount++] = level;
    }

    private void grow()
    {
        final int capacity = keys.length * 2;
        final long[] newKeys = new long[capacity];
        final PriceLevel[] newLevels = new PriceLevel[capacity];
        System.arraycopy(keys, 0, newKeys, 0, size);
        System.arraycopy(levels, 0, newLevels, 0, size);
        keys = newKeys;
        levels = newLevels;
    }
}
