package org.mmwinter.engine.core;

/**
 * Self-trade prevention, decided by the incoming (taker) order when it meets a resting order of its own account.
 * Binance calls the first three EXPIRE_TAKER, EXPIRE_MAKER and EXPIRE_BOTH; DECREMENT is Coinbase's rule.
 */
public final class StpMode
{
    /** Trade with yourself. */
    public static final int NONE = 0;
    /** The taker's remainder is cancelled. */
    public static final int CANCEL_NEWEST = 1;
    /** The resting order is cancelled and matching goes on. */
    public static final int CANCEL_OLDEST = 2;
    /** Both are cancelled. */
    public static final int CANCEL_BOTH = 3;
    /** Both shrink by the smaller quantity without a trade; the resting order keeps its priority. */
    public static final int DECREMENT = 4;

    private StpMode()
    {
    }

    public static boolean isValid(final int mode)
    {
        return mode >= NONE && mode <= DECREMENT;
    }

    public static String name(final int mode)
    {
        switch (mode)
        {
            case NONE: return "NONE";
            case CANCEL_NEWEST: return "CANCEL_NEWEST";
            case CANCEL_OLDEST: return "CANCEL_OLDEST";
            case CANCEL_BOTH: return "CANCEL_BOTH";
            case DECREMENT: return "DECREMENT";
            default: return "?";
        }
    }
}
