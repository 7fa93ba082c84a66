package org.mmwinter.engine.core;

/**
 * Why a live order left the book without trading.
 */
public final class CancelReason
{
    /** The owner asked (CANCEL). */
    public static final int USER = 1;
    /** Self-trade prevention removed it. */
    public static final int SELF_TRADE = 2;
    /** MASS_CANCEL of its account. */
    public static final int MASS_CANCEL = 3;

    private CancelReason()
    {
    }

    public static String name(final int reason)
    {
        switch (reason)
        {
            case USER: return "user";
            case SELF_TRADE: return "self-trade prevention";
            case MASS_CANCEL: return "mass cancel";
            default: return "?";
        }
    }
}
