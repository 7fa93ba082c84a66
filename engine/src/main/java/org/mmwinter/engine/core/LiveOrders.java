package org.mmwinter.engine.core;

import java.util.Arrays;

/**
 * Every live (resting) order of the engine: a pool of order objects, an open-addressing index keyed by
 * (account, client order id) for O(1) cancel and amend, and per-account lists for mass cancel.
 * Allocates only when the high-water mark of live orders or accounts passes the expected count, and, above
 * {@link #EAGER_ORDERS} live orders, one order object per new high-water mark (nothing at steady state).
 * <p>
 * The index keeps each slot's 32-bit hash beside it rather than the key: a probe compares hashes in a dense
 * {@code int[]} and touches an order only on a hash match (almost always the order sought), and backward-shift
 * deletion finds each entry's home slot without dereferencing it. The key itself (account and the id's four words)
 * lives in the pooled order, so forgetting a dead order's id is releasing the order.
 * <p>
 * The index's arrays are preallocated for the expected count, but probing uses only a power-of-two prefix sized to
 * the live count (at most half full, at least an eighth unless at its minimum): a table of two million slots holding
 * a thousand keys spreads them over 16 MB, so that every probe is a cache and TLB miss, and a venue sized for a
 * million orders ran its thousand-order book at 6.6 M commands/s against 10.6 M when sized for 4,096. The prefix
 * doubles or halves by rebuilding from the account lists (which hold exactly the indexed orders), so resizing
 * allocates nothing and steady state never resizes. The pool is a stack: the most recently released order, still
 * in cache, is the next one handed out, so a small book keeps reusing a small set of orders whatever the pool size.
 * <p>
 * Of the expected count only the first {@link #EAGER_ORDERS} orders are created up front. A million pre-created
 * orders (about 136 MB of {@code Order} and {@code ClientOrderId}) alone made a thousand-order book run 10.1-10.6 M
 * mixed commands/s against 11.6-12.1 M sized to the book, all of the difference in {@link #find}; with 4,096 created
 * up front and the rest on first use it ran 12.0-12.2 M against 11.9-12.2 M (2026-12-03, G1; index and links were
 * not the cause: storing handles instead of references there changed nothing). The default engine (65,536 expected)
 * still creates every order up front.
 */
final class LiveOrders
{
    private static final int MIN_CAPACITY = 16;
    /** Smallest index prefix: the table for {@link #MIN_CAPACITY} expected orders. */
    static final int MIN_INDEX_SLOTS = 2 * MIN_CAPACITY;
    /**
     * Orders created up front, at most: the rest of the expected count are created when the live count first needs
     * them (their handles' arrays are preallocated all the same). See the class comment for why.
     */
    static final int EAGER_ORDERS = 1 << 16;

    /** Creates every order, and queues them in their levels. */
    private final OrderQueues queues;
    /** Handles of the released orders, a stack (ints: releasing and acquiring store no reference). */
    private int[] pool;
    private int poolCount;

    /** Preallocated for the expected count; only the first {@code mask + 1} entries are in use, the rest empty. */
    private int[] keyHashes;
    private Order[] slots;
    private int mask;
    private int size;
    private int growThreshold;
    private int shrinkThreshold;

    private Order[] accountHeads = new Order[MIN_CAPACITY];

    LiveOrders(final int expectedOrders)
    {
        final int poolSize = Math.max(MIN_CAPACITY, expectedOrders);
        queues = new OrderQueues(poolSize);
        pool = new int[poolSize];
        // Created in order and handed out from the top of the stack: the first orders used are the last created.
        final int eager = Math.min(poolSize, EAGER_ORDERS);
        for (int i = 0; i < eager; i++)
        {
            pool[i] = queues.newOrder().handle;
        }
        poolCount = eager;
        final int maxSlots = tableSizeFor(poolSize * 2L);
        keyHashes = new int[maxSlots];
        slots = new Order[maxSlots];
        useSlots(MIN_INDEX_SLOTS);
    }

    /**
     * Index slots in use (the probed prefix): follows the live count, not the expected count.
     */
    int indexSlots()
    {
        return mask + 1;
    }

    int size()
    {
        return size;
    }

    /** The orders' handles and the levels' queues. */
    OrderQueues queues()
    {
        return queues;
    }

    Order acquire()
    {
        if (poolCount == 0)
        {
            return queues.newOrder();
        }
        return queues.order(pool[--poolCount]);
    }

    void release(final Order order)
    {
        order.clear();
        if (poolCount == pool.length)
        {
            final int[] bigger = new int[pool.length * 2];
            System.arraycopy(pool, 0, bigger, 0, poolCount);
            pool = bigger;
        }
        pool[poolCount++] = order.handle;
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
        if (size >= growThreshold)
        {
            grow();
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
     * Sizes the index for {@code orders} more live orders at once (a snapshot's, before they are restored), instead of
     * doubling and rebuilding it about twenty times on the way to a million. Allocates when that passes the
     * expected count, as adding them one by one would.
     */
    void reserve(final int orders)
    {
        final long wanted = tableSizeFor(2L * ((long)size + Math.max(0, orders)));
        if (wanted <= indexSlots())
        {
            return;
        }
        if (wanted > slots.length)
        {
            keyHashes = new int[(int)wanted];
            slots = new Order[(int)wanted];
            useSlots((int)wanted);
            reinsertAll();
        }
        else
        {
            rebuild((int)wanted);
        }
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
        if (size < shrinkThreshold)
        {
            rebuild(indexSlots() >> 1);
        }
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

    private void grow()
    {
        final int wanted = indexSlots() << 1;
        if (wanted > slots.length)
        {
            // Past the expected count: the one allocation the class comment allows.
            final int[] biggerHashes = new int[wanted];
            final Order[] biggerSlots = new Order[wanted];
            keyHashes = biggerHashes;
            slots = biggerSlots;
            useSlots(wanted);
            reinsertAll();
        }
        else
        {
            rebuild(wanted);
        }
    }

    /**
     * Empties the prefix in use and the one wanted, then indexes every live order again in a prefix of
     * {@code slotCount}; the account lists hold exactly the indexed orders.
     */
    private void rebuild(final int slotCount)
    {
        Arrays.fill(slots, 0, Math.max(indexSlots(), slotCount), null);
        useSlots(slotCount);
        reinsertAll();
    }

    private void reinsertAll()
    {
        final Order[] heads = accountHeads;
        for (int account = 0; account < heads.length; account++)
        {
            for (Order order = heads[account]; order != null; order = order.accountNext)
            {
                insert(order);
            }
        }
    }

    private void useSlots(final int slotCount)
    {
        mask = slotCount - 1;
        growThreshold = slotCount >> 1;
        shrinkThreshold = slotCount > MIN_INDEX_SLOTS ? slotCount >> 3 : 0;
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
