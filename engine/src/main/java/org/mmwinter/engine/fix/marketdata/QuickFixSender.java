package org.mmwinter.engine.fix.marketdata;

import quickfix.Message;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionNotFound;

/**
 * The production {@link FixSender}: QuickFIX/J's {@code Session.sendToTarget}, which answers false when the
 * session is not logged on; a session that no longer exists is a refusal too.
 */
public final class QuickFixSender implements FixSender
{
    public boolean send(final Message message, final SessionID session)
    {
        try
        {
            return Session.sendToTarget(message, session);
        }
        catch (final SessionNotFound ex)
        {
            return false;
        }
    }
}
