package org.mmwinter.replay.lobster;

/**
 * What the replay knows of one resting order it entered: side, price and remaining size, kept in step with the
 * core's reports so that a partial cancel can be turned into the core's AMEND to the new remaining size.
 */
final class TrackedOrder
{
    int side;
    long price;
    long remaining;

    TrackedOrder set(final int side, final long price, final long remaining)
    {
        this.side = side;
        this.price = price;
        this.remaining = remaining;
        return this;
    }
}
