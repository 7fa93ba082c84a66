package org.mmwinter.engine.core;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mmwinter.engine.core.Side.BUY;
import static org.mmwinter.engine.core.Side.SELL;
import static org.mmwinter.engine.core.TimeInForce.FOK;
import static org.mmwinter.engine.core.TimeInForce.GTC;
import static org.mmwinter.engine.core.TimeInForce.IOC;
import static org.mmwinter.engine.core.TimeInForce.POST_ONLY;

/**
 * What each time in force does with what it cannot fill at once: GTC rests, IOC and MARKET expire the remainder,
 * FOK fills completely or not at all (expired, no trades, no self-trade cancels), POST_ONLY rests or is rejected.
 */
final class TimeInForceTest
{
    private static final int MAKER = 0;
    private static final int OTHER_MAKER = 1;
    private static final int TAKER = 2;

    private final EngineFixture fx = new EngineFixture();

    /** Asks: 100x5 (0/1), 100x5 (1/2), 101x10 (0/3). */
    @BeforeEach
    void restTheAsks()
    {
        fx.limit(MAKER, 1, SELL, 100, 5);
        fx.limit(OTHER_MAKER, 2, SELL, 100, 5);
        fx.limit(MAKER, 3, SELL, 101, 10);
        fx.drain();
    }

    @Test
    void gtcRestsWhatItCannotFill()
    {
        assertEquals(RejectReason.NONE, fx.limit(TAKER, 10, BUY, 100, 12, GTC));

        assertEquals(List.of(
            "ACCEPTED 2/10 BUY 100x12",
            "FILL 100x5 BUY maker 0/1 left 0 taker 2/10 left 7",
            "TRADE 0 100x5 BUY",
            "LEVEL 0 SELL 100 5 #1",
            "FILL 100x5 BUY maker 1/2 left 0 taker 2/10 left 2",
            "TRADE 0 100x5 BUY",
            "LEVEL 0 SELL 100 0 #0",
            "LEVEL 0 BUY 100 2 #1"), fx.drain());
        assertEquals(List.of("BUY 100x2 2/10", "SELL 101x10 0/3"), fx.book());
    }

    @Test
    void gtcThatDoesNotCrossRestsWhole()
    {
        fx.limit(TAKER, 10, BUY, 99, 7, GTC);

        assertEquals(List.of("ACCEPTED 2/10 BUY 99x7", "LEVEL 0 BUY 99 7 #1"), fx.drain());
        assertEquals(4, fx.engine().liveOrderCount());
    }

    @Test
    void iocFillsWhatItCanAndTheRemainderExpires()
    {
        assertEquals(RejectReason.NONE, fx.limit(TAKER, 10, BUY, 100, 12, IOC));

        assertEquals(List.of(
            "ACCEPTED 2/10 BUY 100x12",
            "FILL 100x5 BUY maker 0/1 left 0 taker 2/10 left 7",
            "TRADE 0 100x5 BUY",
            "LEVEL 0 SELL 100 5 #1",
            "FILL 100x5 BUY maker 1/2 left 0 taker 2/10 left 2",
            "TRADE 0 100x5 BUY",
            "LEVEL 0 SELL 100 0 #0",
            "EXPIRED 2/10 2"), fx.drain());
        assertEquals(List.of("SELL 101x10 0/3"), fx.book());
        assertEquals(1, fx.engine().liveOrderCount());
    }

    @Test
    void iocThatFillsCompletelyDoesNotExpire()
    {
        fx.limit(TAKER, 10, BUY, 100, 3, IOC);

        assertEquals(List.of(
            "ACCEPTED 2/10 BUY 100x3",
            "FILL 100x3 BUY maker 0/1 left 2 taker 2/10 left 0",
            "TRADE 0 100x3 BUY",
            "LEVEL 0 SELL 100 7 #2"), fx.drain());
    }

    @Test
    void iocThatCannotTradeExpiresWhole()
    {
        assertEquals(RejectReason.NONE, fx.limit(TAKER, 10, BUY, 99, 4, IOC));

        assertEquals(List.of("ACCEPTED 2/10 BUY 99x4", "EXPIRED 2/10 4"), fx.drain());
        assertEquals(3, fx.engine().liveOrderCount());
    }

    @Test
    void iocOrderIdIsFreeAgainAfterItExpires()
    {
        fx.limit(TAKER, 10, BUY, 99, 4, IOC);
        fx.drain();

        assertEquals(RejectReason.NONE, fx.limit(TAKER, 10, BUY, 99, 4, GTC));
        assertEquals(RejectReason.UNKNOWN_ORDER, fx.cancel(TAKER, 11));
    }

    @Test
    void fokFillsCompletelyAcrossLevels()
    {
        assertEquals(RejectReason.NONE, fx.limit(TAKER, 10, BUY, 101, 20, FOK));

        assertEquals(List.of(
            "ACCEPTED 2/10 BUY 101x20",
            "FILL 100x5 BUY maker 0/1 left 0 taker 2/10 left 15",
            "TRADE 0 100x5 BUY",
            "LEVEL 0 SELL 100 5 #1",
            "FILL 100x5 BUY maker 1/2 left 0 taker 2/10 left 10",
            "TRADE 0 100x5 BUY",
            "LEVEL 0 SELL 100 0 #0",
            "FILL 101x10 BUY maker 0/3 left 0 taker 2/10 left 0",
            "TRADE 0 101x10 BUY",
            "LEVEL 0 SELL 101 0 #0"), fx.drain());
        assertEquals(List.of(), fx.book());
    }

    @Test
    void fokThatCannotFillCompletelyExpiresWithoutTrading()
    {
        final List<String> before = fx.snapshot();

        assertEquals(RejectReason.NONE, fx.limit(TAKER, 10, BUY, 101, 21, FOK));

        assertEquals(List.of("ACCEPTED 2/10 BUY 101x21", "EXPIRED 2/10 21"), fx.drain());
        assertEquals(before, fx.snapshot());
    }

    @Test
    void fokLimitPriceBoundsWhatCounts()
    {
        final List<String> before = fx.snapshot();

        // 20 is available, but only 10 of it at 100 or better.
        fx.limit(TAKER, 10, BUY, 100, 11, FOK);

        assertEquals(List.of("ACCEPTED 2/10 BUY 100x11", "EXPIRED 2/10 11"), fx.drain());
        assertEquals(before, fx.snapshot());

        fx.limit(TAKER, 11, BUY, 100, 10, FOK);
        assertEquals(List.of("SELL 101x10 0/3"), fx.book());
    }

    @Test
    void fokOnAnEmptySideExpires()
    {
        fx.limit(TAKER, 10, SELL, 1, 1, FOK);

        assertEquals(List.of("ACCEPTED 2/10 SELL 1x1", "EXPIRED 2/10 1"), fx.drain());
    }

    @Test
    void postOnlyThatDoesNotCrossRests()
    {
        assertEquals(RejectReason.NONE, fx.limit(TAKER, 10, BUY, 99, 3, POST_ONLY));

        assertEquals(List.of("ACCEPTED 2/10 BUY 99x3", "LEVEL 0 BUY 99 3 #1"), fx.drain());
        assertEquals(List.of("BUY 99x3 2/10", "SELL 100x5 0/1", "SELL 100x5 1/2", "SELL 101x10 0/3"), fx.book());
    }

    @ParameterizedTest(name = "buy at {0}")
    @ValueSource(longs = {100, 101, 1_000})
    void postOnlyThatWouldTakeLiquidityIsRejected(final long price)
    {
        final List<String> before = fx.snapshot();

        assertEquals(RejectReason.POST_ONLY_WOULD_CROSS, fx.limit(TAKER, 10, BUY, price, 3, POST_ONLY));

        assertEquals(List.of("REJECTED 2/10 post-only order would cross"), fx.drain());
        assertEquals(before, fx.snapshot());
    }

    @Test
    void postOnlySellAtTheBestBidIsRejected()
    {
        fx.limit(MAKER, 20, BUY, 95, 1);
        fx.drain();

        assertEquals(RejectReason.POST_ONLY_WOULD_CROSS, fx.limit(TAKER, 10, SELL, 95, 1, POST_ONLY));
        assertEquals(RejectReason.NONE, fx.limit(TAKER, 11, SELL, 96, 1, POST_ONLY));
    }

    @Test
    void postOnlyRestsOnAnEmptyOppositeSide()
    {
        assertEquals(RejectReason.NONE, fx.limit(TAKER, 10, SELL, 1, 3, POST_ONLY));
        assertEquals(RejectReason.NONE, fx.limit(TAKER, 11, SELL, 1, 3, POST_ONLY));
    }

    @Test
    void marketIocSweepsAndTheRemainderExpires()
    {
        assertEquals(RejectReason.NONE, fx.market(TAKER, 10, BUY, 25, IOC));

        assertEquals(List.of(
            "ACCEPTED 2/10 BUY MKTx25",
            "FILL 100x5 BUY maker 0/1 left 0 taker 2/10 left 20",
            "TRADE 0 100x5 BUY",
            "LEVEL 0 SELL 100 5 #1",
            "FILL 100x5 BUY maker 1/2 left 0 taker 2/10 left 15",
            "TRADE 0 100x5 BUY",
            "LEVEL 0 SELL 100 0 #0",
            "FILL 101x10 BUY maker 0/3 left 0 taker 2/10 left 5",
            "TRADE 0 101x10 BUY",
            "LEVEL 0 SELL 101 0 #0",
            "EXPIRED 2/10 5"), fx.drain());
        assertEquals(0, fx.engine().liveOrderCount());
    }

    @Test
    void marketIocPartialWithinOneLevel()
    {
        fx.market(TAKER, 10, BUY, 7, IOC);

        assertEquals(List.of(
            "ACCEPTED 2/10 BUY MKTx7",
            "FILL 100x5 BUY maker 0/1 left 0 taker 2/10 left 2",
            "TRADE 0 100x5 BUY",
            "LEVEL 0 SELL 100 5 #1",
            "FILL 100x2 BUY maker 1/2 left 3 taker 2/10 left 0",
            "TRADE 0 100x2 BUY",
            "LEVEL 0 SELL 100 3 #1"), fx.drain());
    }

    @Test
    void marketOnAnEmptySideExpiresWhole()
    {
        fx.market(TAKER, 10, SELL, 4, IOC);

        assertEquals(List.of("ACCEPTED 2/10 SELL MKTx4", "EXPIRED 2/10 4"), fx.drain());
    }

    @Test
    void marketFokFillsCompletely()
    {
        fx.market(TAKER, 10, BUY, 20, FOK);

        assertEquals(List.of(), fx.book());
        assertEquals(3, fx.engine().tradeCount());
    }

    @Test
    void marketFokThatCannotFillCompletelyExpiresWithoutTrading()
    {
        final List<String> before = fx.snapshot();

        assertEquals(RejectReason.NONE, fx.market(TAKER, 10, BUY, 21, FOK));

        assertEquals(List.of("ACCEPTED 2/10 BUY MKTx21", "EXPIRED 2/10 21"), fx.drain());
        assertEquals(before, fx.snapshot());
    }

    @Test
    void nonRestingOrdersNeverBecomeLive()
    {
        fx.limit(TAKER, 10, BUY, 99, 1, IOC);
        fx.limit(TAKER, 11, BUY, 99, 1, FOK);
        fx.market(TAKER, 12, BUY, 100, IOC);

        assertEquals(0, fx.engine().liveOrderCount());
        assertEquals(RejectReason.UNKNOWN_ORDER, fx.cancel(TAKER, 10));
        assertEquals(RejectReason.UNKNOWN_ORDER, fx.cancel(TAKER, 11));
        assertEquals(RejectReason.UNKNOWN_ORDER, fx.amend(TAKER, 12, 99, 1));
    }

    /**
     * A market order is held to the price band around the last trade before it, like a limit order at the band's
     * edge: its own fills do not move the reference, so after a trade at 91 the ask at 109 (within 10% of 100) still
     * trades.
     */
    @Test
    void marketIocIsHeldToTheBandAroundTheLastTradeBeforeIt()
    {
        final EngineFixture banded = bandedBookWithAsksAt91And109();

        banded.newOrder(1, TAKER, 5, BUY, OrderType.MARKET, IOC, StpMode.NONE, MatchingEngine.NO_PRICE, 2);

        assertEquals(List.of(
            "ACCEPTED 2/5 BUY MKTx2",
            "FILL 91x1 BUY maker 0/3 left 0 taker 2/5 left 1",
            "TRADE 1 91x1 BUY",
            "LEVEL 1 SELL 91 0 #0",
            "FILL 109x1 BUY maker 0/4 left 0 taker 2/5 left 0",
            "TRADE 1 109x1 BUY",
            "LEVEL 1 SELL 109 0 #0"), banded.drain());
    }

    /**
     * The same sweep as a FOK fills completely, since both levels are within the band of the last trade before it.
     */
    @Test
    void marketFokUnderAPriceBandFillsCompletelyOrNotAtAll()
    {
        final EngineFixture banded = bandedBookWithAsksAt91And109();

        banded.newOrder(1, TAKER, 5, BUY, OrderType.MARKET, FOK, StpMode.NONE, MatchingEngine.NO_PRICE, 2);

        assertEquals(List.of(
            "ACCEPTED 2/5 BUY MKTx2",
            "FILL 91x1 BUY maker 0/3 left 0 taker 2/5 left 1",
            "TRADE 1 91x1 BUY",
            "LEVEL 1 SELL 91 0 #0",
            "FILL 109x1 BUY maker 0/4 left 0 taker 2/5 left 0",
            "TRADE 1 109x1 BUY",
            "LEVEL 1 SELL 109 0 #0"), banded.drain());
        assertEquals(List.of(), banded.book(1));
    }

    /**
     * 115 is more than 10% above the last trade of 100 (though within 10% of 109, where the sweep trades first): the
     * band does not move with the order's own fills, so a FOK that needs 115 does not trade at all.
     */
    @Test
    void marketFokDoesNotCountLevelsBeyondTheBandOfTheLastTradeBeforeIt()
    {
        final EngineFixture banded = new EngineFixture();
        final int id = banded.addInstrument(new Instrument(1, "BND", 0, 1, 0, 1, 1_000));
        // The asks rest while the last trade is 110, then a trade at 100 moves the band down.
        banded.newOrder(id, MAKER, 1, SELL, OrderType.LIMIT, GTC, StpMode.NONE, 110, 1);
        banded.newOrder(id, OTHER_MAKER, 2, BUY, OrderType.LIMIT, GTC, StpMode.NONE, 110, 1);
        assertEquals(RejectReason.NONE,
            banded.newOrder(id, MAKER, 3, SELL, OrderType.LIMIT, GTC, StpMode.NONE, 109, 1));
        assertEquals(RejectReason.NONE,
            banded.newOrder(id, MAKER, 4, SELL, OrderType.LIMIT, GTC, StpMode.NONE, 115, 1));
        banded.newOrder(id, OTHER_MAKER, 5, BUY, OrderType.LIMIT, GTC, StpMode.NONE, 100, 1);
        banded.newOrder(id, MAKER, 6, SELL, OrderType.LIMIT, IOC, StpMode.NONE, 100, 1);
        assertEquals(100, banded.engine().lastTradePrice(id));
        banded.drain();

        final List<String> before = banded.snapshot();
        banded.newOrder(id, TAKER, 7, BUY, OrderType.MARKET, FOK, StpMode.NONE, MatchingEngine.NO_PRICE, 2);

        assertEquals(List.of("ACCEPTED 2/7 BUY MKTx2", "EXPIRED 2/7 2"), banded.drain());
        assertEquals(before, banded.snapshot());
    }

    /** Instrument 1 with a 10% band, last trade 100, asks 91x1 (0/3) and 109x1 (0/4). */
    private static EngineFixture bandedBookWithAsksAt91And109()
    {
        final EngineFixture banded = new EngineFixture();
        final int id = banded.addInstrument(new Instrument(1, "BND", 0, 1, 0, 1, 1_000));
        banded.newOrder(id, MAKER, 1, SELL, OrderType.LIMIT, GTC, StpMode.NONE, 100, 1);
        banded.newOrder(id, OTHER_MAKER, 2, BUY, OrderType.LIMIT, GTC, StpMode.NONE, 100, 1);
        assertEquals(RejectReason.NONE,
            banded.newOrder(id, MAKER, 3, SELL, OrderType.LIMIT, GTC, StpMode.NONE, 91, 1));
        assertEquals(RejectReason.NONE,
            banded.newOrder(id, MAKER, 4, SELL, OrderType.LIMIT, GTC, StpMode.NONE, 109, 1));
        assertEquals(100, banded.engine().lastTradePrice(id));
        banded.drain();
        return banded;
    }
}
