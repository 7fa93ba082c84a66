package org.mmwinter.engine.core;

/**
 * Everything the matching core reports, as primitives so that delivery allocates nothing. Execution reports
 * (accepted .. amended) go to the order's owner; trade prints and level changes are public market data.
 * Callbacks arrive on the matching thread, in the order the events happened, while a command is being processed.
 * <p>
 * An order is named twice: {@code orderId} is the engine's own id (FIX OrderID), given when a NEW is accepted, and
 * {@code clientOrderId} the client's (FIX ClOrdID), with the account the key the client cancels and amends by. A
 * {@link ClientOrderId} handed to a callback is the engine's own and valid only during the call: copy it to keep it.
 */
public interface MatchingListener
{
    /** A listener that ignores everything (recovery, benchmarks). */
    MatchingListener NO_OP = new MatchingListener()
    {
    };

    /** A NEW passed validation, was given its engine order id and entered matching. */
    default void onAccepted(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final int side,
        final long price,
        final long qty)
    {
    }

    /**
     * A command was refused; nothing changed. {@code clientOrderId} is the command's (empty for a mass cancel);
     * {@code orderId} is the engine id of the live order it named, or {@link MatchingEngine#NO_ORDER_ID}.
     */
    default void onRejected(
        final int accountId, final long orderId, final ClientOrderId clientOrderId, final int reason)
    {
    }

    /** One execution between a resting (maker) and an incoming (taker) order, at the maker's price. */
    default void onFill(
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
    }

    /** An order lost {@code qty} without trading and is gone: see {@link CancelReason}. */
    default void onCanceled(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final long qty,
        final int reason)
    {
    }

    /**
     * Self-trade prevention (DECREMENT) took {@code qty} off an order that lives on with {@code remaining}: the owner
     * must hear of it, since no fill or cancel says so. An order left at zero gets {@link #onCanceled} instead.
     */
    default void onReduced(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final long qty,
        final long remaining)
    {
    }

    /** The unfilled remainder of an IOC, FOK or MARKET order ended. */
    default void onExpired(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final long qty)
    {
    }

    /** A live order now has this price and remaining quantity; it kept its time priority or went to the back. */
    default void onAmended(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final long price,
        final long qty,
        final boolean priorityKept)
    {
    }

    /** Public trade print. */
    default void onTrade(final int instrumentId, final long price, final long qty, final int takerSide)
    {
    }

    /**
     * One level of a book as it stands, answering {@link MatchingEngine#publishBook}: bids best first, then asks
     * best first. Not a change: a subscriber that lost updates replaces its copy of the book with these.
     */
    default void onBookLevel(
        final int instrumentId, final int side, final long price, final long qty, final int orderCount)
    {
    }

    /**
     * Public trading status, never to be missed: an instrument's ({@link MarketStatus#TRADING} or
     * {@link MarketStatus#HALTED}) when a halt or resume is applied, or the venue's
     * ({@link MarketStatus#VENUE_NORMAL} ..., {@code instrumentId} {@link MatchingEngine#ANY_INSTRUMENT}) when it
     * is set; and both at the start of a {@link MatchingEngine#publishBook} answer, before the levels.
     */
    default void onStatus(final int instrumentId, final int status)
    {
    }

    /** Public L2 update: the level's new aggregate quantity and order count (both 0 when the level is gone). */
    default void onLevelChanged(
        final int instrumentId, final int side, final long price, final long qty, final int orderCount)
    {
    }
}
