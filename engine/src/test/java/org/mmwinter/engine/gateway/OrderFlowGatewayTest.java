package org.mmwinter.engine.gateway;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.SystemEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.flow.FlowFiles;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.message.TradingStatus;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.Participant;
import org.mmwinter.engine.pipeline.ParticipantListener;
import org.mmwinter.engine.pipeline.ParticipantSpec;
import org.mmwinter.engine.state.StateDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real client on loopback: the flow goes over TCP, every line comes back acknowledged exactly once (the engine's
 * acknowledgements in line order), and the engine ends in the state the bare core reaches on the same flow.
 */
class OrderFlowGatewayTest
{
    @TempDir
    Path dir;

    @Test
    void aClientGetsOneAcknowledgementPerLine() throws Exception
    {
        final int lines = 3_000;
        final Path flow = FlowFiles.write(dir.resolve("flow.csv"), 5, lines);
        final OrderFlowGateway gateway = new OrderFlowGateway();
        try (EnginePipeline pipeline = new EnginePipeline(
            EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data")), List.of(), List.of(),
            new SystemEpochNanoClock()))
        {
            pipeline.start();
            final InetSocketAddress address = gateway.start(pipeline, "127.0.0.1", 0);
            final List<String> acks = new ArrayList<>();
            try (Socket socket = new Socket(address.getAddress(), address.getPort()))
            {
                final OutputStream out = socket.getOutputStream();
                out.write(Files.readAllBytes(flow));
                out.flush();
                socket.shutdownOutput();
                final BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while (acks.size() < lines && (line = in.readLine()) != null)
                {
                    acks.add(line);
                }
            }
            assertEquals(lines, acks.size());
            final boolean[] seen = new boolean[lines + 1];
            long lastFromEngine = 0;
            int rejected = 0;
            for (final String ack : acks)
            {
                final String[] fields = ack.split(",", 3);
                final int line = Integer.parseInt(fields[1]);
                assertTrue(!seen[line], "one acknowledgement per line: " + ack);
                seen[line] = true;
                if ("REJECTED".equals(fields[0]))
                {
                    rejected++;
                    assertTrue(fields.length == 3 && !fields[2].isEmpty(), "a reason: " + ack);
                }
                else
                {
                    assertEquals("OK", fields[0], ack);
                    assertTrue(line > lastFromEngine, "the engine acknowledges in line order: " + ack);
                    lastFromEngine = line;
                }
            }
            assertTrue(rejected > 0 && rejected < lines / 2, "the generated flow has some bad lines: " + rejected);
            assertTrue(pipeline.awaitIdle(10, TimeUnit.SECONDS));
            assertEquals(StateDigest.toHex(FlowFiles.direct(flow, Long.MAX_VALUE).digest()),
                StateDigest.toHex(pipeline.digest()));
        }
        finally
        {
            gateway.close();
        }
    }

    @Test
    void aClientWithoutTheHeaderIsToldWhy() throws Exception
    {
        final OrderFlowGateway gateway = new OrderFlowGateway();
        try (EnginePipeline pipeline = new EnginePipeline(
            EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data")), List.of(), List.of(),
            new SystemEpochNanoClock()))
        {
            pipeline.start();
            final InetSocketAddress address = gateway.start(pipeline, "127.0.0.1", 0);
            try (Socket socket = new Socket(address.getAddress(), address.getPort()))
            {
                socket.getOutputStream().write("1,NEW,a,1,X,BUY,LIMIT,GTC,1,1\n".getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
                final String reply = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8)).readLine();
                assertTrue(reply.startsWith("ERROR,0,missing header"), reply);
            }
            assertEquals(0, pipeline.commandCount());
        }
        finally
        {
            gateway.close();
        }
    }

    @Test
    void anOperatorHaltsAndResumesAnInstrumentOverTheGateway() throws Exception
    {
        final OrderFlowGateway gateway = new OrderFlowGateway();
        try (EnginePipeline pipeline = new EnginePipeline(
            EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data")), List.of(), List.of(),
            new SystemEpochNanoClock()))
        {
            pipeline.start();
            final InetSocketAddress address = gateway.start(pipeline, "127.0.0.1", 0);
            final String session = String.join("\n",
                "ts_ns,action,account,order_id,symbol,side,type,tif,price,qty",
                "1,NEW,mm,1,LUNA-USD,BUY,LIMIT,GTC,80,10",
                "HALT,LUNA-USD",
                "2,NEW,mm,2,LUNA-USD,BUY,LIMIT,GTC,79,10",
                "3,CANCEL,mm,1,LUNA-USD,,,,,",
                "RESUME,LUNA-USD",
                "4,NEW,mm,3,LUNA-USD,BUY,LIMIT,GTC,78,10",
                "HALT,NO-SUCH") + "\n";
            final List<String> acks = new ArrayList<>();
            try (Socket socket = new Socket(address.getAddress(), address.getPort()))
            {
                socket.getOutputStream().write(session.getBytes(StandardCharsets.UTF_8));
                socket.shutdownOutput();
                final BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while (acks.size() < 7 && (line = in.readLine()) != null)
                {
                    acks.add(line);
                }
            }
            assertTrue(acks.contains("OK,1"), acks.toString());
            assertTrue(acks.contains("OK,2"), "the halt itself is acknowledged: " + acks);
            assertTrue(acks.contains("REJECTED,3,instrument halted"), acks.toString());
            assertTrue(acks.contains("OK,4"), "cancels work during a halt: " + acks);
            assertTrue(acks.contains("OK,5"), acks.toString());
            assertTrue(acks.contains("OK,6"), "trading again after RESUME: " + acks);
            assertTrue(acks.contains("REJECTED,7,unknown instrument"), acks.toString());
            assertEquals(1, pipeline.stateWhenIdle().engine().liveOrderCount());
        }
        finally
        {
            gateway.close();
        }
    }

    @Test
    void anOperatorSetsTheVenueStatusOverTheGatewayAndSubscribersAreTold() throws Exception
    {
        final OrderFlowGateway gateway = new OrderFlowGateway();
        try (EnginePipeline pipeline = new EnginePipeline(
            EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data")), List.of(), List.of(),
            new SystemEpochNanoClock()))
        {
            pipeline.start();
            final List<String> told = new ArrayList<>();
            final Participant watcher = pipeline.register(ParticipantSpec.of("watcher").withMarketData(),
                new ParticipantListener()
                {
                    public void onReport(final ExecutionReport report)
                    {
                        // Only the statuses matter here.
                    }

                    public void onMarketData(final ExecutionReport update)
                    {
                        if (update.type == ResultType.STATUS)
                        {
                            told.add(TradingStatus.name(update.instrumentId, update.status));
                        }
                    }
                });
            final InetSocketAddress address = gateway.start(pipeline, "127.0.0.1", 0);
            final String session = String.join("\n",
                "ts_ns,action,account,order_id,symbol,side,type,tif,price,qty",
                "VENUE_STRESS",
                "1,NEW,mm,1,FTT-USD,BUY,LIMIT,GTC,22,10",
                "WITHDRAWALS_HALTED,",
                "2,NEW,mm,2,FTT-USD,SELL,LIMIT,GTC,22,4",
                "VENUE_NORMAL",
                "VENUE_PANIC") + "\n";
            final List<String> acks = new ArrayList<>();
            try (Socket socket = new Socket(address.getAddress(), address.getPort()))
            {
                socket.getOutputStream().write(session.getBytes(StandardCharsets.UTF_8));
                socket.shutdownOutput();
                final BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                String line;
                while (acks.size() < 6 && (line = in.readLine()) != null)
                {
                    acks.add(line);
                }
            }
            assertTrue(acks.contains("OK,1"), "the venue line is acknowledged like a command: " + acks);
            assertTrue(acks.contains("OK,2"), acks.toString());
            assertTrue(acks.contains("OK,3"), "a trailing comma is allowed: " + acks);
            assertTrue(acks.contains("OK,4"), "matching goes on while withdrawals are halted: " + acks);
            assertTrue(acks.contains("OK,5"), acks.toString());
            assertEquals(1, acks.stream().filter(a -> a.startsWith("REJECTED,6,")).count(),
                "any other word is an order-flow line, and a bad one: " + acks);
            assertTrue(pipeline.awaitIdle(10, TimeUnit.SECONDS));
            // Idle engine: every status is queued already.
            while (watcher.poll(1_000) > 0)
            {
                Thread.onSpinWait();
            }
            assertEquals(List.of("VENUE_STRESS", "WITHDRAWALS_HALTED", "VENUE_NORMAL"), told);
            assertEquals(TradingStatus.VENUE_NORMAL, pipeline.stateWhenIdle().engine().venueStatus());
            assertEquals(1, pipeline.stateWhenIdle().engine().tradeCount());
        }
        finally
        {
            gateway.close();
        }
    }
}
