package org.mmwinter.quoting.journal;

/**
 * Why the market maker decided what it did: the primary {@link Decision#reason} of a journal record, and the bits of
 * its secondary {@link Decision#flags}. The codes are part of the journal's layout (a reader years later must name
 * them the same way), so a code is never renumbered or reused; new reasons take the next number.
 */
public final class DecisionReason
{
    /** No reason recorded: what {@link Decision#clear()} leaves. */
    public static final int NONE = 0;
    /** The target moved beyond the tolerance, or a refresh was due: the ladder was re-sent. */
    public static final int REQUOTE = 1;
    /** The target stayed inside the tolerance: nothing sent (recorded only when the bot is asked to). */
    public static final int HOLD = 2;
    /** A side shrunk by the soft inventory limit. */
    public static final int INVENTORY_SOFT = 3;
    /** A side not quoted: the hard inventory limit. */
    public static final int INVENTORY_HARD = 4;
    public static final int NOTIONAL_CAP = 5;
    public static final int VOLATILITY_PULL = 6;
    public static final int HALT = 7;
    public static final int KILL_SWITCH = 8;
    public static final int VENUE_STRESS = 9;
    public static final int WITHDRAWALS_HALTED = 10;
    /** The operator paused the bot. */
    public static final int PAUSED = 11;
    public static final int RESUMED = 12;
    /** Waiting to re-enter after a pull. */
    public static final int COOL_DOWN = 13;
    /** Market data was lost and a snapshot requested. */
    public static final int BOOK_RESYNC = 14;
    /** The decision that followed one of the bot's own fills. */
    public static final int FILL = 15;
    /** The state rebuilt after a (re)start. */
    public static final int STARTED = 16;
    public static final int KILL_RESET = 17;
    /** No two-sided book: nothing can be quoted. */
    public static final int NO_MARKET = 18;
    /** A side shrunk to its share of the others' depth near the mid: the book is thin. */
    public static final int THIN_BOOK = 19;

    /** The highest code defined; every code fits a bit of the {@code int} flags. */
    public static final int MAX_REASON = THIN_BOOK;
    /** What {@link #name} answers for a code this version does not know (a newer writer's, or a damaged one). */
    public static final String UNKNOWN_NAME = "UNKNOWN";

    private static final String[] NAMES =
    {
        "NONE", "REQUOTE", "HOLD", "INVENTORY_SOFT", "INVENTORY_HARD", "NOTIONAL_CAP", "VOLATILITY_PULL", "HALT",
        "KILL_SWITCH", "VENUE_STRESS", "WITHDRAWALS_HALTED", "PAUSED", "RESUMED", "COOL_DOWN", "BOOK_RESYNC", "FILL",
        "STARTED", "KILL_RESET", "NO_MARKET", "THIN_BOOK",
    };

    private DecisionReason()
    {
    }

    /**
     * The upper-case name of a reason code, as the CSV prints it; a constant, so it costs nothing to call.
     *
     * @return {@link #UNKNOWN_NAME} for a code outside 0 to {@link #MAX_REASON}.
     */
    public static String name(final int reason)
    {
        return reason >= 0 && reason < NAMES.length ? NAMES[reason] : UNKNOWN_NAME;
    }

    /**
     * The code of a reason name (case does not matter), for filters given on a command line or in a configuration.
     *
     * @throws IllegalArgumentException naming the value when it is not a reason.
     */
    public static int parse(final String name)
    {
        for (int reason = 0; reason < NAMES.length; reason++)
        {
            if (NAMES[reason].equalsIgnoreCase(name))
            {
                return reason;
            }
        }
        throw new IllegalArgumentException("decision reason '" + name + "' is not one of " + String.join(", ", NAMES));
    }

    /**
     * The bit of {@link Decision#flags} that marks {@code reason} as a secondary reason.
     */
    public static int flag(final int reason)
    {
        return 1 << reason;
    }

    /**
     * Whether {@code flags} holds {@code reason}.
     */
    public static boolean hasFlag(final int flags, final int reason)
    {
        return (flags & (1 << reason)) != 0;
    }
}
