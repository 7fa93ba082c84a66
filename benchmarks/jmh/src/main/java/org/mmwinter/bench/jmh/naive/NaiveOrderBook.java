package org.mmwinter.bench.jmh.naive;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The baseline: the book a competent newcomer writes first, {@code TreeMap<BigDecimal, ArrayDeque<Order>>} per
 * side and a {@code HashMap} from order id to order, with the same rules as the engine for this subset
 * (price-time priority, trades at the resting price, GTC remainder rests, IOC and market remainders expire, an
 * amend to the same price and a smaller quantity keeps priority, any other amend goes to the back).
 * It is correct, not a straw man; it shows what the engine's design buys.
 */
public final class NaiveOrderBook
{
    private final TreeMap<BigDecimal, ArrayDeque<NaiveOrder>> bids = new TreeMap<>(Collections.reverseOrder());
    private final TreeMap<BigDecimal, ArrayDeque<NaiveOrder>> asks = new TreeMap<>();
    private final Map<Long, NaiveOrder> orders = new HashMap<>();

    /**
     * Matches a new order ({@code price} null for a market order) and rests its remainder when {@code rest}.
     *
     * @return the trades, or null when the order is refused (duplicate id).
     */
    public List<NaiveTrade> submit(
        final int account, final long orderId, final boolean buy, final BigDecimal price, final BigDecimal qty,
        final boolean rest)
    {
        if (orders.containsKey(orderId))
        {
            return null;
        }
        final NaiveOrder order = new NaiveOrder(account, orderId, buy, price, qty);
        final List<NaiveTrade> trades = match(order);
        if (rest && order.qty.signum() > 0)
        {
            rest(order);
        }
        return trades;
    }

    /**
     * @return false when no live order has this id and account.
     */
    public boolean cancel(final int account, final long orderId)
    {
        final NaiveOrder order = orders.get(orderId);
        if (order == null || order.account != account)
        {
            return false;
        }
        unrest(order);
        orders.remove(orderId);
        return true;
    }

    /**
     * Cancel/replace to a new price and remaining quantity.
     *
     * @return the trades the amended order made, or null when there is no such live order.
     */
    public List<NaiveTrade> amend(final int account, final long orderId, final BigDecimal price, final BigDecimal qty)
    {
        final NaiveOrder order = orders.get(orderId);
        if (order == null || order.account != account)
        {
            return null;
        }
        if (order.price.compareTo(price) == 0 && qty.compareTo(order.qty) <= 0)
        {
            order.qty = qty;
            return Collections.emptyList();
        }
        unrest(order);
        orders.remove(orderId);
        order.price = price;
        order.qty = qty;
        final List<NaiveTrade> trades = match(order);
        if (order.qty.signum() > 0)
        {
            rest(order);
        }
        return trades;
    }

    public int size()
    {
        return orders.size();
    }

    private List<NaiveTrade> match(final NaiveOrder taker)
    {
        final List<NaiveTrade> trades = new ArrayList<>();
        final TreeMap<BigDecimal, ArrayDeque<NaiveOrder>> opposite = taker.buy ? asks : bids;
        while (taker.qty.signum() > 0 && !opposite.isEmpty())
        {
            final Map.Entry<BigDecimal, ArrayDeque<NaiveOrder>> best = opposite.firstEntry();
            if (taker.price != null &&
                (taker.buy ? best.getKey().compareTo(taker.price) > 0 : best.getKey().compareTo(taker.price) < 0))
            {
                break;
            }
            final ArrayDeque<NaiveOrder> queue = best.getValue();
            while (taker.qty.signum() > 0 && !queue.isEmpty())
            {
                final NaiveOrder maker = queue.peekFirst();
                final BigDecimal qty = maker.qty.min(taker.qty);
                maker.qty = maker.qty.subtract(qty);
                taker.qty = taker.qty.subtract(qty);
                trades.add(new NaiveTrade(maker.orderId, taker.orderId, maker.price, qty));
                if (maker.qty.signum() == 0)
                {
                    queue.pollFirst();
                    orders.remove(maker.orderId);
                }
            }
            if (queue.isEmpty())
            {
                opposite.remove(best.getKey());
            }
        }
        return trades;
    }

    private void rest(final NaiveOrder order)
    {
        final TreeMap<BigDecimal, ArrayDeque<NaiveOrder>> side = order.buy ? bids : asks;
        side.computeIfAbsent(order.price, price -> new ArrayDeque<>()).addLast(order);
        orders.put(order.orderId, order);
    }

    private void unrest(final NaiveOrder order)
    {
        final TreeMap<BigDecimal, ArrayDeque<NaiveOrder>> side = order.buy ? bids : asks;
        final ArrayDeque<NaiveOrder> queue = side.get(order.price);
        queue.remove(order);
        if (queue.isEmpty())
        {
            side.remove(order.price);
        }
    }
}
