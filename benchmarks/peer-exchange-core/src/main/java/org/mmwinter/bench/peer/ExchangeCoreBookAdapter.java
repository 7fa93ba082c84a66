package org.mmwinter.bench.peer;

import exchange.core2.core.common.MatcherEventType;
import exchange.core2.core.common.MatcherTradeEvent;
import exchange.core2.core.common.OrderAction;
import exchange.core2.core.common.OrderType;
import exchange.core2.core.common.cmd.CommandResultCode;
import exchange.core2.core.common.cmd.OrderCommand;
import exchange.core2.core.common.cmd.OrderCommandType;
import exchange.core2.core.orderbook.IOrderBook;
import org.mmwinter.bench.workload.OrderBookAdapter;
import org.mmwinter.bench.workload.OrderSide;

/**
 * One exchange-core order book ({@code OrderBookDirectImpl} or {@code OrderBookNaiveImpl}) driven the way its
 * matching-engine router drives it: one reused {@link OrderCommand}, {@link IOrderBook#processCommand}, then the
 * command's chain of matcher events read (trades counted) and dropped, as its pipeline does after the results
 * stage. exchange-core 0.5.3 builds events with {@code EVENTS_POOLING = false}, so each event is a new object.
 */
public final class ExchangeCoreBookAdapter implements OrderBookAdapter
{
    /** Price cap of bids, high enough for any move of the workload; exchange-core holds it for risk. */
    public static final long BID_RESERVE_PRICE = 100_000_000L;
    /** exchange-core has no MARKET type: its generator sends an IOC capped at the extreme price, so do we. */
    public static final long MARKET_BUY_CAP = BID_RESERVE_PRICE;
    public static final long MARKET_SELL_CAP = 1;

    private final IOrderBook book;
    private final int symbol;
    private final OrderCommand cmd = new OrderCommand();
    private long rejects;
    private long trades;
    private long timestamp;

    public ExchangeCoreBookAdapter(final IOrderBook book, final int symbol)
    {
        this.book = book;
        this.symbol = symbol;
    }

    public long gtc(final int account, final long orderId, final int side, final long price, final long size)
    {
        return place(OrderType.GTC, account, orderId, side, price, side == OrderSide.BUY ? BID_RESERVE_PRICE : 0, size);
    }

    public long ioc(final int account, final long orderId, final int side, final long price, final long size)
    {
        return place(OrderType.IOC, account, orderId, side, price, side == OrderSide.BUY ? price : 0, size);
    }

    public long market(final int account, final long orderId, final int side, final long size)
    {
        return side == OrderSide.BUY ?
            place(OrderType.IOC, account, orderId, side, MARKET_BUY_CAP, MARKET_BUY_CAP, size) :
            place(OrderType.IOC, account, orderId, side, MARKET_SELL_CAP, 0, size);
    }

    public long cancel(final int account, final long orderId)
    {
        final OrderCommand cmd = prepare(OrderCommandType.CANCEL_ORDER, account, orderId);
        return finish(IOrderBook.processCommand(book, cmd));
    }

    public long move(final int account, final long orderId, final long price, final long size)
    {
        final OrderCommand cmd = prepare(OrderCommandType.MOVE_ORDER, account, orderId);
        cmd.price = price;
        return finish(IOrderBook.processCommand(book, cmd));
    }

    public long reduce(final int account, final long orderId, final long price, final long oldSize, final long newSize)
    {
        final OrderCommand cmd = prepare(OrderCommandType.REDUCE_ORDER, account, orderId);
        cmd.size = oldSize - newSize;
        return finish(IOrderBook.processCommand(book, cmd));
    }

    public long rejects()
    {
        return rejects;
    }

    public long liveOrders()
    {
        return book.getOrdersNum(OrderAction.BID) + book.getOrdersNum(OrderAction.ASK);
    }

    /** Trade events seen since the adapter was created. */
    public long fills()
    {
        return trades;
    }

    public IOrderBook book()
    {
        return book;
    }

    private long place(
        final OrderType type,
        final int account,
        final long orderId,
        final int side,
        final long price,
        final long reserveBidPrice,
        final long size)
    {
        final OrderCommand cmd = prepare(OrderCommandType.PLACE_ORDER, account, orderId);
        cmd.price = price;
        cmd.reserveBidPrice = reserveBidPrice;
        cmd.size = size;
        cmd.action = side == OrderSide.BUY ? OrderAction.BID : OrderAction.ASK;
        cmd.orderType = type;
        return finish(IOrderBook.processCommand(book, cmd));
    }

    private OrderCommand prepare(final OrderCommandType type, final int account, final long orderId)
    {
        final OrderCommand cmd = this.cmd;
        cmd.command = type;
        cmd.orderId = orderId;
        cmd.uid = account;
        cmd.symbol = symbol;
        cmd.timestamp = ++timestamp;
        cmd.resultCode = CommandResultCode.VALID_FOR_MATCHING_ENGINE;
        cmd.matcherEvent = null;
        return cmd;
    }

    private long finish(final CommandResultCode result)
    {
        if (result != CommandResultCode.SUCCESS)
        {
            rejects++;
        }
        for (MatcherTradeEvent event = cmd.matcherEvent; event != null; event = event.nextEvent)
        {
            if (event.eventType == MatcherEventType.TRADE)
            {
                trades++;
            }
        }
        cmd.matcherEvent = null;
        return trades;
    }
}
