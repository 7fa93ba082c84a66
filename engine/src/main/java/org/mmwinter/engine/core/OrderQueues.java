package org.mmwinter.engine.core;

/**
 * Every order of the engine by a fixed handle, and the time-priority queues of the price levels as links between
 * handles: an order's previous and next order in its level are one {@code long} in one primitive array.
 * <p>
 * Why not references: a move (82 % of exchange-core's mix, and of real requoting) unlinks an order from one level
 * and appends it to another, six or seven reference stores between objects spread over the heap (the order's level
 * is a handle too, {@link BookSide#level}). Under G1, the
 * default collector, each such store to an old object in another region runs the post-write barrier: a memory fence
 * and a dirty card queued for refinement, which the matching thread ends up doing itself when the refinement
 * threads fall behind. With a million resting orders that was the largest cost of the mix: the same benchmark ran
 * about 0.6 M ops/s under G1 (0.42 M with the book tenured) and 2.0 M under the parallel collector, whose barrier
 * is a plain card store (exchange-core's book, which links its orders by reference too: 0.67 M against 1.9 M).
 * Storing a {@code long} has no barrier under any collector; with these links the tenured mix ran 1.18 M.
 * <p>
 * Prev and next share one {@code long} so that relinking a neighbour is one read and one write of one line, as it
 * was with the neighbour's object. Handles start at 1, so that {@link #NONE} is the zero of a fresh field or array.
 * Orders are created here, never elsewhere, so that each has its handle from its first use; the arrays grow (an
 * allocation) only when the pool of orders does.
 */
final class OrderQueues
{
    /** No order: the end of a queue, or an empty level's head and tail. */
    static final int NONE = 0;

    private static final long NEXT_MASK = 0xFFFF_FFFFL;

    private Order[] orders;
    /** By handle: the previous order's handle in the high 32 bits, the next one's in the low 32 bits. */
    private long[] links;
    private int count;

    OrderQueues(final int expectedOrders)
    {
        final int capacity = Math.max(16, expectedOrders + 1);
        orders = new Order[capacity];
        links = new long[capacity];
    }

    /** Orders created so far (the highest handle). */
    int created()
    {
        return count;
    }

    /** A new order with the next handle. */
    Order newOrder()
    {
        final int handle = ++count;
        if (handle == orders.length)
        {
            final int capacity = orders.length * 2;
            final Order[] moreOrders = new Order[capacity];
            final long[] moreLinks = new long[capacity];
            System.arraycopy(orders, 0, moreOrders, 0, handle);
            System.arraycopy(links, 0, moreLinks, 0, handle);
            orders = moreOrders;
            links = moreLinks;
        }
        final Order order = new Order(handle);
        orders[handle] = order;
        return order;
    }

    /** The order of a handle taken from a level or a link (never {@link #NONE}). */
    Order order(final int handle)
    {
        return orders[handle];
    }

    /** The order after {@code handle} in its level, or {@link #NONE} at the tail. */
    int next(final int handle)
    {
        return (int)links[handle];
    }

    /** Appends {@code order} at the back of {@code level}. */
    void append(final PriceLevel level, final Order order)
    {
        final long[] links = this.links;
        final int handle = order.handle;
        final int tail = level.tail;
        links[handle] = (long)tail << 32;
        if (tail == NONE)
        {
            level.head = handle;
        }
        else
        {
            links[tail] = (links[tail] & ~NEXT_MASK) | handle;
        }
        level.tail = handle;
        level.totalQty += order.remaining;
        level.orderCount++;
        order.levelHandle = level.handle;
    }

    /** Takes {@code order} out of its level, {@code level}. */
    void unlink(final PriceLevel level, final Order order)
    {
        final long[] links = this.links;
        final int handle = order.handle;
        final long own = links[handle];
        final int prev = (int)(own >>> 32);
        final int next = (int)own;
        if (prev == NONE)
        {
            level.head = next;
        }
        else
        {
            links[prev] = (links[prev] & ~NEXT_MASK) | (next & NEXT_MASK);
        }
        if (next == NONE)
        {
            level.tail = prev;
        }
        else
        {
            links[next] = ((long)prev << 32) | (links[next] & NEXT_MASK);
        }
        links[handle] = 0;
        order.levelHandle = NONE;
        level.totalQty -= order.remaining;
        level.orderCount--;
    }
}
