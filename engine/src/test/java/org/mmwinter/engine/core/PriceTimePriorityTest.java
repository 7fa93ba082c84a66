package org.mmwinter.engine.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mmwinter.engine.core.Side.BUY;
import static org.mmwinter.engine.core.Side.SELL;

/**
 * Price-time priority: the best price trades first, then the oldest order at that price; trades execute at the
 * resting order's price; a limit order never trades through its limit.
 */
final class PriceTimePriorityTest
{
    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;

    private final EngineFixture fx = new EngineFixture();

    @Test
    void bestPriceFirstThenOldestOrderWithinTheLevel()
    {
        fx.limit(B, 1, SELL, 101, 5);
        fx.limit(B, 2, SELL, 100, 5);
        fx.limit(A, 3, SELL, 100, 5);
        assertEquals(List.of(
            "ACCEPTED 1/1 SELL 101x5",
            "LEVEL 0 SELL 101 5 #1",
            "ACCEPTED 1/2 SELL 100x5",
            "LEVEL 0 SELL 100 5 #1",
            "ACCEPTED 0/3 SELL 100x5",
            "LEVEL 0 SELL 100 10 #2"), fx.drain());

        assertEquals(RejectReason.NONE, fx.limit(C, 4, BUY, 101, 12));

        assertEquals(List.of(
            "ACCEPTED 2/4 BUY 101x12",
            "FILL 100x5 BUY maker 1/2 left 0 taker 2/4 left 7",
            "TRADE 0 100x5 BUY",
            "LEVEL 0 SELL 100 5 #1",
            "FILL 100x5 BUY maker 0/3 left 0 taker 2/4 left 2",
            "TRADE 0 100x5 BUY",
            "LEVEL 0 SELL 100 0 #0",
            "FILL 101x2 BUY maker 1/1 left 3 taker 2/4 left 0",
            "TRADE 0 101x2 BUY",
            "LEVEL 0 SELL 101 3 #1"), fx.drain());
        assertEquals(List.of("SELL 101x3 1/1"), fx.book());
        assertEquals(3, fx.engine().tradeCount());
        assertEquals(101, fx.engine().lastTradePrice(EngineFixture.BTC));
        assertEquals(1, fx.engine().liveOrderCount());
    }

    @Test
    void sellTakerHitsHighestBidFirst()
    {
        fx.limit(A, 1, BUY, 100, 4);
        fx.limit(A, 2, BUY, 101, 4);
        fx.limit(B, 3, BUY, 101, 4);
        fx.drain();

        fx.limit(C, 4, SELL, 100, 20, TimeInForce.IOC);

        assertEquals(List.of(
            "ACCEPTED 2/4 SELL 100x20",
            "FILL 101x4 SELL maker 0/2 left 0 taker 2/4 left 16",
            "TRADE 0 101x4 SELL",
            "LEVEL 0 BUY 101 4 #1",
            "FILL 101x4 SELL maker 1/3 left 0 taker 2/4 left 12",
            "TRADE 0 101x4 SELL",
            "LEVEL 0 BUY 101 0 #0",
            "FILL 100x4 SELL maker 0/1 left 0 taker 2/4 left 8",
            "TRADE 0 100x4 SELL",
            "LEVEL 0 BUY 100 0 #0",
            "EXPIRED 2/4 8"), fx.drain());
        assertEquals(List.of(), fx.book());
    }

    @Test
    void tradeExecutesAtTheRestingOrdersPriceAndTheRemainderRestsAtTheTakersLimit()
    {
        fx.limit(B, 1, SELL, 100, 5);
        fx.drain();

        fx.limit(C, 2, BUY, 105, 8);

        assertEquals(List.of(
            "ACCEPTED 2/2 BUY 105x8",
            "FILL 100x5 BUY maker 1/1 left 0 taker 2/2 left 3",
            "TRADE 0 100x5 BUY",
            "LEVEL 0 SELL 100 0 #0",
            "LEVEL 0 BUY 105 3 #1"), fx.drain());
        assertEquals(List.of("BUY 105x3 2/2"), fx.book());
        assertEquals(105, fx.engine().bestPrice(EngineFixture.BTC, BUY));
        assertEquals(MatchingEngine.NO_PRICE, fx.engine().bestPrice(EngineFixture.BTC, SELL));
    }

    @Test
    void limitOrderNeverTradesThroughItsLimit()
    {
        fx.limit(B, 1, SELL, 100, 5);
        fx.limit(B, 2, SELL, 102, 5);
        fx.drain();

        fx.limit(C, 3, BUY, 101, 10);

        assertEquals(List.of(
            "ACCEPTED 2/3 BUY 101x10",
            "FILL 100x5 BUY maker 1/1 left 0 taker 2/3 left 5",
            "TRADE 0 100x5 BUY",
            "LEVEL 0 SELL 100 0 #0",
            "LEVEL 0 BUY 101 5 #1"), fx.drain());
        assertEquals(List.of("BUY 101x5 2/3", "SELL 102x5 1/2"), fx.book());
    }

    @Test
    void orderAtTheSamePriceAsTheOppositeBestTrades()
    {
        fx.limit(B, 1, SELL, 100, 5);
        fx.drain();

        fx.limit(C, 2, BUY, 100, 5);

        assertEquals(List.of(
            "ACCEPTED 2/2 BUY 100x5",
            "FILL 100x5 BUY maker 1/1 left 0 taker 2/2 left 0",
            "TRADE 0 100x5 BUY",
            "LEVEL 0 SELL 100 0 #0"), fx.drain());
        assertEquals(List.of(), fx.book());
        assertEquals(0, fx.engine().liveOrderCount());
    }

    @Test
    void bookListsBidsBestFirstThenAsksBestFirstWithTimePriorityWithinALevel()
    {
        fx.limit(A, 1, BUY, 99, 1);
        fx.limit(A, 2, BUY, 101, 2);
        fx.limit(B, 3, BUY, 100, 3);
        fx.limit(A, 4, BUY, 100, 4);
        fx.limit(A, 5, SELL, 105, 5);
        fx.limit(B, 6, SELL, 103, 6);
        fx.limit(A, 7, SELL, 104, 7);
        fx.limit(A, 8, SELL, 103, 8);

        assertEquals(List.of(
            "BUY 101x2 0/2",
            "BUY 100x3 1/3",
            "BUY 100x4 0/4",
            "BUY 99x1 0/1",
            "SELL 103x6 1/6",
            "SELL 103x8 0/8",
            "SELL 104x7 0/7",
            "SELL 105x5 0/5"), fx.book());
        assertEquals(101, fx.engine().bestPrice(EngineFixture.BTC, BUY));
        assertEquals(103, fx.engine().bestPrice(EngineFixture.BTC, SELL));
    }

    @Test
    void removingAMiddleLevelKeepsTheOthersInOrderAndItCanComeBack()
    {
        fx.limit(A, 1, BUY, 100, 1);
        fx.limit(A, 2, BUY, 99, 2);
        fx.limit(A, 3, BUY, 98, 3);
        fx.drain();

        fx.cancel(A, 2);
        assertEquals(List.of("LEVEL 0 BUY 99 0 #0", "CANCELED 0/2 2 user"), fx.drain());
        assertEquals(List.of("BUY 100x1 0/1", "BUY 98x3 0/3"), fx.book());

        fx.limit(B, 4, BUY, 99, 4);
        assertEquals(List.of("BUY 100x1 0/1", "BUY 99x4 1/4", "BUY 98x3 0/3"), fx.book());
    }

    @Test
    void sameOrderIdInDifferentAccountsAreDifferentOrders()
    {
        assertEquals(RejectReason.NONE, fx.limit(A, 1, BUY, 100, 1));
        assertEquals(RejectReason.NONE, fx.limit(B, 1, BUY, 100, 2));

        assertEquals(RejectReason.NONE, fx.cancel(A, 1));

        assertEquals(List.of("BUY 100x2 1/1"), fx.book());
    }

    @Test
    void filledOrderIdCanBeUsedAgain()
    {
        fx.limit(A, 1, SELL, 100, 1);
        fx.limit(B, 2, BUY, 100, 1);
        fx.drain();

        assertEquals(RejectReason.NONE, fx.limit(A, 1, SELL, 101, 1));
        assertEquals(List.of("SELL 101x1 0/1"), fx.book());
    }

    /**
     * Thousands of levels (more than a side preallocates) in random order, with random cancels, against a sorted
     * map: the book's order and best prices must always match the map's.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 20240101})
    void manyLevelsInRandomOrderStaySortedByPriceThenTime(final long seed)
    {
        final EngineFixture big = new EngineFixture(16);
        final Random random = new Random(seed);
        final TreeMap<Long, List<String>> bids = new TreeMap<>();
        final TreeMap<Long, List<String>> asks = new TreeMap<>();
        final List<long[]> live = new ArrayList<>();
        long orderId = 0;
        for (int step = 0; step < 6_000; step++)
        {
            if (live.isEmpty() || random.nextInt(4) != 0)
            {
                final boolean buy = random.nextBoolean();
                // Bids below 10_000 and asks above it so that nothing trades.
                final long price = buy ? 1 + random.nextInt(5_000) : 10_000 + random.nextInt(5_000);
                final long qty = 1 + random.nextInt(9);
                final int account = random.nextInt(3);
                orderId++;
                assertEquals(RejectReason.NONE, big.limit(account, orderId, buy ? BUY : SELL, price, qty),
                    "seed " + seed);
                (buy ? bids : asks).computeIfAbsent(price, p -> new ArrayList<>())
                    .add((buy ? "BUY " : "SELL ") + price + "x" + qty + " " + account + "/" + orderId);
                live.add(new long[] {account, orderId, buy ? BUY : SELL, price});
            }
            else
            {
                final long[] victim = live.remove(random.nextInt(live.size()));
                assertEquals(RejectReason.NONE, big.cancel((int)victim[0], victim[1]), "seed " + seed);
                final TreeMap<Long, List<String>> side = victim[2] == BUY ? bids : asks;
                final List<String> level = side.get(victim[3]);
                level.removeIf(line -> line.endsWith(" " + victim[0] + "/" + victim[1]));
                if (level.isEmpty())
                {
                    side.remove(victim[3]);
                }
            }
            big.listener().clear();
        }

        final List<String> expected = new ArrayList<>();
        for (final Map.Entry<Long, List<String>> level : bids.descendingMap().entrySet())
        {
            expected.addAll(level.getValue());
        }
        for (final Map.Entry<Long, List<String>> level : asks.entrySet())
        {
            expected.addAll(level.getValue());
        }
        assertEquals(expected, big.book(), "seed " + seed);
        assertEquals(live.size(), big.engine().liveOrderCount(), "seed " + seed);
        assertEquals(bids.isEmpty() ? MatchingEngine.NO_PRICE : bids.lastKey(),
            big.engine().bestPrice(EngineFixture.BTC, BUY), "seed " + seed);
        assertEquals(asks.isEmpty() ? MatchingEngine.NO_PRICE : asks.firstKey(),
            big.engine().bestPrice(EngineFixture.BTC, SELL), "seed " + seed);

        // A market order for everything on the bid side must take the bids in exactly the book's order.
        long bidQty = 0;
        final List<String> expectedMakers = new ArrayList<>();
        for (final List<String> level : bids.descendingMap().values())
        {
            for (final String line : level)
            {
                bidQty += Long.parseLong(line.substring(line.indexOf('x') + 1, line.lastIndexOf(' ')));
                expectedMakers.add(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        assertEquals(RejectReason.NONE, big.market(3, ++orderId, SELL, bidQty, TimeInForce.IOC));
        final List<String> makers = new ArrayList<>();
        for (final String event : big.drain())
        {
            if (event.startsWith("FILL "))
            {
                makers.add(event.substring(event.indexOf(" maker ") + 7, event.indexOf(" left ")));
            }
        }
        assertEquals(expectedMakers, makers, "seed " + seed);
        assertEquals(MatchingEngine.NO_PRICE, big.engine().bestPrice(EngineFixture.BTC, BUY), "seed " + seed);
    }
}
