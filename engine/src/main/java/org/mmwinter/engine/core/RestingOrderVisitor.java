package org.mmwinter.engine.core;

/**
 * Receives every attribute of a resting order, in priority order: what a snapshot must keep to rebuild the book.
 */
@FunctionalInterface
public interface RestingOrderVisitor
{
    void onOrder(
        int instrumentId, int side, long price, long qty, int accountId, ClientOrderId clientOrderId, long orderId,
        int tif, int stp, long timestampNs);
}
