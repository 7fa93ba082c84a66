package org.mmwinter.engine.core;

/**
 * A pooled, mutable order: queued in its price level (time priority, through its {@link #handle} in
 * {@link OrderQueues}) and linked into its account's list of live orders. Fields are package-private because only
 * the book mutates them.
 */
final class Order
{
    /** Its handle in {@link OrderQueues}, which created it: fixed for the order's life, reused with the object. */
    final int handle;
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
    /** Handle of its level on its side ({@link BookSide#level}), {@link OrderQueues#NONE} while not resting. */
    int levelHandle;
    Order accountPrev;
    Order accountNext;

    Order(final int handle)
    {
        this.handle = handle;
    }

    void clear()
    {
        book = null;
        levelHandle = OrderQueues.NONE;
        accountPrev = null;
        accountNext = null;
        remaining = 0;
    }
}
