package org.mmwinter.quoting.host;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.journal.InputJournal;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.quoting.account.PortfolioLedger;
import org.mmwinter.quoting.bot.BotConfig;
import org.mmwinter.quoting.journal.DecisionPrinter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conservative lookahead changes nothing the bot sees or does: the same flow, offered one command at a time and
 * in batches up to the horizon, gives the same input journal (every command, its sequence and time, the bot's
 * included), the same decisions and the same accounts. The flow here does not read the book, so it is the same in
 * both runs by construction; it has bursts (a provider's ladder, microseconds apart) so that batches hold many
 * commands, and takers often enough that the bot trades.
 */
final class LookaheadEquivalenceTest
{
    private static final String SYMBOL = "BTC-USD";
    private static final long START = 1_700_000_000_000_000_000L;
    private static final long LATENCY_NS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void batchesUpToTheHorizonGiveTheSameRunAsOneCommandAtATime()
    {
        final List<CommandEvent> flow = flow(7, 2_500);
        final Run single = run(dir.resolve("single"), flow, false);
        final Run batched = run(dir.resolve("batched"), flow, true);

        // Not vacuous: the batches held many commands, and the bot quoted, traded and was journaled.
        assertTrue(batched.batches < flow.size() / 3, "batches " + batched.batches + " for " + flow.size());
        assertTrue(single.fills > 20, "the bot traded: " + single.fills);
        assertTrue(single.journal.size() > flow.size() + 100, "the bot's commands are in the journal");

        assertEquals(single.journal, batched.journal);
        assertEquals(single.decisions, batched.decisions);
        assertEquals(single.figures, batched.figures);
    }

    private record Run(List<String> journal, String decisions, String figures, long fills, int batches)
    {
    }

    private static Run run(final Path dataDir, final List<CommandEvent> flow, final boolean batched)
    {
        final EngineConfig config = EngineConfig.defaults().clearInstruments().dataDir(dataDir)
            .waitStrategy("yielding").commandTime(true)
            .addInstrument(new EngineConfig.InstrumentSpec(SYMBOL, "0.5", "0.001", 0, -25, 250));
        int batches = 0;
        final String figures;
        final long fills;
        try (EnginePipeline pipeline = new EnginePipeline(config))
        {
            pipeline.start();
            final int instrument = pipeline.directory().resolve(SYMBOL, false);
            final int lp = pipeline.directory().resolve("lp");
            final int taker = pipeline.directory().resolve("taker");
            final LockstepHost host = new LockstepHost(pipeline, BotConfig.parse(Map.of("bot.order_notional", "300",
                "bot.levels", "2"), List.of(SYMBOL)), dataDir, new OrderEntryLatency(LATENCY_NS, 300_000, 500, 3));
            final CommandEvent[] batch = new CommandEvent[LockstepHost.MAX_BATCH];
            for (int i = 0; i < batch.length; i++)
            {
                batch[i] = new CommandEvent();
            }
            int i = 0;
            while (i < flow.size())
            {
                final CommandEvent first = resolve(flow.get(i), instrument, lp, taker);
                if (!batched)
                {
                    host.submit(first);
                    i++;
                    continue;
                }
                host.advanceTo(first.nowNs);
                final long horizon = host.horizon();
                int count = 0;
                batch[count++].copyFrom(first);
                i++;
                while (i < flow.size() && count < batch.length && flow.get(i).nowNs < horizon)
                {
                    batch[count++].copyFrom(resolve(flow.get(i), instrument, lp, taker));
                    i++;
                }
                host.submitBatch(batch, count);
                batches++;
            }
            host.flush();
            final PortfolioLedger ledger = host.bot().ledger();
            fills = ledger.fills();
            figures = "pnl=" + ledger.pnl() + " fills=" + fills + " quotes=" + ledger.quotesSent() + " fees=" +
                ledger.fees() + " inventory=" + ledger.inventory() + " drawdown=" + ledger.maxDrawdown();
            pipeline.awaitIdle(30, TimeUnit.SECONDS);
            host.close();
        }
        final List<String> journal = new ArrayList<>();
        InputJournal.replayReadOnly(dataDir.resolve("input"), command -> journal.add(command.toString()));
        final ByteArrayOutputStream text = new ByteArrayOutputStream();
        DecisionPrinter.print(dataDir, true, new PrintStream(text, true, StandardCharsets.UTF_8));
        return new Run(journal, text.toString(StandardCharsets.UTF_8), figures, fills, batches);
    }

    /**
     * A copy of a flow command with the engine's ids: the flow names accounts by role (0 provider, 1 taker) and the
     * instrument as 0.
     */
    private static CommandEvent resolve(final CommandEvent c, final int instrument, final int lp, final int taker)
    {
        final CommandEvent copy = new CommandEvent();
        copy.copyFrom(c);
        copy.instrumentId = instrument;
        copy.accountId = c.accountId == 0 ? lp : taker;
        return copy;
    }

    /**
     * A mid on a random walk (ticks of 0.5 around 30,000); every 0.5-3 ms a provider burst (mass cancel, then three
     * levels a side from 10 to 15 USD off the mid, 1 µs apart), and between them takers' IOC orders up to 30 USD
     * through the mid, a quarter of them large enough to sweep the provider's levels and the bot's quotes.
     */
    private static List<CommandEvent> flow(final long seed, final int bursts)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<CommandEvent> out = new ArrayList<>();
        long t = START + 50_000_000;
        long mid = 60_000;
        long ids = 0;
        for (int b = 0; b < bursts; b++)
        {
            mid += random.nextInt(3) - 1;
            final CommandEvent cancel = new CommandEvent();
            cancel.type = CommandType.MASS_CANCEL;
            cancel.accountId = 0;
            cancel.nowNs = t;
            out.add(cancel);
            for (int level = 1; level <= 3; level++)
            {
                for (final int side : new int[]{Side.BUY, Side.SELL})
                {
                    t += 1_000;
                    final CommandEvent order = new CommandEvent();
                    final long price = side == Side.BUY ? mid - 10 - 10L * level : mid + 10 + 10L * level;
                    order.setLimitOrder(0, "p" + (++ids), 0, side, TimeInForce.GTC, price, 200 + 100L * level);
                    order.nowNs = t;
                    out.add(order);
                }
            }
            final int takes = random.nextInt(3);
            for (int k = 0; k < takes; k++)
            {
                t += 50_000 + random.nextInt(400_000);
                final int side = random.nextBoolean() ? Side.BUY : Side.SELL;
                final CommandEvent take = new CommandEvent();
                final long qty = random.nextInt(4) == 0 ? 300 + random.nextInt(600) : 5 + random.nextInt(40);
                take.setLimitOrder(1, "t" + (++ids), 0, side, TimeInForce.IOC, side == Side.BUY ? mid + 60 :
                    mid - 60, qty);
                take.nowNs = t;
                out.add(take);
            }
            t += 500_000 + random.nextInt(2_500_000);
        }
        return out;
    }
}
