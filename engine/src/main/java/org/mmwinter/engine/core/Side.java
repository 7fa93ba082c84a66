package org.mmwinter.engine.core;

/**
 * Order side as a small int so that the hot path never touches an enum or a string.
 */
public final class Side
{
    public static final int BUY = 0;
    public static final int SELL = 1;

    private Side()
    {
    }

    public static boolean isValid(final int side)
    {
        return side == BUY || side == SELL;
    }

    public static int opposite(final int side)
    {
        return side ^ 1;
    }

    public static String name(final int side)
    {
        return side == BUY ? "BUY" : side == SELL ? "SELL" : "?";
    }
}
