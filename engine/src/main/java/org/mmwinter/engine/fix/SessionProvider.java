package org.mmwinter.engine.fix;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import quickfix.ConfigError;
import quickfix.Session;
import quickfix.SessionFactory;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.mina.SessionConnector;
import quickfix.mina.acceptor.AcceptorSessionProvider;

/**
 * Which QuickFIX/J session a connection's Logon is for: a configured one, or, for an unknown SenderCompID, a
 * throw-away session whose only use is to answer that Logon with a Logout saying why (QuickFIX/J alone would close
 * the connection without a word). Those are few and bounded: one per unknown SenderCompID, at most
 * {@link #MAX_REFUSALS}, after which an unknown one is closed without the Logout.
 */
final class SessionProvider implements AcceptorSessionProvider
{
    static final int MAX_REFUSALS = 256;

    private final Set<SessionID> configured;
    private final SessionFactory factory;
    private final Map<Object, Object> defaults;
    private final Map<SessionID, Session> refusals = new HashMap<>();

    SessionProvider(final Set<SessionID> configured, final SessionFactory factory, final Map<Object, Object> defaults)
    {
        this.configured = configured;
        this.factory = factory;
        this.defaults = defaults;
    }

    public synchronized Session getSession(final SessionID sessionId, final SessionConnector connector)
    {
        if (configured.contains(sessionId))
        {
            return Session.lookupSession(sessionId);
        }
        if (!FixAcceptor.BEGIN_STRING.equals(sessionId.getBeginString()) ||
            !FixGatewayConfig.TARGET_COMP_ID.equals(sessionId.getSenderCompID()) ||
            !sessionId.getSenderSubID().equals(SessionID.NOT_SET) ||
            !sessionId.getTargetSubID().equals(SessionID.NOT_SET))
        {
            return null;
        }
        final Session known = refusals.get(sessionId);
        if (known != null || refusals.size() >= MAX_REFUSALS)
        {
            return known;
        }
        try
        {
            final SessionSettings settings = new SessionSettings();
            settings.set(defaults);
            settings.setString(sessionId, SessionSettings.BEGINSTRING, sessionId.getBeginString());
            settings.setString(sessionId, SessionSettings.SENDERCOMPID, sessionId.getSenderCompID());
            settings.setString(sessionId, SessionSettings.TARGETCOMPID, sessionId.getTargetCompID());
            settings.setString(sessionId, Session.SETTING_VALIDATE_SEQUENCE_NUMBERS, "N");
            final Session created = factory.create(sessionId, settings);
            refusals.put(sessionId, created);
            return created;
        }
        catch (final ConfigError ex)
        {
            return null;
        }
    }
}
