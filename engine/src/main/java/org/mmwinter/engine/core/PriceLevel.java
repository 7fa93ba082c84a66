package org.mmwinter.engine.core;

/**
 * All resting orders at one price on one side, in time priority, as an intrusive doubly linked list. While it is in
 * its side's array ({@link #inBook}) it is also linked to its neighbours there, empty levels included, so that an
 * order moved by a tick or two finds its new level from its old one (see {@link BookSide#findOrCreateNear}).
 */
final class PriceLevel
{
    long price;
    long totalQty;
    int orderCount;
    Order head;
    Order tail;
    /** The next better and next worse level in the side's array, or null at its ends; null when not in it. */
    PriceLevel better;
    PriceLevel worse;
    boolean inBook;

    void append(final Order order)
    {
        order.level = this;
        order.next = null;
        order.prev = tail;
        if (tail == null)
        {
            head = order;
        }
        else
        {
            tail.next = order;
        }
        tail = order;
        totalQty += order.remaining;
        orderCount++;
    }

    void unlink(final Order order)
    {
        final Order prev = order.prev;
        final Order next = order.next;
        if (prev == null)
        {
            head = next;
        }
        else
        {
            prev.next = next;
        }
        if (next == null)
        {
            tail = prev;
        }
        else
        {
            next.prev = prev;
        }
        order.prev = null;
        order.next = null;
        order.level = null;
        totalQty -= order.remaining;
        orderCount--;
    }

    boolean isEmpty()
    {
        return head == null;
    }
}
