package org.mmwinter.engine.pipeline;

import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.StpMode;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;

/**
 * Publishing helpers for pipeline tests: one call per command, through the same claim/publish path producers use.
 */
final class PipelineHarness
{
    /** Source id of the commands the harness sends. */
    static final int SOURCE_ID = 7;

    private PipelineHarness()
    {
    }

    /**
     * Publishes a GTC limit order, waiting while the ring is full.
     *
     * @return the offer's result: a ring sequence, or {@link Publication#STOPPED}.
     */
    static long limit(
        final EnginePipeline pipeline,
        final int account,
        final long orderId,
        final int instrument,
        final int side,
        final long price,
        final long qty)
    {
        return pipeline.publication(SOURCE_ID).offerBlocking(
            fill(new CommandEvent(), account, orderId, instrument, side, price, qty), orderId);
    }

    /**
     * As {@link #fill(CommandEvent, int, long, int, int, long, long)}, naming the order with a client order id
     * written as text.
     */
    static CommandEvent fill(
        final CommandEvent e,
        final int account,
        final String clientOrderId,
        final int instrument,
        final int side,
        final long price,
        final long qty)
    {
        fill(e, account, 0, instrument, side, price, qty);
        e.clientOrderId.parse(clientOrderId, 0, clientOrderId.length());
        return e;
    }

    static CommandEvent fill(
        final CommandEvent e,
        final int account,
        final long orderId,
        final int instrument,
        final int side,
        final long price,
        final long qty)
    {
        e.clear();
        e.type = CommandType.NEW;
        e.accountId = account;
        e.clientOrderId.setDecimal(orderId);
        e.instrumentId = instrument;
        e.side = side;
        e.orderType = OrderType.LIMIT;
        e.tif = TimeInForce.GTC;
        e.stp = StpMode.NONE;
        e.price = price;
        e.qty = qty;
        e.sourceId = SOURCE_ID;
        e.correlationId = orderId;
        return e;
    }

    /**
     * A crossing pair: a resting sell then a buy that takes it (one trade, two level changes).
     */
    static void crossingPair(final EnginePipeline pipeline, final int account, final long orderId, final int instrument)
    {
        limit(pipeline, account, orderId, instrument, Side.SELL, 100, 1);
        limit(pipeline, account, orderId + 1, instrument, Side.BUY, 100, 1);
    }
}
