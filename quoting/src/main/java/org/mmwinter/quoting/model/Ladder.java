package org.mmwinter.quoting.model;

import java.util.Arrays;

/**
 * The orders a {@link QuoteLadder} builds, in whole ticks and lots: index 0 is the innermost (best) level kept on
 * each side, further indices further from the touch. Mutable and pre-sized so that building allocates nothing; the
 * caller owns it and reads {@code bidLevels} and {@code askLevels} entries of the arrays.
 */
public final class Ladder
{
    /** The number of bid levels in {@link #bidTicks} and {@link #bidLots}. */
    public int bidLevels;
    /** The number of ask levels in {@link #askTicks} and {@link #askLots}. */
    public int askLevels;
    /** Bid prices in ticks, decreasing. */
    public final long[] bidTicks;
    /** Bid sizes in lots, each at least 1. */
    public final long[] bidLots;
    /** Ask prices in ticks, increasing. */
    public final long[] askTicks;
    /** Ask sizes in lots, each at least 1. */
    public final long[] askLots;

    /**
     * @param maxLevels the most levels a side can hold, >= 1.
     */
    public Ladder(final int maxLevels)
    {
        if (maxLevels < 1)
        {
            throw new IllegalArgumentException("maxLevels must be >= 1: " + maxLevels);
        }
        bidTicks = new long[maxLevels];
        bidLots = new long[maxLevels];
        askTicks = new long[maxLevels];
        askLots = new long[maxLevels];
    }

    /**
     * The most levels a side can hold.
     */
    public int capacity()
    {
        return bidTicks.length;
    }

    /**
     * No levels on either side; the arrays are zeroed so that a stale level can never be read back.
     */
    public void clear()
    {
        bidLevels = 0;
        askLevels = 0;
        Arrays.fill(bidTicks, 0L);
        Arrays.fill(bidLots, 0L);
        Arrays.fill(askTicks, 0L);
        Arrays.fill(askLots, 0L);
    }

    @Override
    public String toString()
    {
        final StringBuilder text = new StringBuilder(64).append("Ladder{bids=[");
        for (int i = 0; i < bidLevels; i++)
        {
            text.append(i == 0 ? "" : ", ").append(bidLots[i]).append('@').append(bidTicks[i]);
        }
        text.append("], asks=[");
        for (int i = 0; i < askLevels; i++)
        {
            text.append(i == 0 ? "" : ", ").append(askLots[i]).append('@').append(askTicks[i]);
        }
        return text.append("]}").toString();
    }
}
