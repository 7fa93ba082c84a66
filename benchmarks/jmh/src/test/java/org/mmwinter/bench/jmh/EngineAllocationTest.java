package org.mmwinter.bench.jmh;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

import com.sun.management.ThreadMXBean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmwinter.bench.jmh.naive.NaiveBookAdapter;
import org.mmwinter.bench.workload.AmendCycle;
import org.mmwinter.bench.workload.OpScenarios;
import org.mmwinter.bench.workload.OrderSide;
import org.mmwinter.bench.workload.Replay;
import org.mmwinter.bench.workload.Workload;
import org.mmwinter.bench.workload.WorkloadConfig;
import org.mmwinter.bench.workload.WorkloadGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's hot path allocates nothing in steady state, on the benchmarks' own workload: bytes allocated by
 * this thread while replaying, counted by the JVM (a deterministic count, not a timing).
 * <p>
 * Each check replays the same commands in several rounds and requires one round of thousands of operations to
 * allocate exactly 0 bytes: code that allocates per operation allocates in every round, while the JIT's own
 * one-off allocations (seen around on-stack replacement of a test loop, never under {@code -Xint}) hit one round.
 */
class EngineAllocationTest
{
    private static final int ROUNDS = 6;

    private final ThreadMXBean threads =
        (ThreadMXBean)ManagementFactory.getThreadMXBean();

    /**
     * Every id style, {@code mixed} holding ids of 1 (order ids 3, 6, 9), 2 to 6, 8 and 36 characters in one book.
     */
    @ParameterizedTest
    @ValueSource(strings = {IdStyle.NUMERIC, IdStyle.ALNUM8, IdStyle.UUID36, IdStyle.MIXED})
    void mixedWorkloadAllocatesNothingOnceWarm(final String ids)
    {
        final Workload workload = WorkloadGenerator.generate(WorkloadConfig.exchangeCoreShape(5, 1_000, 100_000));
        final EngineBookAdapter book = new EngineBookAdapter(4_000, ClientOrderIdTable.of(ids, workload));
        Replay.run(workload.fill(), book);

        final long[] allocated = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++)
        {
            allocated[round] = replayCycle(workload, book);
        }

        assertEquals(0, book.rejects());
        assertEquals(0, Arrays.stream(allocated).min().getAsLong(),
            ids + " ids: bytes allocated per round of " + (workload.mix().count() + 2_000) + " commands: " +
            Arrays.toString(allocated));
    }

    @ParameterizedTest
    @ValueSource(strings = {IdStyle.NUMERIC, IdStyle.MIXED})
    void singleOperationsAllocateNothingOnceWarm(final String ids)
    {
        final Workload base = OpScenarios.baseBook();
        final EngineBookAdapter book = new EngineBookAdapter(10_000,
            ClientOrderIdTable.of(ids, base.maxOrderId() + OrderBookOpsBenchmark.OP_ORDER_IDS));
        Replay.run(base.fill(), book);
        final AmendCycle cycle = OpScenarios.amendCycle(base, OpScenarios.AMENDED_ORDERS);
        Replay.run(cycle.placements(), book);
        Replay.run(OpScenarios.marketMaker(base), book);
        final long firstMarketId = OpScenarios.marketMaker(base).orderIds()[0] + 1;

        final long[] allocated = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++)
        {
            allocated[round] = amendAndTrade(cycle, book, firstMarketId);
        }

        assertEquals(0, book.rejects());
        assertEquals(0, Arrays.stream(allocated).min().getAsLong(),
            "bytes allocated per round of 30,000 amends and market orders: " + Arrays.toString(allocated));
    }

    @Test
    void theCountSeesAllocation()
    {
        final Workload workload = WorkloadGenerator.generate(WorkloadConfig.exchangeCoreShape(5, 1_000, 10_000));
        final NaiveBookAdapter naive = new NaiveBookAdapter();
        Replay.run(workload.fill(), naive);

        final long before = allocatedBytes();
        Replay.run(workload.mix(), naive);
        final long allocated = allocatedBytes() - before;

        assertTrue(allocated > 10L * workload.mix().count(), "the naive book allocated only " + allocated + " bytes");
    }

    private long replayCycle(final Workload workload, final EngineBookAdapter book)
    {
        final long before = allocatedBytes();
        Replay.run(workload.mix(), book);
        Replay.run(workload.drain(), book);
        Replay.run(workload.fill(), book);
        return allocatedBytes() - before;
    }

    private long amendAndTrade(final AmendCycle cycle, final EngineBookAdapter book, final long firstOrderId)
    {
        final long before = allocatedBytes();
        for (int i = 0; i < 10_000; i++)
        {
            cycle.keepPriority(book);
            cycle.losePriority(book);
            book.market(7, firstOrderId + (i & (OrderBookOpsBenchmark.MARKET_ORDER_IDS - 1)), OrderSide.BUY, 1);
        }
        return allocatedBytes() - before;
    }

    private long allocatedBytes()
    {
        return threads.getCurrentThreadAllocatedBytes();
    }
}
