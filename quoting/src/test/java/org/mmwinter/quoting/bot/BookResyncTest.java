package org.mmwinter.quoting.bot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.message.ResultType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lost market data: the strategy alone, fed by hand. After a gap it does not trust its book: it pulls, asks for a
 * snapshot, ignores the updates that arrive before the snapshot's answer, and quotes again around the snapshot's
 * book, not around an update it may have half seen.
 */
final class BookResyncTest
{
    private static final long T0 = 1_000_000_000_000L;
    /** Tick 0.5 and lot 0.001 at scale 8. */
    private static final Instrument BTC = new Instrument(0, "BTC-USD", 8, 50_000_000L, 8, 100_000L, 0);

    private final List<long[]> sent = new ArrayList<>();
    private final ExecutionReport report = new ExecutionReport();

    @Test
    void aGapPullsAsksForASnapshotAndQuotesAroundTheSnapshotOnly()
    {
        final MarketMaker bot = new MarketMaker(BotConfig.parse(Map.of("bot.order_notional", "300"),
            List.of("BTC-USD")), 1, List.of(BTC), this::record, null);
        bot.restored(T0, 0);
        bot.decide();
        assertEquals(CommandType.BOOK_SNAPSHOT, (int)sent.get(0)[0], "a restart asks for the book first");
        answerSnapshot(bot, sent.get(0)[1], 59_900, 60_100, 1);
        bot.decide();
        assertTrue(count(CommandType.NEW) >= 2, "quotes once the snapshot is in");
        assertEquals(30_000.0, bot.mid(0));
        sent.clear();

        // Updates were dropped before this one: whatever it says, the book is not the engine's any more.
        level(bot, ResultType.LEVEL, Side.BUY, 61_000, 1_000, true, 10);
        bot.decide();
        assertEquals(1, count(CommandType.MASS_CANCEL), "pulled");
        assertEquals(1, count(CommandType.BOOK_SNAPSHOT), "asked for the book");
        assertEquals(0, count(CommandType.NEW), "nothing quoted from a stale book");
        final long snapshot = find(CommandType.BOOK_SNAPSHOT)[1];
        sent.clear();

        // An update before the snapshot's answer is ignored; the snapshot says the market moved to 30,100.
        level(bot, ResultType.LEVEL, Side.SELL, 59_000, 1_000, false, 11);
        bot.decide();
        assertEquals(0, count(CommandType.NEW));
        answerSnapshot(bot, snapshot, 60_100, 60_300, 12);
        bot.decide();
        assertEquals(30_100.0, bot.mid(0), "the mid of the snapshot's book");
        assertTrue(count(CommandType.NEW) >= 2, "quoting again");
    }

    private boolean record(final CommandEvent command, final long correlation)
    {
        sent.add(new long[]{command.type, correlation, command.side, command.price});
        return true;
    }

    private int count(final int type)
    {
        int n = 0;
        for (final long[] c : sent)
        {
            n += c[0] == type ? 1 : 0;
        }
        return n;
    }

    private long[] find(final int type)
    {
        for (final long[] c : sent)
        {
            if (c[0] == type)
            {
                return c;
            }
        }
        throw new AssertionError("no command of type " + type + " in " + sent.size());
    }

    private void answerSnapshot(final MarketMaker bot, final long correlation, final long bid, final long ask,
        final long sequence)
    {
        level(bot, ResultType.BOOK_LEVEL, Side.BUY, bid, 1_000, false, sequence);
        level(bot, ResultType.BOOK_LEVEL, Side.SELL, ask, 1_000, false, sequence);
        report.clear();
        report.type = ResultType.DONE;
        report.commandSequence = sequence;
        report.nowNs = T0 + sequence;
        report.commandCorrelationId = correlation;
        bot.onReport(report);
    }

    private void level(final MarketMaker bot, final int type, final int side, final long price, final long qty,
        final boolean gap, final long sequence)
    {
        report.clear();
        report.type = type;
        report.commandSequence = sequence;
        report.nowNs = T0 + sequence;
        report.instrumentId = 0;
        report.side = side;
        report.price = price;
        report.qty = qty;
        report.orderCount = 1;
        report.gap = gap;
        bot.onMarketData(report);
    }
}
