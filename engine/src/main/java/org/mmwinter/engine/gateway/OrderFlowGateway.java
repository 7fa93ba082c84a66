package org.mmwinter.engine.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.extension.OperatorLines;
import org.mmwinter.engine.flow.OrderFlowParser;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.message.TradingStatus;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EngineDirectory;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.Participant;
import org.mmwinter.engine.pipeline.ParticipantListener;
import org.mmwinter.engine.pipeline.ParticipantSpec;
import org.mmwinter.engine.pipeline.Publication;

/**
 * A plain TCP gateway for operators and tooling until the FIX gateway arrives: a client sends the order-flow CSV
 * (header first, then one command a line) and gets one line back per line: {@code OK,<line>} or
 * {@code REJECTED,<line>,<reason>} once the command is journaled and matched (these in line order), or at once
 * {@code REJECTED,<line>,<reason>} for a line that cannot be parsed, is refused by the port's limits or finds the
 * engine busy. Operators may also send {@code HALT,<symbol>} and {@code RESUME,<symbol>} lines (the crash-day
 * circuit breaker), {@code VENUE_STRESS}, {@code WITHDRAWALS_HALTED} or {@code VENUE_NORMAL} lines (the venue's
 * status, told to every market-data subscriber and drop copy; no order is refused because of it), and the control
 * lines of a hosted extension (the market maker's {@code BOT_STATUS}, ...), which are answered at once.
 * <p>
 * One thread serves every connection (a duty cycle over a non-blocking selector), so idle connections cost buffers,
 * not threads. The gateway is a {@link Participant} without accounts: each session offers through a publication of
 * its own and its acknowledgements come back by source id to the gateway's queue, which the gateway thread polls;
 * no engine thread ever waits on it, nor on a client. Acknowledgements are written as bytes, without a String.
 * <p>
 * Limits: {@code gateway.max.connections} (one more is told so and closed), lines of at most {@link #LINE_LIMIT}
 * bytes (a longer one is answered {@code line too long} and skipped up to its newline; the session goes on), and
 * {@code gateway.output.max.bytes} of unsent acknowledgements (a client that does not read is disconnected, counted,
 * rather than allowed to hold memory or the engine). {@code gateway.accounts} restricts the accounts a command may
 * name, and then refuses HALT, RESUME and the venue lines too. It listens on loopback only unless
 * {@code gateway.allow.remote} is set: it has no authentication and no TLS.
 */
public final class OrderFlowGateway implements AutoCloseable
{
    /** The longest line taken, in bytes without its newline. */
    public static final int LINE_LIMIT = 4096;

    private static final String HALT = "HALT,";
    private static final String RESUME = "RESUME,";
    private static final int POLL_LIMIT = 1024;
    private static final int BACKLOG = 1024;
    /** The low bits of a correlation id carry the line number, the high bits the session's slot. */
    private static final int LINE_BITS = 40;
    private static final long LINE_MASK = (1L << LINE_BITS) - 1;
    private static final int QUEUE_SIZE = ParticipantSpec.DEFAULT_QUEUE_SIZE;
    /**
     * Each command brings the gateway at most two reports (a REJECTED and its DONE): with no more than half the
     * queue in flight, the queue cannot fill, so the router never has to disconnect the gateway.
     */
    private static final long MAX_IN_FLIGHT = QUEUE_SIZE / 2;
    private static final int REASON_CODES = 1000;

    private static final byte[] OK = "OK,".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REJECTED = "REJECTED,".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MISSING_HEADER =
        ("ERROR,0,missing header: send '" + OrderFlowParser.HEADER + "' first\n").getBytes(StandardCharsets.US_ASCII);

    private final AtomicLong slowClientsDropped = new AtomicLong();
    private final AtomicLong connectionsRefused = new AtomicLong();
    private final AtomicLong connectionsAccepted = new AtomicLong();
    // Written by the gateway thread alone (lazySet: a store-release), read from others.
    private final AtomicInteger liveSessions = new AtomicInteger();
    private volatile boolean running;

    private final List<GatewaySession> slots = new ArrayList<>();
    private final ArrayDeque<GatewaySession> free = new ArrayDeque<>();
    private final ArrayList<GatewaySession> dirty = new ArrayList<>();
    private final ArrayList<GatewaySession> stalled = new ArrayList<>();
    private final byte[][] reasonTexts = new byte[REASON_CODES][];
    private final CommandEvent command = new CommandEvent();
    private final Consumer<SelectionKey> onReady = this::onReady;
    private final Acknowledgements acknowledgements = new Acknowledgements();

    private EnginePipeline pipeline;
    private EngineDirectory directory;
    private OrderFlowParser parser;
    private Participant participant;
    private Selector selector;
    private ServerSocketChannel server;
    private Thread thread;
    private ByteBuffer tooMany;
    private final ByteBuffer discard = ByteBuffer.allocate(1024);
    private String[] accounts;
    private OperatorLines operatorLines;
    private int maxConnections;
    private int outputLimit;
    private long inFlight;
    private boolean engineGone;

    /**
     * Binds and starts the gateway thread; the pipeline must be started. Limits, the account allow-list and whether
     * a non-loopback address is allowed come from the pipeline's {@link EngineConfig}.
     *
     * @param port 0 for any free port.
     * @throws IllegalArgumentException before binding, when {@code host} is not a loopback address and
     *                                  {@code gateway.allow.remote} is not set.
     */
    public InetSocketAddress start(final EnginePipeline pipeline, final String host, final int port) throws IOException
    {
        final EngineConfig config = pipeline.config();
        final InetAddress address = InetAddress.getByName(host);
        if (!address.isLoopbackAddress() && !config.gatewayAllowRemote())
        {
            throw new IllegalArgumentException("refusing to listen on " + host + ": not a loopback address, and " +
                "the gateway has no authentication and no TLS; set gateway.allow.remote=true (or --allow-remote) " +
                "to listen there anyway");
        }
        this.pipeline = pipeline;
        this.directory = pipeline.directory();
        this.parser = new OrderFlowParser(directory, directory, directory);
        this.maxConnections = config.gatewayMaxConnections();
        this.outputLimit = config.gatewayOutputMaxBytes();
        this.accounts = config.gatewayAccounts().toArray(new String[0]);
        this.tooMany = ByteBuffer.wrap(("ERROR,0,too many connections (limit " + maxConnections + ")\n")
            .getBytes(StandardCharsets.US_ASCII));
        selector = Selector.open();
        server = ServerSocketChannel.open();
        try
        {
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(new InetSocketAddress(address, port), BACKLOG);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            final InetSocketAddress bound = (InetSocketAddress)server.getLocalAddress();
            participant = pipeline.register(
                new ParticipantSpec("gateway-" + bound.getPort(), List.of(), false, false, QUEUE_SIZE),
                acknowledgements);
            running = true;
            thread = new Thread(this::run, "gateway");
            thread.setDaemon(true);
            thread.start();
            return bound;
        }
        catch (final IOException | RuntimeException ex)
        {
            closeQuietly(server);
            closeQuietly(selector);
            throw ex;
        }
    }

    /** Clients disconnected because they did not read their acknowledgements. */
    public long slowClientsDropped()
    {
        return slowClientsDropped.get();
    }

    /** Connections refused because {@code gateway.max.connections} were open. */
    public long connectionsRefused()
    {
        return connectionsRefused.get();
    }

    /** Connections taken since start. */
    public long connectionsAccepted()
    {
        return connectionsAccepted.get();
    }

    /** Connections open now. */
    public int sessionCount()
    {
        return liveSessions.get();
    }

    /**
     * Stops the gateway thread, which sends what it can of the acknowledgements already due and closes every
     * connection; commands already offered stay journaled and matched.
     */
    public void close()
    {
        running = false;
        final Thread thread = this.thread;
        if (thread != null && thread != Thread.currentThread())
        {
            try
            {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        if (participant != null)
        {
            participant.close();
        }
    }

    private void run()
    {
        // The engine's own participant host backs off the same way: microseconds to an ack while busy, a few
        // thousand cheap polls a second while idle.
        final IdleStrategy idle = new BackoffIdleStrategy(
            100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(200));
        try
        {
            while (running && !engineGone)
            {
                idle.idle(doWork());
            }
        }
        catch (final IOException | RuntimeException ex)
        {
            System.err.println("gateway: stopped after " + ex + "; closing every connection (matching goes on)");
        }
        finally
        {
            closeAll();
        }
    }

    private int doWork() throws IOException
    {
        // Acknowledgements first: they free room in flight for the lines read next.
        int work = participant.poll(POLL_LIMIT);
        work += resumeStalled();
        work += selector.selectNow(onReady);
        work += flushDirty();
        return work;
    }

    private void onReady(final SelectionKey key)
    {
        if (!key.isValid())
        {
            return;
        }
        if (key.isAcceptable())
        {
            accept();
            return;
        }
        final GatewaySession session = (GatewaySession)key.attachment();
        if (key.isWritable())
        {
            flush(session);
        }
        if (key.isValid() && key.isReadable() && session.state == GatewaySession.OPEN)
        {
            read(session);
        }
    }

    private void accept()
    {
        while (true)
        {
            final SocketChannel channel;
            try
            {
                channel = server.accept();
            }
            catch (final IOException ex)
            {
                System.err.println("gateway: accept failed: " + ex.getMessage());
                return;
            }
            if (channel == null)
            {
                return;
            }
            if (liveSessions.get() >= maxConnections)
            {
                refuse(channel);
                continue;
            }
            try
            {
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                final GatewaySession session = acquire().open(channel);
                session.key = channel.register(selector, SelectionKey.OP_READ, session);
                liveSessions.lazySet(liveSessions.get() + 1);
                connectionsAccepted.lazySet(connectionsAccepted.get() + 1);
            }
            catch (final IOException ex)
            {
                closeQuietly(channel);
            }
        }
    }

    /**
     * One line into a fresh socket's send buffer never blocks; unread input is discarded first, since closing a
     * socket with unread input resets it, and the client might lose the line.
     */
    private void refuse(final SocketChannel channel)
    {
        connectionsRefused.lazySet(connectionsRefused.get() + 1);
        try
        {
            channel.configureBlocking(false);
            final ByteBuffer line = tooMany.clear();
            channel.write(line);
            channel.shutdownOutput();
            while (channel.read(discard.clear()) > 0)
            {
                continue;
            }
        }
        catch (final IOException ex)
        {
            // It went away first.
        }
        closeQuietly(channel);
    }

    private GatewaySession acquire()
    {
        final GatewaySession pooled = free.poll();
        if (pooled != null)
        {
            return pooled;
        }
        final GatewaySession session = new GatewaySession(slots.size(), participant.newPublication(), LINE_LIMIT);
        slots.add(session);
        return session;
    }

    private void read(final GatewaySession session)
    {
        if (session.stalled || inFlight >= MAX_IN_FLIGHT)
        {
            // Left in the socket: the key stays readable and is served once acknowledgements free room.
            return;
        }
        final int read;
        try
        {
            read = session.channel.read(session.in);
        }
        catch (final IOException ex)
        {
            closeConnection(session);
            return;
        }
        if (read < 0)
        {
            session.inputEnded = true;
            session.key.interestOps(session.key.interestOps() & ~SelectionKey.OP_READ);
        }
        cutLines(session);
    }

    private int resumeStalled()
    {
        final ArrayList<GatewaySession> stalled = this.stalled;
        final int count = stalled.size();
        if (count == 0 || inFlight >= MAX_IN_FLIGHT)
        {
            return 0;
        }
        for (int i = 0; i < count; i++)
        {
            final GatewaySession session = stalled.get(i);
            session.stalled = false;
            if (session.state == GatewaySession.OPEN)
            {
                cutLines(session);
            }
        }
        // cutLines may have stalled sessions again: they were appended after the ones resumed.
        stalled.subList(0, count).clear();
        return count;
    }

    /**
     * Handles every complete line in the session's read buffer and keeps the partial one; an over-long line is
     * refused as soon as it is known to be one, and skipped.
     */
    private void cutLines(final GatewaySession session)
    {
        final ByteBuffer in = session.in;
        final byte[] bytes = in.array();
        final int end = in.position();
        int start = 0;
        while (start < end && session.state == GatewaySession.OPEN)
        {
            if (inFlight >= MAX_IN_FLIGHT)
            {
                session.stalled = true;
                stalled.add(session);
                break;
            }
            final int newline = indexOfNewline(bytes, start, end);
            if (newline < 0)
            {
                break;
            }
            if (session.skipping)
            {
                session.skipping = false;
            }
            else
            {
                onLine(session, bytes, start, newline - start);
            }
            start = newline + 1;
        }
        int kept = end - start;
        if (!session.stalled && session.state == GatewaySession.OPEN)
        {
            if (session.skipping)
            {
                kept = 0;
            }
            else if (kept > LINE_LIMIT)
            {
                onLine(session, bytes, start, kept);
                session.skipping = true;
                kept = 0;
            }
            else if (kept > 0 && session.inputEnded)
            {
                // The last line may lack its newline.
                onLine(session, bytes, start, kept);
                kept = 0;
            }
        }
        System.arraycopy(bytes, end - kept, bytes, 0, kept);
        in.position(kept);
        if (session.inputEnded && !session.stalled && session.state == GatewaySession.OPEN)
        {
            finish(session);
        }
    }

    private static int indexOfNewline(final byte[] bytes, final int from, final int to)
    {
        for (int i = from; i < to; i++)
        {
            if (bytes[i] == '\n')
            {
                return i;
            }
        }
        return -1;
    }

    private void onLine(final GatewaySession session, final byte[] bytes, final int start, final int length)
    {
        if (!session.headerSeen)
        {
            if (length > LINE_LIMIT || !OrderFlowParser.isHeader(new String(bytes, start, length,
                StandardCharsets.UTF_8)))
            {
                if (session.reserve(outputLimit))
                {
                    session.append(MISSING_HEADER);
                }
                finish(session);
                return;
            }
            session.headerSeen = true;
            return;
        }
        final long line = ++session.lines;
        if (length > LINE_LIMIT)
        {
            reject(session, line, RejectReason.LINE_TOO_LONG);
            return;
        }
        // The parser works on Strings (as the CSV tools do): one per line read, on this thread, none per ack.
        final String text = new String(bytes, start, length, StandardCharsets.UTF_8);
        if (text.startsWith(HALT) || text.startsWith(RESUME))
        {
            control(session, text, line);
            return;
        }
        final int venueStatus = venueStatusLine(text);
        if (venueStatus != TradingStatus.NOT_A_STATUS)
        {
            venueControl(session, venueStatus, line);
            return;
        }
        if (operatorLines != null && isControlWord(text))
        {
            extensionControl(session, text, line);
            return;
        }
        if (!accountAllowed(text))
        {
            // Refused before parsing, which would register the account with the engine.
            reject(session, line, RejectReason.ACCOUNT_NOT_ALLOWED);
            return;
        }
        final int reason = parser.parse(text, command);
        if (reason != RejectReason.NONE)
        {
            if (reserve(session))
            {
                session.append(REJECTED).appendDigits(line).append((byte)',').append(reasonText(reason))
                    .append((byte)' ').append((byte)'(').appendAscii(parser.rejectedField()).append((byte)')')
                    .append((byte)'\n');
                markDirty(session);
            }
            return;
        }
        offer(session, line);
    }

    /**
     * {@code HALT,<symbol>} or {@code RESUME,<symbol>}: the circuit breaker, journaled and acknowledged like any
     * command, offered without waiting (a full ring is answered busy, as for orders).
     */
    private void control(final GatewaySession session, final String text, final long line)
    {
        if (accounts.length > 0)
        {
            reject(session, line, RejectReason.OPERATOR_NOT_ALLOWED);
            return;
        }
        final boolean halt = text.startsWith(HALT);
        final String symbol = text.substring((halt ? HALT : RESUME).length()).trim();
        final int instrumentId = directory.resolve(symbol, false);
        if (instrumentId < 0)
        {
            reject(session, line, RejectReason.UNKNOWN_INSTRUMENT);
            return;
        }
        command.clear();
        command.type = halt ? CommandType.HALT : CommandType.RESUME;
        command.instrumentId = instrumentId;
        offer(session, line);
    }

    /**
     * The venue status a whole line names ({@code VENUE_STRESS}, {@code WITHDRAWALS_HALTED}, {@code VENUE_NORMAL},
     * a trailing comma allowed), or {@link TradingStatus#NOT_A_STATUS}.
     */
    private static int venueStatusLine(final String text)
    {
        if (text.isEmpty() || (text.charAt(0) != 'V' && text.charAt(0) != 'W'))
        {
            // An order-flow line starts with its timestamp: one look, no copy of the line.
            return TradingStatus.NOT_A_STATUS;
        }
        final String trimmed = text.trim();
        final String name = trimmed.endsWith(",") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
        return TradingStatus.venueStatusOf(name);
    }

    /**
     * A venue status line: operator-only like HALT, journaled and acknowledged like any command.
     */
    private void venueControl(final GatewaySession session, final int status, final long line)
    {
        if (accounts.length > 0)
        {
            reject(session, line, RejectReason.OPERATOR_NOT_ALLOWED);
            return;
        }
        command.clear().setVenueStatus(status);
        offer(session, line);
    }

    /**
     * A control line of a hosted extension ({@code BOT_STATUS}, ...): its answer goes back at once, ahead of the
     * acknowledgements of commands still in flight. Operator-only, like HALT.
     */
    private void extensionControl(final GatewaySession session, final String text, final long line)
    {
        if (accounts.length > 0)
        {
            reject(session, line, RejectReason.OPERATOR_NOT_ALLOWED);
            return;
        }
        final String answer = operatorLines.answer(text, line);
        if (answer == OperatorLines.NOT_MINE)
        {
            reject(session, line, RejectReason.BAD_ACTION);
            return;
        }
        final byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        if (session.reserve(outputLimit))
        {
            session.append(bytes).append((byte)'\n');
            markDirty(session);
        }
        else
        {
            finish(session);
        }
    }

    /** A line whose first field is an upper-case word (order-flow lines start with a timestamp). */
    private static boolean isControlWord(final String text)
    {
        final int end = text.indexOf(',') < 0 ? text.length() : text.indexOf(',');
        if (end == 0)
        {
            return false;
        }
        for (int i = 0; i < end; i++)
        {
            final char c = text.charAt(i);
            if ((c < 'A' || c > 'Z') && c != '_')
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Control lines the engine does not know are offered to this extension (the market maker's {@code BOT_*}
     * lines); set before {@link #start}.
     */
    public OrderFlowGateway operatorLines(final OperatorLines lines)
    {
        this.operatorLines = lines;
        return this;
    }

    private void offer(final GatewaySession session, final long line)
    {
        final long result = session.publication.offer(command, ((long)session.slot << LINE_BITS) | (line & LINE_MASK));
        if (result >= 0)
        {
            session.inFlight++;
            inFlight++;
        }
        else if (result == Publication.BUSY)
        {
            reject(session, line, RejectReason.BUSY);
        }
        else if (result == Publication.NOT_ENCODABLE)
        {
            reject(session, line, RejectReason.BAD_ACTION);
        }
        else
        {
            reject(session, line, RejectReason.ENGINE_STOPPED);
            finish(session);
        }
    }

    /**
     * The account field (the third) against the allow-list, on the line's text without cutting it out.
     */
    private boolean accountAllowed(final String text)
    {
        final String[] accounts = this.accounts;
        if (accounts.length == 0)
        {
            return true;
        }
        final int first = text.indexOf(',');
        final int second = first < 0 ? -1 : text.indexOf(',', first + 1);
        if (second < 0)
        {
            // Too few fields: the parser refuses the line, naming it malformed.
            return true;
        }
        final int third = text.indexOf(',', second + 1);
        final int from = second + 1;
        final int to = third < 0 ? text.length() : third;
        for (final String account : accounts)
        {
            if (to - from == account.length() && text.regionMatches(from, account, 0, account.length()))
            {
                return true;
            }
        }
        return false;
    }

    private void reject(final GatewaySession session, final long line, final int reason)
    {
        if (reserve(session))
        {
            session.append(REJECTED).appendDigits(line).append((byte)',').append(reasonText(reason))
                .append((byte)'\n');
            markDirty(session);
        }
    }

    private void onAcknowledged(final long correlationId, final int reason)
    {
        final int slot = (int)(correlationId >>> LINE_BITS);
        if (correlationId < 0 || slot >= slots.size())
        {
            return;
        }
        final GatewaySession session = slots.get(slot);
        session.inFlight--;
        inFlight--;
        switch (session.state)
        {
            case GatewaySession.OPEN:
            case GatewaySession.FINISHING:
            {
                final long line = correlationId & LINE_MASK;
                if (reserve(session))
                {
                    if (reason == RejectReason.NONE)
                    {
                        session.append(OK).appendDigits(line).append((byte)'\n');
                    }
                    else
                    {
                        session.append(REJECTED).appendDigits(line).append((byte)',').append(reasonText(reason))
                            .append((byte)'\n');
                    }
                    markDirty(session);
                }
                break;
            }

            case GatewaySession.DRAINING:
                if (session.inFlight == 0)
                {
                    release(session);
                }
                break;

            default:
                break;
        }
    }

    /**
     * Room for one more line, or the session is disconnected as a slow client (counted, said once).
     */
    private boolean reserve(final GatewaySession session)
    {
        if (session.reserve(outputLimit))
        {
            return true;
        }
        slowClientsDropped.lazySet(slowClientsDropped.get() + 1);
        System.err.println("gateway: session " + session.sourceId() + " left more than " + outputLimit +
            " bytes of acknowledgements unread; disconnecting it (its commands stay journaled and matched)");
        closeConnection(session);
        return false;
    }

    private void markDirty(final GatewaySession session)
    {
        if (!session.dirty)
        {
            session.dirty = true;
            dirty.add(session);
        }
    }

    /** Reads no more; the connection closes once every acknowledgement of it is sent. */
    private void finish(final GatewaySession session)
    {
        if (session.state != GatewaySession.OPEN)
        {
            return;
        }
        session.state = GatewaySession.FINISHING;
        if (session.key.isValid())
        {
            session.key.interestOps(session.key.interestOps() & ~SelectionKey.OP_READ);
        }
        markDirty(session);
    }

    private int flushDirty()
    {
        final ArrayList<GatewaySession> dirty = this.dirty;
        final int count = dirty.size();
        for (int i = 0; i < count; i++)
        {
            final GatewaySession session = dirty.get(i);
            session.dirty = false;
            flush(session);
        }
        dirty.clear();
        return count;
    }

    /**
     * Writes what the socket takes without waiting; the rest waits for the socket to be writable.
     */
    private void flush(final GatewaySession session)
    {
        if (session.state != GatewaySession.OPEN && session.state != GatewaySession.FINISHING)
        {
            return;
        }
        final ByteBuffer out = session.out;
        if (out.position() > 0)
        {
            out.flip();
            try
            {
                session.channel.write(out);
            }
            catch (final IOException ex)
            {
                out.clear();
                closeConnection(session);
                return;
            }
            out.compact();
        }
        final SelectionKey key = session.key;
        if (out.position() > 0)
        {
            key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
            return;
        }
        if ((key.interestOps() & SelectionKey.OP_WRITE) != 0)
        {
            key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
        }
        if (session.state == GatewaySession.FINISHING && session.inFlight == 0)
        {
            closeConnection(session);
        }
    }

    private void closeConnection(final GatewaySession session)
    {
        if (session.state != GatewaySession.OPEN && session.state != GatewaySession.FINISHING)
        {
            return;
        }
        if (session.key != null)
        {
            session.key.cancel();
        }
        closeQuietly(session.channel);
        session.channel = null;
        session.key = null;
        liveSessions.lazySet(liveSessions.get() - 1);
        session.state = GatewaySession.DRAINING;
        if (session.inFlight == 0)
        {
            release(session);
        }
    }

    private void release(final GatewaySession session)
    {
        session.state = GatewaySession.FREE;
        free.add(session);
    }

    private void closeAll()
    {
        for (final GatewaySession session : slots)
        {
            if (session.state == GatewaySession.OPEN || session.state == GatewaySession.FINISHING)
            {
                // Best effort: what the socket takes now, nothing waited for.
                session.state = GatewaySession.FINISHING;
                flush(session);
                closeConnection(session);
            }
        }
        closeQuietly(server);
        closeQuietly(selector);
    }

    private byte[] reasonText(final int reason)
    {
        if (reason < 0 || reason >= REASON_CODES)
        {
            return RejectReason.describe(reason).getBytes(StandardCharsets.US_ASCII);
        }
        byte[] text = reasonTexts[reason];
        if (text == null)
        {
            text = RejectReason.describe(reason).getBytes(StandardCharsets.US_ASCII);
            reasonTexts[reason] = text;
        }
        return text;
    }

    private static void closeQuietly(final AutoCloseable closeable)
    {
        if (closeable == null)
        {
            return;
        }
        try
        {
            closeable.close();
        }
        catch (final Exception ex)
        {
            // Closing anyway.
        }
    }

    /**
     * The gateway's side of its participant queue, called on the gateway thread from {@code poll}.
     */
    private final class Acknowledgements implements ParticipantListener
    {
        public void onReport(final ExecutionReport report)
        {
            if (report.type == ResultType.DONE)
            {
                onAcknowledged(report.commandCorrelationId, report.rejectReason);
            }
        }

        public void onDisconnected(final String reason)
        {
            if (running)
            {
                System.err.println("gateway: the engine stopped answering (" + reason +
                    "); closing every connection");
            }
            engineGone = true;
        }
    }
}
