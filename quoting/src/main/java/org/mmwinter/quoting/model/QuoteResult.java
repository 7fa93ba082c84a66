package org.mmwinter.quoting.model;

/**
 * What a {@link QuoteModel} answers, in decimal prices: a reservation price and the distance of each quote from it.
 * Mutable and reused on every event so that quoting allocates nothing; the caller owns it.
 */
public final class QuoteResult
{
    /** The value of every field after {@link #clear()}: no quote. NaN so that it can never pass for a price. */
    public static final double NO_PRICE = Double.NaN;

    /** The price around which the quotes sit: the mid adjusted for inventory. */
    public double reservation = NO_PRICE;
    /** {@code reservation - bidPrice}, at least 0. */
    public double bidHalfSpread = NO_PRICE;
    /** {@code askPrice - reservation}, at least 0. */
    public double askHalfSpread = NO_PRICE;
    /** The bid before rounding to a tick. */
    public double bidPrice = NO_PRICE;
    /** The ask before rounding to a tick. */
    public double askPrice = NO_PRICE;

    /**
     * Forgets the last quote; a model also clears the result when its inputs admit no quote.
     */
    public void clear()
    {
        reservation = NO_PRICE;
        bidHalfSpread = NO_PRICE;
        askHalfSpread = NO_PRICE;
        bidPrice = NO_PRICE;
        askPrice = NO_PRICE;
    }

    /**
     * True when both prices are numbers: a cleared result, or one from inputs a model cannot quote on, is not.
     */
    public boolean hasQuote()
    {
        return !Double.isNaN(bidPrice) && !Double.isNaN(askPrice);
    }

    @Override
    public String toString()
    {
        return "QuoteResult{reservation=" + reservation + ", bidHalfSpread=" + bidHalfSpread + ", askHalfSpread=" +
            askHalfSpread + ", bidPrice=" + bidPrice + ", askPrice=" + askPrice + '}';
    }
}
