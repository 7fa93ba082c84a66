package org.mmwinter.bench.workload;


/**
 * The command kinds of the workload, as small ints so that replay switches over a byte array: the subset every
 * book under test implements (exchange-core's order book has no MARKET type; its adapter sends an IOC capped far
 * through the book, which is how exchange-core's own generator expresses a market order).
 */
public final class CommandType
{
    /** Limit order, good till cancel: trades what it crosses, rests the remainder. */
    public static final byte GTC = 0;
    /** Limit order, immediate or cancel: trades what it crosses, the remainder expires. */
    public static final byte IOC = 1;
    /** Cancel a live order. */
    public static final byte CANCEL = 2;
    /** Move a live order to a new price with the same remaining size: loses priority, trades if it now crosses. */
    public static final byte MOVE = 3;
    /** Market order: trades at any price, the remainder expires. */
    public static final byte MARKET = 4;

    private CommandType()
    {
    }

    public static String name(final int type)
    {
        switch (type)
        {
            case GTC: return "GTC";
            case IOC: return "IOC";
            case CANCEL: return "CANCEL";
            case MOVE: return "MOVE";
            case MARKET: return "MARKET";
            default: return "?";
        }
    }
}
