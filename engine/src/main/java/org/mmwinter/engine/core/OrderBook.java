package org.mmwinter.engine.core;

/**
 * The book of one instrument and the matching algorithm: price-time priority, trades at the resting order's price,
 * self-trade prevention decided by the taker. Inputs are already validated for identity and ranges by
 * {@link MatchingEngine}; the checks that depend on the book's state are made here before anything changes.
 */
final class OrderBook
{
    private final Instrument instrument;
    private final int instrumentId;
    private final BookSide bids;
    private final BookSide asks;
    private final LiveOrders live;
    private final OrderQueues queues;
    private final MatchingListener listener;

    private boolean halted;
    private long lastTradePrice = MatchingEngine.NO_PRICE;
    private long tradeCount;
    /**
     * How far ahead in a level {@link #forEachRestingOrder} reads the order it will visit later. The walk is a chain
     * of handles, and each order and its client order id sit somewhere else in the heap: visiting one at a time,
     * every order cost a cache miss or two and a 1,000,000-order snapshot paused matching for 530-547 ms. Reading
     * the order this far ahead starts those misses early, many at once (the next handles are mostly cached);
     * measured on the 1 M book of SnapshotEncodeBenchmark, alternated: 16 ahead 185 ms, 32 ahead 124-129 ms, 64 and
     * 128 no better and noisier.
     */
    private static final int WALK_AHEAD = 32;
    /** Where the reads ahead go, so that the compiler keeps them: a plain field, never read on the hot path. */
    private long walkAheadSink;

    OrderBook(final Instrument instrument, final LiveOrders live, final MatchingListener listener, final int levels)
    {
        this.instrument = instrument;
        this.instrumentId = instrument.id();
        this.bids = new BookSide(Side.BUY, levels);
        this.asks = new BookSide(Side.SELL, levels);
        this.live = live;
        this.queues = live.queues();
        this.listener = listener;
    }

    Instrument instrument()
    {
        return instrument;
    }

    boolean isHalted()
    {
        return halted;
    }

    void halted(final boolean halted)
    {
        this.halted = halted;
    }

    long lastTradePrice()
    {
        return lastTradePrice;
    }

    long tradeCount()
    {
        return tradeCount;
    }

    BookSide side(final int side)
    {
        return side == Side.BUY ? bids : asks;
    }

    /**
     * Checks of a NEW that depend on the book; nothing changes.
     */
    int validateNew(final int side, final int type, final int tif, final long price, final long qty)
    {
        if (halted)
        {
            return RejectReason.INSTRUMENT_HALTED;
        }
        if (type == OrderType.LIMIT && outsideBand(price))
        {
            return RejectReason.PRICE_OUTSIDE_BAND;
        }
        if (side(side).totalQty() > Long.MAX_VALUE - qty)
        {
            return RejectReason.BOOK_CAPACITY;
        }
        if (tif == TimeInForce.POST_ONLY && wouldCross(side, price))
        {
            return RejectReason.POST_ONLY_WOULD_CROSS;
        }
        return RejectReason.NONE;
    }

    /**
     * Runs a validated NEW order (not yet live) to its end: trades, rests, expires or is cancelled by STP.
     */
    void submit(final Order taker)
    {
        listener.onAccepted(instrumentId, taker.accountId, taker.orderId, taker.clientOrderId, taker.side,
            taker.price, taker.remaining);
        if (taker.tif == TimeInForce.FOK && !canFillCompletely(taker))
        {
            listener.onExpired(instrumentId, taker.accountId, taker.orderId, taker.clientOrderId, taker.remaining);
            live.release(taker);
            return;
        }
        if (match(taker))
        {
            live.release(taker);
        }
        else if (taker.remaining == 0)
        {
            live.release(taker);
        }
        else if (taker.type == OrderType.LIMIT && (taker.tif == TimeInForce.GTC || taker.tif == TimeInForce.POST_ONLY))
        {
            rest(taker);
            live.add(taker);
        }
        else
        {
            listener.onExpired(instrumentId, taker.accountId, taker.orderId, taker.clientOrderId, taker.remaining);
            live.release(taker);
        }
    }

    /**
     * Cancel/replace of a live order. Same price and a quantity not larger keeps time priority; anything else sends
     * the order to the back, matching first if it now crosses. A non-empty {@code renameTo} becomes the order's client
     * id once the amend is accepted (the caller checked that no other live order of the account has it).
     *
     * @return a {@link RejectReason}; on a rejection nothing changed.
     */
    int amend(final Order order, final long price, final long qty, final ClientOrderId renameTo)
    {
        if (halted)
        {
            return RejectReason.INSTRUMENT_HALTED;
        }
        final BookSide own = side(order.side);
        final boolean keepsPriority = price == order.price && qty <= order.remaining;
        if (!keepsPriority)
        {
            if (outsideBand(price))
            {
                return RejectReason.PRICE_OUTSIDE_BAND;
            }
            if (own.totalQty() - order.remaining > Long.MAX_VALUE - qty)
            {
                return RejectReason.BOOK_CAPACITY;
            }
            if (order.tif == TimeInForce.POST_ONLY && wouldCross(order.side, price))
            {
                return RejectReason.POST_ONLY_WOULD_CROSS;
            }
        }
        // Accepted from here on: the new id is the order's before any report names it.
        if (!renameTo.isEmpty())
        {
            live.rename(order, renameTo);
        }
        if (keepsPriority)
        {
            final long delta = order.remaining - qty;
            final PriceLevel level = own.level(order.levelHandle);
            order.remaining = qty;
            level.totalQty -= delta;
            own.addQty(-delta);
            listener.onAmended(instrumentId, order.accountId, order.orderId, order.clientOrderId, price, qty, true);
            if (delta != 0)
            {
                listener.onLevelChanged(instrumentId, order.side, price, level.totalQty, level.orderCount);
            }
            return RejectReason.NONE;
        }

        final PriceLevel from = own.level(order.levelHandle);
        unrest(order);
        order.price = price;
        order.remaining = qty;
        listener.onAmended(instrumentId, order.accountId, order.orderId, order.clientOrderId, price, qty, false);
        if (match(order) || order.remaining == 0)
        {
            live.remove(order);
            live.release(order);
        }
        else
        {
            // Matching changed only the other side, so the order's old level is still where unrest left it.
            rest(order, own.findOrCreateNear(price, from));
        }
        return RejectReason.NONE;
    }

    /**
     * Removes a live order without trading.
     */
    void cancel(final Order order, final int reason)
    {
        final long qty = order.remaining;
        unrest(order);
        listener.onCanceled(instrumentId, order.accountId, order.orderId, order.clientOrderId, qty, reason);
        live.remove(order);
        live.release(order);
    }

    void forEachRestingOrder(final RestingOrderVisitor visitor)
    {
        long touched = 0;
        for (int s = Side.BUY; s <= Side.SELL; s++)
        {
            final BookSide side = side(s);
            for (int index = side.topIndex(); index >= 0; index--)
            {
                final int head = side.levelAtIndex(index).head;
                int ahead = head;
                for (int k = 0; k < WALK_AHEAD && ahead != OrderQueues.NONE; k++)
                {
                    touched += readAhead(ahead);
                    ahead = queues.next(ahead);
                }
                for (int handle = head; handle != OrderQueues.NONE; handle = queues.next(handle))
                {
                    if (ahead != OrderQueues.NONE)
                    {
                        touched += readAhead(ahead);
                        ahead = queues.next(ahead);
                    }
                    final Order order = queues.order(handle);
                    visitor.onOrder(instrumentId, order.side, order.price, order.remaining, order.accountId,
                        order.clientOrderId, order.orderId, order.tif, order.stp, order.timestampNs);
                }
            }
        }
        walkAheadSink = touched;
    }

    /** Reads the order and its client order id, only to have them in the cache when the walk gets there. */
    private long readAhead(final int handle)
    {
        final Order order = queues.order(handle);
        return order.remaining + order.clientOrderId.length();
    }

    /**
     * Puts an order from a snapshot at the back of its level, without matching or events.
     */
    void restoreResting(final Order order)
    {
        final BookSide own = side(order.side);
        queues.append(own.findOrCreate(order.price), order);
        own.addQty(order.remaining);
        order.book = this;
        live.add(order);
    }

    void restoreState(final boolean halted, final long lastTradePrice, final long tradeCount)
    {
        this.halted = halted;
        this.lastTradePrice = lastTradePrice;
        this.tradeCount = tradeCount;
    }

    void publishLevels()
    {
        for (int s = Side.BUY; s <= Side.SELL; s++)
        {
            final BookSide side = side(s);
            for (int index = side.topIndex(); index >= 0; index--)
            {
                final PriceLevel level = side.levelAtIndex(index);
                if (!level.isEmpty())
                {
                    listener.onBookLevel(instrumentId, s, level.price, level.totalQty, level.orderCount);
                }
            }
        }
    }

    void forEachOrder(final BookVisitor visitor)
    {
        visit(bids, visitor);
        visit(asks, visitor);
    }

    private void visit(final BookSide side, final BookVisitor visitor)
    {
        for (int index = side.topIndex(); index >= 0; index--)
        {
            final PriceLevel level = side.levelAtIndex(index);
            for (int handle = level.head; handle != OrderQueues.NONE; handle = queues.next(handle))
            {
                final Order order = queues.order(handle);
                visitor.onOrder(
                    instrumentId, order.side, order.price, order.remaining, order.accountId, order.clientOrderId,
                    order.orderId);
            }
        }
    }

    private boolean wouldCross(final int side, final long price)
    {
        final PriceLevel best = side(Side.opposite(side)).best();
        return best != null && crosses(side, price, best.price);
    }

    private static boolean crosses(final int takerSide, final long takerPrice, final long makerPrice)
    {
        return takerSide == Side.BUY ? takerPrice >= makerPrice : takerPrice <= makerPrice;
    }

    private boolean outsideBand(final long price)
    {
        return outsideBand(price, lastTradePrice);
    }

    /**
     * Whether {@code price} is further than the band from {@code last}, a last trade price ({@code NO_PRICE}: none).
     */
    private boolean outsideBand(final long price, final long last)
    {
        final long bandBps = instrument.priceBandBps();
        if (bandBps == Instrument.NO_BAND || last == MatchingEngine.NO_PRICE)
        {
            return false;
        }
        final long distance = price > last ? price - last : last - price;
        return productGreater(distance, 10_000L, last, bandBps);
    }

    /**
     * {@code a * b > c * d} for non-negative operands, exact in 128 bits.
     */
    private static boolean productGreater(final long a, final long b, final long c, final long d)
    {
        final long high1 = Math.multiplyHigh(a, b);
        final long high2 = Math.multiplyHigh(c, d);
        if (high1 != high2)
        {
            return high1 > high2;
        }
        return Long.compareUnsigned(a * b, c * d) > 0;
    }

    /**
     * Whether a FOK order fills completely from trades alone under its STP mode; reads the book, changes nothing.
     * It walks the book as {@link #match} would, including the band of a market order around the last trade before it.
     */
    private boolean canFillCompletely(final Order taker)
    {
        final BookSide opposite = side(Side.opposite(taker.side));
        final boolean market = taker.type == OrderType.MARKET;
        long needed = taker.remaining;
        final long bandReference = lastTradePrice;
        for (int index = opposite.topIndex(); index >= 0; index--)
        {
            final PriceLevel level = opposite.levelAtIndex(index);
            if (level.isEmpty())
            {
                continue;
            }
            if (market ? outsideBand(level.price, bandReference) : !crosses(taker.side, taker.price, level.price))
            {
                return false;
            }
            for (int handle = level.head; handle != OrderQueues.NONE; handle = queues.next(handle))
            {
                final Order maker = queues.order(handle);
                if (maker.accountId == taker.accountId && taker.stp != StpMode.NONE)
                {
                    if (taker.stp == StpMode.CANCEL_OLDEST)
                    {
                        continue;
                    }
                    // CANCEL_NEWEST, CANCEL_BOTH and DECREMENT all end the taker's trading here.
                    return false;
                }
                needed -= maker.remaining;
                if (needed <= 0)
                {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Trades {@code taker} against the opposite side while it crosses.
     *
     * @return true when self-trade prevention cancelled the taker (its event is already out).
     */
    private boolean match(final Order taker)
    {
        final BookSide opposite = side(Side.opposite(taker.side));
        final boolean market = taker.type == OrderType.MARKET;
        final int takerSide = taker.side;
        final int stp = taker.stp;
        // A MARKET order is held to the band around the last trade before it, as a LIMIT order at the band's edge
        // would be: its own fills do not move the reference (else it could walk the book a band at a time, and a
        // FOK passed by canFillCompletely could stop half way).
        final long bandReference = lastTradePrice;
        PriceLevel level;
        while (taker.remaining > 0 && (level = opposite.best()) != null)
        {
            final long levelPrice = level.price;
            if (market ? outsideBand(levelPrice, bandReference) : !crosses(takerSide, taker.price, levelPrice))
            {
                break;
            }
            int makerHandle = level.head;
            while (makerHandle != OrderQueues.NONE && taker.remaining > 0)
            {
                final Order maker = queues.order(makerHandle);
                // Read before the maker can leave the level (filled or cancelled), which clears its links.
                final int nextMaker = queues.next(makerHandle);
                if (stp != StpMode.NONE && maker.accountId == taker.accountId)
                {
                    switch (stp)
                    {
                        case StpMode.CANCEL_NEWEST:
                            cancelTaker(taker, taker.remaining);
                            return true;

                        case StpMode.CANCEL_OLDEST:
                            cancel(maker, CancelReason.SELF_TRADE);
                            break;

                        case StpMode.CANCEL_BOTH:
                            cancel(maker, CancelReason.SELF_TRADE);
                            cancelTaker(taker, taker.remaining);
                            return true;

                        default:
                            if (decrement(taker, maker, level, opposite))
                            {
                                return true;
                            }
                            break;
                    }
                }
                else
                {
                    trade(taker, maker, level, opposite);
                }
                makerHandle = nextMaker;
            }
        }
        return false;
    }

    private void trade(final Order taker, final Order maker, final PriceLevel level, final BookSide opposite)
    {
        final long qty = Math.min(taker.remaining, maker.remaining);
        final long price = maker.price;
        maker.remaining -= qty;
        taker.remaining -= qty;
        level.totalQty -= qty;
        opposite.addQty(-qty);
        lastTradePrice = price;
        tradeCount++;
        listener.onFill(
            instrumentId, price, qty, taker.side,
            maker.accountId, maker.orderId, maker.clientOrderId, maker.remaining,
            taker.accountId, taker.orderId, taker.clientOrderId, taker.remaining);
        listener.onTrade(instrumentId, price, qty, taker.side);
        if (maker.remaining == 0)
        {
            unrest(maker);
            live.remove(maker);
            live.release(maker);
        }
        else
        {
            listener.onLevelChanged(instrumentId, maker.side, price, level.totalQty, level.orderCount);
        }
    }

    /**
     * Coinbase's decrement-and-cancel: both orders shrink by the smaller quantity without a trade.
     *
     * @return true when the taker is left at zero and so cancelled.
     */
    private boolean decrement(final Order taker, final Order maker, final PriceLevel level, final BookSide opposite)
    {
        final long qty = Math.min(taker.remaining, maker.remaining);
        if (maker.remaining == qty)
        {
            cancel(maker, CancelReason.SELF_TRADE);
        }
        else
        {
            maker.remaining -= qty;
            level.totalQty -= qty;
            opposite.addQty(-qty);
            listener.onReduced(
                instrumentId, maker.accountId, maker.orderId, maker.clientOrderId, qty, maker.remaining);
            listener.onLevelChanged(instrumentId, maker.side, maker.price, level.totalQty, level.orderCount);
        }
        if (taker.remaining == qty)
        {
            cancelTaker(taker, qty);
            return true;
        }
        taker.remaining -= qty;
        listener.onReduced(
            instrumentId, taker.accountId, taker.orderId, taker.clientOrderId, qty, taker.remaining);
        return false;
    }

    private void cancelTaker(final Order taker, final long qty)
    {
        taker.remaining = 0;
        listener.onCanceled(
            instrumentId, taker.accountId, taker.orderId, taker.clientOrderId, qty, CancelReason.SELF_TRADE);
    }

    private void rest(final Order order)
    {
        order.book = this;
        rest(order, side(order.side).findOrCreate(order.price));
    }

    /**
     * Appends {@code order} (already this book's: a move keeps its book) to {@code level}, the level of its price just
     * found or created on its side.
     */
    private void rest(final Order order, final PriceLevel level)
    {
        final BookSide own = side(order.side);
        queues.append(level, order);
        own.addQty(order.remaining);
        listener.onLevelChanged(instrumentId, order.side, order.price, level.totalQty, level.orderCount);
    }

    /**
     * Takes a resting order out of its level (it stays live) and publishes the level's new state.
     */
    private void unrest(final Order order)
    {
        final BookSide own = side(order.side);
        final PriceLevel level = own.level(order.levelHandle);
        own.addQty(-order.remaining);
        queues.unlink(level, order);
        listener.onLevelChanged(instrumentId, order.side, level.price, level.totalQty, level.orderCount);
        if (level.isEmpty())
        {
            own.remove(level);
        }
    }
}
