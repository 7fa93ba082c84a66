package org.mmwinter.engine.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.FixedPoint;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.state.AccountRegistry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generator is only useful to other tests if a seed always gives the same flow and if its CSV lines say what its
 * commands say: both are checked here, the second against the parser and against the path of {@code replay match}
 * (instruments created on first use, accounts named on first use).
 */
class FlowGeneratorTest
{
    private static final int COMMANDS = 5_000;

    @Test
    void aSeedAlwaysGivesTheSameFlow()
    {
        assertEquals(lines(7, FlowGenerator.Options.FULL), lines(7, FlowGenerator.Options.FULL));
        assertNotEquals(lines(7, FlowGenerator.Options.FULL), lines(8, FlowGenerator.Options.FULL));
    }

    @Test
    void csvLinesParseBackToTheirCommandsOrToTheCoresRejection()
    {
        for (long seed = 1; seed <= 20; seed++)
        {
            final FlowGenerator generator = new FlowGenerator(seed, FlowGenerator.Options.CSV);
            final MatchingEngine engine = new MatchingEngine(MatchingListener.NO_OP);
            generator.addInstrumentsTo(engine);
            final AccountRegistry accounts = new AccountRegistry();
            for (int a = 0; a < generator.accountCount(); a++)
            {
                accounts.register(FlowGenerator.accountName(a));
            }
            final DefaultInstruments instruments = new DefaultInstruments(engine, false);
            final OrderFlowParser parser = new OrderFlowParser(instruments, instruments, accounts::register);
            final CommandEvent command = new CommandEvent();
            final CommandEvent parsed = new CommandEvent();
            int parseRejects = 0;
            for (int i = 0; i < COMMANDS; i++)
            {
                generator.next(command);
                final String line = generator.toCsvLine(command);
                final int parseReason = parser.parse(line, parsed);
                final int coreReason = command.applyTo(engine);
                final String where = "seed " + seed + " #" + i + ": " + line;
                if (parseReason != RejectReason.NONE)
                {
                    parseRejects++;
                    assertEquals(RejectReason.describe(coreReason), RejectReason.describe(parseReason), where);
                }
                else
                {
                    assertEquals(command.toString(), parsed.toString(), where);
                }
            }
            assertTrue(parseRejects > 0, "seed " + seed + ": no line exercised the parser's own rejections");
        }
    }

    @Test
    void csvFlowMeansTheSameToReplayMatchAsTheCommandsToTheEngine()
    {
        for (long seed = 1; seed <= 20; seed++)
        {
            final FlowGenerator generator = new FlowGenerator(seed, FlowGenerator.Options.CSV);
            final List<String> direct = new ArrayList<>();
            final MatchingEngine[] directEngine = new MatchingEngine[1];
            directEngine[0] = new MatchingEngine(
                new DecimalTape(direct, id -> directEngine[0].instrument(id), FlowGenerator::accountName));
            generator.addInstrumentsTo(directEngine[0]);

            // The path of replay match: symbols and accounts are created as they first appear in the file.
            final List<String> replayed = new ArrayList<>();
            final AccountRegistry accounts = new AccountRegistry();
            final MatchingEngine[] replayEngine = new MatchingEngine[1];
            replayEngine[0] = new MatchingEngine(
                new DecimalTape(replayed, id -> replayEngine[0].instrument(id), accounts::name));
            final DefaultInstruments instruments = new DefaultInstruments(replayEngine[0], true);
            final OrderFlowParser parser = new OrderFlowParser(instruments, instruments, accounts::register);

            final CommandEvent command = new CommandEvent();
            final CommandEvent parsed = new CommandEvent();
            for (int i = 0; i < COMMANDS; i++)
            {
                generator.next(command);
                final String line = generator.toCsvLine(command);
                final int directReason = command.applyTo(directEngine[0]);
                int replayReason = parser.parse(line, parsed);
                if (replayReason == RejectReason.NONE)
                {
                    replayReason = parsed.applyTo(replayEngine[0]);
                }
                final String where = "seed " + seed + " #" + i + ": " + line;
                assertEquals(RejectReason.describe(directReason), RejectReason.describe(replayReason), where);
                assertEquals(direct, replayed, where);
                direct.clear();
                replayed.clear();
            }
            assertEquals(book(directEngine[0], FlowGenerator::accountName), book(replayEngine[0], accounts::name),
                "seed " + seed + ": final books");
        }
    }

    private static List<String> lines(final long seed, final FlowGenerator.Options options)
    {
        final FlowGenerator generator = new FlowGenerator(seed, options);
        final CommandEvent command = new CommandEvent();
        final List<String> lines = new ArrayList<>();
        for (int a = 0; a < 2_000; a++)
        {
            lines.add(generator.toCsvLine(generator.next(command)));
        }
        return lines;
    }

    /**
     * Every resting order in decimals and names, symbols sorted, each book in priority order (as book.csv).
     */
    private static List<String> book(final MatchingEngine engine, final IntFunction<String> accountNames)
    {
        final Map<String, List<String>> bySymbol = new TreeMap<>();
        for (int i = 0; i < engine.instrumentCount(); i++)
        {
            final Instrument instrument = engine.instrument(i);
            final List<String> rows = new ArrayList<>();
            engine.forEachOrder(i, (instrumentId, side, price, qty, accountId, clientOrderId, orderId) -> rows.add(
                instrument.symbol() + "," + Side.name(side) + "," + price(instrument, price) + "," +
                qty(instrument, qty) + "," + accountNames.apply(accountId) + "," + clientOrderId));
            bySymbol.put(instrument.symbol(), rows);
        }
        final List<String> all = new ArrayList<>();
        bySymbol.values().forEach(all::addAll);
        return all;
    }

    private static String price(final Instrument instrument, final long ticks)
    {
        return FixedPoint.format(ticks * instrument.tickUnits(), instrument.priceScale());
    }

    private static String qty(final Instrument instrument, final long lots)
    {
        return FixedPoint.format(lots * instrument.lotUnits(), instrument.qtyScale());
    }

    /**
     * Fills and cancels in decimals and names, as the outputs of {@code replay match} show them.
     */
    private static final class DecimalTape implements MatchingListener
    {
        private final List<String> out;
        private final IntFunction<Instrument> instruments;
        private final IntFunction<String> accountNames;

        DecimalTape(
            final List<String> out, final IntFunction<Instrument> instruments, final IntFunction<String> accountNames)
        {
            this.out = out;
            this.instruments = instruments;
            this.accountNames = accountNames;
        }

        @Override
        public void onFill(
            final int instrumentId,
            final long price,
            final long qty,
            final int takerSide,
            final int makerAccountId,
            final long makerEngineOrderId,
            final ClientOrderId makerOrderId,
            final long makerRemaining,
            final int takerAccountId,
            final long takerEngineOrderId,
            final ClientOrderId takerOrderId,
            final long takerRemaining)
        {
            final Instrument instrument = instruments.apply(instrumentId);
            out.add("FILL " + instrument.symbol() + " " + price(instrument, price) + "x" + qty(instrument, qty) + " " +
                Side.name(takerSide) + " maker " + accountNames.apply(makerAccountId) + "/" + makerOrderId +
                " taker " + accountNames.apply(takerAccountId) + "/" + takerOrderId);
        }

        @Override
        public void onCanceled(
            final int instrumentId,
            final int accountId,
            final long engineOrderId,
            final ClientOrderId orderId,
            final long qty,
            final int reason)
        {
            final Instrument instrument = instruments.apply(instrumentId);
            out.add("CANCELED " + instrument.symbol() + " " + accountNames.apply(accountId) + "/" + orderId + " " +
                qty(instrument, qty) + " " + reason);
        }

        @Override
        public void onExpired(
            final int instrumentId,
            final int accountId,
            final long engineOrderId,
            final ClientOrderId orderId,
            final long qty)
        {
            final Instrument instrument = instruments.apply(instrumentId);
            out.add("EXPIRED " + instrument.symbol() + " " + accountNames.apply(accountId) + "/" + orderId + " " +
                qty(instrument, qty));
        }
    }
}
