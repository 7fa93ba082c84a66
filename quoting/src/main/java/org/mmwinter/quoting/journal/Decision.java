package org.mmwinter.quoting.journal;

import java.util.Arrays;

/**
 * One quote decision and the inputs that produced it: a mutable flyweight that the market maker fills and reuses for
 * every decision, and that {@link DecisionJournal} writes and {@link DecisionReader} fills back. Prices and model
 * figures are decimal doubles as the quote model sees them; the ladder and the public book are integer ticks and
 * lots as the engine sees them.
 */
public final class Decision
{
    /** Ladder levels a side can hold: the arrays' length, and the most a record carries. */
    public static final int MAX_LEVELS = 10;
    /** A book side with no price: what {@link #bestBidTicks} and {@link #bestAskTicks} hold then. */
    public static final long NO_PRICE = 0;

    /** Event time of the decision, nanoseconds. */
    public long nowNs;
    /** Engine journal sequence of the event that triggered the decision; 0 if none did (a timer, a start). */
    public long commandSequence;
    public int instrumentId;
    /** The primary {@link DecisionReason}. */
    public int reason;
    /** Secondary reasons, a bit set of {@link DecisionReason#flag}. */
    public int flags;

    /** Mid of the public book, decimal price. */
    public double mid;
    /** Relative volatility per square-root second, as the volatility estimator gave it. */
    public double sigma;
    /** Order-arrival decay, 1 / price unit. */
    public double k;
    /** Order-arrival intensity at depth 0, trades per second. */
    public double a;
    /** Signed position in base units (positive = long). */
    public double inventory;
    public double reservation;
    public double bidHalfSpread;
    public double askHalfSpread;
    public double equity;
    public double drawdown;

    /** Levels in use in {@link #bidTicks} and {@link #bidLots}, level 0 the innermost. */
    public int bidLevels;
    /** Levels in use in {@link #askTicks} and {@link #askLots}, level 0 the innermost. */
    public int askLevels;
    public final long[] bidTicks = new long[MAX_LEVELS];
    public final long[] bidLots = new long[MAX_LEVELS];
    public final long[] askTicks = new long[MAX_LEVELS];
    public final long[] askLots = new long[MAX_LEVELS];

    /** Orders, cancels and amends the bot sent for this decision. */
    public int commandsSent;
    /** Best bid of the public book the bot saw, ticks; {@link #NO_PRICE} when there was none. */
    public long bestBidTicks;
    /** Best ask of the public book the bot saw, ticks; {@link #NO_PRICE} when there was none. */
    public long bestAskTicks;

    public Decision()
    {
        clear();
    }

    /**
     * Back to an empty decision: counts and ids 0, reason {@link DecisionReason#NONE}, model figures NaN (not
     * computed, which a zero could not say), empty ladders, no book.
     */
    public void clear()
    {
        nowNs = 0;
        commandSequence = 0;
        instrumentId = 0;
        reason = DecisionReason.NONE;
        flags = 0;
        mid = Double.NaN;
        sigma = Double.NaN;
        k = Double.NaN;
        a = Double.NaN;
        inventory = Double.NaN;
        reservation = Double.NaN;
        bidHalfSpread = Double.NaN;
        askHalfSpread = Double.NaN;
        equity = Double.NaN;
        drawdown = Double.NaN;
        bidLevels = 0;
        askLevels = 0;
        Arrays.fill(bidTicks, 0);
        Arrays.fill(bidLots, 0);
        Arrays.fill(askTicks, 0);
        Arrays.fill(askLots, 0);
        commandsSent = 0;
        bestBidTicks = NO_PRICE;
        bestAskTicks = NO_PRICE;
    }

    /**
     * Copies every field of {@code source}, ladders included (all {@link #MAX_LEVELS} slots).
     */
    public void copyFrom(final Decision source)
    {
        nowNs = source.nowNs;
        commandSequence = source.commandSequence;
        instrumentId = source.instrumentId;
        reason = source.reason;
        flags = source.flags;
        mid = source.mid;
        sigma = source.sigma;
        k = source.k;
        a = source.a;
        inventory = source.inventory;
        reservation = source.reservation;
        bidHalfSpread = source.bidHalfSpread;
        askHalfSpread = source.askHalfSpread;
        equity = source.equity;
        drawdown = source.drawdown;
        bidLevels = source.bidLevels;
        askLevels = source.askLevels;
        System.arraycopy(source.bidTicks, 0, bidTicks, 0, MAX_LEVELS);
        System.arraycopy(source.bidLots, 0, bidLots, 0, MAX_LEVELS);
        System.arraycopy(source.askTicks, 0, askTicks, 0, MAX_LEVELS);
        System.arraycopy(source.askLots, 0, askLots, 0, MAX_LEVELS);
        commandsSent = source.commandsSent;
        bestBidTicks = source.bestBidTicks;
        bestAskTicks = source.bestAskTicks;
    }

    /**
     * Adds {@code bidTicks @ bidLots} as the next bid level.
     *
     * @return false, adding nothing, when the side already holds {@link #MAX_LEVELS}.
     */
    public boolean addBid(final long ticks, final long lots)
    {
        if (bidLevels == MAX_LEVELS)
        {
            return false;
        }
        bidTicks[bidLevels] = ticks;
        bidLots[bidLevels] = lots;
        bidLevels++;
        return true;
    }

    /**
     * Adds {@code askTicks @ askLots} as the next ask level.
     *
     * @return false, adding nothing, when the side already holds {@link #MAX_LEVELS}.
     */
    public boolean addAsk(final long ticks, final long lots)
    {
        if (askLevels == MAX_LEVELS)
        {
            return false;
        }
        askTicks[askLevels] = ticks;
        askLots[askLevels] = lots;
        askLevels++;
        return true;
    }
}
