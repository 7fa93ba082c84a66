package org.mmwinter.replay.l2;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.StpMode;
import org.mmwinter.engine.core.TimeInForce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RecordedBook} against a bare matching core, the bot's order placed by hand where each case needs it: the
 * two queue models give the bot different fills on the same recorded flow, crossings trade as documented, and a
 * level the bot consumed is re-anchored at its next update. Prices in ticks, amounts in lots.
 */
final class RecordedBookTest
{
    private static final int INSTRUMENT = 0;
    private static final int BOOK = 1;
    private static final int TAKERS = 2;
    private static final int BOT = 3;

    private final List<long[]> botFills = new ArrayList<>();
    private long recordedTrades;
    private final MatchingEngine engine = new MatchingEngine(new MatchingListener()
    {
        @Override
        public void onFill(final int instrumentId, final long price, final long qty, final int takerSide,
            final int makerAccountId, final long makerOrderId, final ClientOrderId makerClientOrderId,
            final long makerRemaining, final int takerAccountId, final long takerOrderId,
            final ClientOrderId takerClientOrderId, final long takerRemaining)
        {
            if (makerAccountId == BOT || takerAccountId == BOT)
            {
                botFills.add(new long[]{price, qty, makerAccountId == BOT ? 1 : 0});
            }
            if (makerAccountId != BOT && takerAccountId != BOT)
            {
                recordedTrades++;
            }
        }
    });
    private long now = 1_000;

    RecordedBookTest()
    {
        engine.addInstrument(new Instrument(INSTRUMENT, "TEST", 0, 1, 0, 1, Instrument.NO_BAND));
    }

    private RecordedBook book(final QueueModel model)
    {
        final RecordedBook book = new RecordedBook(INSTRUMENT, BOOK, TAKERS, model);
        book.refresh(engine);
        return book;
    }

    /**
     * Runs what the book built through the core, without letting it read the core's book again: its mirror, trades
     * included, must already be the core's book, level by level.
     */
    private void apply(final RecordedBook book)
    {
        for (int i = 0; i < book.pendingCount(); i++)
        {
            book.pending(i).nowNs = now;
            assertEquals(0, book.pending(i).applyTo(engine), "command " + book.pending(i));
        }
        book.clearPending();
        assertEquals(engine.liveOrderCount(), book.orderCount(), "orders in the mirror");
        final List<long[]> levels = new ArrayList<>();
        engine.forEachOrder(INSTRUMENT, (instrument, side, price, qty, account, clientOrderId, orderId) ->
            levels.add(new long[]{side, price}));
        for (final long[] l : levels)
        {
            assertEquals(level((int)l[0], l[1])[0], book.mirrored((int)l[0], l[1]), "level " + l[1]);
        }
        assertTrue(book.mirrors(engine), "every order in its queue place, as the core has it");
        now += 1_000;
    }

    @Test
    void theMirrorCheckSeesAnOrderTheMirrorWasNotToldOf()
    {
        final RecordedBook book = book(QueueModel.RISK_AVERSE);
        book.reset(now);
        book.level(now, Side.SELL, 100, 10);
        book.level(now, Side.BUY, 98, 5);
        apply(book);
        // The bot joins the ask behind the recorded 10; the mirror has not read the core since.
        botOrder("b1", Side.SELL, 100, 2);
        assertFalse(book.mirrors(engine));
        book.refresh(engine);
        assertTrue(book.mirrors(engine));
        // Same order count, other contents: the bot's order replaced by one of the same size elsewhere.
        assertEquals(0, engine.cancel(now, BOT, ClientOrderId.of("b1"), INSTRUMENT));
        botOrder("b2", Side.SELL, 101, 2);
        assertEquals(engine.liveOrderCount(), book.orderCount());
        assertFalse(book.mirrors(engine));
    }

    private void botOrder(final String id, final int side, final long price, final long qty)
    {
        assertEquals(0, engine.newOrder(now, INSTRUMENT, BOT, ClientOrderId.of(id), side, OrderType.LIMIT,
            TimeInForce.GTC, StpMode.NONE, price, qty));
    }

    /** Lots resting at a price on a side, every account's, and the recorded book's alone. */
    private long[] level(final int side, final long price)
    {
        final long[] sums = new long[2];
        engine.forEachOrder(INSTRUMENT, (instrument, s, p, qty, account, clientOrderId, orderId) ->
        {
            if (s == side && p == price)
            {
                sums[0] += qty;
                sums[1] += account == BOOK ? qty : 0;
            }
        });
        return sums;
    }

    private long botFilled()
    {
        long sum = 0;
        for (final long[] fill : botFills)
        {
            sum += fill[1];
        }
        return sum;
    }

    /**
     * Ask 100 holds 10 recorded lots (S1); the bot joins behind with 2; the level grows to 20 (S2 = 10 behind the
     * bot); then shrinks to 10 with no trade, a cancel of 10.
     * Risk-averse: all 10 from behind: S1 10 | bot 2. Probabilistic: 10 x 10 / (10 + 10) = 5 from ahead, 5 from
     * behind: S1 5 | bot 2 | S2 5.
     * A recorded buy of 6 at 100: risk-averse S1 gives 6, the bot 0; probabilistic S1 5, the bot 1.
     * A second buy of 5: risk-averse S1 4 then the bot 1 (1 in all); probabilistic the bot's last 1, then S2 4
     * (2 in all).
     */
    private long[] queueCase(final QueueModel model)
    {
        final RecordedBook book = book(model);
        book.reset(now);
        book.level(now, Side.SELL, 100, 10);
        book.level(now, Side.BUY, 98, 5);
        apply(book);
        botOrder("b1", Side.SELL, 100, 2);
        book.refresh(engine);
        book.level(now, Side.SELL, 100, 20);
        apply(book);
        book.level(now, Side.SELL, 100, 10);
        apply(book);
        assertEquals(12, level(Side.SELL, 100)[0], "10 recorded and the bot's 2");
        book.trade(now, Side.BUY, 100, 6);
        apply(book);
        final long afterFirst = botFilled();
        book.trade(now, Side.BUY, 100, 5);
        apply(book);
        return new long[]{afterFirst, botFilled()};
    }

    @Test
    void riskAverseQueueFillsTheBotOnlyOnceTheSizeAheadIsTraded()
    {
        final long[] filled = queueCase(QueueModel.RISK_AVERSE);
        assertEquals(0, filled[0]);
        assertEquals(1, filled[1]);
    }

    @Test
    void probabilisticQueueMovesTheBotUpByItsShareOfTheCancels()
    {
        final long[] filled = queueCase(QueueModel.PROBABILISTIC);
        assertEquals(1, filled[0]);
        assertEquals(2, filled[1]);
    }

    /**
     * Probabilistic: a decrease that the trades at the level explain is not a cancel ahead of the bot. Ask 100:
     * S1 10 | bot 2 | S2 10; a recorded buy of 4 takes S1 to 6; the update to 16 (20 - 4) is all explained:
     * nothing changes, the bot still has 6 ahead. The update after it to 12 is a cancel of 4 with 6 ahead and
     * 10 behind: round(4 x 6 / 16) = round(1.5) = 2 from ahead (S1 4), 2 from behind (S2 8).
     */
    @Test
    void probabilisticQueueLeavesTradedDecreasesAlone()
    {
        final RecordedBook book = book(QueueModel.PROBABILISTIC);
        book.reset(now);
        book.level(now, Side.SELL, 100, 10);
        apply(book);
        botOrder("b1", Side.SELL, 100, 2);
        book.refresh(engine);
        book.level(now, Side.SELL, 100, 20);
        apply(book);
        book.trade(now, Side.BUY, 100, 4);
        apply(book);
        book.level(now, Side.SELL, 100, 16);
        assertEquals(0, book.pendingCount(), "the engine already holds 16 recorded lots");
        apply(book);
        book.level(now, Side.SELL, 100, 12);
        apply(book);
        // A buy of 5: S1's 4, then 1 of the bot's 2.
        book.trade(now, Side.BUY, 100, 5);
        apply(book);
        assertEquals(1, botFilled());
        // S1 4 | bot 2 | S2 8, less 5: S2's 8 is what the recorded book has left.
        assertEquals(8, level(Side.SELL, 100)[1]);
    }

    /**
     * A GTC sell of 3 at 98 from the bot's account (the reference bot's own are post-only and would be refused)
     * crosses the recorded bid of 5 there: it takes 3 of the synthetic order (the bot is the taker); the level stays
     * at 2 until its next recorded update, 5 again, re-anchors it at 5.
     */
    @Test
    void aLevelTheBotConsumedIsReanchoredAtItsNextUpdate()
    {
        final RecordedBook book = book(QueueModel.RISK_AVERSE);
        book.reset(now);
        book.level(now, Side.BUY, 98, 5);
        book.level(now, Side.SELL, 100, 5);
        apply(book);
        botOrder("b1", Side.SELL, 98, 3);
        assertEquals(1, botFills.size());
        assertEquals(0, botFills.get(0)[2], "the bot took liquidity");
        book.refresh(engine);
        assertEquals(2, level(Side.BUY, 98)[1]);
        book.level(now, Side.BUY, 99, 1);
        apply(book);
        assertEquals(2, level(Side.BUY, 98)[1], "not re-anchored before the level's own update");
        book.level(now, Side.BUY, 98, 5);
        apply(book);
        assertEquals(5, level(Side.BUY, 98)[1]);
    }

    /**
     * The bot bids 2 at 99; the recorded ask level that appears at 99 with 5 trades with it as the taker (the bot
     * buys 2 as maker) and rests with 3; its next update (5) re-anchors it at 5.
     */
    @Test
    void aRecordedLevelThatCrossesTheBotTradesWithItAsTheTaker()
    {
        final RecordedBook book = book(QueueModel.RISK_AVERSE);
        book.reset(now);
        book.level(now, Side.BUY, 98, 5);
        book.level(now, Side.SELL, 101, 5);
        apply(book);
        botOrder("b1", Side.BUY, 99, 2);
        book.refresh(engine);
        book.level(now, Side.SELL, 99, 5);
        assertEquals(1, book.crossingPlacements, "the new ask crosses the bot's bid");
        apply(book);
        assertEquals(1, botFills.size());
        assertEquals(99, botFills.get(0)[0]);
        assertEquals(2, botFills.get(0)[1]);
        assertEquals(1, botFills.get(0)[2], "the bot was the maker");
        assertEquals(3, level(Side.SELL, 99)[1]);
        book.level(now, Side.SELL, 99, 5);
        apply(book);
        assertEquals(5, level(Side.SELL, 99)[1]);
    }

    /**
     * A recorded bid at 100 while the recorded ask at 100 is still there (a stale level): the ask is removed, the
     * bid placed; the recorded book never trades with itself.
     */
    @Test
    void aRecordedLevelThatCrossesTheRecordedBookRemovesTheStaleSide()
    {
        final RecordedBook book = book(QueueModel.RISK_AVERSE);
        book.reset(now);
        book.level(now, Side.BUY, 99, 5);
        book.level(now, Side.SELL, 100, 4);
        book.level(now, Side.SELL, 101, 6);
        apply(book);
        book.level(now, Side.BUY, 100, 3);
        apply(book);
        assertEquals(0, recordedTrades);
        assertEquals(3, level(Side.BUY, 100)[0]);
        assertEquals(0, level(Side.SELL, 100)[0]);
        assertEquals(6, level(Side.SELL, 101)[0]);
        assertEquals(1, book.uncrossedLevels);
        assertEquals(100, book.bestRecorded(Side.BUY));
        assertEquals(101, book.bestRecorded(Side.SELL));
    }

    /**
     * Unknown trade sides, against bid 98 / ask 102: at or above the ask a buy, at or below the bid a sell; 101
     * (nearer the ask) a buy, 99 a sell, 100 (the mid) unknown.
     */
    @Test
    void anUnknownTradeSideIsInferredFromTheRecordedBook()
    {
        final RecordedBook book = book(QueueModel.RISK_AVERSE);
        book.reset(now);
        book.level(now, Side.BUY, 98, 5);
        book.level(now, Side.SELL, 102, 5);
        apply(book);
        assertEquals(Side.BUY, book.inferSide(102));
        assertEquals(Side.BUY, book.inferSide(103));
        assertEquals(Side.SELL, book.inferSide(98));
        assertEquals(Side.BUY, book.inferSide(101));
        assertEquals(Side.SELL, book.inferSide(99));
        assertEquals(TradeEvent.UNKNOWN_SIDE, book.inferSide(100));
        book.trade(now, TradeEvent.UNKNOWN_SIDE, 100, 1);
        assertEquals(0, book.pendingCount());
        assertEquals(1, book.skippedTrades);
    }
}
