package org.mmwinter.engine.core;

/**
 * The status codes the core keeps and reports through {@link MatchingListener#onStatus}: an instrument's (trading
 * or halted) and the venue's (normal, under stress, withdrawals halted). Participants read them as
 * {@code message.TradingStatus}, which names them; they are here because the core, which knows nothing of
 * messages, must validate and report them. The codes are the journal's: they never change meaning.
 */
public final class MarketStatus
{
    /** The instrument trades. */
    public static final int TRADING = 0;
    /** The instrument's circuit breaker is on: it refuses NEW and AMEND; cancels still work. */
    public static final int HALTED = 1;

    /** The venue runs as usual. */
    public static final int VENUE_NORMAL = 0;
    /** The operator says the venue is under stress (a run, a failing counterparty); matching goes on. */
    public static final int VENUE_STRESS = 1;
    /** The operator says withdrawals are halted (FTX, November 2022); matching goes on. */
    public static final int WITHDRAWALS_HALTED = 2;

    private MarketStatus()
    {
    }

    public static boolean isVenueStatus(final int status)
    {
        return status >= VENUE_NORMAL && status <= WITHDRAWALS_HALTED;
    }
}
