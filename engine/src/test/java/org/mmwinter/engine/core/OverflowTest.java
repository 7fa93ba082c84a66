package org.mmwinter.engine.core;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mmwinter.engine.core.Side.BUY;
import static org.mmwinter.engine.core.Side.SELL;

/**
 * Quantities and prices at the edge of a long: a side's total may reach Long.MAX_VALUE but never pass it, prices
 * and quantities are bounded by what the instrument can turn back into decimals, and the price band is computed
 * exactly where a naive product would wrap.
 */
final class OverflowTest
{
    private static final int A = 0;
    private static final int B = 1;
    private static final long MAX = Long.MAX_VALUE;

    private final EngineFixture fx = new EngineFixture();

    @Test
    void aSideHoldsUpToLongMaxAndNotOneLotMore()
    {
        assertEquals(RejectReason.NONE, fx.limit(A, 1, BUY, 1, MAX));
        assertEquals(RejectReason.BOOK_CAPACITY, fx.limit(A, 2, BUY, 2, 1));
        assertEquals(RejectReason.NONE, fx.limit(B, 3, SELL, 5, MAX));

        assertEquals(List.of(
            "ACCEPTED 0/1 BUY 1x9223372036854775807",
            "LEVEL 0 BUY 1 9223372036854775807 #1",
            "REJECTED 0/2 book quantity would exceed the fixed-point range",
            "ACCEPTED 1/3 SELL 5x9223372036854775807",
            "LEVEL 0 SELL 5 9223372036854775807 #1"), fx.drain());
    }

    @Test
    void capacityComesBackAsOrdersTradeOrLeave()
    {
        fx.limit(A, 1, BUY, 1, MAX);
        fx.limit(B, 2, SELL, 1, MAX - 1);
        assertEquals(List.of("BUY 1x1 0/1"), fx.book());

        assertEquals(RejectReason.NONE, fx.limit(A, 3, BUY, 1, MAX - 1));
        assertEquals(RejectReason.BOOK_CAPACITY, fx.limit(A, 4, BUY, 1, 1));
        assertEquals(RejectReason.NONE, fx.cancel(A, 1));
        assertEquals(RejectReason.NONE, fx.limit(A, 4, BUY, 1, 1));
        assertEquals(List.of("BUY 1x9223372036854775806 0/3", "BUY 1x1 0/4"), fx.book());
    }

    @Test
    void oneLevelHoldsLongMaxSpreadOverSeveralOrders()
    {
        final long third = MAX / 3;
        fx.limit(A, 1, SELL, 7, third);
        fx.limit(A, 2, SELL, 7, third);
        fx.limit(A, 3, SELL, 7, MAX - 2 * third);
        fx.drain();

        fx.market(B, 4, BUY, MAX, TimeInForce.FOK);

        assertEquals(List.of(
            "ACCEPTED 1/4 BUY MKTx9223372036854775807",
            "FILL 7x3074457345618258602 BUY maker 0/1 left 0 taker 1/4 left 6148914691236517205",
            "TRADE 0 7x3074457345618258602 BUY",
            "LEVEL 0 SELL 7 6148914691236517205 #2",
            "FILL 7x3074457345618258602 BUY maker 0/2 left 0 taker 1/4 left 3074457345618258603",
            "TRADE 0 7x3074457345618258602 BUY",
            "LEVEL 0 SELL 7 3074457345618258603 #1",
            "FILL 7x3074457345618258603 BUY maker 0/3 left 0 taker 1/4 left 0",
            "TRADE 0 7x3074457345618258603 BUY",
            "LEVEL 0 SELL 7 0 #0"), fx.drain());
    }

    @Test
    void fokForLongMaxAgainstLongMaxMinusOneExpires()
    {
        fx.limit(A, 1, SELL, 7, MAX - 1);
        fx.limit(A, 2, SELL, 8, 1);
        fx.drain();

        fx.limit(B, 3, BUY, 7, MAX, TimeInForce.FOK);
        assertEquals(List.of("ACCEPTED 1/3 BUY 7x9223372036854775807", "EXPIRED 1/3 9223372036854775807"),
            fx.drain());

        fx.limit(B, 4, BUY, 8, MAX, TimeInForce.FOK);
        assertEquals(List.of(), fx.book());
    }

    @Test
    void amendMayFillTheSideExactlyToLongMax()
    {
        fx.limit(A, 1, BUY, 1, MAX - 10);
        fx.limit(A, 2, BUY, 2, 5);

        assertEquals(RejectReason.NONE, fx.amend(A, 2, 3, 10));
        assertEquals(RejectReason.BOOK_CAPACITY, fx.amend(A, 2, 3, 11));
        assertEquals(RejectReason.NONE, fx.amend(A, 2, 3, 1));
        assertEquals(List.of("BUY 3x1 0/2", "BUY 1x9223372036854775797 0/1"), fx.book());
    }

    @Test
    void defaultInstrumentAcceptsPricesUpToLongMax()
    {
        assertEquals(RejectReason.NONE, fx.limit(A, 1, SELL, MAX, 2));
        assertEquals(RejectReason.NONE, fx.limit(B, 2, BUY, MAX, 1));

        assertEquals(MAX, fx.engine().lastTradePrice(EngineFixture.BTC));
        assertEquals(List.of("SELL 9223372036854775807x1 0/1"), fx.book());
        assertEquals(RejectReason.POST_ONLY_WOULD_CROSS, fx.limit(B, 3, BUY, MAX, 1, TimeInForce.POST_ONLY));
    }

    @Test
    void priceAndQuantityAreBoundedByWhatTheInstrumentCanTurnBackIntoDecimals()
    {
        final int rng = fx.addInstrument(new Instrument(1, "RNG", 2, 100, 3, 1000, Instrument.NO_BAND));
        final long maxTicks = MAX / 100;
        final long maxLots = MAX / 1000;
        assertEquals(maxTicks, fx.engine().instrument(rng).maxPriceTicks());
        assertEquals(maxLots, fx.engine().instrument(rng).maxQtyLots());

        assertEquals(RejectReason.NONE,
            fx.newOrder(rng, A, 1, SELL, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, maxTicks, maxLots));
        assertEquals(RejectReason.PRICE_OUT_OF_RANGE,
            fx.newOrder(rng, A, 2, SELL, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, maxTicks + 1, 1));
        assertEquals(RejectReason.QTY_OUT_OF_RANGE,
            fx.newOrder(rng, A, 3, BUY, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, 1, maxLots + 1));
        assertEquals(RejectReason.QTY_OUT_OF_RANGE,
            fx.newOrder(rng, A, 4, BUY, OrderType.MARKET, TimeInForce.IOC, StpMode.NONE, MatchingEngine.NO_PRICE,
            maxLots + 1));
        assertEquals(RejectReason.PRICE_OUT_OF_RANGE, fx.amend(A, 1, maxTicks + 1, 1));
        assertEquals(RejectReason.QTY_OUT_OF_RANGE, fx.amend(A, 1, maxTicks, maxLots + 1));
        assertEquals(RejectReason.PRICE_OUT_OF_RANGE, fx.amend(A, 1, MAX, 1));
    }

    @Test
    void hugeTickLeavesOnePrice()
    {
        final int one = fx.addInstrument(new Instrument(1, "ONE", 0, MAX, 0, 1, Instrument.NO_BAND));

        assertEquals(RejectReason.NONE,
            fx.newOrder(one, A, 1, BUY, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, 1, 1));
        assertEquals(RejectReason.PRICE_OUT_OF_RANGE,
            fx.newOrder(one, A, 2, BUY, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, 2, 1));
    }

    /**
     * Last trade 4e18 and a 1% band: 1% of the distance times 10_000 is 4e20, far past a long; the band must still
     * be exact to the tick on both sides.
     */
    @Test
    void priceBandIsExactNearLongMax()
    {
        final long last = 4_000_000_000_000_000_000L;
        final long onePercent = last / 100;
        final int band = fx.addInstrument(new Instrument(1, "BND", 0, 1, 0, 1, 100));
        fx.newOrder(band, A, 1, SELL, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, last, 1);
        fx.newOrder(band, B, 2, BUY, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, last, 1);
        assertEquals(last, fx.engine().lastTradePrice(band));

        assertEquals(RejectReason.NONE, fx.newOrder(band, A, 3, SELL, OrderType.LIMIT, TimeInForce.GTC,
            StpMode.NONE, last + onePercent, 1));
        assertEquals(RejectReason.PRICE_OUTSIDE_BAND, fx.newOrder(band, A, 4, SELL, OrderType.LIMIT,
            TimeInForce.GTC, StpMode.NONE, last + onePercent + 1, 1));
        assertEquals(RejectReason.NONE, fx.newOrder(band, B, 5, BUY, OrderType.LIMIT, TimeInForce.GTC,
            StpMode.NONE, last - onePercent, 1));
        assertEquals(RejectReason.PRICE_OUTSIDE_BAND, fx.newOrder(band, B, 6, BUY, OrderType.LIMIT,
            TimeInForce.GTC, StpMode.NONE, last - onePercent - 1, 1));
        assertEquals(RejectReason.PRICE_OUTSIDE_BAND, fx.newOrder(band, B, 7, BUY, OrderType.LIMIT,
            TimeInForce.GTC, StpMode.NONE, 1, 1));
        assertEquals(RejectReason.PRICE_OUTSIDE_BAND, fx.newOrder(band, B, 8, BUY, OrderType.LIMIT,
            TimeInForce.GTC, StpMode.NONE, MAX, 1));
    }

    @Test
    void wideBandAroundAHugeLastTrade()
    {
        final long last = MAX / 2 + 1;
        final int band = fx.addInstrument(new Instrument(1, "BND", 0, 1, 0, 1, 10_000));
        fx.newOrder(band, A, 1, SELL, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, last, 1);
        fx.newOrder(band, B, 2, BUY, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, last, 1);

        // A 100% band around more than half of Long.MAX admits every positive price.
        assertEquals(RejectReason.NONE, fx.newOrder(band, B, 3, BUY, OrderType.LIMIT, TimeInForce.GTC,
            StpMode.NONE, 1, 1));
        assertEquals(RejectReason.NONE, fx.newOrder(band, A, 4, SELL, OrderType.LIMIT, TimeInForce.GTC,
            StpMode.NONE, MAX, 1));
    }
}
