package org.mmwinter.engine.core;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mmwinter.engine.core.Side.BUY;
import static org.mmwinter.engine.core.Side.SELL;

/**
 * Public market data: an L2 update (price, new aggregate quantity, order count; 0/0 when the level is gone) for
 * every change of a level, and one trade print per fill at the maker's price. A subscriber that applies the
 * updates must always hold the book's aggregated levels.
 */
final class MarketDataTest
{
    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;

    private final EngineFixture fx = new EngineFixture();

    @Test
    void levelsReportAggregateQuantityAndOrderCount()
    {
        fx.limit(A, 1, BUY, 100, 3);
        fx.limit(B, 2, BUY, 100, 4);
        fx.limit(A, 3, BUY, 99, 5);
        fx.limit(C, 4, SELL, 101, 6);

        assertEquals(List.of(
            "ACCEPTED 0/1 BUY 100x3",
            "LEVEL 0 BUY 100 3 #1",
            "ACCEPTED 1/2 BUY 100x4",
            "LEVEL 0 BUY 100 7 #2",
            "ACCEPTED 0/3 BUY 99x5",
            "LEVEL 0 BUY 99 5 #1",
            "ACCEPTED 2/4 SELL 101x6",
            "LEVEL 0 SELL 101 6 #1"), fx.drain());
    }

    @Test
    void partialAndFullFillsShrinkTheLevelAndAnEmptyLevelIsReportedAsZero()
    {
        fx.limit(A, 1, BUY, 100, 3);
        fx.limit(B, 2, BUY, 100, 4);
        fx.drain();

        fx.limit(C, 3, SELL, 100, 2);
        fx.limit(C, 4, SELL, 100, 5);

        assertEquals(List.of(
            "ACCEPTED 2/3 SELL 100x2",
            "FILL 100x2 SELL maker 0/1 left 1 taker 2/3 left 0",
            "TRADE 0 100x2 SELL",
            "LEVEL 0 BUY 100 5 #2",
            "ACCEPTED 2/4 SELL 100x5",
            "FILL 100x1 SELL maker 0/1 left 0 taker 2/4 left 4",
            "TRADE 0 100x1 SELL",
            "LEVEL 0 BUY 100 4 #1",
            "FILL 100x4 SELL maker 1/2 left 0 taker 2/4 left 0",
            "TRADE 0 100x4 SELL",
            "LEVEL 0 BUY 100 0 #0"), fx.drain());
    }

    @Test
    void cancelShrinksOrRemovesTheLevel()
    {
        fx.limit(A, 1, SELL, 105, 3);
        fx.limit(B, 2, SELL, 105, 4);
        fx.drain();

        fx.cancel(B, 2);
        fx.cancel(A, 1);

        assertEquals(List.of(
            "LEVEL 0 SELL 105 3 #1",
            "CANCELED 1/2 4 user",
            "LEVEL 0 SELL 105 0 #0",
            "CANCELED 0/1 3 user"), fx.drain());
    }

    @Test
    void amendInPlaceShrinksTheLevelAndAnUnchangedAmendReportsNoLevel()
    {
        fx.limit(A, 1, SELL, 105, 3);
        fx.limit(B, 2, SELL, 105, 4);
        fx.drain();

        fx.amend(B, 2, 105, 1);
        fx.amend(A, 1, 105, 3);

        assertEquals(List.of(
            "AMENDED 1/2 105x1 kept priority",
            "LEVEL 0 SELL 105 4 #2",
            "AMENDED 0/1 105x3 kept priority"), fx.drain());
    }

    @Test
    void tradePrintsAreAtTheMakersPriceWithTheTakersSide()
    {
        fx.limit(A, 1, SELL, 100, 1);
        fx.limit(A, 2, SELL, 102, 1);
        fx.limit(B, 3, BUY, 90, 1);
        fx.drain();

        fx.limit(C, 4, BUY, 110, 2, TimeInForce.IOC);
        fx.market(C, 5, SELL, 1, TimeInForce.IOC);

        assertEquals(List.of(
            "TRADE 0 100x1 BUY",
            "TRADE 0 102x1 BUY",
            "TRADE 0 90x1 SELL"), onlyTrades(fx.drain()));
        assertEquals(90, fx.engine().lastTradePrice(EngineFixture.BTC));
    }

    @Test
    void ordersThatDoNotRestNeverShowOnTheirOwnSide()
    {
        fx.limit(A, 1, SELL, 100, 1);
        fx.drain();

        fx.limit(C, 2, BUY, 100, 5, TimeInForce.IOC);
        fx.limit(C, 3, BUY, 100, 5, TimeInForce.FOK);
        fx.market(C, 4, BUY, 5, TimeInForce.IOC);

        for (final String event : fx.drain())
        {
            assertFalse(event.startsWith("LEVEL 0 BUY"), event);
        }
    }

    @Test
    void selfTradePreventionPrintsNoTrade()
    {
        fx.limit(A, 1, SELL, 100, 5);
        fx.limit(A, 2, SELL, 100, 5);
        fx.drain();

        fx.limit(A, 3, BUY, 100, 2, TimeInForce.GTC, StpMode.DECREMENT);
        fx.limit(A, 4, BUY, 100, 2, TimeInForce.GTC, StpMode.CANCEL_OLDEST);

        assertEquals(List.of(
            "ACCEPTED 0/3 BUY 100x2",
            "REDUCED 0/1 2 left 3",
            "LEVEL 0 SELL 100 8 #2",
            "CANCELED 0/3 2 self-trade prevention",
            "ACCEPTED 0/4 BUY 100x2",
            "LEVEL 0 SELL 100 5 #1",
            "CANCELED 0/1 3 self-trade prevention",
            "LEVEL 0 SELL 100 0 #0",
            "CANCELED 0/2 5 self-trade prevention",
            "LEVEL 0 BUY 100 2 #1"), fx.drain());
        assertEquals(0, fx.engine().tradeCount());
        assertEquals(MatchingEngine.NO_PRICE, fx.engine().lastTradePrice(EngineFixture.BTC));
    }

    @Test
    void eventsCarryTheirInstrument()
    {
        final int eth = fx.addInstrument(Instrument.createDefault(1, "ETH"));
        fx.newOrder(eth, A, 1, SELL, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, 7, 2);
        fx.newOrder(eth, B, 2, BUY, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, 7, 1);

        assertEquals(List.of(
            "ACCEPTED 0/1 SELL 7x2",
            "LEVEL 1 SELL 7 2 #1",
            "ACCEPTED 1/2 BUY 7x1",
            "FILL 7x1 BUY maker 0/1 left 1 taker 1/2 left 0",
            "TRADE 1 7x1 BUY",
            "LEVEL 1 SELL 7 1 #1"), fx.drain());
        assertEquals(List.of(), fx.book());
        assertEquals(7, fx.engine().lastTradePrice(eth));
        assertEquals(MatchingEngine.NO_PRICE, fx.engine().lastTradePrice(EngineFixture.BTC));
    }

    @Test
    void recordingListenerCanLeaveMarketDataOut()
    {
        final RecordingListener executions = new RecordingListener().withoutMarketData();
        final MatchingEngine engine = new MatchingEngine(executions, 16);
        engine.addInstrument(Instrument.createDefault(0, "BTC"));
        engine.newOrder(1, 0, A, EngineFixture.idOf(1), SELL, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, 100, 1);
        engine.newOrder(2, 0, B, EngineFixture.idOf(2), BUY, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, 100, 1);

        assertEquals(List.of(
            "ACCEPTED 0/1 SELL 100x1",
            "ACCEPTED 1/2 BUY 100x1",
            "FILL 100x1 BUY maker 0/1 left 0 taker 1/2 left 0"), executions.drain());
    }

    /**
     * Random commands of every kind on a narrow price range (so that most orders cross, self-trade and amend into
     * each other); after each command, the levels rebuilt from L2 updates must equal the book's, and the trade
     * prints must add up to the fills.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 99, 12345, 8_675_309})
    void levelsRebuiltFromUpdatesAlwaysMatchTheBook(final long seed)
    {
        final L2Mirror mirror = new L2Mirror();
        final MatchingEngine engine = new MatchingEngine(mirror, 16);
        engine.addInstrument(Instrument.createDefault(0, "BTC"));
        final Random random = new Random(seed);
        long nextOrderId = 1;
        for (int step = 0; step < 3_000; step++)
        {
            final int account = random.nextInt(4);
            final int action = random.nextInt(20);
            if (action < 12)
            {
                final int type = random.nextInt(8) == 0 ? OrderType.MARKET : OrderType.LIMIT;
                final int tif = type == OrderType.MARKET ?
                    (random.nextBoolean() ? TimeInForce.IOC : TimeInForce.FOK) : random.nextInt(4);
                final long price = type == OrderType.MARKET ? MatchingEngine.NO_PRICE : 95 + random.nextInt(11);
                engine.newOrder(step, 0, account, EngineFixture.idOf(nextOrderId++), random.nextInt(2), type, tif,
                    random.nextInt(5), price, 1 + random.nextInt(20));
            }
            else if (action < 16)
            {
                final long orderId = 1 + random.nextInt((int)nextOrderId);
                engine.amend(step, account, EngineFixture.idOf(orderId), MatchingEngine.ANY_INSTRUMENT,
                    95 + random.nextInt(11), 1 + random.nextInt(20));
            }
            else if (action < 19)
            {
                engine.cancel(step, account, EngineFixture.idOf(1 + random.nextInt((int)nextOrderId)),
                    MatchingEngine.ANY_INSTRUMENT);
            }
            else
            {
                engine.massCancel(step, account, random.nextBoolean() ? 0 : MatchingEngine.ANY_INSTRUMENT);
            }

            final String where = "seed " + seed + " step " + step;
            assertEquals(aggregate(engine), mirror.levels, where);
            assertEquals(engine.tradeCount(), mirror.trades, where);
            assertEquals(mirror.filledQty, mirror.printedQty, where);
        }
        assertTrue(mirror.trades > 100, "the random flow should trade; seed " + seed);
    }

    private static Map<String, String> aggregate(final MatchingEngine engine)
    {
        final Map<String, long[]> levels = new TreeMap<>();
        final int[] orders = new int[1];
        engine.forEachOrder(0, (instrument, side, price, qty, account, clientOrderId, orderId) ->
        {
            final long[] level = levels.computeIfAbsent(Side.name(side) + " " + price, key -> new long[2]);
            level[0] += qty;
            level[1]++;
            orders[0]++;
        });
        assertEquals(engine.liveOrderCount(), orders[0]);
        final Map<String, String> text = new TreeMap<>();
        for (final Map.Entry<String, long[]> level : levels.entrySet())
        {
            text.put(level.getKey(), level.getValue()[0] + " #" + level.getValue()[1]);
        }
        return text;
    }

    private static List<String> onlyTrades(final List<String> events)
    {
        events.removeIf(event -> !event.startsWith("TRADE "));
        return events;
    }

    /**
     * What a market-data subscriber holds: the levels as the L2 updates left them.
     */
    private static final class L2Mirror implements MatchingListener
    {
        final Map<String, String> levels = new TreeMap<>();
        long trades;
        long filledQty;
        long printedQty;

        public void onLevelChanged(
            final int instrumentId, final int side, final long price, final long qty, final int orderCount)
        {
            assertEquals(qty == 0, orderCount == 0, "quantity and count are zero together");
            final String key = Side.name(side) + " " + price;
            if (orderCount == 0)
            {
                levels.remove(key);
            }
            else
            {
                levels.put(key, qty + " #" + orderCount);
            }
        }

        @Override
        public void onFill(
            final int instrumentId,
            final long price,
            final long qty,
            final int takerSide,
            final int makerAccountId,
            final long makerOrderId,
            final ClientOrderId makerClientOrderId,
            final long makerRemaining,
            final int takerAccountId,
            final long takerOrderId,
            final ClientOrderId takerClientOrderId,
            final long takerRemaining)
        {
            filledQty += qty;
        }

        public void onTrade(final int instrumentId, final long price, final long qty, final int takerSide)
        {
            trades++;
            printedQty += qty;
        }
    }
}
