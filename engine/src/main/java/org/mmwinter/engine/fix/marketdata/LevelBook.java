package org.mmwinter.engine.fix.marketdata;

import org.mmwinter.engine.core.Side;

/**
 * The aggregated L2 book of one instrument as FIX subscribers see it: one entry per price with the total quantity
 * and the number of orders there, in ticks and lots. It is built from the engine's BOOK_SNAPSHOT answer and kept
 * up by its level changes, which carry a level's new state (not a difference), so applying one is idempotent.
 */
final class LevelBook
{
    /** {@link #apply} changed nothing: an empty level that was not there. */
    static final int NO_CHANGE = -1;
    /** A level appeared (MDUpdateAction 0). */
    static final int NEW = 0;
    /** A level's quantity or order count changed (MDUpdateAction 1). */
    static final int CHANGE = 1;
    /** A level went away (MDUpdateAction 2). */
    static final int DELETE = 2;

    private final LevelLadder bids = new LevelLadder(true);
    private final LevelLadder offers = new LevelLadder(false);

    LevelLadder side(final int side)
    {
        return side == Side.BUY ? bids : offers;
    }

    /**
     * @return {@link #NEW}, {@link #CHANGE}, {@link #DELETE} or {@link #NO_CHANGE}; the level's index from the
     *         best is then {@link #lastIndex(int)} of that side.
     */
    int apply(final int side, final long price, final long quantity, final int orderCount)
    {
        return side(side).apply(price, quantity, orderCount);
    }

    int lastIndex(final int side)
    {
        return side(side).lastIndex();
    }

    void clear()
    {
        bids.clear();
        offers.clear();
    }
}
