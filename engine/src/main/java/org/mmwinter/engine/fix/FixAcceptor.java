package org.mmwinter.engine.fix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.mina.core.service.IoAcceptor;
import org.mmwinter.engine.pipeline.EnginePipeline;
import quickfix.ConfigError;
import quickfix.DefaultMessageFactory;
import quickfix.DefaultSessionFactory;
import quickfix.FileStoreFactory;
import quickfix.MemoryStoreFactory;
import quickfix.MessageFactory;
import quickfix.MessageStore;
import quickfix.MessageStoreFactory;
import quickfix.RuntimeError;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.SessionSettings;
import quickfix.SocketAcceptor;

/**
 * The engine's FIX 4.4 acceptor (QuickFIX/J): TargetCompID {@code ENGINE}, the configured sessions (by default
 * {@code CLIENT1} and {@code CLIENT2}, each trading for the account of its name, no password, on loopback), order
 * entry through a participant of the engine's pipeline, market data requests handed to a
 * {@link FixMarketDataHandler}.
 * <p>
 * Threads are bounded: QuickFIX/J's single-threaded acceptor (one message thread for every session, plus MINA's
 * I/O processors) and one order-entry thread; connections are capped ({@code fix.max.connections}). Each session's
 * sequence numbers and sent messages are kept under {@code data.dir/fix}, so a client that reconnects after a
 * restart resumes its sequence numbers and can ask for what it missed; there is no message log file.
 */
public final class FixAcceptor implements AutoCloseable
{
    public static final String BEGIN_STRING = "FIX.4.4";

    private final EnginePipeline pipeline;
    private final FixGatewayConfig config;
    private final FixMarketDataHandler marketData;
    private SocketAcceptor acceptor;
    private FixOrderEntry orderEntry;
    private ConnectionCap cap;
    private InetSocketAddress bound;

    /**
     * @param marketData who answers MarketDataRequests ({@link FixMarketDataHandler#NONE}: nobody, each refused).
     */
    public FixAcceptor(
        final EnginePipeline pipeline, final FixGatewayConfig config, final FixMarketDataHandler marketData)
    {
        this.pipeline = pipeline;
        this.config = config;
        this.marketData = marketData;
    }

    /**
     * Binds and starts accepting; the pipeline must be started.
     *
     * @return the address bound (its port is the real one when the configured port is 0).
     * @throws IllegalArgumentException before binding, for a non-loopback address without {@code fix.allow.remote},
     *                                  or a non-loopback one with a session that has no password.
     * @throws IOException              when the address cannot be bound.
     */
    public InetSocketAddress start() throws IOException
    {
        final InetAddress address = InetAddress.getByName(config.host());
        if (!address.isLoopbackAddress())
        {
            if (!config.allowRemote())
            {
                throw new IllegalArgumentException("refusing to run the FIX acceptor on " + config.host() +
                    ": not a loopback address; set fix.allow.remote=true to listen there (sessions need passwords)");
            }
            for (final FixSessionSpec spec : config.sessions())
            {
                if (!spec.hasPassword())
                {
                    throw new IllegalArgumentException("refusing to run the FIX acceptor on " + config.host() +
                        ": session " + spec.senderCompId() + " has no password (fix.session." +
                        spec.senderCompId() + ".password); only loopback takes sessions without one");
                }
            }
        }
        Files.createDirectories(config.storeDir());
        final Map<Object, Object> defaults = defaults();
        final SessionSettings settings = new SessionSettings();
        settings.set(defaults);
        final Map<String, FixSession> sessions = new LinkedHashMap<>();
        final Set<SessionID> ids = new HashSet<>();
        for (final FixSessionSpec spec : config.sessions())
        {
            final SessionID id = new SessionID(BEGIN_STRING, FixGatewayConfig.TARGET_COMP_ID, spec.senderCompId());
            settings.setString(id, SessionSettings.TARGETCOMPID, spec.senderCompId());
            final int accountId = pipeline.directory().resolve(spec.account());
            if (accountId < 0)
            {
                throw new IllegalArgumentException("fix.session." + spec.senderCompId() + ".account=" +
                    spec.account() + ": not an account name the engine can register");
            }
            sessions.put(spec.senderCompId(), new FixSession(spec, id, accountId));
            ids.add(id);
        }
        final FixApplication application = new FixApplication(sessions, marketData);
        final MessageStoreFactory stores = new Stores(ids, new FileStoreFactory(settings));
        final MessageFactory messages = new DefaultMessageFactory();
        try
        {
            final SocketAcceptor acceptor = new SocketAcceptor(application, stores, settings, null, messages);
            acceptor.setSessionProvider(new InetSocketAddress(address, config.port()), new SessionProvider(ids,
                new DefaultSessionFactory(application, stores, null, messages), defaults));
            final ConnectionCap cap = new ConnectionCap(config.maxConnections());
            acceptor.setIoFilterChainBuilder(chain -> chain.addFirst("connection-cap", cap));
            final FixOrderEntry orderEntry = new FixOrderEntry(pipeline, "fix-gateway",
                new ArrayList<>(sessions.values()));
            application.orderEntry(orderEntry);
            orderEntry.start();
            try
            {
                acceptor.start();
            }
            catch (final ConfigError | RuntimeError ex)
            {
                orderEntry.close();
                throw ex;
            }
            this.acceptor = acceptor;
            this.orderEntry = orderEntry;
            this.cap = cap;
            final IoAcceptor endpoint = acceptor.getEndpoints().iterator().next();
            this.bound = (InetSocketAddress)endpoint.getLocalAddress();
            return bound;
        }
        catch (final ConfigError ex)
        {
            throw new IllegalStateException("FIX acceptor settings refused: " + ex.getMessage(), ex);
        }
        catch (final RuntimeError ex)
        {
            throw new IOException("cannot listen on " + config.host() + ":" + config.port() + ": " +
                (ex.getCause() == null ? ex.getMessage() : ex.getCause().getMessage()), ex);
        }
    }

    /** The line the process prints once the acceptor is ready. */
    public String describe()
    {
        return "fix listening on " + bound.getHostString() + ":" + bound.getPort() + " (" + BEGIN_STRING +
            ", TargetCompID " + FixGatewayConfig.TARGET_COMP_ID + ", sessions " + config.sessionNames() +
            ", max connections " + config.maxConnections() + ")";
    }

    /** Connections closed at once because {@code fix.max.connections} were open. */
    public long connectionsRefused()
    {
        return cap == null ? 0 : cap.refused();
    }

    /**
     * Logs every session out (waiting a little for the clients' Logouts), stops accepting, then stops order entry;
     * commands already offered stay journaled and matched.
     */
    public void close()
    {
        if (acceptor != null)
        {
            acceptor.stop(false);
            acceptor = null;
        }
        if (orderEntry != null)
        {
            orderEntry.close();
            orderEntry = null;
        }
    }

    private Map<Object, Object> defaults()
    {
        final Map<Object, Object> d = new HashMap<>();
        d.put("ConnectionType", "acceptor");
        d.put(SessionSettings.BEGINSTRING, BEGIN_STRING);
        d.put(SessionSettings.SENDERCOMPID, FixGatewayConfig.TARGET_COMP_ID);
        d.put("SocketAcceptAddress", config.host());
        d.put("SocketAcceptPort", Integer.toString(config.port()));
        d.put("SocketReuseAddress", "Y");
        d.put("SocketTcpNoDelay", "Y");
        d.put(Session.SETTING_NON_STOP_SESSION, "Y");
        d.put(Session.SETTING_USE_DATA_DICTIONARY, "Y");
        d.put(Session.SETTING_DATA_DICTIONARY, "FIX44.xml");
        // The self-trade prevention tag (7928) is user-defined; any other user-defined tag is ignored.
        d.put(Session.SETTING_VALIDATE_USER_DEFINED_FIELDS, "N");
        // A client's clock is its own business: orders are timed by the engine, not by SendingTime.
        d.put(Session.SETTING_CHECK_LATENCY, "N");
        d.put(Session.SETTING_RESET_ON_LOGON, "N");
        d.put(Session.SETTING_RESET_ON_LOGOUT, "N");
        d.put(Session.SETTING_RESET_ON_DISCONNECT, "N");
        d.put(Session.SETTING_PERSIST_MESSAGES, "Y");
        d.put(FileStoreFactory.SETTING_FILE_STORE_PATH, config.storeDir().toString());
        return d;
    }

    /**
     * Configured sessions keep sequence numbers and messages on disk; the throw-away sessions that refuse an
     * unknown SenderCompID keep them in memory and leave nothing behind.
     */
    private static final class Stores implements MessageStoreFactory
    {
        private final Set<SessionID> configured;
        private final FileStoreFactory files;
        private final MemoryStoreFactory memory = new MemoryStoreFactory();

        Stores(final Set<SessionID> configured, final FileStoreFactory files)
        {
            this.configured = configured;
            this.files = files;
        }

        public MessageStore create(final SessionID sessionId)
        {
            try
            {
                return configured.contains(sessionId) ? files.create(sessionId) : memory.create(sessionId);
            }
            catch (final RuntimeError ex)
            {
                throw new UncheckedIOException(new IOException("cannot open the FIX store of " + sessionId, ex));
            }
        }
    }
}
