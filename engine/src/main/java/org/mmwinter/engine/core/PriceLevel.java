package org.mmwinter.engine.core;

/**
 * All resting orders at one price on one side, in time priority: a queue from {@link #head} to {@link #tail}, linked
 * through {@link OrderQueues}. While it is in its side's array ({@link #inBook}) it is also linked to its neighbours
 * there, empty levels included, so that an order moved by a tick or two finds its new level from its old one (see
 * {@link BookSide#findOrCreateNear}).
 */
final class PriceLevel
{
    /** Its handle on its side ({@link BookSide#level}): an order names its level by it, storing no reference. */
    final int handle;
    long price;
    long totalQty;
    int orderCount;
    /** Handles of the first and last order ({@link OrderQueues#NONE} when empty). */
    int head;
    int tail;
    /** The next better and next worse level in the side's array, or null at its ends; null when not in it. */
    PriceLevel better;
    PriceLevel worse;
    boolean inBook;

    PriceLevel(final int handle)
    {
        this.handle = handle;
    }

    boolean isEmpty()
    {
        return head == OrderQueues.NONE;
    }
}
