package org.mmwinter.bench.jmh.naive;

import java.math.BigDecimal;
import java.util.List;

import org.mmwinter.bench.workload.OrderBookAdapter;
import org.mmwinter.bench.workload.OrderSide;

/**
 * Drives the {@link NaiveOrderBook} from the workload's ticks and lots: the decimals are made per command, as
 * they would be when a newcomer's book receives them from the wire (prices have two decimal places).
 */
public final class NaiveBookAdapter implements OrderBookAdapter
{
    private static final int PRICE_SCALE = 2;

    private final NaiveOrderBook book = new NaiveOrderBook();
    private long rejects;
    private long fills;

    public long gtc(final int account, final long orderId, final int side, final long price, final long size)
    {
        return trades(book.submit(account, orderId, side == OrderSide.BUY, BigDecimal.valueOf(price, PRICE_SCALE),
            BigDecimal.valueOf(size), true));
    }

    public long ioc(final int account, final long orderId, final int side, final long price, final long size)
    {
        return trades(book.submit(account, orderId, side == OrderSide.BUY, BigDecimal.valueOf(price, PRICE_SCALE),
            BigDecimal.valueOf(size), false));
    }

    public long market(final int account, final long orderId, final int side, final long size)
    {
        return trades(book.submit(account, orderId, side == OrderSide.BUY, null, BigDecimal.valueOf(size), false));
    }

    public long cancel(final int account, final long orderId)
    {
        if (!book.cancel(account, orderId))
        {
            rejects++;
            return 0;
        }
        return 1;
    }

    public long move(final int account, final long orderId, final long price, final long size)
    {
        return trades(book.amend(account, orderId, BigDecimal.valueOf(price, PRICE_SCALE), BigDecimal.valueOf(size)));
    }

    public long reduce(final int account, final long orderId, final long price, final long oldSize, final long newSize)
    {
        return trades(
            book.amend(account, orderId, BigDecimal.valueOf(price, PRICE_SCALE), BigDecimal.valueOf(newSize)));
    }

    public long fills()
    {
        return fills;
    }

    public long rejects()
    {
        return rejects;
    }

    public long liveOrders()
    {
        return book.size();
    }

    private long trades(final List<NaiveTrade> trades)
    {
        if (trades == null)
        {
            rejects++;
            return 0;
        }
        fills += trades.size();
        return trades.size();
    }
}
