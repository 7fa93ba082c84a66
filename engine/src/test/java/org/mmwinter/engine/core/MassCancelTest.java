package org.mmwinter.engine.core;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mmwinter.engine.core.EngineFixture.BTC;
import static org.mmwinter.engine.core.MatchingEngine.ANY_INSTRUMENT;
import static org.mmwinter.engine.core.Side.BUY;
import static org.mmwinter.engine.core.Side.SELL;

/**
 * MASS_CANCEL: every live order of one account, on all instruments or one, and nothing of anyone else's.
 */
final class MassCancelTest
{
    private static final int A = 0;
    private static final int B = 1;
    private static final int ETH = 1;

    private final EngineFixture fx = new EngineFixture();

    @BeforeEach
    void restOrdersOfTwoAccountsOnTwoInstruments()
    {
        fx.addInstrument(Instrument.createDefault(ETH, "ETH"));
        fx.limit(A, 1, BUY, 100, 1);
        fx.limit(A, 2, SELL, 110, 2);
        fx.newOrder(ETH, A, 3, BUY, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, 50, 3);
        fx.limit(B, 4, BUY, 100, 4);
        fx.newOrder(ETH, B, 5, SELL, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, 60, 5);
        fx.drain();
    }

    @Test
    void allInstrumentsCancelsEveryOrderOfTheAccountNewestFirst()
    {
        assertEquals(RejectReason.NONE, fx.massCancel(A, ANY_INSTRUMENT));

        assertEquals(List.of(
            "LEVEL 1 BUY 50 0 #0",
            "CANCELED 0/3 3 mass cancel",
            "LEVEL 0 SELL 110 0 #0",
            "CANCELED 0/2 2 mass cancel",
            "LEVEL 0 BUY 100 4 #1",
            "CANCELED 0/1 1 mass cancel"), fx.drain());
        assertEquals(List.of("BUY 100x4 1/4"), fx.book(BTC));
        assertEquals(List.of("SELL 60x5 1/5"), fx.book(ETH));
        assertEquals(2, fx.engine().liveOrderCount());
    }

    @Test
    void oneInstrumentCancelsOnlyThatInstrumentsOrders()
    {
        assertEquals(RejectReason.NONE, fx.massCancel(A, ETH));

        assertEquals(List.of("LEVEL 1 BUY 50 0 #0", "CANCELED 0/3 3 mass cancel"), fx.drain());
        assertEquals(List.of("BUY 100x1 0/1", "BUY 100x4 1/4", "SELL 110x2 0/2"), fx.book(BTC));
        assertEquals(List.of("SELL 60x5 1/5"), fx.book(ETH));

        assertEquals(RejectReason.NONE, fx.massCancel(A, BTC));
        assertEquals(List.of("BUY 100x4 1/4"), fx.book(BTC));
        assertEquals(2, fx.engine().liveOrderCount());
    }

    @Test
    void accountWithoutLiveOrdersIsAcceptedAndChangesNothing()
    {
        final List<String> before = fx.snapshot();

        assertEquals(RejectReason.NONE, fx.massCancel(7, ANY_INSTRUMENT));
        assertEquals(RejectReason.NONE, fx.massCancel(1_000_000, BTC));

        assertEquals(List.of(), fx.drain());
        assertEquals(before, fx.snapshot());
    }

    @Test
    void secondMassCancelFindsNothing()
    {
        fx.massCancel(B, BTC);
        fx.drain();
        final List<String> before = fx.snapshot();

        assertEquals(RejectReason.NONE, fx.massCancel(B, BTC));

        assertEquals(List.of(), fx.drain());
        assertEquals(before, fx.snapshot());
        assertEquals(List.of("BUY 50x3 0/3", "SELL 60x5 1/5"), fx.book(ETH));
    }

    @Test
    void unknownInstrumentIsRejected()
    {
        final List<String> before = fx.snapshot();

        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, fx.massCancel(A, 2));
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, fx.massCancel(A, MatchingEngine.UNKNOWN_INSTRUMENT));

        assertEquals(List.of("REJECTED 0/ unknown instrument", "REJECTED 0/ unknown instrument"), fx.drain());
        assertEquals(before, fx.snapshot());
    }

    @Test
    void partlyFilledOrderIsCancelledForWhatRemains()
    {
        fx.limit(B, 6, BUY, 110, 1);
        fx.drain();

        fx.massCancel(A, BTC);

        assertEquals(List.of(
            "LEVEL 0 SELL 110 0 #0",
            "CANCELED 0/2 1 mass cancel",
            "LEVEL 0 BUY 100 4 #1",
            "CANCELED 0/1 1 mass cancel"), fx.drain());
    }

    @Test
    void cancelledOrderIdsCanBeUsedAgain()
    {
        fx.massCancel(A, ANY_INSTRUMENT);

        assertEquals(RejectReason.NONE, fx.limit(A, 1, BUY, 100, 1));
        assertEquals(RejectReason.NONE, fx.limit(A, 3, BUY, 100, 1));
        assertEquals(RejectReason.UNKNOWN_ORDER, fx.cancel(A, 2));
    }

    @Test
    void haltedInstrumentStillCancels()
    {
        fx.engine().halt(BTC, true);

        assertEquals(RejectReason.NONE, fx.massCancel(A, BTC));
        assertEquals(List.of("BUY 100x4 1/4"), fx.book(BTC));
    }

    @Test
    void manyOrdersInterleavedWithSingleCancelsAndFills()
    {
        final EngineFixture big = new EngineFixture(16);
        big.addInstrument(Instrument.createDefault(ETH, "ETH"));
        for (int i = 0; i < 2_000; i++)
        {
            final int account = i % 3;
            final int instrument = (i / 3) % 2;
            big.newOrder(instrument, account, i, i % 2 == 0 ? BUY : SELL, OrderType.LIMIT, TimeInForce.GTC,
                StpMode.NONE, i % 2 == 0 ? 1_000 - i % 500 : 2_000 + i % 500, 1 + i % 7);
        }
        for (int i = 0; i < 2_000; i += 5)
        {
            big.cancel(i % 3, i);
        }
        // Another account takes some of account 0's and 1's asks on ETH.
        big.newOrder(ETH, 5, 99_999, BUY, OrderType.MARKET, TimeInForce.IOC, StpMode.NONE,
            MatchingEngine.NO_PRICE, 500);
        final int before = big.engine().liveOrderCount();
        int account0 = 0;
        for (final String line : big.book(BTC))
        {
            account0 += line.contains(" 0/") ? 1 : 0;
        }
        for (final String line : big.book(ETH))
        {
            account0 += line.contains(" 0/") ? 1 : 0;
        }

        assertEquals(RejectReason.NONE, big.massCancel(0, ANY_INSTRUMENT));

        assertEquals(before - account0, big.engine().liveOrderCount());
        for (final String line : big.book(BTC))
        {
            assertFalse(line.contains(" 0/"), line);
        }
        for (final String line : big.book(ETH))
        {
            assertFalse(line.contains(" 0/"), line);
        }
        big.massCancel(1, ETH);
        big.massCancel(2, ANY_INSTRUMENT);
        big.massCancel(1, BTC);
        assertEquals(0, big.engine().liveOrderCount());
        assertEquals(List.of(), big.book(BTC));
        assertEquals(List.of(), big.book(ETH));
    }
}
