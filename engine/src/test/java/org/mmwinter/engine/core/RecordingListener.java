package org.mmwinter.engine.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Captures every callback of the core as one readable line, so that tests can assert exact event sequences
 * (the habit of parity's OrderBookTest). Shared with other modules through the engine's test-jar.
 */
public final class RecordingListener implements MatchingListener
{
    private final List<String> events = new ArrayList<>();
    private boolean marketData = true;

    /**
     * Leaves trade prints and level changes out, for tests that only look at execution reports (statuses, which are
     * never lossy, and book levels, which answer a request, stay in).
     */
    public RecordingListener withoutMarketData()
    {
        marketData = false;
        return this;
    }

    public List<String> events()
    {
        return events;
    }

    /**
     * Returns the events recorded so far and forgets them.
     */
    public List<String> drain()
    {
        final List<String> copy = new ArrayList<>(events);
        events.clear();
        return copy;
    }

    public void clear()
    {
        events.clear();
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
        events.add("ACCEPTED " + accountId + "/" + clientOrderId + " " + Side.name(side) + " " + price(price) + "x" +
            qty);
    }

    public void onRejected(
        final int accountId, final long orderId, final ClientOrderId clientOrderId, final int reason)
    {
        events.add("REJECTED " + accountId + "/" + clientOrderId + " " + RejectReason.describe(reason));
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
        events.add("FILL " + price + "x" + qty + " " + Side.name(takerSide) +
            " maker " + makerAccountId + "/" + makerClientOrderId + " left " + makerRemaining +
            " taker " + takerAccountId + "/" + takerClientOrderId + " left " + takerRemaining);
    }

    public void onCanceled(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final long qty,
        final int reason)
    {
        events.add("CANCELED " + accountId + "/" + clientOrderId + " " + qty + " " + CancelReason.name(reason));
    }

    public void onReduced(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final long qty,
        final long remaining)
    {
        events.add("REDUCED " + accountId + "/" + clientOrderId + " " + qty + " left " + remaining);
    }

    public void onExpired(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final long qty)
    {
        events.add("EXPIRED " + accountId + "/" + clientOrderId + " " + qty);
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
        events.add("AMENDED " + accountId + "/" + clientOrderId + " " + price + "x" + qty +
            (priorityKept ? " kept priority" : " lost priority"));
    }

    public void onTrade(final int instrumentId, final long price, final long qty, final int takerSide)
    {
        if (marketData)
        {
            events.add("TRADE " + instrumentId + " " + price + "x" + qty + " " + Side.name(takerSide));
        }
    }

    public void onLevelChanged(
        final int instrumentId, final int side, final long price, final long qty, final int orderCount)
    {
        if (marketData)
        {
            events.add("LEVEL " + instrumentId + " " + Side.name(side) + " " + price + " " + qty + " #" + orderCount);
        }
    }

    public void onStatus(final int instrumentId, final int status)
    {
        events.add(instrumentId == MatchingEngine.ANY_INSTRUMENT ? "STATUS venue " + status :
            "STATUS " + instrumentId + " " + status);
    }

    public void onBookLevel(
        final int instrumentId, final int side, final long price, final long qty, final int orderCount)
    {
        events.add("BOOK_LEVEL " + instrumentId + " " + Side.name(side) + " " + price + " " + qty + " #" + orderCount);
    }

    private static String price(final long price)
    {
        return price == MatchingEngine.NO_PRICE ? "MKT" : Long.toString(price);
    }
}
