package org.mmwinter.replay.lobster;

import org.mmwinter.engine.core.Side;

/**
 * Compares the rebuilt top N levels with each book-file row and keeps the rebuild honest to the file.
 * <p>
 * Per row, in this order:
 * <ol>
 * <li>Levels the messages cannot know are taken from the row. A LOBSTER message file of level N holds only the
 * events that touch the top N levels at the time, so a price deeper than the previous row's level N (on the first
 * row: every price, which seeds the book) may have gained or lost orders unseen. Such a level, coming into view,
 * is set to the row's size (removed when the row shows nothing there): synthetic liquidity is added, or taken off
 * (synthetic first, then the file's youngest orders).</li>
 * <li>The rebuild is compared level by level; a level counts as matched only now, before any correction.</li>
 * <li>After a mismatch the rebuild is resynchronised: within the range the row shows (down to its level N, or the
 * whole side when the row shows fewer levels) levels the row lacks are removed and sizes made the row's, through
 * core commands on synthetic liquidity first and then on the file's youngest orders.</li>
 * </ol>
 * Nothing is added or removed while the core is halted (it refuses new orders then): those rows are compared only.
 * A naive verifier seeds from the first row and then only compares, to show what the two corrections add.
 */
final class BookVerifier
{
    private final int levels;
    private final LobsterRebuild rebuild;
    private final LevelView view;
    private final LevelTally tally;
    private final boolean naive;
    private final long[] scratchPrices;
    private final long[] scratchSizes;

    /** Bids at or above this price were in view of the previous row (Long.MAX_VALUE: no row yet). */
    private long bidViewFrom = Long.MAX_VALUE;
    /** Asks at or below this price were in view of the previous row (Long.MIN_VALUE: no row yet). */
    private long askViewTo = Long.MIN_VALUE;
    private boolean seeded;
    private long resyncs;
    private long levelsFromBook;
    private long refusedCorrections;

    BookVerifier(final int levels, final LobsterRebuild rebuild, final boolean naive)
    {
        this.naive = naive;
        this.levels = levels;
        this.rebuild = rebuild;
        this.view = rebuild.levels();
        this.tally = new LevelTally(levels);
        this.scratchPrices = new long[levels];
        this.scratchSizes = new long[levels];
    }

    LevelTally tally()
    {
        return tally;
    }

    long resyncs()
    {
        return resyncs;
    }

    long levelsFromBook()
    {
        return levelsFromBook;
    }

    long refusedCorrections()
    {
        return refusedCorrections;
    }

    /**
     * @param row the book row, ask price, ask size, bid price, bid size per level.
     * @param message the message the row follows, for the first-mismatch report; null when that message was
     *                malformed (the row is then not compared, only corrected to).
     */
    void check(final long[] row, final long rowNumber, final LobsterMessage message)
    {
        final boolean seeding = !seeded;
        seeded = true;
        final boolean canCorrect = rebuild.marketState() != LobsterRebuild.HALTED && (!naive || seeding);
        if (canCorrect)
        {
            removeExtra(row, Side.BUY, true);
            removeExtra(row, Side.SELL, true);
            takeUnknownLevels(row, Side.BUY);
            takeUnknownLevels(row, Side.SELL);
        }
        boolean mismatch = false;
        for (int k = 0; k < levels; k++)
        {
            final int at = 4 * k;
            final boolean match = row[at] == view.price(Side.SELL, k) && row[at + 1] == view.size(Side.SELL, k) &&
                row[at + 2] == view.price(Side.BUY, k) && row[at + 3] == view.size(Side.BUY, k);
            mismatch |= !match;
            if (message == null)
            {
                continue;
            }
            tally.count(k, match);
            if (!match && !tally.hasMismatch(k))
            {
                tally.firstMismatch(k, rowNumber, describe(message),
                    "ask " + row[at] + "x" + row[at + 1] + " bid " + row[at + 2] + "x" + row[at + 3],
                    "ask " + view.price(Side.SELL, k) + "x" + view.size(Side.SELL, k) + " bid " +
                    view.price(Side.BUY, k) + "x" + view.size(Side.BUY, k));
            }
        }
        if (mismatch && canCorrect && !naive)
        {
            resyncs++;
            removeExtra(row, Side.BUY, false);
            removeExtra(row, Side.SELL, false);
            resize(row, Side.BUY);
            resize(row, Side.SELL);
        }
        if (!mismatch || canCorrect)
        {
            moveView(row);
        }
    }

    private static String describe(final LobsterMessage message)
    {
        final StringBuilder out = new StringBuilder(64).append("time ");
        TradeLog.appendTime(out, message.timeNs);
        return out.append(" type ").append(message.type).append(" order ").append(message.orderId).append(" size ")
            .append(message.size).append(" price ").append(message.price).append(" direction ")
            .append(message.direction).toString();
    }

    private void takeUnknownLevels(final long[] row, final int side)
    {
        for (int k = 0; k < levels; k++)
        {
            final long price = price(row, side, k);
            if (isEmpty(side, price))
            {
                break;
            }
            if (inView(side, price))
            {
                continue;
            }
            final long difference = size(row, side, k) - view.sizeAt(side, price);
            if (difference != 0)
            {
                levelsFromBook++;
                setSize(side, price, difference);
            }
        }
    }

    /**
     * Removes rebuilt levels inside the row's range that the row does not show; with {@code unseenOnly}, only
     * those that were out of view of the previous row.
     */
    private void removeExtra(final long[] row, final int side, final boolean unseenOnly)
    {
        final int shown = shown(row, side);
        final long edge = shown == levels ? price(row, side, levels - 1) : worstPrice(side);
        if (unseenOnly && inView(side, edge))
        {
            // The previous row saw the whole range of this one: nothing in it comes into view.
            return;
        }
        // Up to a row's worth of levels per pass; more stale levels than that take more passes.
        int extra = scratchPrices.length;
        final int passes = view.levels(side) / scratchPrices.length + 1;
        for (int pass = 0; extra == scratchPrices.length && pass < passes; pass++)
        {
            extra = 0;
            int k = 0;
            for (int rank = 0; rank < view.levels(side) && extra < scratchPrices.length; rank++)
            {
                final long price = view.price(side, rank);
                if (shown == levels && LobsterRebuild.worse(side, price, edge))
                {
                    break;
                }
                // Both are best first: walk the row's levels alongside.
                while (k < shown && LobsterRebuild.worse(side, price, price(row, side, k)))
                {
                    k++;
                }
                final boolean inRow = k < shown && price(row, side, k) == price;
                if (!inRow && !(unseenOnly && inView(side, price)))
                {
                    scratchPrices[extra] = price;
                    scratchSizes[extra] = view.size(side, rank);
                    extra++;
                }
            }
            for (int i = 0; i < extra; i++)
            {
                rebuild.removeAt(side, scratchPrices[i], scratchSizes[i]);
            }
        }
    }

    private void resize(final long[] row, final int side)
    {
        for (int k = 0; k < levels; k++)
        {
            final long price = price(row, side, k);
            if (isEmpty(side, price))
            {
                break;
            }
            setSize(side, price, size(row, side, k) - view.sizeAt(side, price));
        }
    }

    private void setSize(final int side, final long price, final long difference)
    {
        if (difference > 0)
        {
            if (!rebuild.addSynthetic(side, price, difference))
            {
                refusedCorrections++;
            }
        }
        else if (difference < 0)
        {
            rebuild.removeAt(side, price, -difference);
        }
    }

    private void moveView(final long[] row)
    {
        final int bids = shown(row, Side.BUY);
        bidViewFrom = bids == levels ? price(row, Side.BUY, levels - 1) : Long.MIN_VALUE;
        final int asks = shown(row, Side.SELL);
        askViewTo = asks == levels ? price(row, Side.SELL, levels - 1) : Long.MAX_VALUE;
    }

    private boolean inView(final int side, final long price)
    {
        return side == Side.BUY ? price >= bidViewFrom : price <= askViewTo;
    }

    private int shown(final long[] row, final int side)
    {
        int shown = 0;
        while (shown < levels && !isEmpty(side, price(row, side, shown)))
        {
            shown++;
        }
        return shown;
    }

    private static long worstPrice(final int side)
    {
        return side == Side.BUY ? Long.MIN_VALUE : Long.MAX_VALUE;
    }

    private static boolean isEmpty(final int side, final long price)
    {
        return side == Side.BUY ? price == LevelView.EMPTY_BID_PRICE : price == LevelView.EMPTY_ASK_PRICE;
    }

    private static long price(final long[] row, final int side, final int level)
    {
        return row[4 * level + (side == Side.BUY ? 2 : 0)];
    }

    private static long size(final long[] row, final int side, final int level)
    {
        return row[4 * level + (side == Side.BUY ? 3 : 1)];
    }
}
