package org.mmwinter.engine.message;

/**
 * Kinds of inbound commands: the four order-flow commands (the actions of the CSV contract), control (halt/resume,
 * the venue's status) and internal records (definitions that recovery needs to rebuild the same state). The codes
 * are the journal's: they never change meaning.
 */
public final class CommandType
{
    public static final int NEW = 1;
    public static final int CANCEL = 2;
    public static final int AMEND = 3;
    public static final int MASS_CANCEL = 4;
    /** Circuit breaker on: the instrument refuses NEW and AMEND. */
    public static final int HALT = 10;
    /** Circuit breaker off. */
    public static final int RESUME = 11;
    /** Defines an instrument (id, symbol, scales, tick, lot, band). */
    public static final int ADD_INSTRUMENT = 12;
    /** Gives an account name its id. */
    public static final int REGISTER_ACCOUNT = 13;
    /** Asks for every level of an instrument's book, sent to the asker as BOOK_LEVEL results; changes nothing. */
    public static final int BOOK_SNAPSHOT = 14;
    /** Sets the venue's {@link TradingStatus} (normal, stress, withdrawals halted): information, no order refused. */
    public static final int VENUE_STATUS = 15;

    private CommandType()
    {
    }

    public static boolean isOrderFlow(final int type)
    {
        return type >= NEW && type <= MASS_CANCEL;
    }

    public static boolean isKnown(final int type)
    {
        return isOrderFlow(type) || (type >= HALT && type <= VENUE_STATUS);
    }

    public static String name(final int type)
    {
        switch (type)
        {
            case NEW: return "NEW";
            case CANCEL: return "CANCEL";
            case AMEND: return "AMEND";
            case MASS_CANCEL: return "MASS_CANCEL";
            case HALT: return "HALT";
            case RESUME: return "RESUME";
            case ADD_INSTRUMENT: return "ADD_INSTRUMENT";
            case REGISTER_ACCOUNT: return "REGISTER_ACCOUNT";
            case BOOK_SNAPSHOT: return "BOOK_SNAPSHOT";
            case VENUE_STATUS: return "VENUE_STATUS";
            default: return "?";
        }
    }
}
