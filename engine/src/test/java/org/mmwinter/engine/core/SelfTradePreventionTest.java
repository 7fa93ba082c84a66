package org.mmwinter.engine.core;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mmwinter.engine.core.Side.BUY;
import static org.mmwinter.engine.core.Side.SELL;
import static org.mmwinter.engine.core.StpMode.CANCEL_BOTH;
import static org.mmwinter.engine.core.StpMode.CANCEL_NEWEST;
import static org.mmwinter.engine.core.StpMode.CANCEL_OLDEST;
import static org.mmwinter.engine.core.StpMode.DECREMENT;
import static org.mmwinter.engine.core.StpMode.NONE;
import static org.mmwinter.engine.core.TimeInForce.FOK;
import static org.mmwinter.engine.core.TimeInForce.GTC;
import static org.mmwinter.engine.core.TimeInForce.IOC;

/**
 * Self-trade prevention, decided by the taker's mode when it meets a resting order of its own account. A taker
 * cancelled or shrunk by it is not a rejection.
 */
final class SelfTradePreventionTest
{
    private static final int SELF = 0;
    private static final int OTHER = 1;

    private final EngineFixture fx = new EngineFixture();

    /** Asks: 100x3 other (1/1), 100x4 own (0/2), 101x5 other (1/3). */
    private void ownOrderBetweenOthers()
    {
        fx.limit(OTHER, 1, SELL, 100, 3);
        fx.limit(SELF, 2, SELL, 100, 4);
        fx.limit(OTHER, 3, SELL, 101, 5);
        fx.drain();
    }

    @Test
    void noneTradesWithItself()
    {
        fx.limit(SELF, 1, SELL, 100, 5);
        fx.drain();

        assertEquals(RejectReason.NONE, fx.limit(SELF, 2, BUY, 100, 5, GTC, NONE));

        assertEquals(List.of(
            "ACCEPTED 0/2 BUY 100x5",
            "FILL 100x5 BUY maker 0/1 left 0 taker 0/2 left 0",
            "TRADE 0 100x5 BUY",
            "LEVEL 0 SELL 100 0 #0"), fx.drain());
    }

    @Test
    void cancelNewestCancelsTheTakersRemainderAndLeavesTheRestingOrder()
    {
        ownOrderBetweenOthers();

        assertEquals(RejectReason.NONE, fx.limit(SELF, 10, BUY, 101, 10, GTC, CANCEL_NEWEST));

        assertEquals(List.of(
            "ACCEPTED 0/10 BUY 101x10",
            "FILL 100x3 BUY maker 1/1 left 0 taker 0/10 left 7",
            "TRADE 0 100x3 BUY",
            "LEVEL 0 SELL 100 4 #1",
            "CANCELED 0/10 7 self-trade prevention"), fx.drain());
        assertEquals(List.of("SELL 100x4 0/2", "SELL 101x5 1/3"), fx.book());
        assertEquals(RejectReason.UNKNOWN_ORDER, fx.cancel(SELF, 10));
    }

    @Test
    void cancelNewestBeforeAnyTradeCancelsTheWholeTaker()
    {
        fx.limit(SELF, 1, SELL, 100, 5);
        fx.drain();

        assertEquals(RejectReason.NONE, fx.limit(SELF, 2, BUY, 100, 5, GTC, CANCEL_NEWEST));

        assertEquals(List.of("ACCEPTED 0/2 BUY 100x5", "CANCELED 0/2 5 self-trade prevention"), fx.drain());
        assertEquals(List.of("SELL 100x5 0/1"), fx.book());
    }

    @Test
    void cancelOldestCancelsTheRestingOrderAndMatchingGoesOn()
    {
        ownOrderBetweenOthers();

        assertEquals(RejectReason.NONE, fx.limit(SELF, 10, BUY, 101, 10, GTC, CANCEL_OLDEST));

        assertEquals(List.of(
            "ACCEPTED 0/10 BUY 101x10",
            "FILL 100x3 BUY maker 1/1 left 0 taker 0/10 left 7",
            "TRADE 0 100x3 BUY",
            "LEVEL 0 SELL 100 4 #1",
            "LEVEL 0 SELL 100 0 #0",
            "CANCELED 0/2 4 self-trade prevention",
            "FILL 101x5 BUY maker 1/3 left 0 taker 0/10 left 2",
            "TRADE 0 101x5 BUY",
            "LEVEL 0 SELL 101 0 #0",
            "LEVEL 0 BUY 101 2 #1"), fx.drain());
        assertEquals(List.of("BUY 101x2 0/10"), fx.book());
    }

    @Test
    void cancelOldestWithIocExpiresTheRemainderAfterCancellingTheRestingOrder()
    {
        fx.limit(SELF, 1, SELL, 100, 5);
        fx.drain();

        fx.limit(SELF, 2, BUY, 100, 3, IOC, CANCEL_OLDEST);

        assertEquals(List.of(
            "ACCEPTED 0/2 BUY 100x3",
            "LEVEL 0 SELL 100 0 #0",
            "CANCELED 0/1 5 self-trade prevention",
            "EXPIRED 0/2 3"), fx.drain());
        assertEquals(0, fx.engine().liveOrderCount());
    }

    @Test
    void cancelBothCancelsTheRestingOrderAndTheTakersRemainder()
    {
        ownOrderBetweenOthers();

        assertEquals(RejectReason.NONE, fx.limit(SELF, 10, BUY, 101, 10, GTC, CANCEL_BOTH));

        assertEquals(List.of(
            "ACCEPTED 0/10 BUY 101x10",
            "FILL 100x3 BUY maker 1/1 left 0 taker 0/10 left 7",
            "TRADE 0 100x3 BUY",
            "LEVEL 0 SELL 100 4 #1",
            "LEVEL 0 SELL 100 0 #0",
            "CANCELED 0/2 4 self-trade prevention",
            "CANCELED 0/10 7 self-trade prevention"), fx.drain());
        assertEquals(List.of("SELL 101x5 1/3"), fx.book());
    }

    @Test
    void decrementWithALargerTakerCancelsTheRestingOrderAndTheTakerGoesOnMatching()
    {
        fx.limit(SELF, 2, SELL, 100, 4);
        fx.limit(OTHER, 3, SELL, 100, 5);
        fx.drain();

        assertEquals(RejectReason.NONE, fx.limit(SELF, 10, BUY, 100, 10, GTC, DECREMENT));

        assertEquals(List.of(
            "ACCEPTED 0/10 BUY 100x10",
            "LEVEL 0 SELL 100 5 #1",
            "CANCELED 0/2 4 self-trade prevention",
            "REDUCED 0/10 4 left 6",
            "FILL 100x5 BUY maker 1/3 left 0 taker 0/10 left 1",
            "TRADE 0 100x5 BUY",
            "LEVEL 0 SELL 100 0 #0",
            "LEVEL 0 BUY 100 1 #1"), fx.drain());
        assertEquals(List.of("BUY 100x1 0/10"), fx.book());
    }

    @Test
    void decrementWithASmallerTakerShrinksTheRestingOrderWhichKeepsItsPriority()
    {
        fx.limit(SELF, 2, SELL, 100, 10);
        fx.limit(OTHER, 3, SELL, 100, 5);
        fx.drain();

        assertEquals(RejectReason.NONE, fx.limit(SELF, 10, BUY, 100, 4, GTC, DECREMENT));

        assertEquals(List.of(
            "ACCEPTED 0/10 BUY 100x4",
            "REDUCED 0/2 4 left 6",
            "LEVEL 0 SELL 100 11 #2",
            "CANCELED 0/10 4 self-trade prevention"), fx.drain());
        assertEquals(List.of("SELL 100x6 0/2", "SELL 100x5 1/3"), fx.book());
        assertEquals(0, fx.engine().tradeCount());

        fx.limit(OTHER, 20, BUY, 100, 6);
        assertEquals(List.of(
            "ACCEPTED 1/20 BUY 100x6",
            "FILL 100x6 BUY maker 0/2 left 0 taker 1/20 left 0",
            "TRADE 0 100x6 BUY",
            "LEVEL 0 SELL 100 5 #1"), fx.drain());
    }

    @Test
    void decrementWithEqualQuantitiesCancelsBoth()
    {
        fx.limit(SELF, 2, SELL, 100, 4);
        fx.drain();

        fx.limit(SELF, 10, BUY, 100, 4, GTC, DECREMENT);

        assertEquals(List.of(
            "ACCEPTED 0/10 BUY 100x4",
            "LEVEL 0 SELL 100 0 #0",
            "CANCELED 0/2 4 self-trade prevention",
            "CANCELED 0/10 4 self-trade prevention"), fx.drain());
        assertEquals(List.of(), fx.book());
        assertEquals(0, fx.engine().liveOrderCount());
    }

    @Test
    void decrementTakerGoesOnThroughSeveralOwnAndOtherOrders()
    {
        fx.limit(SELF, 1, SELL, 100, 2);
        fx.limit(OTHER, 2, SELL, 100, 3);
        fx.limit(SELF, 3, SELL, 101, 2);
        fx.limit(OTHER, 4, SELL, 101, 10);
        fx.drain();

        fx.limit(SELF, 10, BUY, 101, 9, GTC, DECREMENT);

        assertEquals(List.of(
            "ACCEPTED 0/10 BUY 101x9",
            "LEVEL 0 SELL 100 3 #1",
            "CANCELED 0/1 2 self-trade prevention",
            "REDUCED 0/10 2 left 7",
            "FILL 100x3 BUY maker 1/2 left 0 taker 0/10 left 4",
            "TRADE 0 100x3 BUY",
            "LEVEL 0 SELL 100 0 #0",
            "LEVEL 0 SELL 101 10 #1",
            "CANCELED 0/3 2 self-trade prevention",
            "REDUCED 0/10 2 left 2",
            "FILL 101x2 BUY maker 1/4 left 8 taker 0/10 left 0",
            "TRADE 0 101x2 BUY",
            "LEVEL 0 SELL 101 8 #1"), fx.drain());
        assertEquals(List.of("SELL 101x8 1/4"), fx.book());
        assertEquals(RejectReason.UNKNOWN_ORDER, fx.cancel(SELF, 10));
    }

    @ParameterizedTest(name = "stp {0}")
    @ValueSource(ints = {CANCEL_NEWEST, CANCEL_OLDEST, CANCEL_BOTH, DECREMENT})
    void otherAccountsTradeWhateverTheMode(final int stp)
    {
        fx.limit(OTHER, 1, SELL, 100, 5);
        fx.drain();

        fx.limit(SELF, 2, BUY, 100, 5, GTC, stp);

        assertEquals(List.of(
            "ACCEPTED 0/2 BUY 100x5",
            "FILL 100x5 BUY maker 1/1 left 0 taker 0/2 left 0",
            "TRADE 0 100x5 BUY",
            "LEVEL 0 SELL 100 0 #0"), fx.drain());
    }

    @ParameterizedTest(name = "resting order's stp {0}")
    @ValueSource(ints = {CANCEL_NEWEST, CANCEL_OLDEST, CANCEL_BOTH, DECREMENT})
    void theRestingOrdersModeDoesNotMatter(final int restingStp)
    {
        fx.limit(SELF, 1, SELL, 100, 5, GTC, restingStp);
        fx.drain();

        fx.limit(SELF, 2, BUY, 100, 5, GTC, NONE);

        assertEquals(List.of(
            "ACCEPTED 0/2 BUY 100x5",
            "FILL 100x5 BUY maker 0/1 left 0 taker 0/2 left 0",
            "TRADE 0 100x5 BUY",
            "LEVEL 0 SELL 100 0 #0"), fx.drain());
    }

    @Test
    void marketOrderCancelledByStpIsCancelledNotExpired()
    {
        fx.limit(OTHER, 1, SELL, 100, 1);
        fx.limit(SELF, 2, SELL, 101, 1);
        fx.drain();

        assertEquals(RejectReason.NONE, fx.market(SELF, 10, BUY, 5, IOC, CANCEL_NEWEST));

        assertEquals(List.of(
            "ACCEPTED 0/10 BUY MKTx5",
            "FILL 100x1 BUY maker 1/1 left 0 taker 0/10 left 4",
            "TRADE 0 100x1 BUY",
            "LEVEL 0 SELL 100 0 #0",
            "CANCELED 0/10 4 self-trade prevention"), fx.drain());
    }

    @Test
    void takerOrderIdIsFreeAgainAfterStpCancelledIt()
    {
        fx.limit(SELF, 1, SELL, 100, 5);
        fx.limit(SELF, 2, BUY, 100, 5, GTC, CANCEL_NEWEST);
        fx.drain();

        assertEquals(RejectReason.NONE, fx.limit(SELF, 2, BUY, 99, 5));
    }

    @ParameterizedTest(name = "stp {0}")
    @ValueSource(ints = {CANCEL_NEWEST, CANCEL_BOTH, DECREMENT})
    void fokBlockedByItsOwnOrderExpiresWithoutTradesOrStpCancels(final int stp)
    {
        ownOrderBetweenOthers();
        final List<String> before = fx.snapshot();

        // 8 is available from others (3 + 5), but the own order comes before the second one.
        assertEquals(RejectReason.NONE, fx.limit(SELF, 10, BUY, 101, 8, FOK, stp));

        assertEquals(List.of("ACCEPTED 0/10 BUY 101x8", "EXPIRED 0/10 8"), fx.drain());
        assertEquals(before, fx.snapshot());
    }

    @ParameterizedTest(name = "stp {0}")
    @ValueSource(ints = {CANCEL_NEWEST, CANCEL_BOTH, DECREMENT})
    void fokFilledBeforeReachingItsOwnOrderTrades(final int stp)
    {
        ownOrderBetweenOthers();

        fx.limit(SELF, 10, BUY, 101, 3, FOK, stp);

        assertEquals(List.of(
            "ACCEPTED 0/10 BUY 101x3",
            "FILL 100x3 BUY maker 1/1 left 0 taker 0/10 left 0",
            "TRADE 0 100x3 BUY",
            "LEVEL 0 SELL 100 4 #1"), fx.drain());
        assertEquals(List.of("SELL 100x4 0/2", "SELL 101x5 1/3"), fx.book());
    }

    @Test
    void fokWithCancelOldestCountsOnlyOtherAccountsAndCancelsOwnOrdersOnTheWay()
    {
        ownOrderBetweenOthers();

        fx.limit(SELF, 10, BUY, 101, 8, FOK, CANCEL_OLDEST);

        assertEquals(List.of(
            "ACCEPTED 0/10 BUY 101x8",
            "FILL 100x3 BUY maker 1/1 left 0 taker 0/10 left 5",
            "TRADE 0 100x3 BUY",
            "LEVEL 0 SELL 100 4 #1",
            "LEVEL 0 SELL 100 0 #0",
            "CANCELED 0/2 4 self-trade prevention",
            "FILL 101x5 BUY maker 1/3 left 0 taker 0/10 left 0",
            "TRADE 0 101x5 BUY",
            "LEVEL 0 SELL 101 0 #0"), fx.drain());
        assertEquals(List.of(), fx.book());
    }

    @Test
    void fokWithCancelOldestThatOthersCannotFillExpiresAndLeavesItsOwnOrder()
    {
        ownOrderBetweenOthers();
        final List<String> before = fx.snapshot();

        // 12 rest in total but only 8 belong to others.
        fx.limit(SELF, 10, BUY, 101, 9, FOK, CANCEL_OLDEST);

        assertEquals(List.of("ACCEPTED 0/10 BUY 101x9", "EXPIRED 0/10 9"), fx.drain());
        assertEquals(before, fx.snapshot());
    }

    @Test
    void fokWithoutStpCountsItsOwnOrders()
    {
        ownOrderBetweenOthers();

        fx.limit(SELF, 10, BUY, 101, 12, FOK, NONE);

        assertEquals(List.of(), fx.book());
        assertEquals(3, fx.engine().tradeCount());
    }

    @Test
    void marketFokBlockedByItsOwnOrderExpires()
    {
        ownOrderBetweenOthers();
        final List<String> before = fx.snapshot();

        fx.market(SELF, 10, BUY, 8, FOK, CANCEL_NEWEST);

        assertEquals(List.of("ACCEPTED 0/10 BUY MKTx8", "EXPIRED 0/10 8"), fx.drain());
        assertEquals(before, fx.snapshot());
    }
}
