package org.mmwinter.engine.message;

/**
 * Kinds of outbound results. Execution reports and DONE are never dropped; TRADE and LEVEL are public market data,
 * which a lagging subscriber may lose; STATUS is public too, but never dropped.
 */
public final class ResultType
{
    public static final int ACCEPTED = 1;
    public static final int REJECTED = 2;
    public static final int FILL = 3;
    public static final int CANCELED = 4;
    public static final int EXPIRED = 5;
    public static final int AMENDED = 6;
    public static final int TRADE = 7;
    public static final int LEVEL = 8;
    /** Last result of a command: the command is journaled and processed (the acknowledgement). */
    public static final int DONE = 9;
    /** Self-trade prevention shrank a live order without a trade. */
    public static final int REDUCED = 10;
    /** One level of a book as it stands, answering a BOOK_SNAPSHOT command (to its sender only). */
    public static final int BOOK_LEVEL = 11;
    /**
     * An instrument's or the venue's {@link TradingStatus}: to every market-data subscriber and drop copy, never
     * dropped; at the start of a BOOK_SNAPSHOT answer, to its sender only.
     */
    public static final int STATUS = 12;

    private ResultType()
    {
    }

    /**
     * The public updates a lagging subscriber may lose (TRADE, LEVEL); not STATUS, which it must not miss.
     */
    public static boolean isMarketData(final int type)
    {
        return type == TRADE || type == LEVEL;
    }

    public static String name(final int type)
    {
        switch (type)
        {
            case ACCEPTED: return "ACCEPTED";
            case REJECTED: return "REJECTED";
            case FILL: return "FILL";
            case CANCELED: return "CANCELED";
            case EXPIRED: return "EXPIRED";
            case AMENDED: return "AMENDED";
            case TRADE: return "TRADE";
            case LEVEL: return "LEVEL";
            case DONE: return "DONE";
            case REDUCED: return "REDUCED";
            case BOOK_LEVEL: return "BOOK_LEVEL";
            case STATUS: return "STATUS";
            default: return "?";
        }
    }
}
