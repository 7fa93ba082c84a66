package org.mmwinter.engine.gateway;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.lmax.disruptor.EventHandler;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.flow.OrderFlowParser;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.pipeline.EngineDirectory;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.Publication;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;

/**
 * A plain TCP gateway for real clients until the FIX gateway arrives: a client sends the order-flow CSV (header
 * first, then one command a line) and gets one line back per line: {@code OK,<line>} or
 * {@code REJECTED,<line>,<reason>} once the command is journaled and matched (these in line order), or at once
 * {@code REJECTED,<line>,<reason>} for a line that cannot be parsed or finds the engine busy. Operators may also send
 * {@code HALT,<symbol>} and {@code RESUME,<symbol>} lines (the crash-day circuit breaker). Each connection is a producer of its own; a client that
 * stops reading its acknowledgements is disconnected (counted) rather than stalling the engine or losing them.
 */
public final class OrderFlowGateway implements EventHandler<ResultEvent>, AutoCloseable
{
    /** Source ids of gateway sessions start here (the CSV input is 1, tools use small ids). */
    public static final int FIRST_SOURCE_ID = 1_000;
    private static final int ACK_QUEUE = 1 << 16;
    private static final String HALT = "HALT,";
    private static final String RESUME = "RESUME,";

    private final ConcurrentHashMap<Integer, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger nextSourceId = new AtomicInteger(FIRST_SOURCE_ID);
    private final AtomicLong slowClientsDropped = new AtomicLong();
    private EnginePipeline pipeline;
    private ServerSocket server;
    private volatile boolean running;

    /**
     * Binds and starts accepting; the pipeline must be started and have this gateway among its result handlers.
     *
     * @param port 0 for any free port.
     */
    public InetSocketAddress start(final EnginePipeline pipeline, final String host, final int port) throws IOException
    {
        this.pipeline = pipeline;
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        running = true;
        final Thread acceptor = new Thread(this::acceptLoop, "gateway-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return (InetSocketAddress)server.getLocalSocketAddress();
    }

    /** Clients disconnected because they did not read their acknowledgements. */
    public long slowClientsDropped()
    {
        return slowClientsDropped.get();
    }

    public int sessionCount()
    {
        return sessions.size();
    }

    public void onEvent(final ResultEvent r, final long sequence, final boolean endOfBatch)
    {
        if (r.type != ResultType.DONE || r.sourceId < FIRST_SOURCE_ID)
        {
            return;
        }
        final Session session = sessions.get(r.sourceId);
        if (session != null)
        {
            session.send(r.rejectReason == RejectReason.NONE ? "OK," + r.correlationId :
                "REJECTED," + r.correlationId + "," + RejectReason.describe(r.rejectReason));
        }
    }

    public void close()
    {
        running = false;
        try
        {
            if (server != null)
            {
                server.close();
            }
        }
        catch (final IOException ignored)
        {
            // Closing anyway.
        }
        for (final Session session : sessions.values())
        {
            session.close();
        }
    }

    private void acceptLoop()
    {
        while (running)
        {
            try
            {
                final Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                final Session session = new Session(nextSourceId.getAndIncrement(), socket);
                sessions.put(session.sourceId, session);
                session.start();
            }
            catch (final IOException ex)
            {
                if (running)
                {
                    System.err.println("gateway: accept failed: " + ex.getMessage());
                }
            }
        }
    }

    /**
     * One client connection: a reader thread that publishes its lines, a writer thread that sends its acks.
     */
    private final class Session
    {
        final int sourceId;
        final Socket socket;
        final BlockingQueue<String> acks = new ArrayBlockingQueue<>(ACK_QUEUE);
        volatile boolean open = true;

        Session(final int sourceId, final Socket socket)
        {
            this.sourceId = sourceId;
            this.socket = socket;
        }

        void start()
        {
            final Thread reader = new Thread(this::readLoop, "gateway-in-" + sourceId);
            final Thread writer = new Thread(this::writeLoop, "gateway-out-" + sourceId);
            reader.setDaemon(true);
            writer.setDaemon(true);
            reader.start();
            writer.start();
        }

        void send(final String line)
        {
            if (open && !acks.offer(line))
            {
                slowClientsDropped.incrementAndGet();
                System.err.println("gateway: session " + sourceId + " does not read its acknowledgements; " +
                    "disconnecting it (its commands stay journaled and matched)");
                close();
            }
        }

        void close()
        {
            open = false;
            sessions.remove(sourceId);
            acks.offer("");
            try
            {
                socket.close();
            }
            catch (final IOException ignored)
            {
                // Closing anyway.
            }
        }

        private void readLoop()
        {
            final EngineDirectory directory = pipeline.directory();
            final OrderFlowParser parser = new OrderFlowParser(directory, directory, directory);
            final CommandEvent command = new CommandEvent();
            final Publication publication = pipeline.publication(sourceId);
            try
            {
                // Not closed when done: closing a socket's stream closes the socket, and acks are still due.
                final BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                final String header = in.readLine();
                if (header == null || !OrderFlowParser.isHeader(header))
                {
                    send("ERROR,0,missing header: send '" + OrderFlowParser.HEADER + "' first");
                    acks.offer("");
                    return;
                }
                long line = 0;
                String text;
                while (open && (text = in.readLine()) != null)
                {
                    line++;
                    if (text.startsWith(HALT) || text.startsWith(RESUME))
                    {
                        control(text, line);
                        continue;
                    }
                    final int reason = parser.parse(text, command);
                    if (reason != RejectReason.NONE)
                    {
                        send("REJECTED," + line + "," + RejectReason.describe(reason) + " (" +
                            parser.rejectedField() + ")");
                        continue;
                    }
                    final long result = publication.offer(command, line);
                    if (result == Publication.BUSY)
                    {
                        send("REJECTED," + line + "," + RejectReason.describe(RejectReason.BUSY));
                        continue;
                    }
                    if (result < 0)
                    {
                        send("REJECTED," + line + "," + RejectReason.describe(RejectReason.ENGINE_STOPPED));
                        break;
                    }
                }
            }
            catch (final SocketException ex)
            {
                // The client went away.
            }
            catch (final IOException ex)
            {
                System.err.println("gateway: session " + sourceId + ": " + ex.getMessage());
            }
        }

        /**
         * {@code HALT,<symbol>} or {@code RESUME,<symbol>}: the circuit breaker, journaled and acknowledged like
         * any command.
         */
        private void control(final String text, final long line)
        {
            final boolean halt = text.startsWith(HALT);
            final String symbol = text.substring((halt ? HALT : RESUME).length()).trim();
            if (!pipeline.halt(symbol, halt, sourceId, line))
            {
                send("REJECTED," + line + "," + RejectReason.describe(RejectReason.UNKNOWN_INSTRUMENT));
            }
        }

        private void writeLoop()
        {
            try (Writer out = new BufferedWriter(
                new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8)))
            {
                while (true)
                {
                    final String line = acks.take();
                    if (line.isEmpty())
                    {
                        out.flush();
                        break;
                    }
                    out.write(line);
                    out.write('\n');
                    if (acks.isEmpty())
                    {
                        out.flush();
                    }
                }
            }
            catch (final IOException | InterruptedException ex)
            {
                // The client went away or we are closing.
            }
            finally
            {
                close();
            }
        }
    }
}
