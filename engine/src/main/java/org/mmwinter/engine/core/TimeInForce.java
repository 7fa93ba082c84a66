package org.mmwinter.engine.core;

/**
 * How long an order may live: GTC rests, IOC and FOK never rest, POST_ONLY rests but never takes.
 */
public final class TimeInForce
{
    public static final int GTC = 0;
    public static final int IOC = 1;
    public static final int FOK = 2;
    public static final int POST_ONLY = 3;

    private TimeInForce()
    {
    }

    public static boolean isValid(final int tif)
    {
        return tif >= GTC && tif <= POST_ONLY;
    }

    public static String name(final int tif)
    {
        switch (tif)
        {
            case GTC: return "GTC";
            case IOC: return "IOC";
            case FOK: return "FOK";
            case POST_ONLY: return "POST_ONLY";
            default: return "?";
        }
    }
}
