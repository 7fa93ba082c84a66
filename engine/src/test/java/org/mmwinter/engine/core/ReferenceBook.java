package org.mmwinter.engine.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One instrument's book in {@link ReferenceEngine}: the resting orders of each side in a plain list in arrival
 * order, the best one found by a linear scan (best price, then lowest arrival sequence). Slow on purpose, so that
 * nothing in it needs a second look to be believed.
 */
final class ReferenceBook
{
    /**
     * An order of the model; {@code sequence} is its place in time priority (a new one is taken when it loses it).
     */
    static final class Order
    {
        int instrumentId;
        int accountId;
        /** The client's order id, as text. */
        String orderId;
        /** The id the engine gives on acceptance. */
        long engineOrderId;
        int side;
        int type;
        int tif;
        int stp;
        long price;
        long remaining;
        long sequence;

        Order copy()
        {
            final Order copy = new Order();
            copy.instrumentId = instrumentId;
            copy.accountId = accountId;
            copy.orderId = orderId;
            copy.engineOrderId = engineOrderId;
            copy.side = side;
            copy.type = type;
            copy.tif = tif;
            copy.stp = stp;
            copy.price = price;
            copy.remaining = remaining;
            copy.sequence = sequence;
            return copy;
        }

        public String toString()
        {
            return accountId + "/" + orderId;
        }
    }

    final Instrument instrument;
    final List<Order> bids = new ArrayList<>();
    final List<Order> asks = new ArrayList<>();
    long lastTradePrice = MatchingEngine.NO_PRICE;

    ReferenceBook(final Instrument instrument)
    {
        this.instrument = instrument;
    }

    ReferenceBook copy()
    {
        final ReferenceBook copy = new ReferenceBook(instrument);
        for (final Order order : bids)
        {
            copy.bids.add(order.copy());
        }
        for (final Order order : asks)
        {
            copy.asks.add(order.copy());
        }
        copy.lastTradePrice = lastTradePrice;
        return copy;
    }

    List<Order> side(final int side)
    {
        return side == Side.BUY ? bids : asks;
    }

    /**
     * The order that trades first on {@code side}, or null.
     */
    Order best(final int side)
    {
        Order best = null;
        for (final Order order : side(side))
        {
            if (best == null || comesBefore(order, best))
            {
                best = order;
            }
        }
        return best;
    }

    /**
     * Price-time priority between two orders of the same side.
     */
    static boolean comesBefore(final Order a, final Order b)
    {
        if (a.price != b.price)
        {
            return a.side == Side.BUY ? a.price > b.price : a.price < b.price;
        }
        return a.sequence < b.sequence;
    }

    List<Order> inPriorityOrder(final int side)
    {
        final List<Order> sorted = new ArrayList<>(side(side));
        sorted.sort(Comparator.comparingLong((Order o) -> side == Side.BUY ? -o.price : o.price)
            .thenComparingLong(o -> o.sequence));
        return sorted;
    }

    void writeRows(final BookRows rows)
    {
        for (final int side : new int[]{Side.BUY, Side.SELL})
        {
            for (final Order order : inPriorityOrder(side))
            {
                rows.add(order.side, order.price, order.remaining, order.accountId, order.orderId, order.engineOrderId);
            }
        }
    }

    /**
     * Sum of the remaining quantity on a side; exact (it throws rather than wrap, which would be a model bug).
     */
    long totalQty(final int side)
    {
        long total = 0;
        for (final Order order : side(side))
        {
            total = Math.addExact(total, order.remaining);
        }
        return total;
    }

    /**
     * Whether {@code total + more} would not fit in a long.
     */
    static boolean overflows(final long total, final long more)
    {
        return BigInteger.valueOf(total).add(BigInteger.valueOf(more)).bitLength() > 63;
    }

    static boolean crosses(final int takerSide, final long takerPrice, final long makerPrice)
    {
        return takerSide == Side.BUY ? takerPrice >= makerPrice : takerPrice <= makerPrice;
    }

    /**
     * Whether a LIMIT order of {@code side} at {@code price} would trade with the opposite best order.
     */
    boolean wouldCross(final int side, final long price)
    {
        final Order best = best(Side.opposite(side));
        return best != null && crosses(side, price, best.price);
    }

    /**
     * Whether {@code price} is more than the instrument's band away from {@code reference} (a last trade price);
     * never when there is no band or no trade yet. Exact: {@code |price - reference| / reference > bps / 10000}.
     */
    boolean outsideBand(final long price, final long reference)
    {
        if (instrument.priceBandBps() == Instrument.NO_BAND || reference == MatchingEngine.NO_PRICE)
        {
            return false;
        }
        final BigInteger distance = BigInteger.valueOf(price).subtract(BigInteger.valueOf(reference)).abs();
        return distance.multiply(BigInteger.valueOf(10_000))
            .compareTo(BigInteger.valueOf(reference).multiply(BigInteger.valueOf(instrument.priceBandBps()))) > 0;
    }
}
