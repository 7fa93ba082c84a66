package org.mmwinter.engine.message;

import org.mmwinter.engine.core.MarketStatus;
import org.mmwinter.engine.core.MatchingEngine;

/**
 * What a {@link ResultType#STATUS} result says, in its {@code status} field: for an instrument ({@code instrumentId}
 * its id) whether it trades or is halted; for the venue ({@code instrumentId} {@link MatchingEngine#ANY_INSTRUMENT})
 * whether it runs normally, is under stress or has halted withdrawals. The venue's status is information: the engine
 * refuses no order because of it. The same codes as the core's {@link MarketStatus}, which they are taken from.
 */
public final class TradingStatus
{
    /** The instrument trades. */
    public static final int TRADING = MarketStatus.TRADING;
    /** The instrument is halted: NEW and AMEND are refused, cancels work. */
    public static final int HALTED = MarketStatus.HALTED;

    /** The venue runs as usual. */
    public static final int VENUE_NORMAL = MarketStatus.VENUE_NORMAL;
    /** The operator says the venue is under stress. */
    public static final int VENUE_STRESS = MarketStatus.VENUE_STRESS;
    /** The operator says withdrawals are halted; matching goes on. */
    public static final int WITHDRAWALS_HALTED = MarketStatus.WITHDRAWALS_HALTED;

    /** What {@link #venueStatusOf} answers for a name that is no venue status. */
    public static final int NOT_A_STATUS = -1;

    private TradingStatus()
    {
    }

    public static boolean isVenueStatus(final int status)
    {
        return MarketStatus.isVenueStatus(status);
    }

    /** Name of an instrument's status code. */
    public static String instrumentName(final int status)
    {
        switch (status)
        {
            case TRADING: return "TRADING";
            case HALTED: return "HALTED";
            default: return "?";
        }
    }

    /** Name of a venue status code, as the gateway's control lines spell it. */
    public static String venueName(final int status)
    {
        switch (status)
        {
            case VENUE_NORMAL: return "VENUE_NORMAL";
            case VENUE_STRESS: return "VENUE_STRESS";
            case WITHDRAWALS_HALTED: return "WITHDRAWALS_HALTED";
            default: return "?";
        }
    }

    /**
     * Name of the status of a STATUS result about {@code instrumentId}: the venue's for
     * {@link MatchingEngine#ANY_INSTRUMENT}, else the instrument's.
     */
    public static String name(final int instrumentId, final int status)
    {
        return instrumentId == MatchingEngine.ANY_INSTRUMENT ? venueName(status) : instrumentName(status);
    }

    /**
     * The venue status a gateway control line names ({@code VENUE_STRESS}, {@code WITHDRAWALS_HALTED},
     * {@code VENUE_NORMAL}), or -1 for any other text.
     */
    public static int venueStatusOf(final String name)
    {
        switch (name)
        {
            case "VENUE_NORMAL": return VENUE_NORMAL;
            case "VENUE_STRESS": return VENUE_STRESS;
            case "WITHDRAWALS_HALTED": return WITHDRAWALS_HALTED;
            default: return NOT_A_STATUS;
        }
    }
}
