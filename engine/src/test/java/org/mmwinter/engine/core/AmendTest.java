package org.mmwinter.engine.core;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mmwinter.engine.core.Side.BUY;
import static org.mmwinter.engine.core.Side.SELL;
import static org.mmwinter.engine.core.TimeInForce.GTC;
import static org.mmwinter.engine.core.TimeInForce.POST_ONLY;

/**
 * AMEND (cancel/replace): the same price with a quantity not larger keeps time priority; anything else goes to the
 * back of its new level, trading first as a taker (with the order's own STP mode) if it now crosses. A POST_ONLY
 * order whose amend would cross is rejected and left as it was.
 */
final class AmendTest
{
    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;

    private final EngineFixture fx = new EngineFixture();

    /** Bids: 100x10 (0/1) then 100x10 (1/2). */
    @BeforeEach
    void restTwoBidsAtOnePrice()
    {
        fx.limit(A, 1, BUY, 100, 10);
        fx.limit(B, 2, BUY, 100, 10);
        fx.drain();
    }

    @Test
    void samePriceSmallerQuantityKeepsPriority()
    {
        assertEquals(RejectReason.NONE, fx.amend(A, 1, 100, 6));

        assertEquals(List.of("AMENDED 0/1 100x6 kept priority", "LEVEL 0 BUY 100 16 #2"), fx.drain());
        assertEquals(List.of("BUY 100x6 0/1", "BUY 100x10 1/2"), fx.book());

        fx.limit(C, 3, SELL, 100, 6);
        assertEquals(List.of(
            "ACCEPTED 2/3 SELL 100x6",
            "FILL 100x6 SELL maker 0/1 left 0 taker 2/3 left 0",
            "TRADE 0 100x6 SELL",
            "LEVEL 0 BUY 100 10 #1"), fx.drain());
    }

    @Test
    void samePriceSameQuantityKeepsPriorityAndChangesNoLevel()
    {
        assertEquals(RejectReason.NONE, fx.amend(A, 1, 100, 10));

        assertEquals(List.of("AMENDED 0/1 100x10 kept priority"), fx.drain());
        assertEquals(List.of("BUY 100x10 0/1", "BUY 100x10 1/2"), fx.book());
    }

    @Test
    void samePriceLargerQuantityLosesPriority()
    {
        assertEquals(RejectReason.NONE, fx.amend(A, 1, 100, 11));

        assertEquals(List.of(
            "LEVEL 0 BUY 100 10 #1",
            "AMENDED 0/1 100x11 lost priority",
            "LEVEL 0 BUY 100 21 #2"), fx.drain());
        assertEquals(List.of("BUY 100x10 1/2", "BUY 100x11 0/1"), fx.book());
    }

    @Test
    void onlyOrderOfALevelThatLosesPriorityEmptiesAndRefillsTheLevel()
    {
        fx.limit(C, 3, BUY, 90, 5);
        fx.drain();

        fx.amend(C, 3, 90, 6);

        assertEquals(List.of(
            "LEVEL 0 BUY 90 0 #0",
            "AMENDED 2/3 90x6 lost priority",
            "LEVEL 0 BUY 90 6 #1"), fx.drain());
    }

    @Test
    void priceChangeLosesPriorityEvenWithASmallerQuantity()
    {
        assertEquals(RejectReason.NONE, fx.amend(A, 1, 101, 5));

        assertEquals(List.of(
            "LEVEL 0 BUY 100 10 #1",
            "AMENDED 0/1 101x5 lost priority",
            "LEVEL 0 BUY 101 5 #1"), fx.drain());
        assertEquals(List.of("BUY 101x5 0/1", "BUY 100x10 1/2"), fx.book());
    }

    @Test
    void goingAwayAndComingBackToTheSamePriceLosesPriority()
    {
        fx.amend(A, 1, 99, 10);
        fx.amend(A, 1, 100, 10);

        assertEquals(List.of("BUY 100x10 1/2", "BUY 100x10 0/1"), fx.book());
    }

    @Test
    void amendedOrderJoinsTheBackOfAnExistingLevel()
    {
        fx.limit(B, 3, BUY, 99, 1);
        fx.drain();

        fx.amend(A, 1, 99, 10);

        assertEquals(List.of(
            "LEVEL 0 BUY 100 10 #1",
            "AMENDED 0/1 99x10 lost priority",
            "LEVEL 0 BUY 99 11 #2"), fx.drain());
        assertEquals(List.of("BUY 100x10 1/2", "BUY 99x1 1/3", "BUY 99x10 0/1"), fx.book());
    }

    @Test
    void amendThatCrossesTradesAsATakerAndRestsTheRemainder()
    {
        fx.limit(C, 5, SELL, 101, 4);
        fx.limit(C, 6, SELL, 102, 4);
        fx.limit(C, 7, SELL, 103, 4);
        fx.drain();

        assertEquals(RejectReason.NONE, fx.amend(A, 1, 102, 10));

        assertEquals(List.of(
            "LEVEL 0 BUY 100 10 #1",
            "AMENDED 0/1 102x10 lost priority",
            "FILL 101x4 BUY maker 2/5 left 0 taker 0/1 left 6",
            "TRADE 0 101x4 BUY",
            "LEVEL 0 SELL 101 0 #0",
            "FILL 102x4 BUY maker 2/6 left 0 taker 0/1 left 2",
            "TRADE 0 102x4 BUY",
            "LEVEL 0 SELL 102 0 #0",
            "LEVEL 0 BUY 102 2 #1"), fx.drain());
        assertEquals(List.of("BUY 102x2 0/1", "BUY 100x10 1/2", "SELL 103x4 2/7"), fx.book());
    }

    @Test
    void amendThatFillsCompletelyLeavesNoLiveOrder()
    {
        fx.limit(C, 5, SELL, 101, 4);
        fx.drain();

        fx.amend(A, 1, 101, 4);

        assertEquals(List.of(
            "LEVEL 0 BUY 100 10 #1",
            "AMENDED 0/1 101x4 lost priority",
            "FILL 101x4 BUY maker 2/5 left 0 taker 0/1 left 0",
            "TRADE 0 101x4 BUY",
            "LEVEL 0 SELL 101 0 #0"), fx.drain());
        assertEquals(1, fx.engine().liveOrderCount());
        assertEquals(RejectReason.UNKNOWN_ORDER, fx.cancel(A, 1));
        assertEquals(RejectReason.NONE, fx.limit(A, 1, BUY, 50, 1));
    }

    @Test
    void sellAmendThatCrossesHitsTheBidsInPriorityOrder()
    {
        fx.limit(C, 5, SELL, 105, 15);
        fx.drain();

        fx.amend(C, 5, 100, 15);

        assertEquals(List.of(
            "LEVEL 0 SELL 105 0 #0",
            "AMENDED 2/5 100x15 lost priority",
            "FILL 100x10 SELL maker 0/1 left 0 taker 2/5 left 5",
            "TRADE 0 100x10 SELL",
            "LEVEL 0 BUY 100 10 #1",
            "FILL 100x5 SELL maker 1/2 left 5 taker 2/5 left 0",
            "TRADE 0 100x5 SELL",
            "LEVEL 0 BUY 100 5 #1"), fx.drain());
    }

    @Test
    void crossingAmendUsesTheOrdersOwnStpModeCancelNewest()
    {
        fx.limit(C, 10, BUY, 90, 10, GTC, StpMode.CANCEL_NEWEST);
        fx.limit(C, 11, SELL, 101, 3);
        fx.drain();

        assertEquals(RejectReason.NONE, fx.amend(C, 10, 101, 10));

        assertEquals(List.of(
            "LEVEL 0 BUY 90 0 #0",
            "AMENDED 2/10 101x10 lost priority",
            "CANCELED 2/10 10 self-trade prevention"), fx.drain());
        assertEquals(List.of("BUY 100x10 0/1", "BUY 100x10 1/2", "SELL 101x3 2/11"), fx.book());
        assertEquals(RejectReason.UNKNOWN_ORDER, fx.cancel(C, 10));
    }

    @Test
    void crossingAmendUsesTheOrdersOwnStpModeCancelOldest()
    {
        fx.limit(C, 10, BUY, 90, 10, GTC, StpMode.CANCEL_OLDEST);
        fx.limit(C, 11, SELL, 101, 3);
        fx.drain();

        fx.amend(C, 10, 101, 10);

        assertEquals(List.of(
            "LEVEL 0 BUY 90 0 #0",
            "AMENDED 2/10 101x10 lost priority",
            "LEVEL 0 SELL 101 0 #0",
            "CANCELED 2/11 3 self-trade prevention",
            "LEVEL 0 BUY 101 10 #1"), fx.drain());
        assertEquals(List.of("BUY 101x10 2/10", "BUY 100x10 0/1", "BUY 100x10 1/2"), fx.book());
    }

    @Test
    void crossingAmendUsesTheOrdersOwnStpModeDecrement()
    {
        fx.limit(C, 10, BUY, 90, 10, GTC, StpMode.DECREMENT);
        fx.limit(C, 11, SELL, 101, 3);
        fx.drain();

        fx.amend(C, 10, 101, 10);

        assertEquals(List.of(
            "LEVEL 0 BUY 90 0 #0",
            "AMENDED 2/10 101x10 lost priority",
            "LEVEL 0 SELL 101 0 #0",
            "CANCELED 2/11 3 self-trade prevention",
            "REDUCED 2/10 3 left 7",
            "LEVEL 0 BUY 101 7 #1"), fx.drain());
        assertEquals(List.of("BUY 101x7 2/10", "BUY 100x10 0/1", "BUY 100x10 1/2"), fx.book());
    }

    @Test
    void crossingAmendWithoutStpTradesWithItself()
    {
        fx.limit(C, 10, BUY, 90, 10);
        fx.limit(C, 11, SELL, 101, 3);
        fx.drain();

        fx.amend(C, 10, 101, 10);

        assertEquals(List.of(
            "LEVEL 0 BUY 90 0 #0",
            "AMENDED 2/10 101x10 lost priority",
            "FILL 101x3 BUY maker 2/11 left 0 taker 2/10 left 7",
            "TRADE 0 101x3 BUY",
            "LEVEL 0 SELL 101 0 #0",
            "LEVEL 0 BUY 101 7 #1"), fx.drain());
    }

    @Test
    void postOnlyAmendThatWouldCrossIsRejectedAndLeftUnchanged()
    {
        fx.limit(C, 10, BUY, 100, 10, POST_ONLY);
        fx.limit(B, 11, SELL, 101, 3);
        fx.drain();
        final List<String> before = fx.snapshot();

        assertEquals(RejectReason.POST_ONLY_WOULD_CROSS, fx.amend(C, 10, 101, 10));

        assertEquals(List.of("REJECTED 2/10 post-only order would cross"), fx.drain());
        assertEquals(before, fx.snapshot());
        assertEquals(List.of("BUY 100x10 0/1", "BUY 100x10 1/2", "BUY 100x10 2/10", "SELL 101x3 1/11"), fx.book());
    }

    @Test
    void postOnlyAmendThatWouldCrossOnlyItsOwnAccountIsRejectedToo()
    {
        fx.limit(C, 10, BUY, 100, 10, POST_ONLY, StpMode.CANCEL_OLDEST);
        fx.limit(C, 11, SELL, 101, 3);
        fx.drain();

        assertEquals(RejectReason.POST_ONLY_WOULD_CROSS, fx.amend(C, 10, 102, 10));
        assertEquals(List.of("REJECTED 2/10 post-only order would cross"), fx.drain());
    }

    @Test
    void postOnlyAmendThatDoesNotCrossIsAccepted()
    {
        fx.limit(C, 10, BUY, 99, 10, POST_ONLY);
        fx.limit(B, 11, SELL, 101, 3);
        fx.drain();

        assertEquals(RejectReason.NONE, fx.amend(C, 10, 99, 4));
        assertEquals(RejectReason.NONE, fx.amend(C, 10, 100, 4));
        assertEquals(RejectReason.NONE, fx.amend(C, 10, 100, 9));

        assertEquals(List.of(
            "AMENDED 2/10 99x4 kept priority",
            "LEVEL 0 BUY 99 4 #1",
            "LEVEL 0 BUY 99 0 #0",
            "AMENDED 2/10 100x4 lost priority",
            "LEVEL 0 BUY 100 24 #3",
            "LEVEL 0 BUY 100 20 #2",
            "AMENDED 2/10 100x9 lost priority",
            "LEVEL 0 BUY 100 29 #3"), fx.drain());
    }

    @Test
    void quantityIsTheNewRemainingQuantityOfAPartlyFilledOrder()
    {
        fx.limit(C, 5, SELL, 100, 4);
        assertEquals(List.of("BUY 100x6 0/1", "BUY 100x10 1/2"), fx.book());
        fx.drain();

        fx.amend(A, 1, 100, 6);
        assertEquals(List.of("AMENDED 0/1 100x6 kept priority"), fx.drain());
        assertEquals(List.of("BUY 100x6 0/1", "BUY 100x10 1/2"), fx.book());

        fx.amend(A, 1, 100, 7);
        assertEquals(List.of("BUY 100x10 1/2", "BUY 100x7 0/1"), fx.book());
    }

    @Test
    void amendNamingTheOrdersInstrumentIsAccepted()
    {
        assertEquals(RejectReason.NONE, fx.amend(A, 1, EngineFixture.BTC, 100, 5));
        assertEquals(List.of("BUY 100x5 0/1", "BUY 100x10 1/2"), fx.book());
    }

    @Test
    void amendOfAnOrderThatIsNoLongerLiveIsRejected()
    {
        fx.cancel(A, 1);
        fx.drain();

        assertEquals(RejectReason.UNKNOWN_ORDER, fx.amend(A, 1, 100, 5));
        assertEquals(List.of("REJECTED 0/1 unknown order"), fx.drain());
        assertEquals(RejectReason.UNKNOWN_ORDER, fx.amend(C, 2, 100, 5));
    }
}
