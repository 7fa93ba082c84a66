package org.mmwinter.engine.process;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.message.TradingStatus;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.Participant;
import org.mmwinter.engine.pipeline.ParticipantListener;
import org.mmwinter.engine.pipeline.ParticipantSpec;
import org.mmwinter.engine.state.EngineState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator halts an instrument and says withdrawals are halted over a real engine process's port; the process is
 * killed with SIGKILL (no shutdown snapshot); the journal alone brings both back, offline and in a restarted engine,
 * whose book snapshot tells a participant so.
 */
class VenueStatusKillNineTest
{
    private static final Pattern LISTENING = Pattern.compile("listening on tcp://127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    @Test
    void theVenueStatusAndAHaltSurviveKillNine() throws Exception
    {
        final Path data = dir.resolve("data");
        final Process engine = ChildJvm.command(EngineMain.class, "--data", data.toString(), "--port", "0",
            "--fix-port", "0")
            .redirectErrorStream(true).start();
        final List<String> output = new ArrayList<>();
        final List<String> acks = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8)))
        {
            int port = -1;
            String line;
            while (port < 0 && (line = out.readLine()) != null)
            {
                output.add(line);
                final Matcher m = LISTENING.matcher(line);
                if (m.find())
                {
                    port = Integer.parseInt(m.group(1));
                }
            }
            assertTrue(port > 0, "the engine listens: " + output);
            try (Socket socket = new Socket("127.0.0.1", port))
            {
                final OutputStream toEngine = socket.getOutputStream();
                toEngine.write(String.join("\n", "ts_ns,action,account,order_id,symbol,side,type,tif,price,qty",
                    "HALT,ETH-USD", "WITHDRAWALS_HALTED", "1,NEW,mm,1,BTC-USD,BUY,LIMIT,GTC,30000,1", "")
                    .getBytes(StandardCharsets.UTF_8));
                toEngine.flush();
                final BufferedReader fromEngine = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
                while (acks.size() < 3 && (line = fromEngine.readLine()) != null)
                {
                    acks.add(line);
                }
            }
            engine.destroyForcibly();
        }
        assertTrue(engine.waitFor(30, TimeUnit.SECONDS), "engine process ended");
        assertEquals(List.of("OK,1", "OK,2", "OK,3"), acks, "the orders keep matching while withdrawals are halted");
        assertFalse(hasSnapshot(data), "killed: no shutdown snapshot, so the journal alone must tell");

        final EngineState offline = OfflineState.rebuild(data);
        final int eth = offline.engine().instrumentId("ETH-USD");
        assertEquals(TradingStatus.WITHDRAWALS_HALTED, offline.engine().venueStatus());
        assertTrue(offline.engine().isHalted(eth));
        assertEquals(1, offline.engine().liveOrderCount());

        try (EnginePipeline restarted = new EnginePipeline(EngineConfig.defaults().dataDir(data)))
        {
            restarted.start();
            assertEquals(TradingStatus.WITHDRAWALS_HALTED, restarted.stateWhenIdle().engine().venueStatus());
            final List<String> told = new ArrayList<>();
            final Participant watcher = restarted.register(ParticipantSpec.of("watcher").withMarketData(),
                new ParticipantListener()
                {
                    public void onReport(final ExecutionReport report)
                    {
                        if (report.type == ResultType.DONE)
                        {
                            told.add("DONE");
                        }
                    }

                    public void onMarketData(final ExecutionReport update)
                    {
                        if (update.type == ResultType.STATUS)
                        {
                            told.add((update.instrumentId == MatchingEngine.ANY_INSTRUMENT ? "venue " : "ETH-USD ") +
                                TradingStatus.name(update.instrumentId, update.status));
                        }
                    }
                });
            final CommandEvent snapshot = new CommandEvent();
            snapshot.type = CommandType.BOOK_SNAPSHOT;
            snapshot.instrumentId = eth;
            watcher.publication().offerBlocking(snapshot, 1);
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!told.contains("DONE") && System.nanoTime() < deadline)
            {
                watcher.poll(100);
                Thread.onSpinWait();
            }
            assertEquals(List.of("ETH-USD HALTED", "venue WITHDRAWALS_HALTED", "DONE"), told);
        }
    }

    private static boolean hasSnapshot(final Path data) throws Exception
    {
        if (!Files.isDirectory(data.resolve("snapshots")))
        {
            return false;
        }
        try (Stream<Path> files = Files.list(data.resolve("snapshots")))
        {
            return files.findAny().isPresent();
        }
    }
}
