package org.mmwinter.bench.workload;

import java.util.HashSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkloadGeneratorTest
{
    @ParameterizedTest
    @ValueSource(longs = {1, 42, 20_240_601})
    void sameSeedGivesTheSameCommands(final long seed)
    {
        final WorkloadConfig config = WorkloadConfig.exchangeCoreShape(seed, 1_000, 20_000);
        final Workload first = WorkloadGenerator.generate(config);
        final Workload second = WorkloadGenerator.generate(config);

        assertEquals(first.fill().fingerprint(), second.fill().fingerprint(), "fill, seed " + seed);
        assertEquals(first.mix().fingerprint(), second.mix().fingerprint(), "mix, seed " + seed);
        assertEquals(first.drain().fingerprint(), second.drain().fingerprint(), "drain, seed " + seed);
        assertEquals(20_000, first.mix().count());
    }

    @Test
    void anotherSeedGivesOtherCommands()
    {
        final Workload a = WorkloadGenerator.generate(WorkloadConfig.exchangeCoreShape(1, 1_000, 5_000));
        final Workload b = WorkloadGenerator.generate(WorkloadConfig.exchangeCoreShape(2, 1_000, 5_000));

        assertNotEquals(a.mix().fingerprint(), b.mix().fingerprint());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 20_240_601})
    void mixHasExchangeCoresShape(final long seed)
    {
        final WorkloadStats stats = WorkloadGenerator.generate(WorkloadConfig.exchangeCoreShape(seed, 1_000, 100_000))
            .stats();
        final String context = "seed " + seed + ": " + stats;

        assertBetween(8.0, 11.0, percent(stats.gtc(), stats), "GTC " + context);
        assertBetween(2.5, 3.5, percent(stats.ioc(), stats), "IOC " + context);
        assertBetween(4.0, 7.0, percent(stats.cancel(), stats), "cancel " + context);
        assertBetween(80.0, 84.0, percent(stats.move(), stats), "move " + context);
        assertBetween(2.0, 8.0, percent(stats.tradingCommands(), stats), "trading " + context);
        assertBetween(950, 1_050, stats.meanOrders(), "orders " + context);
        assertBetween(650, 850, stats.meanLevels(), "levels " + context);
        assertEquals(1_000, stats.ordersAfterFill(), context);
    }

    @Test
    void drainCancelsExactlyTheOrdersLeftAfterTheMix()
    {
        final Workload workload = WorkloadGenerator.generate(WorkloadConfig.exchangeCoreShape(7, 1_000, 10_000));

        assertEquals(workload.stats().ordersAfterMix(), workload.drain().count());
        assertEquals(workload.drain().count(), workload.drain().countOf(CommandType.CANCEL));
    }

    @Test
    void commandsOnlyNameLiveOrdersAndFillNeverTrades()
    {
        final Workload workload = WorkloadGenerator.generate(WorkloadConfig.exchangeCoreShape(11, 1_000, 50_000));
        final LiveIdsBook book = new LiveIdsBook();

        Replay.run(workload.fill(), book);
        assertEquals(1_000, book.liveOrders());
        Replay.run(workload.mix(), book);
        Replay.run(workload.drain(), book);

        assertEquals(0, book.rejects(), "cancels and moves of orders that were never placed");
    }

    private static double percent(final int count, final WorkloadStats stats)
    {
        return 100.0 * count / stats.mixCommands();
    }

    private static void assertBetween(final double low, final double high, final double actual, final String what)
    {
        assertTrue(actual >= low && actual <= high, what + ": " + actual + " not in [" + low + ", " + high + "]");
    }

    /**
     * Knows only which ids were ever placed: a cancel or move of an id never placed, or a second cancel of the same
     * id, counts as a rejection. (Fills are the engines' business; their adapters' tests check the full replay.)
     */
    private static final class LiveIdsBook implements OrderBookAdapter
    {
        private final HashSet<Long> placed = new HashSet<>();
        private final HashSet<Long> cancelled = new HashSet<>();
        private long rejects;

        public long gtc(final int account, final long orderId, final int side, final long price, final long size)
        {
            return placed.add(orderId) ? 0 : ++rejects;
        }

        public long ioc(final int account, final long orderId, final int side, final long price, final long size)
        {
            return placed.add(orderId) ? 0 : ++rejects;
        }

        public long market(final int account, final long orderId, final int side, final long size)
        {
            return placed.add(orderId) ? 0 : ++rejects;
        }

        public long cancel(final int account, final long orderId)
        {
            return placed.contains(orderId) && cancelled.add(orderId) ? 0 : ++rejects;
        }

        public long move(final int account, final long orderId, final long price, final long size)
        {
            return placed.contains(orderId) && !cancelled.contains(orderId) ? 0 : ++rejects;
        }

        public long reduce(
            final int account, final long orderId, final long price, final long oldSize, final long newSize)
        {
            return move(account, orderId, price, newSize);
        }

        public long fills()
        {
            return 0;
        }

        public long rejects()
        {
            return rejects;
        }

        public long liveOrders()
        {
            return placed.size() - cancelled.size();
        }
    }
}
