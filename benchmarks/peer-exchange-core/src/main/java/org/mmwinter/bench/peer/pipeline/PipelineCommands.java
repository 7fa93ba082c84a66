package org.mmwinter.bench.peer.pipeline;

import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.api.ApiCancelOrder;
import exchange.core2.core.common.api.ApiCommand;
import exchange.core2.core.common.api.ApiMoveOrder;
import exchange.core2.core.common.api.ApiPlaceOrder;
import org.mmwinter.bench.peer.ExchangeCoreBookAdapter;
import org.mmwinter.bench.peer.PeerBooks;
import org.mmwinter.bench.workload.CommandArrays;
import org.mmwinter.bench.workload.CommandType;
import org.mmwinter.bench.workload.OrderSide;

/**
 * The workload's arrays as exchange-core API commands, built before measurement: one object per command, which
 * is how exchange-core's own throughput and latency tests feed its pipeline.
 */
public final class PipelineCommands
{
    private PipelineCommands()
    {
    }

    /**
     * The commands of {@code parts}, one after the other.
     */
    public static ApiCommand[] convert(final CommandArrays... parts)
    {
        int total = 0;
        for (final CommandArrays part : parts)
        {
            total += part.count();
        }
        final ApiCommand[] commands = new ApiCommand[total];
        int n = 0;
        for (final CommandArrays part : parts)
        {
            for (int i = 0; i < part.count(); i++)
            {
                commands[n++] = convert(part, i);
            }
        }
        return commands;
    }

    static ApiCommand convert(final CommandArrays commands, final int i)
    {
        final long uid = commands.accounts()[i];
        final long orderId = commands.orderIds()[i];
        final boolean buy = commands.sides()[i] == OrderSide.BUY;
        final long price = commands.prices()[i];
        final long size = commands.sizes()[i];
        switch (commands.types()[i])
        {
            case CommandType.GTC:
                return place(
                    OrderType.GTC, uid, orderId, buy, price, buy ? ExchangeCoreBookAdapter.BID_RESERVE_PRICE : 0, size);

            case CommandType.IOC:
                return place(OrderType.IOC, uid, orderId, buy, price, buy ? price : 0, size);

            case CommandType.MARKET:
                return buy ?
                    place(OrderType.IOC, uid, orderId, true, ExchangeCoreBookAdapter.MARKET_BUY_CAP,
                        ExchangeCoreBookAdapter.MARKET_BUY_CAP, size) :
                    place(OrderType.IOC, uid, orderId, false, ExchangeCoreBookAdapter.MARKET_SELL_CAP, 0, size);

            case CommandType.CANCEL:
                return new ApiCancelOrder(orderId, uid, PeerBooks.SYMBOL);

            case CommandType.MOVE:
                return new ApiMoveOrder(orderId, price, uid, PeerBooks.SYMBOL);

            default:
                throw new IllegalArgumentException("unknown command type " + commands.types()[i]);
        }
    }

    private static ApiPlaceOrder place(
        final OrderType type,
        final long uid,
        final long orderId,
        final boolean buy,
        final long price,
        final long reservePrice,
        final long size)
    {
        return ApiPlaceOrder.builder()
            .symbol(PeerBooks.SYMBOL)
            .uid(uid)
            .orderId(orderId)
            .action(buy ? OrderAction.BID : OrderAction.ASK)
            .orderType(type)
            .price(price)
            .reservePrice(reservePrice)
            .size(size)
            .build();
    }
}
