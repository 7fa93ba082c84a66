package org.mmwinter.engine.core;

/**
 * Every live (resting) order of the engine: a pool of order objects, an open-addressing index keyed by
 * (account, client order id) for O(1) cancel and amend, and per-account lists for mass cancel.
 * Allocates only when the high-water mark of live orders or accounts is passed.
 * <p>
 * The index keeps each slot's 32-bit hash beside it rather than the key: a probe compares hashes in a dense
 * {@code int[]} and touches an order only on a hash match (almost always the order sought), and backward-shift
 * deletion finds each entry's home slot without dereferencing it. The key itself (account and the id's four words)
 * lives in the pooled order, so forgetting a dead order's id is releasing the order.
 */
final class LiveOrders
{
    private static final int MIN_CAPACITY = 16;

    private Order[] pool;
    private int poolCount;

    private int[] keyHashes;
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

    Order find(final int accountId, final ClientOrderId clientOrderId)
    {
        final int[] hashes = keyHashes;
        final Order[] slots = this.slots;
        final int mask = this.mask;
        final int hash = clientOrderId.hash(accountId);
        int index = hash & mask;
        Order candidate;
        while ((candidate = slots[index]) != null)
        {
            if (hashes[index] == hash && candidate.accountId == accountId &&
                candidate.clientOrderId.equalTo(clientOrderId))
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
     * Gives a live order another client id: re-indexed under the new key, its place in its account's list kept. The
     * caller has checked that no live order of the account has that id.
     */
    void rename(final Order order, final ClientOrderId clientOrderId)
    {
        unindex(order);
        order.clientOrderId.copyFrom(clientOrderId);
        insert(order);
        size++;
    }

    /**
     * Removes a live order from the index and its account list; the caller releases it.
     */
    void remove(final Order order)
    {
        unindex(order);
        unlink(order);
    }

    private void unindex(final Order order)
    {
        final int[] hashes = keyHashes;
        final Order[] slots = this.slots;
        final int mask = this.mask;
        int index = order.clientOrderId.hash(order.accountId) & mask;
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
            final int home = hashes[next] & mask;
            if (((next - home) & mask) >= ((next - hole) & mask))
            {
                slots[hole] = moving;
                hashes[hole] = hashes[next];
                slots[next] = null;
                hole = next;
            }
            next = (next + 1) & mask;
        }
    }

    private void unlink(final Order order)
    {
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
        final int hash = order.clientOrderId.hash(order.accountId);
        int index = hash & mask;
        while (slots[index] != null)
        {
            index = (index + 1) & mask;
        }
        slots[index] = order;
        keyHashes[index] = hash;
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
        keyHashes = new int[capacity];
        slots = new Order[capacity];
        mask = capacity - 1;
        resizeThreshold = capacity / 2;
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
