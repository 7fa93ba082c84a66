package org.mmwinter.bench.jmh;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
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
import org.mmwinter.engine.core.ClientOrderId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both books on our side replay the shared workload and every benchmark scenario without a refusal, and trade
 * exactly as the generator's model says, so the benchmarks measure the work they claim to.
 */
class AdaptersReplayTest
{
    /**
     * {@code inCommandOrder}: the ids as the mixed benchmark lays them out (one per command, read in order), else
     * looked up by order id.
     */
    @ParameterizedTest
    @CsvSource({"ours, numeric, true", "ours, alnum8, true", "ours, uuid36, true", "ours, mixed, true",
        "ours, numeric, false", "ours, uuid36, false", "naive, numeric, true"})
    void mixedWorkloadReplaysCleanly(final String impl, final String ids, final boolean inCommandOrder)
    {
        for (final long seed : new long[] {1, 2, 3})
        {
            final Workload workload = WorkloadGenerator.generate(WorkloadConfig.exchangeCoreShape(seed, 1_000, 30_000));
            final ClientOrderIdTable table = inCommandOrder
                ? ClientOrderIdTable.of(ids, workload)
                : ClientOrderIdTable.of(ids, workload.maxOrderId());
            final OrderBookAdapter book = Books.create(impl, 4_000, table);
            final String context = impl + ", " + ids + " ids, seed " + seed + (inCommandOrder ? ", in order" : "");

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
            assertEquals(2 * workload.stats().fills(), book.fills(), context);
        }
    }

    @Test
    void commandOrderIdsAreTheOrderIdsOfTheCommands()
    {
        final Workload workload = WorkloadGenerator.generate(WorkloadConfig.exchangeCoreShape(7, 1_000, 5_000));
        final ClientOrderIdTable table = ClientOrderIdTable.of(IdStyle.UUID36, workload);
        for (final CommandArrays commands : new CommandArrays[] {workload.fill(), workload.mix(), workload.drain()})
        {
            final ClientOrderId[] inOrder = table.inCommandOrder(commands);
            assertEquals(commands.count(), inOrder.length);
            for (int i = 0; i < commands.count(); i++)
            {
                assertTrue(inOrder[i].equalTo(table.get(commands.orderIds()[i])), "command " + i);
            }
        }
        assertNull(table.inCommandOrder(OpScenarios.baseBook().fill()), "commands the table was not built for");
    }

    @Test
    void aCallOutOfStepWithTheReplayedCommandsIsRefused()
    {
        final Workload workload = WorkloadGenerator.generate(WorkloadConfig.exchangeCoreShape(7, 1_000, 5_000));
        final EngineBookAdapter book = new EngineBookAdapter(4_000, ClientOrderIdTable.of(IdStyle.NUMERIC, workload));
        final CommandArrays fill = workload.fill();
        book.replaying(fill, 0);
        final long second = fill.orderIds()[1];
        final IllegalStateException refused = assertThrows(IllegalStateException.class,
            () -> book.gtc(fill.accounts()[0], second, fill.sides()[0], fill.prices()[0], fill.sizes()[0]));
        assertEquals("command 0 names order " + fill.orderIds()[0] + " but the adapter was sent order " + second
            + ": a replay skipped or repeated a command", refused.getMessage());
        assertEquals(0, book.liveOrders(), "nothing reached the engine");
    }

    @ParameterizedTest
    @ValueSource(strings = {Books.OURS, Books.NAIVE})
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
        assertEquals(0, addBook.fills(), impl + ": passive adds must not trade");

        final OrderBookAdapter amendBook = bookWith(impl, base.fill());
        final AmendCycle cycle = OpScenarios.amendCycle(base, OpScenarios.AMENDED_ORDERS);
        Replay.run(cycle.placements(), amendBook);
        for (int i = 0; i < 3 * OpScenarios.AMENDED_ORDERS; i++)
        {
            cycle.keepPriority(amendBook);
            cycle.losePriority(amendBook);
        }
        assertEquals(baseOrders + OpScenarios.AMENDED_ORDERS, amendBook.liveOrders(), impl);
        assertEquals(0, amendBook.fills(), impl + ": amends must not trade");

        for (final int levels : new int[] {1, 10, 50})
        {
            final SweepScenario sweep = OpScenarios.sweep(base, levels, OpScenarios.SWEEPS);
            final CommandArrays bids = OpScenarios.bidsOf(base.fill());
            final OrderBookAdapter sweepBook = bookWith(impl, bids);
            for (int round = 0; round < 2; round++)
            {
                Replay.run(sweep.ladder(), sweepBook);
                Replay.run(sweep.sweeps(), sweepBook);
                assertEquals(bids.count(), sweepBook.liveOrders(), impl + ", " + levels + " levels");
            }
            assertEquals(2L * levels * OpScenarios.SWEEPS, sweepBook.fills(), impl + ", " + levels + " levels");
            assertEquals(0, sweepBook.rejects(), impl + ", " + levels + " levels");
        }

        final OrderBookAdapter marketBook = bookWith(impl, base.fill());
        final CommandArrays maker = OpScenarios.marketMaker(base);
        Replay.run(maker, marketBook);
        final long fillsBefore = marketBook.fills();
        for (int i = 0; i < 3 * OrderBookOpsBenchmark.MARKET_ORDER_IDS; i++)
        {
            marketBook.market(7, maker.orderIds()[0] + 1 + (i & (OrderBookOpsBenchmark.MARKET_ORDER_IDS - 1)),
                OrderSide.BUY, 1);
        }
        assertEquals(3 * OrderBookOpsBenchmark.MARKET_ORDER_IDS, marketBook.fills() - fillsBefore,
            impl + ": one fill per one-lot market order, ids reused once each order is gone");

        Stream.of(addBook, amendBook, marketBook).forEach(book -> assertEquals(0, book.rejects(), impl));
    }

    private static OrderBookAdapter bookWith(final String impl, final CommandArrays fill)
    {
        final long maxOrderId = OpScenarios.baseBook().maxOrderId() + OrderBookOpsBenchmark.OP_ORDER_IDS;
        final OrderBookAdapter book = Books.create(impl, 60_000, ClientOrderIdTable.of(IdStyle.NUMERIC, maxOrderId));
        Replay.run(fill, book);
        return book;
    }
}
