package org.mmwinter.engine.fix;

/**
 * One FIX session the acceptor takes: the client's SenderCompID, the engine account it trades for, its Logon
 * password ({@link #NO_PASSWORD}: none asked), whether its orders are cancelled when it disconnects, and how many
 * application messages a second it may send before the excess is rejected.
 */
public record FixSessionSpec(
    String senderCompId, String account, String password, boolean cancelOnDisconnect, int maxMessagesPerSecond)
{
    /** No password (554) is asked at logon. */
    public static final String NO_PASSWORD = "";
    /** The throttle's default: application messages a second per session. */
    public static final int DEFAULT_MAX_MESSAGES_PER_SECOND = 5_000;
    /** The market maker's account: its orders are cancelled on disconnect unless configured otherwise. */
    public static final String MARKET_MAKER_ACCOUNT = "MM1";

    public FixSessionSpec
    {
        if (senderCompId.isEmpty() || account.isEmpty())
        {
            throw new IllegalArgumentException("a FIX session needs a SenderCompID and an account");
        }
        if (maxMessagesPerSecond <= 0)
        {
            throw new IllegalArgumentException("fix.session." + senderCompId + ".max_msgs_per_s must be positive: " +
                maxMessagesPerSecond);
        }
    }

    /** The defaults for a session named {@code senderCompId}: its own account, no password, the default throttle. */
    public static FixSessionSpec defaults(final String senderCompId)
    {
        return new FixSessionSpec(senderCompId, senderCompId, NO_PASSWORD,
            MARKET_MAKER_ACCOUNT.equals(senderCompId), DEFAULT_MAX_MESSAGES_PER_SECOND);
    }

    public boolean hasPassword()
    {
        return !password.isEmpty();
    }
}
