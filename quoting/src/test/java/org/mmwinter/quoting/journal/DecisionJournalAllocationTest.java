package org.mmwinter.quoting.journal;

import java.nio.file.Path;
import java.time.Instant;

import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.testing.AllocationWindows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DecisionJournal#append} allocates nothing in steady state. Counts bytes, not time.
 *
 * <p>The code allocates nothing after the first call: under {@code -Xint} or C1 alone the calling thread's count
 * does not move from the second call on. With C2, though, a few calls in the first hundred thousand or so allocate
 * some kilobytes in all (the JIT settling in: different calls in each run, gone once compiled), so the test warms up
 * before it measures, then runs windows of appends until one allocates nothing ({@link AllocationWindows}: on CI's
 * loaded 2 cores the settling once outlasted a fixed warm-up, 192 bytes in the measured window, 2026-12-03).
 *
 * <p>Two things Chronicle allocates for itself are kept out of the run: a new daily cycle (its files are named by a
 * clock pinned to one instant here) and a new 64 MiB mapped chunk (the whole run writes well under that).
 */
final class DecisionJournalAllocationTest
{
    private static final int WARM_UP = 150_000;
    private static final int WINDOW = 50_000;
    private static final int MAX_WINDOWS = 4;
    /** Chronicle's default block size on a 64-bit JVM: appends that cross into the next chunk map it. */
    private static final long MAPPED_CHUNK = 64L << 20;

    @TempDir
    Path temp;

    @Test
    void appendingAllocatesNothingAfterTheFirstCall()
    {
        final Path directory = temp.resolve("decisions");
        final Decision d = new Decision();
        full(d);
        final long total;
        try (DecisionJournal journal =
            DecisionJournal.open(directory, new SetTimeProvider(Instant.parse("2024-03-15T12:00:00Z"))))
        {
            journal.defineInstrument(1, "BTC-USD", 0.5, 0.001);
            journal.append(d);
            for (int i = 0; i < WARM_UP; i++)
            {
                vary(d, i);
                journal.append(d);
            }

            final int windows = AllocationWindows.untilOneAllocatesNothing(WINDOW + " appends", MAX_WINDOWS,
                (final int window) ->
                {
                    for (int i = 0; i < WINDOW; i++)
                    {
                        vary(d, i);
                        journal.append(d);
                    }
                });
            total = 1 + WARM_UP + (long)windows * WINDOW;

            assertEquals(total, journal.appended());
            // At most 2 + 8 + (3 + 1 + 1 + 1) + 80 + 2 + 2 * (3 + 2 + 9 * (1 + 2)) + 1 + 2 * 3 + 4 = 173 bytes a
            // record (header, time, varints, doubles, counts, ladders, sent, book, checksum), so at most 350,001
            // of them are under 61 MB: inside the first chunk, as the check below makes sure.
            assertTrue(journal.bytesWritten() < MAPPED_CHUNK, journal.bytesWritten() + " bytes written");
        }
        try (DecisionReader reader = DecisionReader.open(directory))
        {
            final Decision read = new Decision();
            long count = 0;
            while (reader.next(read))
            {
                count++;
            }
            assertEquals(total, count, "every append was written");
            assertTrue(read.bidLevels <= Decision.MAX_LEVELS);
        }
    }

    /**
     * Fields change every call (the ladder shrinks and grows), as the bot's do.
     */
    private static void vary(final Decision d, final int i)
    {
        d.nowNs += 1_000;
        d.commandSequence++;
        d.mid += 0.5;
        d.bidLevels = i % (Decision.MAX_LEVELS + 1);
        d.reason = i % (DecisionReason.MAX_REASON + 1);
    }

    private static void full(final Decision d)
    {
        d.nowNs = 1_710_504_000_000_000_000L;
        d.instrumentId = 1;
        d.reason = DecisionReason.REQUOTE;
        d.mid = 60_000;
        d.sigma = 2e-4;
        d.k = 1.5;
        d.a = 140;
        d.inventory = 0.25;
        d.reservation = 59_999.5;
        d.bidHalfSpread = 3;
        d.askHalfSpread = 4;
        d.equity = 100_000;
        d.drawdown = 0;
        d.bestBidTicks = 119_998;
        d.bestAskTicks = 120_002;
        for (int level = 0; level < Decision.MAX_LEVELS; level++)
        {
            d.addBid(119_990 - level, 100 + level);
            d.addAsk(120_010 + level, 100 + level);
        }
        d.commandsSent = 20;
    }
}
