package org.mmwinter.engine.core;

import org.agrona.collections.Long2ObjectHashMap;

/**
 * The price levels of one side, kept sorted in an array with the best level last: the best price is O(1), a level
 * is found by binary search, and emptying the best level is O(1).
 *
 * <p>A level that empties below the top stays in place, empty, rather than being cut out: real flow (and the
 * exchange-core mix, 82 % moves) empties and refills the same prices all the time, and cutting a level out and
 * inserting it again each shifts every better level. An empty level is reused by the next order at its price and
 * the empties are compacted in one pass once they are three quarters of the array. Compacting at half had been
 * too eager: in the 1,000-order mix, whose prices drift, it ran 481 times in a million commands, and the levels it
 * dropped came back as 220,000 new levels (a search, a shift and a map put each); at three quarters it runs 5
 * times and 55,000 levels are created, and the mix runs about 15 % faster. The price is at most three empty levels
 * skipped per level with orders when a sweep walks the book. Iterate with {@link #topIndex()} and
 * {@link #levelAtIndex(int)}, skipping empty levels.
 */
final class BookSide
{
    private static final int MIN_EMPTIES_TO_COMPACT = 64;
    /** Levels {@link #findOrCreateNear} walks before it falls back to the map and the search. */
    private static final int MAX_WALK = 8;

    private final int side;
    private long[] keys;
    private PriceLevel[] levels;
    private int size;
    private int empties;
    private PriceLevel[] freeLevels;
    private int freeCount;
    /** Every level this side has created, by handle (from 1); levels are pooled, never dropped. */
    private PriceLevel[] byHandle;
    private int created;
    private long totalQty;
    /** Every level in the array (empty ones too) by price: a move to a known price skips the binary search. */
    private final Long2ObjectHashMap<PriceLevel> byPrice;

    BookSide(final int side, final int initialLevels)
    {
        this.side = side;
        final int capacity = Math.max(4, initialLevels);
        keys = new long[capacity];
        levels = new PriceLevel[capacity];
        freeLevels = new PriceLevel[capacity];
        byHandle = new PriceLevel[capacity + 1];
        for (int i = 0; i < capacity; i++)
        {
            freeLevels[i] = newLevel();
        }
        freeCount = capacity;
        byPrice = new Long2ObjectHashMap<>(capacity * 2, 0.5f);
    }

    int side()
    {
        return side;
    }

    /** Levels holding orders. */
    int levelCount()
    {
        return size - empties;
    }

    /** Index of the best slot ({@code -1} when none); slots below it are worse, some may be empty. */
    int topIndex()
    {
        return size - 1;
    }

    /** The level of a handle taken from a resting order of this side. */
    PriceLevel level(final int handle)
    {
        return byHandle[handle];
    }

    PriceLevel levelAtIndex(final int index)
    {
        return levels[index];
    }

    /** The best non-empty level, or null. */
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
     * The level for an order about to be appended at {@code price}: an existing level (possibly an empty one, which
     * the append refills) or a new one.
     */
    PriceLevel findOrCreate(final long price)
    {
        final PriceLevel known = byPrice.get(price);
        if (known != null)
        {
            if (known.isEmpty())
            {
                empties--;
            }
            return known;
        }
        final long key = key(price);
        final int index = -(search(key) + 1);
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
        byPrice.put(price, level);
        final PriceLevel worse = index > 0 ? levels[index - 1] : null;
        final PriceLevel better = index + 1 < size ? levels[index + 1] : null;
        level.worse = worse;
        level.better = better;
        if (worse != null)
        {
            worse.better = level;
        }
        if (better != null)
        {
            better.worse = level;
        }
        level.inBook = true;
        return level;
    }

    /**
     * {@link #findOrCreate}, for an order that has just left {@code from} on this side: a move is usually a tick or
     * two, so the new level is found by walking from the old one through its neighbours (levels that are already
     * in cache, or one step from it) rather than through the price map, whose arrays are a miss each on a big book.
     * Falls back to the map and the search when {@code from} has left the array (it was the best and emptied) or
     * the price is not within {@link #MAX_WALK} levels of it.
     */
    PriceLevel findOrCreateNear(final long price, final PriceLevel from)
    {
        if (from.inBook)
        {
            final long key = key(price);
            PriceLevel level = from;
            for (int step = 0; step <= MAX_WALK; step++)
            {
                final long levelKey = key(level.price);
                if (levelKey == key)
                {
                    if (level.isEmpty())
                    {
                        empties--;
                    }
                    return level;
                }
                final boolean up = levelKey < key;
                final PriceLevel next = up ? level.better : level.worse;
                if (next == null)
                {
                    break;
                }
                final long nextKey = key(next.price);
                if (up ? nextKey > key : nextKey < key)
                {
                    break;
                }
                level = next;
            }
        }
        return findOrCreate(price);
    }

    /**
     * A level has just become empty: the top one is dropped (with any empty ones under it, so that the top is
     * always a level with orders); one below the top stays in place until it is reused or compacted away.
     */
    void remove(final PriceLevel level)
    {
        if (levels[size - 1] == level)
        {
            dropTop();
            while (size > 0 && levels[size - 1].isEmpty())
            {
                dropTop();
                empties--;
            }
        }
        else
        {
            empties++;
            if (empties >= MIN_EMPTIES_TO_COMPACT && empties * 4 >= size * 3)
            {
                compact();
            }
        }
    }

    private void dropTop()
    {
        final int last = size - 1;
        final PriceLevel level = levels[last];
        levels[last] = null;
        size = last;
        if (last > 0)
        {
            levels[last - 1].better = null;
        }
        byPrice.remove(level.price);
        release(level);
    }

    private void compact()
    {
        int kept = 0;
        for (int i = 0; i < size; i++)
        {
            final PriceLevel level = levels[i];
            if (level.isEmpty())
            {
                byPrice.remove(level.price);
                release(level);
            }
            else
            {
                final PriceLevel worse = kept > 0 ? levels[kept - 1] : null;
                level.worse = worse;
                if (worse != null)
                {
                    worse.better = level;
                }
                keys[kept] = keys[i];
                levels[kept] = level;
                kept++;
            }
        }
        if (kept > 0)
        {
            levels[kept - 1].better = null;
        }
        for (int i = kept; i < size; i++)
        {
            levels[i] = null;
        }
        size = kept;
        empties = 0;
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
            return newLevel();
        }
        final PriceLevel level = freeLevels[--freeCount];
        freeLevels[freeCount] = null;
        return level;
    }

    private PriceLevel newLevel()
    {
        final int handle = ++created;
        if (handle == byHandle.length)
        {
            final PriceLevel[] bigger = new PriceLevel[byHandle.length * 2];
            System.arraycopy(byHandle, 0, bigger, 0, handle);
            byHandle = bigger;
        }
        final PriceLevel level = new PriceLevel(handle);
        byHandle[handle] = level;
        return level;
    }

    private void release(final PriceLevel level)
    {
        level.inBook = false;
        level.better = null;
        level.worse = null;
        level.head = OrderQueues.NONE;
        level.tail = OrderQueues.NONE;
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
