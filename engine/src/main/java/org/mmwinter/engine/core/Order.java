package org.mmwinter.engine.core;

/**
 * A pooled, mutable order: linked into its price level (time priority) and into its account's list of live orders.
 * Fields are package-private because only the book mutates them.
 */
final class Order
{
    int accountId;
    /** The client's name for the order: with {@link #accountId}, the key of the live-order index. */
    final ClientOrderId clientOrderId = new ClientOrderId();
    /** The engine's own id (FIX OrderID), given on acceptance. */
    long orderId;
    int side;
    int type;
    int tif;
    int stp;
    long price;
    long remaining;
    long timestampNs;

    OrderBook book;
    PriceLevel level;
    Order prev;
    Order next;
    Order accountPrev;
    Order accountNext;

    void clear()
    {
        book = null;
        level = null;
        prev = null;
        next = null;
        accountPrev = null;
        accountNext = null;
        remaining = 0;
    }
}
