package org.mmwinter.engine.pipeline;

import com.lmax.disruptor.RingBuffer;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.journal.ResultCodec;
import org.mmwinter.engine.message.ResultEvent;

/**
 * Stands between the core and a {@link ResultPublisher} for {@link OfflineMatcher}: forwards every callback and
 * hands the slot it published to a handler at once, so that one thread can both produce and read the results. It
 * must forward every {@link MatchingListener} callback the publisher implements (a test checks it does).
 */
final class ResultTap implements MatchingListener
{
    private final ResultPublisher publisher;
    private final RingBuffer<ResultEvent> ring;
    private final ResultCodec.ResultHandler handler;
    private long read = -1;

    ResultTap(final ResultPublisher publisher, final RingBuffer<ResultEvent> ring,
        final ResultCodec.ResultHandler handler)
    {
        this.publisher = publisher;
        this.ring = ring;
        this.handler = handler;
    }

    /**
     * Hands every result published since the last call to the handler.
     */
    void drain()
    {
        final long cursor = ring.getCursor();
        while (read < cursor)
        {
            handler.onResult(ring.get(++read));
        }
    }

    public void onAccepted(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final int side,
        final long price,
        final long qty)
    {
        publisher.onAccepted(instrumentId, accountId, orderId, clientOrderId, side, price, qty);
        drain();
    }

    public void onRejected(
        final int accountId, final long orderId, final ClientOrderId clientOrderId, final int reason)
    {
        publisher.onRejected(accountId, orderId, clientOrderId, reason);
        drain();
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
        publisher.onFill(instrumentId, price, qty, takerSide, makerAccountId, makerOrderId, makerClientOrderId,
            makerRemaining, takerAccountId, takerOrderId, takerClientOrderId, takerRemaining);
        drain();
    }

    public void onCanceled(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final long qty,
        final int reason)
    {
        publisher.onCanceled(instrumentId, accountId, orderId, clientOrderId, qty, reason);
        drain();
    }

    public void onReduced(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final long qty,
        final long remaining)
    {
        publisher.onReduced(instrumentId, accountId, orderId, clientOrderId, qty, remaining);
        drain();
    }

    public void onExpired(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final long qty)
    {
        publisher.onExpired(instrumentId, accountId, orderId, clientOrderId, qty);
        drain();
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
        publisher.onAmended(instrumentId, accountId, orderId, clientOrderId, price, qty, priorityKept);
        drain();
    }

    public void onTrade(final int instrumentId, final long price, final long qty, final int takerSide)
    {
        publisher.onTrade(instrumentId, price, qty, takerSide);
        drain();
    }

    public void onBookLevel(
        final int instrumentId, final int side, final long price, final long qty, final int orderCount)
    {
        publisher.onBookLevel(instrumentId, side, price, qty, orderCount);
        drain();
    }

    public void onStatus(final int instrumentId, final int status)
    {
        publisher.onStatus(instrumentId, status);
        drain();
    }

    public void onLevelChanged(
        final int instrumentId, final int side, final long price, final long qty, final int orderCount)
    {
        publisher.onLevelChanged(instrumentId, side, price, qty, orderCount);
        drain();
    }
}
