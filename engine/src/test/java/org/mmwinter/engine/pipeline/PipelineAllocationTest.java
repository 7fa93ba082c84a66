package org.mmwinter.engine.pipeline;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.message.ResultType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole path allocates nothing per command in steady state, not just the core: the sequencer and its journal,
 * the matcher (pricing both fees of every fill, in 128 bits: 30,000 x 1 BTC at 10^-8 ticks and lots), the output
 * journal, the router and a real participant hosted on its own thread, which receives its execution reports (as
 * maker and taker) and acknowledgements. Commands carry string ids of 1, 8 and 36 characters. Counts the bytes
 * allocated by every engine and participant thread over 60,000 commands; no timing.
 * <p>
 * Each thread is held to less than a byte a command on average, a sixteenth of one object a command (16 bytes x
 * 60,000 = 960 kB). Seen here: usually nothing, now and then a few kilobytes on one stage thread over the whole run
 * (at most 15 kB, from the runtime and from Chronicle mapping the next chunk of a journal file), never growing with
 * the command count. The core alone is held to exactly zero by {@code AllocationFreeTest}.
 */
final class PipelineAllocationTest
{
    private static final int WARM_UP_ROUNDS = 30_000;
    private static final int MEASURED_ROUNDS = 20_000;
    private static final int COMMANDS_PER_ROUND = 3;
    /** 30,000 in ticks of 10^-8. */
    private static final long PRICE = 3_000_000_000_000L;
    /** 1 in lots of 10^-8. */
    private static final long ONE_BTC = 100_000_000L;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "output journal {0}")
    @ValueSource(booleans = {false, true})
    void steadyStateAllocatesNothingOnAnyEngineOrParticipantThread(final boolean outputJournal) throws Exception
    {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        final EngineConfig config = EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data"))
            .ringSize(1024).outputRingSize(4096).outputJournalEnabled(outputJournal)
            .addInstrument(new EngineConfig.InstrumentSpec("ABC", "0.00000001", "0.00000001", 0, -25, 250));
        try (EnginePipeline pipeline = new EnginePipeline(config))
        {
            pipeline.start();
            final int instrument = pipeline.directory().resolve("ABC", false);
            final int maker = pipeline.directory().resolve("maker");
            final int taker = pipeline.directory().resolve("taker");
            final AtomicLong fills = new AtomicLong();
            final AtomicLong fees = new AtomicLong();
            final AtomicLong acks = new AtomicLong();
            final Participant participant = pipeline.register(ParticipantSpec.of("both", "maker", "taker"),
                (ExecutionReport report) ->
                {
                    if (report.type == ResultType.FILL)
                    {
                        fills.lazySet(fills.get() + 1);
                        fees.lazySet(fees.get() + report.fee);
                    }
                    else if (report.type == ResultType.DONE)
                    {
                        acks.lazySet(acks.get() + 1);
                    }
                }).startHostThread();
            final Publication publication = participant.publication();
            final ClientOrderId[] ids = {ClientOrderId.of("b"), ClientOrderId.of("ask:0001"),
                ClientOrderId.of("3f2504e0-4f89-11d3-9a0c-0305e82c3301"), ClientOrderId.of("Z"),
                ClientOrderId.of("ask:0002"), ClientOrderId.of("00000000-0000-0000-0000-00000000000a")};
            final CommandEvent command = new CommandEvent();

            long correlation = 0;
            for (int round = 0; round < WARM_UP_ROUNDS; round++)
            {
                correlation = round(publication, command, ids, round, instrument, maker, taker, correlation);
            }
            awaitAcks(pipeline, acks, correlation);

            final long[] engineThreads = engineThreadIds();
            final long[] before = threads.getThreadAllocatedBytes(engineThreads);
            for (int round = 0; round < MEASURED_ROUNDS; round++)
            {
                correlation = round(publication, command, ids, round, instrument, maker, taker, correlation);
            }
            awaitAcks(pipeline, acks, correlation);
            final long[] after = threads.getThreadAllocatedBytes(engineThreads);

            final List<String> allocating = new ArrayList<>();
            final long commands = (long)MEASURED_ROUNDS * COMMANDS_PER_ROUND;
            for (int i = 0; i < engineThreads.length; i++)
            {
                final long bytes = after[i] - before[i];
                final String name = threads.getThreadInfo(engineThreads[i]).getThreadName();
                if (bytes >= commands)
                {
                    allocating.add(name + ": " + bytes + " bytes");
                }
            }
            assertTrue(engineThreads.length >= 4, "found the engine's threads: " + engineThreads.length);
            assertEquals(List.of(), allocating, "bytes allocated over " + MEASURED_ROUNDS * COMMANDS_PER_ROUND +
                " commands in steady state");
            assertEquals(2L * (WARM_UP_ROUNDS + MEASURED_ROUNDS), fills.get(),
                "one fill a round, seen as maker and as taker (the participant owns both accounts)");
            // Each fill: notional 3 * 10^12 x 10^8 / 10^8 = 3 * 10^12; taker 2.5 bps = 7.5 * 10^8, maker -0.25 bps =
            // -7.5 * 10^7; together 6.75 * 10^8 a round.
            assertEquals(675_000_000L * (WARM_UP_ROUNDS + MEASURED_ROUNDS), fees.get());
            assertTrue(participant.isConnected());
            participant.close();
        }
    }

    /**
     * A resting bid of 2 BTC, a sell of 1 that takes half of it, a cancel of the rest: the book is empty again.
     */
    private static long round(
        final Publication publication,
        final CommandEvent c,
        final ClientOrderId[] ids,
        final int round,
        final int instrument,
        final int maker,
        final int taker,
        final long correlation)
    {
        final int set = (round & 1) * 3;
        c.clear();
        c.type = CommandType.NEW;
        c.instrumentId = instrument;
        c.accountId = maker;
        c.clientOrderId.copyFrom(ids[set]);
        c.side = Side.BUY;
        c.orderType = OrderType.LIMIT;
        c.tif = TimeInForce.GTC;
        c.price = PRICE;
        c.qty = 2 * ONE_BTC;
        offer(publication, c, correlation + 1);
        c.accountId = taker;
        c.clientOrderId.copyFrom(ids[set + (round % 3 == 0 ? 2 : 1)]);
        c.side = Side.SELL;
        c.tif = TimeInForce.IOC;
        c.qty = ONE_BTC;
        offer(publication, c, correlation + 2);
        c.type = CommandType.CANCEL;
        c.accountId = maker;
        c.clientOrderId.copyFrom(ids[set]);
        offer(publication, c, correlation + 3);
        return correlation + COMMANDS_PER_ROUND;
    }

    private static void offer(final Publication publication, final CommandEvent c, final long correlation)
    {
        while (publication.offer(c, correlation) == Publication.BUSY)
        {
            Thread.onSpinWait();
        }
    }

    private static void awaitAcks(final EnginePipeline pipeline, final AtomicLong acks, final long expected)
        throws InterruptedException
    {
        assertTrue(pipeline.awaitIdle(60, TimeUnit.SECONDS));
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acks.get() < expected && System.nanoTime() < deadline)
        {
            Thread.sleep(1);
        }
        assertEquals(expected, acks.get(), "every command acknowledged to the participant");
    }

    private static long[] engineThreadIds()
    {
        return Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.getName().startsWith("engine-") || t.getName().startsWith("participant-"))
            .mapToLong(Thread::getId).toArray();
    }
}
