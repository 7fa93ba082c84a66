package org.mmwinter.engine.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ResultType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deadlock the old edge allowed, by construction no more: with both rings tiny and full, a market maker that
 * requotes every quote that fills, waiting for room in the inbound ring to do so, while a crowd floods that ring
 * with bids at the quotes' price (each bid takes a quote, or rests until a requote takes it). The
 * matcher may wait on the outbound ring, but what it waits for (the output journal, the router) never waits on a
 * participant, and the participant's callbacks run on its own thread; so both keep going to the end.
 */
final class NoDeadlockTest
{
    private static final int TAKER_ORDERS = 20_000;
    private static final int QUOTES = 16;

    @TempDir
    Path dir;

    @Test
    void aRequotingMakerAndAFloodingTakerBothFinish()
    {
        final EngineConfig config = EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data"))
            .ringSize(64).outputRingSize(64);
        assertTimeoutPreemptively(Duration.ofSeconds(120), () ->
        {
            try (EnginePipeline pipeline = new EnginePipeline(config))
            {
                pipeline.start();
                final int instrument = pipeline.directory().resolve("LUNA", true);
                final int makerAccount = pipeline.directory().resolve("mm");
                final int takerAccount = pipeline.directory().resolve("crowd");
                final AtomicLong requotes = new AtomicLong();
                final AtomicLong makerFills = new AtomicLong();
                final Participant[] maker = new Participant[1];
                final CommandEvent quote = new CommandEvent();
                maker[0] = pipeline.register(ParticipantSpec.of("mm", "mm"), report ->
                {
                    if (report.type == ResultType.FILL)
                    {
                        makerFills.incrementAndGet();
                        if (report.remaining == 0)
                        {
                            // The requote waits for room in the inbound ring: the engine never waits on this.
                            final long n = requotes.incrementAndGet();
                            ask(quote, makerAccount, instrument, "rq-" + n);
                            maker[0].publication().offerBlocking(quote, n);
                        }
                    }
                });
                for (int i = 0; i < QUOTES; i++)
                {
                    ask(quote, makerAccount, instrument, "q-" + i);
                    maker[0].publication().offerBlocking(quote, i);
                }
                maker[0].startHostThread();

                final Publication taker = pipeline.publication(9);
                final CommandEvent buy = new CommandEvent();
                buy.type = CommandType.NEW;
                buy.accountId = takerAccount;
                buy.instrumentId = instrument;
                buy.side = Side.BUY;
                buy.orderType = OrderType.LIMIT;
                buy.tif = TimeInForce.GTC;
                buy.price = 100;
                buy.qty = 1;
                for (int i = 0; i < TAKER_ORDERS; i++)
                {
                    buy.clientOrderId.setDecimal(i);
                    assertTrue(taker.offerBlocking(buy, i) >= 0);
                }
                final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (makerFills.get() < TAKER_ORDERS && System.nanoTime() < deadline)
                {
                    Thread.sleep(5);
                }
                assertTrue(pipeline.awaitIdle(30, TimeUnit.SECONDS));

                assertEquals(TAKER_ORDERS, makerFills.get(), "every bid met a quote (at once or when requoted)");
                assertEquals(TAKER_ORDERS, requotes.get(), "every filled quote was replaced");
                assertTrue(maker[0].isConnected(), "the maker kept up: " + maker[0].disconnectReason());
                assertFalse(pipeline.failStop().hasFailed());
                assertEquals(QUOTES, pipeline.stateWhenIdle().engine().liveOrderCount(), "the quotes stand");
                assertTrue(pipeline.busyCount() > 0 || pipeline.backPressureWaits() > 0,
                    "the rings were full at times (busy " + pipeline.busyCount() + ", back-pressure " +
                    pipeline.backPressureWaits() + ")");
                maker[0].close();
            }
        });
    }

    private static void ask(final CommandEvent c, final int account, final int instrument, final String id)
    {
        PipelineHarness.fill(c, account, id, instrument, Side.SELL, 100, 1);
    }
}
