package org.mmwinter.engine.core;

/**
 * Order type: a LIMIT order carries a price, a MARKET order takes whatever the book offers.
 */
public final class OrderType
{
    public static final int LIMIT = 0;
    public static final int MARKET = 1;

    private OrderType()
    {
    }

    public static boolean isValid(final int type)
    {
        return type == LIMIT || type == MARKET;
    }

    public static String name(final int type)
    {
        return type == LIMIT ? "LIMIT" : type == MARKET ? "MARKET" : "?";
    }
}
