package org.mmwinter.replay.crash;

/**
 * What the simulated crowd of a crash day sees of the engine's public book before it acts: the agents place their
 * orders against the book the engine holds, so the price path emerges from the matching, not from a list of prices.
 */
public interface MarketView
{
    /** No price on that side (an empty side, or no trade yet). */
    long NONE = 0;

    /** Best bid in ticks, {@link #NONE} when the side is empty. */
    long bestBid();

    /** Best ask in ticks, {@link #NONE} when the side is empty. */
    long bestAsk();

    /** Price of the last trade in ticks, {@link #NONE} before the first. */
    long lastTrade();
}
