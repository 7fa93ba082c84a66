package org.mmwinter.engine.core;

/**
 * Receives resting orders in priority order: bids best first, then asks best first, time priority within a level.
 */
@FunctionalInterface
public interface BookVisitor
{
    void onOrder(
        int instrumentId, int side, long price, long qty, int accountId, ClientOrderId clientOrderId, long orderId);
}
