package org.mmwinter.quoting.host;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.agrona.concurrent.OffsetEpochNanoClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.Publication;
import org.mmwinter.quoting.bot.BotConfig;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both rings tiny and kept full by a crowd that trades against the bot's quotes as fast as it can, while the live
 * bot requotes after every fill: the bot never waits for room (a busy ring refuses its command, it decides again
 * later), the engine never waits on the bot, and both get to the end.
 */
final class BotNoDeadlockTest
{
    private static final int CROWD_ORDERS = 30_000;

    @TempDir
    Path dir;

    @Test
    void aFloodingCrowdAndARequotingBotBothFinish()
    {
        final EngineConfig config = EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data"))
            .ringSize(64).outputRingSize(64)
            .addInstrument(new EngineConfig.InstrumentSpec("BTC-USD", "0.5", "0.001", 0));
        assertTimeoutPreemptively(Duration.ofSeconds(180), () ->
        {
            try (EnginePipeline pipeline = new EnginePipeline(config, List.of(), List.of(),
                new OffsetEpochNanoClock()))
            {
                pipeline.start();
                final int instrument = pipeline.directory().resolve("BTC-USD", false);
                final int lp = pipeline.directory().resolve("lp");
                final int crowd = pipeline.directory().resolve("crowd");
                final Publication flow = pipeline.publication(7);
                final CommandEvent c = new CommandEvent();
                c.setLimitOrder(lp, "bid", instrument, Side.BUY, TimeInForce.GTC, 59_900, 1_000_000);
                flow.offerBlocking(c, 0);
                c.setLimitOrder(lp, "ask", instrument, Side.SELL, TimeInForce.GTC, 60_100, 1_000_000);
                flow.offerBlocking(c, 0);
                final LiveHost host = LiveHost.start(pipeline, BotConfig.parse(Map.of("bot.order_notional", "300",
                    "bot.timer_ms", "5", "bot.hard_limit", "1000", "bot.soft_limit", "900",
                    "bot.kill.adverse_run", "1000000", "bot.kill.max_drawdown", "1000000000"),
                    List.of("BTC-USD")), dir.resolve("data"), new OffsetEpochNanoClock());
                while (host.bot().openOrders(instrument) == 0)
                {
                    Thread.sleep(5);
                }
                final long sentBefore = host.bot().commandsSent();
                for (int i = 0; i < CROWD_ORDERS; i++)
                {
                    // Sweeps of the bot's best level, both ways: each fill makes the bot requote.
                    final boolean sell = (i & 1) == 0;
                    c.setLimitOrder(crowd, "c" + i, instrument, sell ? Side.SELL : Side.BUY, TimeInForce.IOC,
                        sell ? 59_950 : 60_050, 5);
                    flow.offerBlocking(c, i);
                }
                assertTrue(pipeline.awaitIdle(120, TimeUnit.SECONDS), "the engine drained");
                assertFalse(pipeline.failStop().hasFailed());
                assertTrue(host.participant().isConnected(), "the bot kept up (or resynchronised)");
                assertTrue(host.bot().ledger().fills() >= 10, "the crowd traded with the bot: " +
                    host.bot().ledger().fills());
                // Once the crowd is gone it quotes on, both sides: the refusals it met were decided again, not lost.
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (!host.bot().ledger().twoSidedLive() && System.nanoTime() < deadline)
                {
                    Thread.sleep(10);
                }
                assertTrue(host.bot().ledger().twoSidedLive(), "quoting two-sided after the flood");
                assertTrue(host.bot().commandsSent() > sentBefore, "requoted after the fills");
                assertTrue(host.bot().busyRefusals() > 0, "the bot met a full inbound ring");
                final String status = host.status();
                assertTrue(status.startsWith("fills=") && status.contains("limit_breaches=0"), status);
                host.close();
            }
        });
    }
}
