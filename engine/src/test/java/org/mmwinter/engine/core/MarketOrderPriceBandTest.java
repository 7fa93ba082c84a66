package org.mmwinter.engine.core;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A MARKET order on a banded instrument trades only within the band around the last trade price as it was when the
 * order arrived: like a LIMIT order priced at the band's edge. Measuring from a reference that moves with the
 * order's own fills let one order walk the book a band at a time, and made a FOK that the fill check had passed
 * stop half way (found by {@link MatchingEngineDifferentialTest}).
 */
class MarketOrderPriceBandTest
{
    private static final int ID = 0;
    private static final int MAKER = 1;
    private static final int TAKER = 2;

    private final RecordingListener listener = new RecordingListener().withoutMarketData();
    private final MatchingEngine engine = new MatchingEngine(listener, 64);
    private long orderId = 100;

    @BeforeEach
    void bandOfTenPercent()
    {
        engine.addInstrument(new Instrument(ID, "BAND", 8, 1, 8, 1, 1_000));
    }

    @Test
    void marketFokThatFitsTheBandFillsInFull()
    {
        tradeAt(100);
        limit(MAKER, Side.SELL, 91, 1);
        limit(MAKER, Side.SELL, 109, 1);
        listener.clear();

        engine.newOrder(0, ID, TAKER, EngineFixture.idOf(7), Side.BUY, OrderType.MARKET, TimeInForce.FOK, StpMode.NONE,
            MatchingEngine.NO_PRICE, 2);

        assertEquals(List.of(
            "ACCEPTED 2/7 BUY MKTx2",
            "FILL 91x1 BUY maker 1/102 left 0 taker 2/7 left 1",
            "FILL 109x1 BUY maker 1/103 left 0 taker 2/7 left 0"), listener.events());
    }

    @Test
    void marketOrderDoesNotWalkPastTheBandAroundTheLastTradeBeforeIt()
    {
        tradeAt(110);
        // In the band of the trade at 110, not of the trade at 100 that follows.
        limit(MAKER, Side.SELL, 118, 1);
        tradeAt(100);
        limit(MAKER, Side.SELL, 105, 1);
        limit(MAKER, Side.SELL, 108, 1);
        listener.clear();

        engine.newOrder(0, ID, TAKER, EngineFixture.idOf(7), Side.BUY, OrderType.MARKET, TimeInForce.IOC, StpMode.NONE,
            MatchingEngine.NO_PRICE, 3);

        assertEquals(List.of(
            "ACCEPTED 2/7 BUY MKTx3",
            "FILL 105x1 BUY maker 1/105 left 0 taker 2/7 left 2",
            "FILL 108x1 BUY maker 1/106 left 0 taker 2/7 left 1",
            "EXPIRED 2/7 1"), listener.events());
    }

    private void tradeAt(final long price)
    {
        limit(MAKER, Side.SELL, price, 1);
        limit(TAKER, Side.BUY, price, 1);
        assertEquals(price, engine.lastTradePrice(ID));
    }

    private void limit(final int account, final int side, final long price, final long qty)
    {
        final int reason = engine.newOrder(0, ID, account, EngineFixture.idOf(orderId++), side, OrderType.LIMIT,
            TimeInForce.GTC, StpMode.NONE, price, qty);
        assertEquals(RejectReason.NONE, reason);
    }
}
