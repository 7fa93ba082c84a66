package org.mmwinter.quoting.model;

/**
 * Turns a model's decimal quotes into the integer orders the bot sends: a few levels per side, each
 * {@code levelSpacingTicks} further from the touch, sized by a {@link SizeShape}.
 *
 * <p>Every rounding goes the safe way: bids down to a tick, asks up, sizes down to a lot (to within a billionth of a
 * tick or lot, so that a decimal like 30000.0 / 0.5 that lands a hair off a whole number is not pushed a whole tick
 * or lot away). A level whose size rounds to no lot is dropped, and so is a bid below tick 1. The innermost bid and
 * ask are then widened, symmetrically around the midpoint of the two quotes and rounding outward, until they are at
 * least {@code minSpreadTicks} (and at least one tick) apart and, with a maker fee f > 0, until a round trip does
 * not lose: {@code ask (1 - f) - bid (1 + f) >= 0}, that is {@code ask - bid >= f (ask + bid)}, a half width of
 * f x midpoint. With a rebate (f <= 0) the tick floor is the only one.
 */
public final class QuoteLadder
{
    /**
     * How the order size grows from the innermost level (0) outwards.
     */
    public enum SizeShape
    {
        /** Every level the base size. */
        FLAT
        {
            @Override
            public double size(final double baseSize, final double factor, final int level)
            {
                return baseSize;
            }
        },
        /** base x (1 + level x factor): a straight line, steeper with the factor. */
        LINEAR
        {
            @Override
            public double size(final double baseSize, final double factor, final int level)
            {
                return baseSize * (1.0 + level * factor);
            }
        },
        /** base x factor^level: a factor above 1 puts more size further out, below 1 less. */
        GEOMETRIC
        {
            @Override
            public double size(final double baseSize, final double factor, final int level)
            {
                return baseSize * StrictMath.pow(factor, level);
            }
        };

        /**
         * The size of level {@code level} in base units.
         */
        public abstract double size(double baseSize, double factor, int level);
    }

    /** A billionth of a tick or a lot: the tolerance of the rounding and of the fee test. */
    private static final double TOLERANCE = 1e-9;

    private final int levels;
    private final long spacingTicks;
    private final SizeShape shape;
    private final double baseSize;
    private final double shapeFactor;
    private final int maxLevels;
    private final double[] levelSizes;

    /**
     * @param levels            levels per side, in [1, maxLevels].
     * @param levelSpacingTicks the distance between levels, rounded up to whole ticks (at least 1), > 0.
     * @param shape             how the size grows outwards.
     * @param baseSize          the size of level 0 in base units, > 0.
     * @param shapeFactor       the growth of LINEAR and GEOMETRIC (ignored by FLAT); GEOMETRIC needs > 0, LINEAR a
     *                          factor that keeps every level's size >= 0.
     * @param maxLevels         the capacity of the {@link Ladder}s this ladder fills, >= levels.
     */
    public QuoteLadder(
        final int levels, final double levelSpacingTicks, final SizeShape shape, final double baseSize,
        final double shapeFactor, final int maxLevels)
    {
        if (maxLevels < 1)
        {
            throw new IllegalArgumentException("maxLevels must be >= 1: " + maxLevels);
        }
        if (levels < 1 || levels > maxLevels)
        {
            throw new IllegalArgumentException("levels must be in [1, maxLevels = " + maxLevels + "]: " + levels);
        }
        if (!(levelSpacingTicks > 0.0) || Double.isInfinite(levelSpacingTicks))
        {
            throw new IllegalArgumentException("levelSpacingTicks must be a positive number: " + levelSpacingTicks);
        }
        if (shape == null)
        {
            throw new IllegalArgumentException("shape must be given");
        }
        if (!(baseSize > 0.0) || Double.isInfinite(baseSize))
        {
            throw new IllegalArgumentException("baseSize must be a positive number: " + baseSize);
        }
        if (!Double.isFinite(shapeFactor))
        {
            throw new IllegalArgumentException("shapeFactor must be a finite number: " + shapeFactor);
        }
        if (shape == SizeShape.GEOMETRIC && !(shapeFactor > 0.0))
        {
            throw new IllegalArgumentException("shapeFactor must be > 0 for GEOMETRIC: " + shapeFactor);
        }
        if (shape == SizeShape.LINEAR && 1.0 + (levels - 1) * shapeFactor < 0.0)
        {
            throw new IllegalArgumentException(
                "shapeFactor must be >= -1/(levels - 1) for LINEAR, so that no level has a negative size: " +
                shapeFactor);
        }
        this.levels = levels;
        this.spacingTicks = Math.max(1L, (long)Math.ceil(levelSpacingTicks - TOLERANCE));
        this.shape = shape;
        this.baseSize = baseSize;
        this.shapeFactor = shapeFactor;
        this.maxLevels = maxLevels;
        this.levelSizes = new double[levels];
        for (int i = 0; i < levels; i++)
        {
            levelSizes[i] = shape.size(baseSize, shapeFactor, i);
        }
    }

    /**
     * A ladder of this ladder's capacity ({@code maxLevels}), to be built into; allocate it at start-up.
     */
    public Ladder newLadder()
    {
        return new Ladder(maxLevels);
    }

    /**
     * Fills {@code out} with the orders for {@code quote}; empty when the quote has no prices or the tick, lot or
     * fee admit no order (tick or lot not positive, a fee of 100% or more).
     *
     * @param quote          the model's quotes (only {@code bidPrice} and {@code askPrice} are read).
     * @param tickSize       the price of one tick, > 0.
     * @param lotSize        the size of one lot in base units, > 0.
     * @param minSpreadTicks the least distance between the innermost bid and ask, in ticks (at least 1 is kept).
     * @param makerFeeRate   the maker fee as a fraction of the notional (0.0002 for 2 bps; negative for a rebate).
     * @param bidSizeScale   shrinks the bid sizes, clamped to [0, 1]; 0 (or NaN) quotes no bid.
     * @param askSizeScale   shrinks the ask sizes, clamped to [0, 1]; 0 (or NaN) quotes no ask.
     * @param out            the orders, overwritten; its capacity must be at least {@code levels}.
     */
    public void build(
        final QuoteResult quote, final double tickSize, final double lotSize, final long minSpreadTicks,
        final double makerFeeRate, final double bidSizeScale, final double askSizeScale, final Ladder out)
    {
        if (out.capacity() < levels)
        {
            throw new IllegalArgumentException(
                "ladder capacity " + out.capacity() + " is below levels " + levels + ": use newLadder()");
        }
        out.clear();
        final double bidPrice = quote.bidPrice;
        final double askPrice = quote.askPrice;
        if (!Double.isFinite(bidPrice) || !Double.isFinite(askPrice) || !(tickSize > 0.0) ||
            Double.isInfinite(tickSize) || !(lotSize > 0.0) || Double.isInfinite(lotSize) || !(makerFeeRate < 1.0))
        {
            return;
        }
        final long minTicks = Math.max(1L, minSpreadTicks);
        long bidTick = (long)Math.floor(bidPrice / tickSize + TOLERANCE);
        long askTick = (long)Math.ceil(askPrice / tickSize - TOLERANCE);
        if (!spreadHolds(bidTick, askTick, minTicks, makerFeeRate))
        {
            final double midpoint = 0.5 * (bidPrice + askPrice);
            final double feeHalfWidth = makerFeeRate > 0.0 ? makerFeeRate * midpoint : 0.0;
            final double halfWidth = Math.max(0.5 * minTicks * tickSize, feeHalfWidth);
            // Only ever outwards: a side the model already put further out stays where it is.
            bidTick = Math.min(bidTick, (long)Math.floor((midpoint - halfWidth) / tickSize + TOLERANCE));
            askTick = Math.max(askTick, (long)Math.ceil((midpoint + halfWidth) / tickSize - TOLERANCE));
            // The half width meets both floors in exact arithmetic; a tick more per side answers the rounding of f.
            boolean widenAsk = true;
            while (!spreadHolds(bidTick, askTick, minTicks, makerFeeRate))
            {
                if (widenAsk)
                {
                    askTick++;
                }
                else
                {
                    bidTick--;
                }
                widenAsk = !widenAsk;
            }
        }
        out.bidLevels = fillBids(bidTick, clampScale(bidSizeScale), lotSize, out);
        out.askLevels = fillAsks(askTick, clampScale(askSizeScale), lotSize, out);
    }

    private int fillBids(final long innermostTick, final double scale, final double lotSize, final Ladder out)
    {
        int count = 0;
        if (scale > 0.0)
        {
            for (int i = 0; i < levels; i++)
            {
                final long tick = innermostTick - i * spacingTicks;
                if (tick < 1)
                {
                    break;
                }
                final long lots = lots(levelSizes[i] * scale, lotSize);
                if (lots > 0)
                {
                    out.bidTicks[count] = tick;
                    out.bidLots[count] = lots;
                    count++;
                }
            }
        }
        return count;
    }

    private int fillAsks(final long innermostTick, final double scale, final double lotSize, final Ladder out)
    {
        int count = 0;
        if (scale > 0.0)
        {
            for (int i = 0; i < levels; i++)
            {
                final long tick = innermostTick + i * spacingTicks;
                final long lots = lots(levelSizes[i] * scale, lotSize);
                if (tick >= 1 && lots > 0)
                {
                    out.askTicks[count] = tick;
                    out.askLots[count] = lots;
                    count++;
                }
            }
        }
        return count;
    }

    private static long lots(final double size, final double lotSize)
    {
        return (long)Math.floor(size / lotSize + TOLERANCE);
    }

    private static double clampScale(final double scale)
    {
        if (!(scale > 0.0))
        {
            return 0.0;
        }
        return scale > 1.0 ? 1.0 : scale;
    }

    /**
     * The innermost pair is at least {@code minTicks} apart and, for a fee, a round trip does not lose: the tick
     * size cancels from {@code ask (1 - f) - bid (1 + f) >= 0}, so the test is on ticks.
     */
    private static boolean spreadHolds(
        final long bidTick, final long askTick, final long minTicks, final double makerFeeRate)
    {
        final long width = askTick - bidTick;
        if (width < minTicks)
        {
            return false;
        }
        return !(makerFeeRate > 0.0) || width + TOLERANCE >= makerFeeRate * ((double)askTick + (double)bidTick);
    }

    public int levels()
    {
        return levels;
    }

    public long spacingTicks()
    {
        return spacingTicks;
    }

    public SizeShape shape()
    {
        return shape;
    }

    public double baseSize()
    {
        return baseSize;
    }

    public double shapeFactor()
    {
        return shapeFactor;
    }

    public int maxLevels()
    {
        return maxLevels;
    }
}
