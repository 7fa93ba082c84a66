package org.mmwinter.engine.fix.marketdata;

import quickfix.Message;
import quickfix.SessionID;

/**
 * Where market-data messages leave for a session. A refusal is an expected outcome, not an error: the
 * subscription it was for is then out of step and gets a full snapshot before anything else.
 */
@FunctionalInterface
public interface FixSender
{
    /**
     * @return false when the session cannot take the message now (not logged on, queue full, gone).
     */
    boolean send(Message message, SessionID session);
}
