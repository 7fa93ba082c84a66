package org.mmwinter.engine.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.mmwinter.engine.flow.FlowAction;
import org.mmwinter.engine.message.CommandEvent;

/**
 * A deliberately naive model of the matching rules, written from the order-flow contract and not from the core, for
 * the differential test: plain lists, linear scans, a full copy of the book to decide a FOK. It answers each command
 * with the reject reason, the fills in execution order and the execution reports (in the vocabulary of the static
 * methods below, which the test also uses to describe what the real core reported), and shows its books as
 * {@link BookRows}.
 *
 * <p>Readings of the contract it encodes, where the contract leaves room:
 * <ul>
 * <li>When a command has several faults the first one in this order is reported: instrument, account, order id
 *     (missing), side, type, tif, stp, price (MARKET: price given, tif not IOC/FOK), qty, duplicate id, band, book
 *     capacity, post-only cross. For AMEND: missing or unknown order, symbol, price, qty, then (unless the amend
 *     keeps priority) band, capacity, post-only cross.</li>
 * <li>Client order ids are compared as text; engine order ids are 1, 2, 3, ... in order of acceptance.</li>
 * <li>A POST_ONLY "would cross" when its price reaches the opposite best price, whoever owns that order.</li>
 * <li>A FOK fills in full "from trades alone": it is run on a copy of the book and goes ahead only if the copy
 *     filled all of it by trades (a DECREMENT shrink or an STP cancel of the taker is not a trade).</li>
 * <li>An order shrunk by DECREMENT that stays alive gets no execution report from the core's listener; the model
 *     reports it as DECREMENTED (summed per order and command) and the test derives the same from the core.</li>
 * <li>Price band (an engine extension, not in the contract): a LIMIT NEW or a priority-losing AMEND priced outside
 *     the band around the last trade is rejected; a MARKET order does not trade at a price outside the band around
 *     the last trade price as it was when the order arrived (a moving reference would let one order walk the book
 *     any distance, one band at a time).</li>
 * <li>A book side's total quantity must stay representable: a NEW (or AMEND) that would push it past
 *     {@code Long.MAX_VALUE} is rejected with BOOK_CAPACITY, whatever its time in force.</li>
 * </ul>
 * Halting is not modelled: it is an operator action, not an order-flow command.
 */
public final class ReferenceEngine
{
    /**
     * One execution, with both orders' remaining quantity after it.
     */
    public record Fill(
        int instrumentId,
        long price,
        long qty,
        int takerSide,
        int makerAccountId,
        String makerOrderId,
        long makerRemaining,
        int takerAccountId,
        String takerOrderId,
        long takerRemaining)
    {
        public String toString()
        {
            return "FILL i" + instrumentId + " " + price + "x" + qty + " " + Side.name(takerSide) +
                " maker " + makerAccountId + "/" + makerOrderId + " left " + makerRemaining +
                " taker " + takerAccountId + "/" + takerOrderId + " left " + takerRemaining;
        }
    }

    private final List<ReferenceBook> books = new ArrayList<>();
    private final List<Fill> fills = new ArrayList<>();
    private final List<String> reports = new ArrayList<>();
    private final Map<ReferenceBook.Order, long[]> decrements = new IdentityHashMap<>();
    private long nextSequence;
    /** Engine order ids are 1, 2, 3, ... in order of acceptance. */
    private long lastOrderId;

    public void addInstrument(final Instrument instrument)
    {
        if (instrument.id() != books.size())
        {
            throw new IllegalArgumentException("instrument ids are dense: " + instrument);
        }
        books.add(new ReferenceBook(instrument));
    }

    public int instrumentCount()
    {
        return books.size();
    }

    /** Fills of the last command, in execution order. */
    public List<Fill> fills()
    {
        return fills;
    }

    /** Execution reports of the last command, sorted (their order among themselves is not part of the contract). */
    public List<String> reports()
    {
        return reports;
    }

    /** Writes the resting orders of one instrument, bids best first then asks best first, time priority within. */
    public void writeRows(final int instrumentId, final BookRows rows)
    {
        books.get(instrumentId).writeRows(rows);
    }

    public int liveOrderCount()
    {
        int count = 0;
        for (final ReferenceBook book : books)
        {
            count += book.bids.size() + book.asks.size();
        }
        return count;
    }

    /**
     * Runs one command.
     *
     * @return its reject reason, {@link RejectReason#NONE} when accepted.
     */
    public int apply(final CommandEvent command)
    {
        fills.clear();
        reports.clear();
        decrements.clear();
        final int reason;
        switch (command.type)
        {
            case FlowAction.NEW:
                reason = newOrder(command);
                break;
            case FlowAction.CANCEL:
                reason = cancel(command);
                break;
            case FlowAction.AMEND:
                reason = amend(command);
                break;
            case FlowAction.MASS_CANCEL:
                reason = massCancel(command);
                break;
            default:
                throw new IllegalArgumentException("not an action: " + command);
        }
        for (final Map.Entry<ReferenceBook.Order, long[]> entry : decrements.entrySet())
        {
            final ReferenceBook.Order order = entry.getKey();
            reports.add(decremented(order.instrumentId, order.accountId, order.orderId, entry.getValue()[0]));
        }
        Collections.sort(reports);
        return reason;
    }

    // ---- execution reports, in one vocabulary for the model and the core ----

    static String accepted(
        final int instrumentId, final int accountId, final String orderId, final long engineOrderId, final int side,
        final long price, final long qty)
    {
        return "ACCEPTED i" + instrumentId + " " + accountId + "/" + orderId + " #" + engineOrderId + " " +
            Side.name(side) + " " +
            (price == MatchingEngine.NO_PRICE ? "MKT" : Long.toString(price)) + "x" + qty;
    }

    static String rejected(final int accountId, final String orderId, final int reason)
    {
        return "REJECTED " + accountId + "/" + orderId + " " + RejectReason.describe(reason);
    }

    static String canceled(
        final int instrumentId, final int accountId, final String orderId, final long qty, final int reason)
    {
        return "CANCELED i" + instrumentId + " " + accountId + "/" + orderId + " " + qty + " " +
            CancelReason.name(reason);
    }

    static String expired(final int instrumentId, final int accountId, final String orderId, final long qty)
    {
        return "EXPIRED i" + instrumentId + " " + accountId + "/" + orderId + " " + qty;
    }

    static String amended(
        final int instrumentId, final int accountId, final String orderId, final long price, final long qty,
        final boolean priorityKept)
    {
        return "AMENDED i" + instrumentId + " " + accountId + "/" + orderId + " " + price + "x" + qty +
            (priorityKept ? " kept" : " lost");
    }

    static String decremented(final int instrumentId, final int accountId, final String orderId, final long qty)
    {
        return "DECREMENTED i" + instrumentId + " " + accountId + "/" + orderId + " " + qty;
    }

    // ---- commands ----

    private int newOrder(final CommandEvent c)
    {
        final int reason = validateNew(c);
        if (reason != RejectReason.NONE)
        {
            reports.add(rejected(c.accountId, c.clientOrderId.toString(), reason));
            return reason;
        }
        final ReferenceBook book = books.get(c.instrumentId);
        final ReferenceBook.Order order = new ReferenceBook.Order();
        order.instrumentId = c.instrumentId;
        order.accountId = c.accountId;
        order.orderId = c.clientOrderId.toString();
        order.engineOrderId = ++lastOrderId;
        order.side = c.side;
        order.type = c.orderType;
        order.tif = c.tif;
        order.stp = c.stp;
        order.price = c.price;
        order.remaining = c.qty;
        order.sequence = nextSequence++;
        reports.add(accepted(c.instrumentId, c.accountId, order.orderId, order.engineOrderId, c.side, c.price, c.qty));

        if (order.tif == TimeInForce.FOK && !fillsCompletelyByTrades(book, order))
        {
            reports.add(expired(order.instrumentId, order.accountId, order.orderId, order.remaining));
            return RejectReason.NONE;
        }
        final boolean takerCanceled = match(book, order, book.lastTradePrice);
        if (takerCanceled || order.remaining == 0)
        {
            return RejectReason.NONE;
        }
        if (order.type == OrderType.LIMIT && (order.tif == TimeInForce.GTC || order.tif == TimeInForce.POST_ONLY))
        {
            book.side(order.side).add(order);
        }
        else
        {
            reports.add(expired(order.instrumentId, order.accountId, order.orderId, order.remaining));
        }
        return RejectReason.NONE;
    }

    private int validateNew(final CommandEvent c)
    {
        if (c.instrumentId < 0 || c.instrumentId >= books.size())
        {
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        if (c.accountId < 0)
        {
            return RejectReason.BAD_ACCOUNT;
        }
        if (c.clientOrderId.isEmpty())
        {
            return RejectReason.MISSING_ORDER_ID;
        }
        if (c.side != Side.BUY && c.side != Side.SELL)
        {
            return RejectReason.BAD_SIDE;
        }
        if (c.orderType != OrderType.LIMIT && c.orderType != OrderType.MARKET)
        {
            return RejectReason.BAD_TYPE;
        }
        if (c.tif != TimeInForce.GTC && c.tif != TimeInForce.IOC && c.tif != TimeInForce.FOK &&
            c.tif != TimeInForce.POST_ONLY)
        {
            return RejectReason.BAD_TIF;
        }
        if (c.stp < StpMode.NONE || c.stp > StpMode.DECREMENT)
        {
            return RejectReason.BAD_STP;
        }
        final ReferenceBook book = books.get(c.instrumentId);
        if (c.orderType == OrderType.MARKET)
        {
            if (c.price != MatchingEngine.NO_PRICE)
            {
                return RejectReason.MARKET_WITH_PRICE;
            }
            if (c.tif != TimeInForce.IOC && c.tif != TimeInForce.FOK)
            {
                return RejectReason.BAD_TIF;
            }
        }
        else
        {
            final int priceReason = checkPrice(book.instrument, c.price);
            if (priceReason != RejectReason.NONE)
            {
                return priceReason;
            }
        }
        final int qtyReason = checkQty(book.instrument, c.qty);
        if (qtyReason != RejectReason.NONE)
        {
            return qtyReason;
        }
        if (findLive(c.accountId, c.clientOrderId.toString()) != null)
        {
            return RejectReason.DUPLICATE_ORDER_ID;
        }
        if (c.orderType == OrderType.LIMIT && book.outsideBand(c.price, book.lastTradePrice))
        {
            return RejectReason.PRICE_OUTSIDE_BAND;
        }
        if (ReferenceBook.overflows(book.totalQty(c.side), c.qty))
        {
            return RejectReason.BOOK_CAPACITY;
        }
        if (c.tif == TimeInForce.POST_ONLY && book.wouldCross(c.side, c.price))
        {
            return RejectReason.POST_ONLY_WOULD_CROSS;
        }
        return RejectReason.NONE;
    }

    private int cancel(final CommandEvent c)
    {
        final ReferenceBook.Order order = findLive(c.accountId, c.clientOrderId.toString());
        int reason = RejectReason.NONE;
        if (order == null)
        {
            reason = c.clientOrderId.isEmpty() ? RejectReason.MISSING_ORDER_ID : RejectReason.UNKNOWN_ORDER;
        }
        else if (c.instrumentId != MatchingEngine.ANY_INSTRUMENT && c.instrumentId != order.instrumentId)
        {
            reason = RejectReason.SYMBOL_MISMATCH;
        }
        if (reason != RejectReason.NONE)
        {
            reports.add(rejected(c.accountId, c.clientOrderId.toString(), reason));
            return reason;
        }
        books.get(order.instrumentId).side(order.side).remove(order);
        reportCanceled(order, order.remaining, CancelReason.USER);
        return RejectReason.NONE;
    }

    private int amend(final CommandEvent c)
    {
        final int reason = amendOrReason(c);
        if (reason != RejectReason.NONE)
        {
            reports.add(rejected(c.accountId, c.clientOrderId.toString(), reason));
        }
        return reason;
    }

    private int amendOrReason(final CommandEvent c)
    {
        final ReferenceBook.Order order = findLive(c.accountId, c.clientOrderId.toString());
        if (order == null)
        {
            return c.clientOrderId.isEmpty() ? RejectReason.MISSING_ORDER_ID : RejectReason.UNKNOWN_ORDER;
        }
        if (c.instrumentId != MatchingEngine.ANY_INSTRUMENT && c.instrumentId != order.instrumentId)
        {
            return RejectReason.SYMBOL_MISMATCH;
        }
        final ReferenceBook book = books.get(order.instrumentId);
        final int priceReason = checkPrice(book.instrument, c.price);
        if (priceReason != RejectReason.NONE)
        {
            return priceReason;
        }
        final int qtyReason = checkQty(book.instrument, c.qty);
        if (qtyReason != RejectReason.NONE)
        {
            return qtyReason;
        }
        if (c.price == order.price && c.qty <= order.remaining)
        {
            order.remaining = c.qty;
            reports.add(amended(order.instrumentId, order.accountId, order.orderId, c.price, c.qty, true));
            return RejectReason.NONE;
        }
        if (book.outsideBand(c.price, book.lastTradePrice))
        {
            return RejectReason.PRICE_OUTSIDE_BAND;
        }
        if (ReferenceBook.overflows(book.totalQty(order.side) - order.remaining, c.qty))
        {
            return RejectReason.BOOK_CAPACITY;
        }
        if (order.tif == TimeInForce.POST_ONLY && book.wouldCross(order.side, c.price))
        {
            return RejectReason.POST_ONLY_WOULD_CROSS;
        }
        // Cancel/replace: out of the book, back in as if new (new sequence), matching first if it crosses.
        book.side(order.side).remove(order);
        order.price = c.price;
        order.remaining = c.qty;
        order.sequence = nextSequence++;
        reports.add(amended(order.instrumentId, order.accountId, order.orderId, c.price, c.qty, false));
        final boolean takerCanceled = match(book, order, book.lastTradePrice);
        if (!takerCanceled && order.remaining > 0)
        {
            book.side(order.side).add(order);
        }
        return RejectReason.NONE;
    }

    private int massCancel(final CommandEvent c)
    {
        if (c.instrumentId != MatchingEngine.ANY_INSTRUMENT && (c.instrumentId < 0 || c.instrumentId >= books.size()))
        {
            reports.add(rejected(c.accountId, "", RejectReason.UNKNOWN_INSTRUMENT));
            return RejectReason.UNKNOWN_INSTRUMENT;
        }
        for (final ReferenceBook book : books)
        {
            if (c.instrumentId != MatchingEngine.ANY_INSTRUMENT && c.instrumentId != book.instrument.id())
            {
                continue;
            }
            for (final List<ReferenceBook.Order> side : List.of(book.bids, book.asks))
            {
                for (final ReferenceBook.Order order : new ArrayList<>(side))
                {
                    if (order.accountId == c.accountId)
                    {
                        side.remove(order);
                        reportCanceled(order, order.remaining, CancelReason.MASS_CANCEL);
                    }
                }
            }
        }
        return RejectReason.NONE;
    }

    // ---- matching ----

    /**
     * Trades {@code taker} (not in the book) against the best opposite orders while it can.
     *
     * @param bandReference last trade price when the taker arrived: a MARKET taker stops at a price outside the band.
     * @return true when self-trade prevention cancelled the taker.
     */
    private boolean match(final ReferenceBook book, final ReferenceBook.Order taker, final long bandReference)
    {
        final List<ReferenceBook.Order> opposite = book.side(Side.opposite(taker.side));
        while (taker.remaining > 0)
        {
            final ReferenceBook.Order maker = book.best(Side.opposite(taker.side));
            if (maker == null)
            {
                return false;
            }
            final boolean reachable = taker.type == OrderType.MARKET ?
                !book.outsideBand(maker.price, bandReference) :
                ReferenceBook.crosses(taker.side, taker.price, maker.price);
            if (!reachable)
            {
                return false;
            }
            if (taker.stp != StpMode.NONE && maker.accountId == taker.accountId)
            {
                switch (taker.stp)
                {
                    case StpMode.CANCEL_NEWEST:
                        cancelTaker(taker, taker.remaining);
                        return true;

                    case StpMode.CANCEL_OLDEST:
                        opposite.remove(maker);
                        reportCanceled(maker, maker.remaining, CancelReason.SELF_TRADE);
                        break;

                    case StpMode.CANCEL_BOTH:
                        opposite.remove(maker);
                        reportCanceled(maker, maker.remaining, CancelReason.SELF_TRADE);
                        cancelTaker(taker, taker.remaining);
                        return true;

                    case StpMode.DECREMENT:
                    {
                        final long qty = Math.min(taker.remaining, maker.remaining);
                        maker.remaining -= qty;
                        taker.remaining -= qty;
                        if (maker.remaining == 0)
                        {
                            opposite.remove(maker);
                            reportCanceled(maker, qty, CancelReason.SELF_TRADE);
                        }
                        else
                        {
                            addDecrement(maker, qty);
                        }
                        if (taker.remaining == 0)
                        {
                            cancelTaker(taker, qty);
                            return true;
                        }
                        addDecrement(taker, qty);
                        break;
                    }

                    default:
                        throw new IllegalStateException("stp " + taker.stp);
                }
            }
            else
            {
                final long qty = Math.min(taker.remaining, maker.remaining);
                maker.remaining -= qty;
                taker.remaining -= qty;
                book.lastTradePrice = maker.price;
                fills.add(new Fill(
                    book.instrument.id(), maker.price, qty, taker.side,
                    maker.accountId, maker.orderId, maker.remaining,
                    taker.accountId, taker.orderId, taker.remaining));
                if (maker.remaining == 0)
                {
                    opposite.remove(maker);
                }
            }
        }
        return false;
    }

    private void cancelTaker(final ReferenceBook.Order taker, final long qty)
    {
        taker.remaining = 0;
        reportCanceled(taker, qty, CancelReason.SELF_TRADE);
    }

    private void reportCanceled(final ReferenceBook.Order order, final long qty, final int reason)
    {
        reports.add(canceled(order.instrumentId, order.accountId, order.orderId, qty, reason));
    }

    private void addDecrement(final ReferenceBook.Order order, final long qty)
    {
        decrements.computeIfAbsent(order, o -> new long[1])[0] += qty;
    }

    /**
     * Runs the FOK as an IOC against a copy of its book and looks whether trades alone filled all of it.
     */
    private static boolean fillsCompletelyByTrades(final ReferenceBook book, final ReferenceBook.Order order)
    {
        final ReferenceEngine scratch = new ReferenceEngine();
        final ReferenceBook.Order copy = order.copy();
        copy.tif = TimeInForce.IOC;
        scratch.match(book.copy(), copy, book.lastTradePrice);
        long traded = 0;
        for (final Fill fill : scratch.fills)
        {
            traded += fill.qty();
        }
        return traded == order.remaining;
    }

    private ReferenceBook.Order findLive(final int accountId, final String orderId)
    {
        for (final ReferenceBook book : books)
        {
            for (final List<ReferenceBook.Order> side : List.of(book.bids, book.asks))
            {
                for (final ReferenceBook.Order order : side)
                {
                    if (order.accountId == accountId && order.orderId.equals(orderId))
                    {
                        return order;
                    }
                }
            }
        }
        return null;
    }

    private static int checkPrice(final Instrument instrument, final long price)
    {
        if (price == MatchingEngine.NO_PRICE)
        {
            return RejectReason.MISSING_PRICE;
        }
        if (price <= 0)
        {
            return RejectReason.BAD_PRICE;
        }
        if (price > instrument.maxPriceTicks())
        {
            return RejectReason.PRICE_OUT_OF_RANGE;
        }
        return RejectReason.NONE;
    }

    private static int checkQty(final Instrument instrument, final long qty)
    {
        if (qty <= 0)
        {
            return RejectReason.BAD_QTY;
        }
        if (qty > instrument.maxQtyLots())
        {
            return RejectReason.QTY_OUT_OF_RANGE;
        }
        return RejectReason.NONE;
    }
}
