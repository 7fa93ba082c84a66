package org.mmwinter.engine.gateway;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import com.sun.management.UnixOperatingSystemMXBean;
import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.flow.FlowFiles;
import org.mmwinter.engine.flow.OrderFlowParser;
import org.mmwinter.engine.message.TradingStatus;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a gateway port holds up to: thousands of idle connections on one thread, a connection cap, an account
 * allow-list, loopback only unless told otherwise, over-long lines, a client that never reads, and several clients
 * at once each acknowledged in its own line order.
 */
final class OrderFlowGatewayLimitsTest
{
    private static final String HEADER = OrderFlowParser.HEADER + "\n";
    private static final int SOCKET_TIMEOUT_MS = 5_000;

    @TempDir
    Path dir;

    private final OrderFlowGateway gateway = new OrderFlowGateway();
    private final List<Socket> sockets = new ArrayList<>();
    private EnginePipeline pipeline;
    private InetSocketAddress address;

    @AfterEach
    void close()
    {
        for (final Socket socket : sockets)
        {
            try
            {
                socket.close();
            }
            catch (final IOException ignored)
            {
                // Closing anyway.
            }
        }
        gateway.close();
        if (pipeline != null)
        {
            pipeline.close();
        }
    }

    private void start(final UnaryOperator<EngineConfig> settings) throws IOException
    {
        pipeline = new EnginePipeline(settings.apply(EngineConfig.defaults().clearInstruments()
            .dataDir(dir.resolve("data"))), List.of(), List.of(), new SystemEpochNanoClock());
        pipeline.start();
        address = gateway.start(pipeline, "127.0.0.1", 0);
    }

    private Socket connect() throws IOException
    {
        final Socket socket = new Socket(address.getAddress(), address.getPort());
        socket.setSoTimeout(SOCKET_TIMEOUT_MS);
        sockets.add(socket);
        return socket;
    }

    private static void send(final Socket socket, final String text) throws IOException
    {
        final OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static BufferedReader reader(final Socket socket) throws IOException
    {
        return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    }

    private static List<String> readLines(final BufferedReader in, final int count) throws IOException
    {
        final List<String> lines = new ArrayList<>();
        String line;
        while (lines.size() < count && (line = in.readLine()) != null)
        {
            lines.add(line);
        }
        return lines;
    }

    private static void await(final BooleanSupplier done, final String what)
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
        while (!done.getAsBoolean())
        {
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            Thread.onSpinWait();
        }
    }

    private static int liveThreads()
    {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /**
     * 2,000 connections, or as many as the open-file limit leaves room for (each is two descriptors here: the
     * client's and the gateway's).
     */
    private static int idleConnections()
    {
        final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof UnixOperatingSystemMXBean unix)
        {
            final long room = unix.getMaxFileDescriptorCount() - unix.getOpenFileDescriptorCount() - 256;
            return (int)Math.max(16, Math.min(2_000, room / 2));
        }
        return 2_000;
    }

    @Test
    void idleConnectionsCostNoThreadsAndANewOneIsStillAnsweredAtOnce() throws Exception
    {
        final int connections = idleConnections();
        pipeline = new EnginePipeline(EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data"))
            .gatewayMaxConnections(connections + 1), List.of(), List.of(), new SystemEpochNanoClock());
        pipeline.start();
        final int before = liveThreads();
        address = gateway.start(pipeline, "127.0.0.1", 0);
        for (int i = 0; i < connections; i++)
        {
            send(connect(), HEADER);
        }
        await(() -> gateway.sessionCount() == connections, connections + " sessions");
        final int after = liveThreads();
        System.out.println("gateway: " + connections + " idle connections, live threads " + before + " -> " + after);
        assertTrue(after - before <= 2, "one gateway thread, not one per connection: " + before + " -> " + after);

        final Socket fresh = connect();
        send(fresh, HEADER + "1,NEW,mm,1,BTC-USD,BUY,LIMIT,GTC,100,1\n");
        assertEquals("OK,1", reader(fresh).readLine());
    }

    @Test
    void aConnectionBeyondTheCapIsToldSoAndClosed() throws Exception
    {
        start(c -> c.gatewayMaxConnections(2));
        final Socket first = connect();
        final Socket second = connect();
        await(() -> gateway.sessionCount() == 2, "two sessions");

        final Socket third = connect();
        final BufferedReader refused = reader(third);
        assertEquals("ERROR,0,too many connections (limit 2)", refused.readLine());
        assertNull(refused.readLine(), "then closed");
        assertEquals(1, gateway.connectionsRefused());

        first.close();
        await(() -> gateway.sessionCount() == 1, "the first session to close");
        final Socket again = connect();
        send(again, HEADER + "1,NEW,mm,1,BTC-USD,BUY,LIMIT,GTC,100,1\n");
        assertEquals("OK,1", reader(again).readLine(), "room again once one closed");
        send(second, HEADER + "1,NEW,mm,2,BTC-USD,BUY,LIMIT,GTC,100,1\n");
        assertEquals("OK,1", reader(second).readLine());
    }

    @Test
    void aPortWithAnAllowListRefusesOtherAccountsAndOperatorCommands() throws Exception
    {
        start(c -> c.gatewayAccounts(List.of("mm", "desk")));
        final Socket socket = connect();
        send(socket, HEADER + String.join("\n",
            "1,NEW,mm,1,BTC-USD,BUY,LIMIT,GTC,100,1",
            "2,NEW,intruder,1,BTC-USD,SELL,LIMIT,GTC,100,1",
            "3,NEW,desk,1,BTC-USD,SELL,LIMIT,GTC,101,1",
            "4,MASS_CANCEL,intruder,,,,,,,",
            "HALT,BTC-USD",
            "5,NEW,m,2,BTC-USD,BUY,LIMIT,GTC,100,1",
            "WITHDRAWALS_HALTED") + "\n");
        final List<String> acks = readLines(reader(socket), 7);
        assertTrue(acks.contains("OK,1"), acks.toString());
        assertTrue(acks.contains("REJECTED,2,account not allowed on this port"), acks.toString());
        assertTrue(acks.contains("OK,3"), acks.toString());
        assertTrue(acks.contains("REJECTED,4,account not allowed on this port"), acks.toString());
        assertTrue(acks.contains("REJECTED,5,operator commands not allowed on this port"), acks.toString());
        assertTrue(acks.contains("REJECTED,6,account not allowed on this port"), "a prefix is not a name: " + acks);
        assertTrue(acks.contains("REJECTED,7,operator commands not allowed on this port"), acks.toString());
        assertTrue(pipeline.awaitIdle(5, TimeUnit.SECONDS));
        for (int id = 0; id < 8; id++)
        {
            assertTrue(!"intruder".equals(pipeline.directory().accountName(id)),
                "a refused account never reaches the engine");
        }
        assertEquals(2, pipeline.stateWhenIdle().engine().liveOrderCount());
        assertEquals(TradingStatus.VENUE_NORMAL, pipeline.stateWhenIdle().engine().venueStatus());
    }

    @Test
    void aNonLoopbackAddressIsRefusedBeforeBinding() throws Exception
    {
        pipeline = new EnginePipeline(EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data")),
            List.of(), List.of(), new SystemEpochNanoClock());
        pipeline.start();
        // The port is taken: had the gateway tried to bind, it would have failed with a BindException instead.
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> gateway.start(pipeline, "0.0.0.0", taken.getLocalPort()));
            assertTrue(refused.getMessage().contains("not a loopback address") &&
                refused.getMessage().contains("gateway.allow.remote=true"), refused.getMessage());
        }
        assertEquals(0, gateway.sessionCount());
    }

    @Test
    void aLineTooLongIsRefusedAndSkippedAndTheSessionGoesOn() throws Exception
    {
        start(c -> c);
        final Socket socket = connect();
        final char[] filler = new char[OrderFlowGateway.LINE_LIMIT * 3];
        Arrays.fill(filler, 'x');
        send(socket, HEADER + "1," + new String(filler) + "\n2,NEW,mm,1,BTC-USD,BUY,LIMIT,GTC,100,1\n");
        final List<String> acks = readLines(reader(socket), 2);
        assertEquals(List.of("REJECTED,1,line too long", "OK,2"), acks);
    }

    @Test
    void aClientThatNeverReadsIsDisconnectedWhileOthersGoOn() throws Exception
    {
        start(c -> c.gatewayOutputMaxBytes(64 * 1024));
        final Socket good = connect();
        send(good, HEADER + "1,NEW,mm,1,BTC-USD,BUY,LIMIT,GTC,100,1\n");
        final BufferedReader goodIn = reader(good);
        assertEquals("OK,1", goodIn.readLine());

        final Socket slow = new Socket();
        slow.setReceiveBufferSize(4096);
        slow.connect(address);
        sockets.add(slow);
        // Two bytes in, a 40-byte refusal out: the answers outgrow the socket buffers and the bound long before
        // the input ends.
        final byte[] junk = "x\n".repeat(50_000).getBytes(StandardCharsets.US_ASCII);
        try
        {
            send(slow, HEADER);
            for (int i = 0; i < 10 && gateway.slowClientsDropped() == 0; i++)
            {
                slow.getOutputStream().write(junk);
            }
        }
        catch (final IOException expected)
        {
            // Disconnected while still sending.
        }
        await(() -> gateway.slowClientsDropped() == 1, "the slow client to be dropped");

        final StringBuilder more = new StringBuilder();
        for (int i = 2; i <= 101; i++)
        {
            more.append(i).append(",NEW,mm,").append(i).append(",BTC-USD,BUY,LIMIT,GTC,100,1\n");
        }
        send(good, more.toString());
        final List<String> acks = readLines(goodIn, 100);
        assertEquals(100, acks.size());
        assertEquals("OK,2", acks.get(0));
        assertEquals("OK,101", acks.get(99));
        assertEquals(1, gateway.sessionCount(), "the good session is still open");
    }

    @Test
    void clientsAtOnceEachGetTheirAcknowledgementsInLineOrder() throws Exception
    {
        start(c -> c);
        final int clients = 4;
        final int lines = 2_000;
        final Thread[] threads = new Thread[clients];
        final List<List<String>> answers = new ArrayList<>();
        final Throwable[] failures = new Throwable[clients];
        for (int c = 0; c < clients; c++)
        {
            final Path flow = FlowFiles.write(dir.resolve("flow-" + c + ".csv"), 11 + c, lines);
            final Socket socket = connect();
            final List<String> acks = new ArrayList<>();
            answers.add(acks);
            final int client = c;
            threads[c] = new Thread(() ->
            {
                try
                {
                    final BufferedReader in = reader(socket);
                    socket.getOutputStream().write(Files.readAllBytes(flow));
                    socket.shutdownOutput();
                    acks.addAll(readLines(in, lines + 1));
                }
                catch (final IOException | RuntimeException ex)
                {
                    failures[client] = ex;
                }
            }, "client-" + c);
            threads[c].start();
        }
        for (int c = 0; c < clients; c++)
        {
            threads[c].join(TimeUnit.SECONDS.toMillis(8));
            assertNull(failures[c]);
            final List<String> acks = answers.get(c);
            assertEquals(lines, acks.size(), "client " + c + ": one line back per line, then closed");
            final boolean[] seen = new boolean[lines + 1];
            long lastFromEngine = 0;
            for (final String ack : acks)
            {
                final String[] fields = ack.split(",", 3);
                final int line = Integer.parseInt(fields[1]);
                assertTrue(!seen[line], "one acknowledgement per line: " + ack);
                seen[line] = true;
                final boolean atOnce = "REJECTED".equals(fields[0]) &&
                    (fields[2].endsWith(")") || "engine busy".equals(fields[2]));
                if (!atOnce)
                {
                    assertTrue(line > lastFromEngine, "client " + c + ": the engine's in line order: " + ack);
                    lastFromEngine = line;
                }
            }
        }
    }
}
