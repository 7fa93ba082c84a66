package org.mmwinter.engine.fix;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mmwinter.engine.pipeline.EngineConfig;

/**
 * The FIX gateway's configuration, read from the {@code fix.*} keys of an {@link EngineConfig} (the built-in ones in
 * {@code engine-default.conf}, overlaid by a file's): bind address and port, whether a non-loopback address is
 * allowed, the connection cap, and the sessions it takes. Checked once, each error naming its key and value.
 */
public final class FixGatewayConfig
{
    /** The acceptor's CompID: clients send it as their TargetCompID (56). */
    public static final String TARGET_COMP_ID = "ENGINE";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9878;
    /** A port of -1: no FIX acceptor. */
    public static final int NO_PORT = -1;
    public static final int DEFAULT_MAX_CONNECTIONS = 64;

    private static final String SESSION_PREFIX = "fix.session.";

    private final String host;
    private final int port;
    private final boolean allowRemote;
    private final int maxConnections;
    private final List<FixSessionSpec> sessions;
    private final Path storeDir;

    private FixGatewayConfig(
        final String host,
        final int port,
        final boolean allowRemote,
        final int maxConnections,
        final List<FixSessionSpec> sessions,
        final Path storeDir)
    {
        this.host = host;
        this.port = port;
        this.allowRemote = allowRemote;
        this.maxConnections = maxConnections;
        this.sessions = List.copyOf(sessions);
        this.storeDir = storeDir;
    }

    /**
     * The gateway's settings from the engine's configuration; the session stores go under {@code data.dir/fix}.
     *
     * @throws IllegalArgumentException naming the key and value of anything wrong.
     */
    public static FixGatewayConfig from(final EngineConfig config)
    {
        final Map<String, String> keys = config.fixProperties();
        String host = DEFAULT_HOST;
        int port = DEFAULT_PORT;
        boolean allowRemote = false;
        int maxConnections = DEFAULT_MAX_CONNECTIONS;
        List<String> names = List.of("CLIENT1", "CLIENT2");
        for (final Map.Entry<String, String> entry : keys.entrySet())
        {
            final String key = entry.getKey();
            final String value = entry.getValue();
            switch (key)
            {
                case "fix.host":
                    host = nonEmpty(key, value);
                    break;
                case "fix.port":
                    port = integer(key, value, NO_PORT, 65_535);
                    break;
                case "fix.allow.remote":
                    allowRemote = bool(key, value);
                    break;
                case "fix.max.connections":
                    maxConnections = integer(key, value, 1, Integer.MAX_VALUE);
                    break;
                case "fix.sessions":
                    names = names(key, value);
                    break;
                default:
                    if (!key.startsWith(SESSION_PREFIX))
                    {
                        throw new IllegalArgumentException("unknown key " + key + "=" + value + " (the FIX gateway " +
                            "takes fix.host, fix.port, fix.allow.remote, fix.max.connections, fix.sessions and " +
                            "fix.session.NAME.*)");
                    }
                    break;
            }
        }
        final Map<String, FixSessionSpec> sessions = new LinkedHashMap<>();
        for (final String name : names)
        {
            sessions.put(name, FixSessionSpec.defaults(name));
        }
        for (final Map.Entry<String, String> entry : keys.entrySet())
        {
            final String key = entry.getKey();
            if (!key.startsWith(SESSION_PREFIX))
            {
                continue;
            }
            final String rest = key.substring(SESSION_PREFIX.length());
            final int dot = rest.lastIndexOf('.');
            final String name = dot < 0 ? "" : rest.substring(0, dot);
            final FixSessionSpec spec = sessions.get(name);
            if (spec == null)
            {
                throw new IllegalArgumentException(key + "=" + entry.getValue() + ": session " + name +
                    " is not in fix.sessions (" + String.join(",", names) + ")");
            }
            sessions.put(name, with(spec, key, rest.substring(dot + 1), entry.getValue()));
        }
        final List<FixSessionSpec> list = new ArrayList<>(sessions.values());
        for (int i = 0; i < list.size(); i++)
        {
            for (int j = 0; j < i; j++)
            {
                if (list.get(i).account().equals(list.get(j).account()))
                {
                    throw new IllegalArgumentException("fix.session." + list.get(i).senderCompId() +
                        ".account=" + list.get(i).account() + ": already the account of session " +
                        list.get(j).senderCompId() + " (one session per account)");
                }
            }
        }
        return new FixGatewayConfig(host, port, allowRemote, maxConnections, list,
            config.dataDir().resolve("fix"));
    }

    /** A copy on another port (the {@code --fix-port} option). */
    public FixGatewayConfig withPort(final int port)
    {
        return new FixGatewayConfig(host, integer("--fix-port", Integer.toString(port), NO_PORT, 65_535),
            allowRemote, maxConnections, sessions, storeDir);
    }

    public String host()
    {
        return host;
    }

    /** The TCP port; 0 for any free port, {@link #NO_PORT} for no acceptor. */
    public int port()
    {
        return port;
    }

    public boolean allowRemote()
    {
        return allowRemote;
    }

    public int maxConnections()
    {
        return maxConnections;
    }

    public List<FixSessionSpec> sessions()
    {
        return sessions;
    }

    /** Where the sessions' sequence numbers and sent messages are kept, so that a restart resumes them. */
    public Path storeDir()
    {
        return storeDir;
    }

    public String sessionNames()
    {
        final StringBuilder names = new StringBuilder();
        for (final FixSessionSpec spec : sessions)
        {
            names.append(names.length() == 0 ? "" : ",").append(spec.senderCompId());
        }
        return names.toString();
    }

    private static FixSessionSpec with(
        final FixSessionSpec spec, final String key, final String field, final String value)
    {
        switch (field)
        {
            case "account":
                return new FixSessionSpec(spec.senderCompId(), nonEmpty(key, value), spec.password(),
                    spec.cancelOnDisconnect() || FixSessionSpec.MARKET_MAKER_ACCOUNT.equals(value),
                    spec.maxMessagesPerSecond());
            case "password":
                return new FixSessionSpec(spec.senderCompId(), spec.account(), value, spec.cancelOnDisconnect(),
                    spec.maxMessagesPerSecond());
            case "cancel_on_disconnect":
                return new FixSessionSpec(spec.senderCompId(), spec.account(), spec.password(), bool(key, value),
                    spec.maxMessagesPerSecond());
            case "max_msgs_per_s":
                return new FixSessionSpec(spec.senderCompId(), spec.account(), spec.password(),
                    spec.cancelOnDisconnect(), integer(key, value, 1, Integer.MAX_VALUE));
            default:
                throw new IllegalArgumentException("unknown key " + key + "=" + value + " (a session takes " +
                    "account, password, cancel_on_disconnect and max_msgs_per_s)");
        }
    }

    private static String nonEmpty(final String key, final String value)
    {
        if (value.isEmpty())
        {
            throw new IllegalArgumentException(key + " must not be empty");
        }
        return value;
    }

    private static int integer(final String key, final String value, final int min, final int max)
    {
        try
        {
            final int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max)
            {
                return parsed;
            }
        }
        catch (final NumberFormatException ex)
        {
            // Said below, with the range.
        }
        throw new IllegalArgumentException(key + "=" + value + ": not a whole number from " + min + " to " + max);
    }

    private static boolean bool(final String key, final String value)
    {
        if ("true".equals(value) || "false".equals(value))
        {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(key + "=" + value + ": must be true or false");
    }

    private static List<String> names(final String key, final String value)
    {
        final List<String> names = new ArrayList<>();
        for (final String part : value.split(","))
        {
            final String name = part.trim();
            if (!name.isEmpty())
            {
                if (names.contains(name) || !name.matches("[A-Za-z0-9_.-]{1,32}"))
                {
                    throw new IllegalArgumentException(key + "=" + value + ": " + name + " is repeated or not a " +
                        "CompID (1 to 32 of A-Z a-z 0-9 _ . -)");
                }
                names.add(name);
            }
        }
        return names;
    }
}
