package org.mmwinter.engine.core;

/**
 * Every live (resting) order of the engine: a pool of order objects, an open-addressing index keyed by
 * (account, order id) for O(1) cancel and amend, and per-account lists for mass cancel.
 * Allocates only when the high-water mark of live orders or accounts is passed.
 */
final class LiveOrders
{
    private static final int MIN_CAPACITY = 16;

    private Order[] pool;
    private int poolCount;

    private long[] keyOrderIds;
    private int[] keyAccounts;
    private Order[] slots;
    private int mask;
    private int size;
    private int resizeThreshold;

    private Order[] accountHeads = new Order[MIN_CAPACITY];

    LiveOrders(final int expectedOrders)
    {
        final int poolSize = Math.max(MIN_CAPACITY, expectedOrders);
        pool = new Order[poolSize];
        for (int i = 0; i < poolSize; i++)
        {
            pool[i] = new Order();
        }
        poolCount = poolSize;
        allocateIndex(tableSizeFor(poolSize * 2L));
    }

    int size()
    {
        return size;
    }

    Order acquire()
    {
        if (poolCount == 0)
        {
            return new Order();
        }
        final Order order = pool[--poolCount];
        pool[poolCount] = null;
        return order;
    }

    void release(final Order order)
    {
        order.clear();
        if (poolCount == pool.length)
        {
            final Order[] bigger = new Order[pool.length * 2];
            System.arraycopy(pool, 0, bigger, 0, poolCount);
            pool = bigger;
        }
        pool[poolCount++] = order;
    }

    Order find(final int accountId, final long orderId)
    {
        final long[] ids = keyOrderIds;
        final int[] accounts = keyAccounts;
        final Order[] slots = this.slots;
        final int mask = this.mask;
        int index = hash(accountId, orderId) & mask;
        Order candidate;
        while ((candidate = slots[index]) != null)
        {
            if (ids[index] == orderId && accounts[index] == accountId)
            {
                return candidate;
            }
            index = (index + 1) & mask;
        }
        return null;
    }

    /**
     * Makes {@code order} live: indexed and linked at the tail of its account's list. The caller has checked that no
     * live order has the same key.
     */
    void add(final Order order)
    {
        if (size >= resizeThreshold)
        {
            rehash(slots.length * 2);
        }
        insert(order);
        size++;
        order.live = true;

        final int accountId = order.accountId;
        if (accountId >= accountHeads.length)
        {
            final Order[] bigger = new Order[tableSizeFor(accountId + 1L)];
            System.arraycopy(accountHeads, 0, bigger, 0, accountHeads.length);
            accountHeads = bigger;
        }
        final Order head = accountHeads[accountId];
        order.accountPrev = null;
        order.accountNext = head;
        if (head != null)
        {
            head.accountPrev = order;
        }
        accountHeads[accountId] = order;
    }

    /**
     * Removes a live order from the index and its account list; the caller releases it.
     */
    void remove(final Order order)
    {
        final long[] ids = keyOrderIds;
        final int[] accounts = keyAccounts;
        final Order[] slots = this.slots;
        final int mask = this.mask;
        int index = hash(order.accountId, order.orderId) & mask;
        while (slots[index] != order)
        {
            index = (index + 1) & mask;
        }
        slots[index] = null;
        size--;
        // Backward-shift deletion keeps probe chains intact without tombstones.
        int hole = index;
        int next = (index + 1) & mask;
        Order moving;
        while ((moving = slots[next]) != null)
        {
            final int home = hash(accounts[next], ids[next]) & mask;
            if (((next - home) & mask) >= ((next - hole) & mask))
            {
                slots[hole] = moving;
                ids[hole] = ids[next];
                accounts[hole] = accounts[next];
                slots[next] = null;
                hole = next;
            }
            next = (next + 1) & mask;
        }

        final Order prev = order.accountPrev;
        final Order nextInAccount = order.accountNext;
        if (prev == null)
        {
            accountHeads[order.accountId] = nextInAccount;
        }
        else
        {
            prev.accountNext = nextInAccount;
        }
        if (nextInAccount != null)
        {
            nextInAccount.accountPrev = prev;
        }
        order.accountPrev = null;
        order.accountNext = null;
        order.live = false;
    }

    /**
     * Most recently added live order of an account, or null; follow {@code accountNext}.
     */
    Order accountHead(final int accountId)
    {
        return accountId >= 0 && accountId < accountHeads.length ? accountHeads[accountId] : null;
    }

    private void insert(final Order order)
    {
        final int mask = this.mask;
        int index = hash(order.accountId, order.orderId) & mask;
        while (slots[index] != null)
        {
            index = (index + 1) & mask;
        }
        slots[index] = order;
        keyOrderIds[index] = order.orderId;
        keyAccounts[index] = order.accountId;
    }

    private void rehash(final int capacity)
    {
        final Order[] oldSlots = slots;
        allocateIndex(capacity);
        for (final Order order : oldSlots)
        {
            if (order != null)
            {
                insert(order);
            }
        }
    }

    private void allocateIndex(final int capacity)
    {
        keyOrderIds = new long[capacity];
        keyAccounts = new int[capacity];
        slots = new Order[capacity];
        mask = capacity - 1;
        resizeThreshold = capacity / 2;
    }

    private static int hash(final int accountId, final long orderId)
    {
        long h = orderId * 0x9E3779B97F4A7C15L + accountId;
        h ^= h >>> 32;
        h *= 0xD6E8FEB86659FD93L;
        return (int)(h ^ (h >>> 32));
    }

    private static int tableSizeFor(final long n)
    {
        long capacity = MIN_CAPACITY;
        while (capacity < n)
        {
            capacity <<= 1;
        }
        if (capacity > (1 << 30))
        {
            throw new IllegalStateException("too many live orders: " + n);
        }
        return (int)capacity;
    }
}
