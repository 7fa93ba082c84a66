package org.mmwinter.bench.jmh;

import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.MatchingListener;

/**
 * The engine's listener in the benchmarks: it takes every callback and counts fills and other events, which is the
 * least any consumer does, so that producing the events is part of what is measured (exchange-core's book
 * allocates an event object for each, which its side pays).
 */
final class EventCounter implements MatchingListener
{
    long fills;
    long events;

    public void onAccepted(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final int side,
        final long price,
        final long qty)
    {
        events++;
    }

    public void onRejected(
        final int accountId, final long orderId, final ClientOrderId clientOrderId, final int reason)
    {
        events++;
    }

    public void onFill(
        final int instrumentId,
        final long price,
        final long qty,
        final int takerSide,
        final int makerAccountId,
        final long makerOrderId,
        final ClientOrderId makerClientOrderId,
        final long makerRemaining,
        final int takerAccountId,
        final long takerOrderId,
        final ClientOrderId takerClientOrderId,
        final long takerRemaining)
    {
        fills++;
    }

    public void onCanceled(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final long qty,
        final int reason)
    {
        events++;
    }

    public void onReduced(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final long qty,
        final long remaining)
    {
        events++;
    }

    public void onExpired(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final long qty)
    {
        events++;
    }

    public void onAmended(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final long price,
        final long qty,
        final boolean priorityKept)
    {
        events++;
    }

    public void onTrade(final int instrumentId, final long price, final long qty, final int takerSide)
    {
        events++;
    }

    public void onLevelChanged(
        final int instrumentId, final int side, final long price, final long qty, final int orderCount)
    {
        events++;
    }
}
