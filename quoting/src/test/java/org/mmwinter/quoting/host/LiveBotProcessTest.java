package org.mmwinter.quoting.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.agrona.concurrent.OffsetEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.process.ChildJvm;
import org.mmwinter.engine.process.EngineMain;
import org.mmwinter.engine.state.EngineState;
import org.mmwinter.quoting.bot.BotConfig;
import org.mmwinter.quoting.bot.JournalRebuild;
import org.mmwinter.quoting.bot.MarketMaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The market maker as users run it: {@code engine.jar --bot} in its own process, operated over the TCP gateway
 * ({@code BOT_STATUS}, {@code BOT_PAUSE}, {@code BOT_RESUME}), writing {@code bot/status.json} at shutdown, and
 * killed with SIGKILL mid-session: restarted on the same data, it believes live exactly the orders the engine holds.
 */
final class LiveBotProcessTest
{
    private static final Pattern LISTENING = Pattern.compile("listening on tcp://[^:]+:(\\d+)");
    private static final String HEADER = "ts_ns,action,account,order_id,symbol,side,type,tif,price,qty,stp";

    @TempDir
    Path dir;

    private Path config() throws IOException
    {
        final Path config = dir.resolve("engine.conf");
        Files.writeString(config, String.join("\n",
            "instrument.BTC-USD.tick=0.5",
            "instrument.BTC-USD.lot=0.001",
            "instrument.BTC-USD.maker_fee_bps=-0.25",
            "instrument.BTC-USD.taker_fee_bps=2.5",
            "bot.order_notional=300",
            "bot.timer_ms=20",
            ""));
        return config;
    }

    @Test
    void operatorsDriveTheBotOverTheGatewayAndKillNineLeavesNoUnknownOrPhantomOrder() throws Exception
    {
        final Path data = dir.resolve("data");
        final String[] lastStatus = new String[1];
        final Process engine = ChildJvm.command(EngineMain.class, "--bot", "--config", config().toString(),
            "--data", data.toString(), "--port", "0", "--fix-port", "0").redirectErrorStream(true).start();
        try
        {
            final BlockingQueue<String> output = drain(engine);
            final int port = awaitPort(output);
            try (Socket socket = new Socket("127.0.0.1", port))
            {
                final OutputStream out = socket.getOutputStream();
                final BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
                send(out, HEADER);
                send(out, "1,NEW,lp,b1,BTC-USD,BUY,LIMIT,GTC,29950,5,");
                send(out, "2,NEW,lp,a1,BTC-USD,SELL,LIMIT,GTC,30050,5,");
                assertEquals("OK,1", in.readLine());
                assertEquals("OK,2", in.readLine());
                // The bot quotes inside the provider's spread once it has seen the book: a seller finds its bid.
                String status = awaitStatus(out, in, "quote_uptime=", 3);
                long line = 3;
                long fills = 0;
                for (int attempt = 0; attempt < 50 && fills == 0; attempt++)
                {
                    send(out, "3,NEW,seller,s" + attempt + ",BTC-USD,SELL,LIMIT,IOC,29960,0.002,");
                    assertEquals("OK," + (++line), in.readLine());
                    status = awaitStatus(out, in, "fills=", ++line);
                    fills = value(status, "fills");
                    Thread.sleep(50);
                }
                assertTrue(fills >= 1, "the bot bought from the seller: " + status);
                assertEquals(0, value(status, "limit_breaches"), status);
                for (final String key : List.of("fills", "inventory", "pnl", "fees", "markout_1s", "drawdown",
                    "quote_uptime", "limit_breaches", "kill_switch_events"))
                {
                    assertTrue(status.contains(key + "="), key + " in " + status);
                }
                send(out, "BOT_PAUSE");
                assertEquals("OK," + (++line), in.readLine());
                send(out, "BOT_RESUME");
                assertEquals("OK," + (++line), in.readLine());
                lastStatus[0] = awaitStatus(out, in, "fills=", ++line);
                send(out, "BOT_FLY");
                assertTrue(in.readLine().startsWith("REJECTED," + (++line) + ",unknown bot command BOT_FLY"));
            }
            Thread.sleep(300);
        }
        finally
        {
            engine.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        // Restarted on the same data: what the bot believes live is what the engine recovered.
        final EngineConfig engineConfig = EngineConfig.load(config(), List.of("bot.")).dataDir(data);
        try (EnginePipeline pipeline = new EnginePipeline(engineConfig, List.of(), List.of(),
            new OffsetEpochNanoClock()))
        {
            pipeline.start();
            final EngineState state = pipeline.stateWhenIdle();
            final int account = state.accounts().idOf("MM1");
            final List<String> held = new ArrayList<>();
            state.engine().forEachRestingOrder(0, (instrument, side, price, qty, owner, id, orderId, tif, stp, ts) ->
            {
                if (owner == account)
                {
                    held.add(id + "/" + side + "/" + price + "/" + qty);
                }
            });
            // The rebuild the live host starts with, on its own so that nothing moves while it is compared.
            final BotConfig botConfig = BotConfig.parse(engineConfig.extensionProperties(), List.of("BTC-USD"));
            final MarketMaker rebuilt = new MarketMaker(botConfig, account,
                List.of(pipeline.directory().instrument(0)), (command, correlation) -> false, null);
            new JournalRebuild(engineConfig.inputJournalDir(), "MM1").into(rebuilt);
            final List<String> believed = new ArrayList<>();
            rebuilt.forEachOpenOrder(0, (number, side, price, remaining, s) ->
                believed.add(number + "/" + side + "/" + price + "/" + remaining));
            held.sort(null);
            believed.sort(null);
            assertTrue(!held.isEmpty(), "the killed session left quotes");
            assertEquals(held, believed, "no unknown order, no phantom");
            assertEquals(value(lastStatus[0], "fills"), rebuilt.ledger().fills(), "fills from the journal");

            // And the live host starts from there and goes on.
            final LiveHost host = LiveHost.start(pipeline, botConfig, data, new OffsetEpochNanoClock());
            final String status = host.status();
            host.close();
            assertTrue(status.startsWith("fills="), status);
        }
    }

    @Test
    void aCleanShutdownWritesTheStatusFile() throws Exception
    {
        final Path data = dir.resolve("data");
        final Process engine = ChildJvm.command(EngineMain.class, "--bot", "--config", config().toString(),
            "--data", data.toString(), "--port", "0", "--fix-port", "0").redirectErrorStream(true).start();
        final BlockingQueue<String> output = drain(engine);
        awaitPort(output);
        new ProcessBuilder("kill", "-TERM", Long.toString(engine.pid())).start().waitFor();
        assertTrue(engine.waitFor(60, TimeUnit.SECONDS), "stopped");
        final String json = Files.readString(data.resolve("bot").resolve("status.json"));
        assertTrue(json.contains("\"limit_breaches\""), json);
        assertTrue(json.contains("\"BTC-USD\""), json);
    }

    private static void send(final OutputStream out, final String line) throws IOException
    {
        out.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Sends BOT_STATUS until the answer has {@code key} with a non-zero value (or once, if key has no value). */
    private static String awaitStatus(final OutputStream out, final BufferedReader in, final String key,
        final long line) throws Exception
    {
        send(out, "BOT_STATUS");
        final String status = in.readLine();
        assertNotNull(status);
        assertTrue(status.startsWith("fills="), "status line: " + status);
        assertTrue(status.contains(key), status);
        return status;
    }

    private static long value(final String status, final String key)
    {
        final Matcher m = Pattern.compile("(?:^| )" + Pattern.quote(key) + "=(-?[0-9.]+)").matcher(status);
        assertTrue(m.find(), key + " in " + status);
        return (long)Double.parseDouble(m.group(1));
    }

    private static BlockingQueue<String> drain(final Process process)
    {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final Thread reader = new Thread(() ->
        {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)))
            {
                String line;
                while ((line = in.readLine()) != null)
                {
                    lines.add(line);
                }
            }
            catch (final IOException ignored)
            {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static int awaitPort(final BlockingQueue<String> output) throws InterruptedException
    {
        final StringBuilder seen = new StringBuilder();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline)
        {
            final String line = output.poll(1, TimeUnit.SECONDS);
            if (line == null)
            {
                continue;
            }
            seen.append(line).append('\n');
            final Matcher m = LISTENING.matcher(line);
            if (m.find())
            {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("the engine did not start listening:\n" + seen);
    }
}
