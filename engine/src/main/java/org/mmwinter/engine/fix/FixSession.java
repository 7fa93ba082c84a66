package org.mmwinter.engine.fix;

import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;

/**
 * One configured FIX session inside the gateway: its spec, its QuickFIX/J session id (ours as sender), the engine
 * account it trades for, and its throttle (touched by the acceptor's message thread only).
 */
final class FixSession
{
    final FixSessionSpec spec;
    final SessionID sessionId;
    final int accountId;
    final FixThrottle throttle;
    /** Between onLogon and onLogout; acceptor thread only. */
    boolean loggedOn;

    FixSession(final FixSessionSpec spec, final SessionID sessionId, final int accountId)
    {
        this.spec = spec;
        this.sessionId = sessionId;
        this.accountId = accountId;
        this.throttle = new FixThrottle(spec.maxMessagesPerSecond());
    }

    /**
     * Sends, or, while the client is logged off, keeps the message in the session's store with its sequence number,
     * so that the client's resend request after it logs on again gets it.
     */
    void send(final Message message)
    {
        final Session session = Session.lookupSession(sessionId);
        if (session != null)
        {
            session.send(message);
        }
    }
}
