package org.mmwinter.replay.l2;

/**
 * One change of the recorded level book, as the book readers hand it on: a level's new absolute amount (0 removes
 * it), or a reset (a snapshot begins: the book so far is discarded). Mutable and reused.
 */
final class BookEvent
{
    static final int LEVEL = 1;
    static final int RESET = 2;

    int kind;
    /** The row's local_timestamp (arrival), microseconds since the epoch: rows of one message share it. */
    long timeUs;
    /** The line of the file it came from. */
    long line;
    /** {@code Side.BUY} for a bid level, {@code Side.SELL} for an ask level. */
    int side;
    /** Ticks. */
    long price;
    /** Lots: the level's new total, 0 removes it. */
    long amount;

    void copyFrom(final BookEvent other)
    {
        kind = other.kind;
        timeUs = other.timeUs;
        line = other.line;
        side = other.side;
        price = other.price;
        amount = other.amount;
    }
}
