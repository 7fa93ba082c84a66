package org.mmwinter.quoting.journal;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;

import com.sun.management.ThreadMXBean;
import net.openhft.chronicle.core.time.SetTimeProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link DecisionJournal#append} allocates nothing in steady state. Counts bytes, not time.
 *
 * <p>The code allocates nothing after the first call: under {@code -Xint} or C1 alone the calling thread's count
 * does not move from the second call on. With C2, though, a few calls in the first hundred thousand or so allocate
 * some kilobytes in all (the JIT settling in: different calls in each run, gone once compiled), so the test warms up
 * before it measures, as the engine's AllocationFreeTest does. On CI's loaded 2 cores the settling once outlasted a
 * fixed warm-up (192 bytes in the measured window, 2026-12-03), so the warm-up ends only with a window of appends
 * that allocates nothing, and the measured window comes after it.
 *
 * <p>Two things Chronicle allocates for itself are kept out of the run: a new daily cycle (its files are named by a
 * clock pinned to one instant here) and a new 64 MiB mapped chunk (the whole run writes well under that).
 */
final class DecisionJournalAllocationTest
{
    private static final int WARM_UP = 150_000;
    private static final int MEASURED = 50_000;
    /** Windows of appends after the warm-up, until one allocates nothing: the JIT settling on a loaded machine. */
    private static final int SETTLE = 25_000;
    private static final int SETTLE_WINDOWS = 6;
    /** Chronicle's default block size on a 64-bit JVM: appends that cross into the next chunk map it. */
    private static final long MAPPED_CHUNK = 64L << 20;

    @TempDir
    Path temp;

    @Test
    void appendingAllocatesNothingAfterTheFirstCall()
    {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
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

            // The JIT can still be settling after the warm-up on a loaded machine (CI's 2 cores): appends go on in
            // windows until one allocates nothing, at most SETTLE_WINDOWS of them, then a separate window is
            // measured. An allocation the code makes in steady state shows in every window and fails the test.
            int settled = 0;
            long settleBytes = 0;
            while (settled < SETTLE_WINDOWS)
            {
                settleBytes = allocatedBy(threads, journal, d, SETTLE);
                settled++;
                if (settleBytes == 0)
                {
                    break;
                }
            }
            assertEquals(0, settleBytes, "bytes allocated by the last of " + settled + " windows of " + SETTLE +
                " appends after the warm-up");
            final long allocated = allocatedBy(threads, journal, d, MEASURED);
            total = 1 + WARM_UP + (long)settled * SETTLE + MEASURED;

            assertEquals(total, journal.appended());
            // At most 2 + 8 + (3 + 1 + 1 + 1) + 80 + 2 + 2 * (3 + 2 + 9 * (1 + 2)) + 1 + 2 * 3 + 4 = 173 bytes a
            // record (header, time, varints, doubles, counts, ladders, sent, book, checksum), so at most 350,001
            // of them are under 61 MB: inside the first chunk, as the check below makes sure.
            assertTrue(journal.bytesWritten() < MAPPED_CHUNK, journal.bytesWritten() + " bytes written");
            assertEquals(0, allocated, "bytes allocated by " + MEASURED + " appends");
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

    /** Bytes the calling thread allocates over {@code appends} appends, less what reading the counter costs. */
    private static long allocatedBy(final ThreadMXBean threads, final DecisionJournal journal, final Decision d,
        final int appends)
    {
        // Reading the counter twice back to back gives what the reading itself costs (expected 0).
        final long start = threads.getCurrentThreadAllocatedBytes();
        final long calibration = threads.getCurrentThreadAllocatedBytes() - start;
        final long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < appends; i++)
        {
            vary(d, i);
            journal.append(d);
        }
        return threads.getCurrentThreadAllocatedBytes() - before - calibration;
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
