package org.mmwinter.bench.workload;

/**
 * A resting order in the generator's model of the book.
 */
final class ModelOrder
{
    final long orderId;
    final int account;
    final byte side;
    long price;
    long remaining;
    /** Position in the model's list of live orders, for O(1) random picking and removal. */
    int liveIndex = -1;

    ModelOrder(final long orderId, final int account, final byte side, final long price, final long remaining)
    {
        this.orderId = orderId;
        this.account = account;
        this.side = side;
        this.price = price;
        this.remaining = remaining;
    }
}
