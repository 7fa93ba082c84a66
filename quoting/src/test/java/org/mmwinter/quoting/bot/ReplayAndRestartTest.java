package org.mmwinter.quoting.bot;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.state.EngineState;
import org.mmwinter.quoting.account.PortfolioLedger;
import org.mmwinter.quoting.journal.DecisionPrinter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mmwinter.quoting.bot.BotRun.keys;

/**
 * A bot session is reproducible from the engine's input journal: the same flow gives the same journal, fills,
 * PnL and decisions; replaying the journal gives the same fills and PnL; and a restart finds exactly the orders
 * the engine holds.
 */
final class ReplayAndRestartTest
{
    private static final double MID = 30_000;

    @TempDir
    Path dir;

    /** A session with fills on both sides, a halt, a market move and a pause. */
    private static void session(final BotRun run)
    {
        run.market(MID, 50, 10);
        for (int i = 0; i < 4; i++)
        {
            run.sellIntoBotBid("seller");
        }
        run.moveMarket(MID + 20);
        final List<long[]> asks = run.botOrders(Side.SELL);
        run.takeLots("buyer", Side.BUY, asks.get(0)[0], asks.get(0)[1]);
        run.after(5 * BotRun.LATENCY);
        run.halt(true);
        run.after(BotRun.SECOND);
        run.halt(false);
        run.after(40 * BotRun.SECOND);
        run.moveMarket(MID - 20);
        run.sellIntoBotBid("seller");
        run.after(BotRun.SECOND);
    }

    @Test
    void theSameFlowGivesTheSameFillsPnlDecisionsAndDigest() throws Exception
    {
        final String[] figures = new String[2];
        final String[] decisions = new String[2];
        final long[] digests = new long[2];
        for (int i = 0; i < 2; i++)
        {
            final Path data = dir.resolve("run" + i);
            try (BotRun run = new BotRun(data, Map.of()))
            {
                session(run);
                figures[i] = figures(run.bot.ledger());
                digests[i] = run.pipeline.digest();
                assertTrue(run.bot.ledger().fills() >= 5, "fills " + run.bot.ledger().fills());
            }
            final ByteArrayOutputStream out = new ByteArrayOutputStream();
            DecisionPrinter.print(data, true, new PrintStream(out, true, "UTF-8"));
            decisions[i] = out.toString("UTF-8");
        }
        assertEquals(figures[0], figures[1]);
        assertEquals(digests[0], digests[1]);
        assertEquals(decisions[0], decisions[1]);
        assertTrue(decisions[0].lines().count() > 20, "decisions journaled");
    }

    @Test
    void replayingTheInputJournalReproducesTheFillsAndPnlExactly()
    {
        final String live;
        final List<Instrument> instruments = new ArrayList<>();
        final BotConfig config = BotConfig.parse(Map.of(), List.of(BotRun.SYMBOL));
        try (BotRun run = new BotRun(dir, Map.of()))
        {
            session(run);
            live = figures(run.bot.ledger());
            instruments.add(run.pipeline.directory().instrument(run.instrument));
        }
        final MarketMaker replayed = new MarketMaker(config, 0, instruments, (command, correlation) -> false, null);
        final JournalRebuild rebuild = new JournalRebuild(dir.resolve("input"), "MM1");
        rebuild.into(replayed);
        // Marked at the same last mid: fills, cash, inventory, fees and realized PnL are the journal's alone.
        assertEquals(onlyFills(live), onlyFills(figures(replayed.ledger())));
        assertTrue(rebuild.fills() >= 5);
    }

    @Test
    void aRestartFindsExactlyTheOrdersTheEngineHolds()
    {
        final List<String> engineOrders = new ArrayList<>();
        try (BotRun run = new BotRun(dir, Map.of()))
        {
            session(run);
            run.after(5 * BotRun.LATENCY);
        }
        try (BotRun run = new BotRun(dir, keys("decisions.hold", "true")))
        {
            final EngineState state = run.pipeline.stateWhenIdle();
            final int account = state.accounts().idOf("MM1");
            state.engine().forEachRestingOrder(run.instrument, (instrument, side, price, qty, owner, id, orderId,
                tif, stp, ts) ->
            {
                if (owner == account)
                {
                    engineOrders.add(id + "/" + side + "/" + price + "/" + qty);
                }
            });
            final List<String> believed = new ArrayList<>();
            run.bot.forEachOpenOrder(run.instrument, (number, side, price, remaining, s) ->
                believed.add(number + "/" + side + "/" + price + "/" + remaining));
            engineOrders.sort(null);
            believed.sort(null);
            assertTrue(!engineOrders.isEmpty(), "the session left quotes in the book");
            assertEquals(engineOrders, believed, "no unknown order, no phantom");
            // And it goes on quoting from there, with ids that do not collide with the old ones.
            run.market(MID, 50, 10);
            assertTrue(run.bot.openOrders(run.instrument) > 0);
        }
    }

    static String figures(final PortfolioLedger ledger)
    {
        return "fills=" + ledger.fills() + " cash=" + ledger.cash() + " inventory=" + ledger.inventory() +
            " fees=" + ledger.fees() + " realized=" + ledger.realizedPnl() + " equity=" + ledger.equity();
    }

    private static String onlyFills(final String figures)
    {
        return figures.substring(0, figures.indexOf(" equity="));
    }
}
