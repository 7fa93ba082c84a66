package org.mmwinter.replay.l2;

/**
 * One recorded trade: the taker's side, price and amount. Mutable and reused.
 */
final class TradeEvent
{
    /** The trades file says {@code unknown} (or nothing): the side is inferred from the book. */
    static final int UNKNOWN_SIDE = -1;

    long timeUs;
    long line;
    /** {@code Side.BUY}, {@code Side.SELL} or {@link #UNKNOWN_SIDE}: the aggressor's. */
    int side;
    long price;
    long amount;
}
