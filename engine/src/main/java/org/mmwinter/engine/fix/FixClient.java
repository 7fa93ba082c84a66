package org.mmwinter.engine.fix;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import quickfix.Application;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.FieldNotFound;
import quickfix.FileStoreFactory;
import quickfix.MemoryStoreFactory;
import quickfix.Message;
import quickfix.MessageStoreFactory;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketInitiator;
import quickfix.field.MsgType;
import quickfix.field.Password;
import quickfix.field.Text;

/**
 * A plain QuickFIX/J initiator, as an ordinary trading client connects: logs on to the engine's acceptor, sends
 * messages, and queues what it receives (application messages, session Rejects and Logouts) for the caller to take.
 * Used by the {@code client} command, the FIX benchmark and the tests, so that all three speak to the engine the
 * same way.
 * <p>
 * With a store directory the session keeps its sequence numbers across connections (a reconnect resumes them);
 * without one it keeps them in memory and asks the engine to reset them at logon (ResetSeqNumFlag).
 */
public final class FixClient implements Application, AutoCloseable
{
    private final String sender;
    private final String password;
    private final SessionID sessionId;
    private final SocketInitiator initiator;
    private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
    private volatile CountDownLatch loggedOn = new CountDownLatch(1);
    private volatile CountDownLatch loggedOut = new CountDownLatch(1);
    private volatile String logoutText;
    private volatile boolean started;

    /**
     * @param password    sent as Password (554) at logon; null for none.
     * @param storeDir    where the session keeps its sequence numbers; null: in memory, reset at each logon.
     */
    public FixClient(final String host, final int port, final String sender, final String password,
        final Path storeDir)
    {
        this.sender = sender;
        this.password = password;
        this.sessionId = new SessionID(FixAcceptor.BEGIN_STRING, sender, FixGatewayConfig.TARGET_COMP_ID);
        final Map<Object, Object> d = new HashMap<>();
        d.put("ConnectionType", "initiator");
        d.put("SocketConnectHost", host);
        d.put("SocketConnectPort", Integer.toString(port));
        d.put("SocketTcpNoDelay", "Y");
        d.put(Session.SETTING_HEARTBTINT, "30");
        d.put("ReconnectInterval", "3600");
        d.put(Session.SETTING_NON_STOP_SESSION, "Y");
        d.put(Session.SETTING_USE_DATA_DICTIONARY, "Y");
        d.put(Session.SETTING_DATA_DICTIONARY, "FIX44.xml");
        d.put(Session.SETTING_VALIDATE_USER_DEFINED_FIELDS, "N");
        d.put(Session.SETTING_CHECK_LATENCY, "N");
        d.put(Session.SETTING_RESET_ON_LOGON, storeDir == null ? "Y" : "N");
        if (storeDir != null)
        {
            d.put(FileStoreFactory.SETTING_FILE_STORE_PATH, storeDir.toString());
        }
        final SessionSettings settings = new SessionSettings();
        settings.set(d);
        settings.setString(sessionId, SessionSettings.BEGINSTRING, FixAcceptor.BEGIN_STRING);
        settings.setString(sessionId, SessionSettings.SENDERCOMPID, sender);
        settings.setString(sessionId, SessionSettings.TARGETCOMPID, FixGatewayConfig.TARGET_COMP_ID);
        final MessageStoreFactory stores = storeDir == null ? new MemoryStoreFactory() :
            new FileStoreFactory(settings);
        try
        {
            this.initiator = new SocketInitiator(this, stores, settings, null, new DefaultMessageFactory());
        }
        catch (final ConfigError ex)
        {
            throw new IllegalArgumentException("FIX client settings refused: " + ex.getMessage(), ex);
        }
    }

    /**
     * Connects and logs on.
     *
     * @return true once logged on; false when the engine refused (see {@link #logoutText()}) or did not answer in
     *         time.
     */
    public boolean logon(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        loggedOn = new CountDownLatch(1);
        loggedOut = new CountDownLatch(1);
        logoutText = null;
        try
        {
            if (started)
            {
                Session.lookupSession(sessionId).logon();
            }
            else
            {
                initiator.start();
                started = true;
            }
        }
        catch (final ConfigError ex)
        {
            throw new IllegalStateException("cannot start the FIX client: " + ex.getMessage(), ex);
        }
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (System.nanoTime() < deadline)
        {
            if (loggedOn.await(10, TimeUnit.MILLISECONDS))
            {
                return true;
            }
            if (loggedOut.getCount() == 0)
            {
                return false;
            }
        }
        return false;
    }

    /** The Text (58) of the last Logout received (the reason a logon was refused), or null. */
    public String logoutText()
    {
        return logoutText;
    }

    public SessionID sessionId()
    {
        return sessionId;
    }

    public String sender()
    {
        return sender;
    }

    public boolean isLoggedOn()
    {
        final Session session = Session.lookupSession(sessionId);
        return session != null && session.isLoggedOn();
    }

    /** Sends one message (the session fills the header); false when not logged on. */
    public boolean send(final Message message)
    {
        final Session session = Session.lookupSession(sessionId);
        return session != null && session.send(message);
    }

    /** The next message received, or null after the timeout. */
    public Message poll(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        return received.poll(timeout, unit);
    }

    /** The first message received that matches, skipping (and dropping) the others; null after the timeout. */
    public Message await(final Predicate<Message> wanted, final long timeout, final TimeUnit unit)
        throws InterruptedException
    {
        final long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (true)
        {
            final long left = deadline - System.nanoTime();
            if (left <= 0)
            {
                return null;
            }
            final Message next = received.poll(left, TimeUnit.NANOSECONDS);
            if (next != null && wanted.test(next))
            {
                return next;
            }
        }
    }

    /** Messages received and not taken yet. */
    public int pending()
    {
        return received.size();
    }

    /** Logs out and waits for the engine's Logout (at most the timeout). */
    public boolean logout(final long timeout, final TimeUnit unit) throws InterruptedException
    {
        final Session session = Session.lookupSession(sessionId);
        if (session == null || !session.isLoggedOn())
        {
            return true;
        }
        session.logout("client done");
        return loggedOut.await(timeout, unit);
    }

    /** Logs out if logged on and stops the initiator (its connection and threads). */
    public void close()
    {
        if (started)
        {
            initiator.stop(false);
            started = false;
        }
    }

    public void onCreate(final SessionID id)
    {
    }

    public void onLogon(final SessionID id)
    {
        loggedOn.countDown();
    }

    public void onLogout(final SessionID id)
    {
        loggedOut.countDown();
    }

    public void toAdmin(final Message message, final SessionID id)
    {
        if (password != null && MsgType.LOGON.equals(FixReplies.msgType(message)))
        {
            message.setString(Password.FIELD, password);
        }
    }

    public void fromAdmin(final Message message, final SessionID id) throws FieldNotFound
    {
        final String type = FixReplies.msgType(message);
        if (MsgType.LOGOUT.equals(type))
        {
            logoutText = message.isSetField(Text.FIELD) ? message.getString(Text.FIELD) : "";
            received.add(message);
            loggedOut.countDown();
        }
        else if (MsgType.REJECT.equals(type))
        {
            received.add(message);
        }
    }

    public void toApp(final Message message, final SessionID id)
    {
    }

    public void fromApp(final Message message, final SessionID id)
    {
        received.add(message);
    }
}
