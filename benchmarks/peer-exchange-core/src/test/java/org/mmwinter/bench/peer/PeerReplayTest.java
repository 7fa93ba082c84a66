package org.mmwinter.bench.peer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmwinter.bench.peer.pipeline.CommandCycle;
import org.mmwinter.bench.peer.pipeline.ExchangeCorePipeline;
import org.mmwinter.bench.peer.pipeline.PipelineProfile;
import org.mmwinter.bench.workload.AmendCycle;
import org.mmwinter.bench.workload.CommandArrays;
import org.mmwinter.bench.workload.OpScenarios;
import org.mmwinter.bench.workload.OrderBookAdapter;
import org.mmwinter.bench.workload.OrderSide;
import org.mmwinter.bench.workload.Replay;
import org.mmwinter.bench.workload.SweepScenario;
import org.mmwinter.bench.workload.Workload;
import org.mmwinter.bench.workload.WorkloadConfig;
import org.mmwinter.bench.workload.WorkloadGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * exchange-core's books and pipeline take the shared workload and scenarios without refusing a command and trade
 * exactly as the generator's model says: the comparison runs the same work on both sides.
 */
class PeerReplayTest
{
    @ParameterizedTest
    @ValueSource(strings = {PeerBooks.DIRECT, PeerBooks.NAIVE})
    void mixedWorkloadReplaysCleanly(final String impl)
    {
        for (final long seed : new long[] {1, 2, 3})
        {
            final Workload workload = WorkloadGenerator.generate(WorkloadConfig.exchangeCoreShape(seed, 1_000, 30_000));
            final OrderBookAdapter book = PeerBooks.create(impl);
            final String context = impl + ", seed " + seed;

            Replay.run(workload.fill(), book);
            assertEquals(1_000, book.liveOrders(), context);
            Replay.run(workload.mix(), book);
            assertEquals(workload.stats().ordersAfterMix(), book.liveOrders(), context);
            assertEquals(workload.stats().fills(), book.fills(), context);
            Replay.run(workload.drain(), book);
            Replay.run(workload.fill(), book);
            Replay.run(workload.mix(), book);
            Replay.run(workload.drain(), book);

            assertEquals(0, book.liveOrders(), context);
            assertEquals(0, book.rejects(), context);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {PeerBooks.DIRECT, PeerBooks.NAIVE})
    void operationScenariosReplayCleanly(final String impl)
    {
        final Workload base = OpScenarios.baseBook();
        final int baseOrders = base.fill().count();

        final OrderBookAdapter addBook = bookWith(impl, base.fill());
        final CommandArrays adds = OpScenarios.passiveAdds(base, OpScenarios.BATCH);
        Replay.run(adds, addBook);
        assertEquals(baseOrders + OpScenarios.BATCH, addBook.liveOrders(), impl);
        Replay.run(OpScenarios.cancelsOf(adds), addBook);
        assertEquals(baseOrders, addBook.liveOrders(), impl);

        final OrderBookAdapter amendBook = bookWith(impl, base.fill());
        final AmendCycle cycle = OpScenarios.amendCycle(base, OpScenarios.AMENDED_ORDERS);
        Replay.run(cycle.placements(), amendBook);
        for (int i = 0; i < 3 * OpScenarios.AMENDED_ORDERS; i++)
        {
            cycle.keepPriority(amendBook);
            cycle.losePriority(amendBook);
        }
        assertEquals(baseOrders + OpScenarios.AMENDED_ORDERS, amendBook.liveOrders(), impl);
        assertEquals(0, amendBook.fills(), impl);

        final SweepScenario sweep = OpScenarios.sweep(base, 10, OpScenarios.SWEEPS);
        final CommandArrays bids = OpScenarios.bidsOf(base.fill());
        final OrderBookAdapter sweepBook = bookWith(impl, bids);
        Replay.run(sweep.ladder(), sweepBook);
        Replay.run(sweep.sweeps(), sweepBook);
        assertEquals(bids.count(), sweepBook.liveOrders(), impl);
        assertEquals(10L * OpScenarios.SWEEPS, sweepBook.fills(), impl);

        final OrderBookAdapter marketBook = bookWith(impl, base.fill());
        final CommandArrays maker = OpScenarios.marketMaker(base);
        Replay.run(maker, marketBook);
        final long fillsBefore = marketBook.fills();
        for (int i = 0; i < 1_000; i++)
        {
            marketBook.market(7, maker.orderIds()[0] + 1 + i, OrderSide.BUY, 1);
        }
        assertEquals(1_000, marketBook.fills() - fillsBefore, impl);

        for (final OrderBookAdapter book : new OrderBookAdapter[] {addBook, amendBook, sweepBook, marketBook})
        {
            assertEquals(0, book.rejects(), impl);
        }
    }

    @Test
    void pipelineTakesTheWorkloadWithAndWithoutItsJournal()
    {
        final Workload workload = WorkloadGenerator.generate(WorkloadConfig.exchangeCoreShape(1, 1_000, 20_000));
        final int commandsPerCycle = workload.mix().count() + workload.drain().count() + workload.fill().count();
        for (final boolean journal : new boolean[] {false, true})
        {
            final CommandCycle commands = new CommandCycle(workload);
            try (ExchangeCorePipeline pipeline = ExchangeCorePipeline.start(journal, PipelineProfile.LATENCY, 1_000))
            {
                pipeline.submitAndAwait(commands.fill());
                final long before = pipeline.completed();
                for (int i = 0; i < commandsPerCycle + 5_000; i++)
                {
                    pipeline.submit(commands.next());
                }
                pipeline.awaitCompleted(before + commandsPerCycle + 5_000);

                assertEquals(0, pipeline.rejects(), "journal " + journal);
                assertEquals(journal, pipeline.journalBytes() > 0, "journal " + journal);
            }
        }
    }

    private static OrderBookAdapter bookWith(final String impl, final CommandArrays fill)
    {
        final OrderBookAdapter book = PeerBooks.create(impl);
        Replay.run(fill, book);
        return book;
    }
}
