package org.mmwinter.engine.fix.marketdata;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.flow.SymbolResolver;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.field.MDEntryType;
import quickfix.field.NoMDEntries;
import quickfix.fix44.MarketDataRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The FIX messages built from ticks and lots: exact decimal text at the instrument's tick and lot, the sides and
 * depth a subscription asked for, incremental entries with the tags each action needs, and rejects.
 */
final class MarketDataEncoderTest
{
    /** BTC-USD with tick 0.01 and lot 0.0001, at the engine's 8 decimals: a tick is 10^6 units, a lot 10^4. */
    static final Instrument BTC = new Instrument(0, "BTC-USD", 8, 1_000_000, 8, 10_000, Instrument.NO_BAND);
    static final SymbolResolver SYMBOLS = (symbol, create) ->
        symbol.equals("BTC-USD") ? 0 : MatchingEngine.UNKNOWN_INSTRUMENT;
    static final SessionID SESSION = new SessionID("FIX.4.4", "ENGINE", "CLIENT1");

    static Subscription subscription(final MarketDataRequest request)
    {
        return new Subscription(SubscriptionRequest.read(request, SESSION, SYMBOLS), 0);
    }

    private static LevelBook book()
    {
        final LevelBook book = new LevelBook();
        book.apply(Side.BUY, 8015, 25, 2);
        book.apply(Side.BUY, 8010, 10_000, 1);
        book.apply(Side.SELL, 8020, 1, 1);
        book.apply(Side.SELL, 8100, 30_000, 3);
        return book;
    }

    @Test
    void pricesAndSizesAreExactDecimalsOfTheTickAndLot()
    {
        // 8015 ticks x 0.01 = 80.15; 8010 -> 80.1; 8020 -> 80.2; 8100 -> 81 (no trailing zeros).
        // 25 lots x 0.0001 = 0.0025; 10,000 -> 1; 1 -> 0.0001; 30,000 -> 3.
        assertEquals("80.15", MarketDataEncoder.price(8015, BTC));
        assertEquals("81", MarketDataEncoder.price(8100, BTC));
        assertEquals("0.0025", MarketDataEncoder.quantity(25, BTC));
        assertEquals("1", MarketDataEncoder.quantity(10_000, BTC));
    }

    @Test
    void aSnapshotListsBidsThenOffersBestFirst()
    {
        final Message snapshot = MarketDataEncoder.snapshot(
            subscription(Requests.subscribe("r1", 0, "BTC-USD")), book(), BTC);
        assertEquals("W r1 BTC-USD bid 80.15x0.0025#2 bid 80.1x1#1 offer 80.2x0.0001#1 offer 81x3#3",
            MessageText.describe(snapshot));
        // On the wire each entry is MDEntryType, MDEntryPx, MDEntrySize, NumberOfOrders in that order.
        assertTrue(snapshot.toString().contains("269=0\u0001270=80.15\u0001271=0.0025\u0001346=2\u0001"),
            snapshot.toString());
    }

    @Test
    void aSnapshotKeepsToTheDepthAndSidesAsked()
    {
        final MarketDataRequest request = Requests.request("r2", '1', 1, new char[]{MDEntryType.OFFER}, "BTC-USD");
        assertEquals("W r2 BTC-USD offer 80.2x0.0001#1",
            MessageText.describe(MarketDataEncoder.snapshot(subscription(request), book(), BTC)));
    }

    @Test
    void anEmptyBookIsASnapshotWithNoEntries() throws FieldNotFound
    {
        final Message snapshot = MarketDataEncoder.snapshot(
            subscription(Requests.subscribe("r3", 0, "BTC-USD")), new LevelBook(), BTC);
        assertEquals(0, snapshot.getInt(NoMDEntries.FIELD));
        assertEquals("W r3 BTC-USD", MessageText.describe(snapshot));
    }

    @Test
    void anIncrementalRefreshCarriesEachEntryWithTheTagsItsActionNeeds()
    {
        final Subscription subscription = subscription(Requests.subscribe("r1", 0, "BTC-USD"));
        subscription.pending.add(EntryBatch.BID, LevelBook.NEW, 8005, 20, 1);
        subscription.pending.add(EntryBatch.OFFER, LevelBook.DELETE, 8020, 0, 0);
        subscription.pending.add(EntryBatch.TRADE, LevelBook.NEW, 8020, 1, 0);
        subscription.pending.add(EntryBatch.BID, LevelBook.CHANGE, 8015, 5, 1);
        final Message update = MarketDataEncoder.incremental(subscription, BTC);
        // A delete names its price only; a trade has no order count.
        assertEquals("X r1 new bid BTC-USD 80.05x0.002#1, delete offer BTC-USD 80.2, trade BTC-USD 80.2x0.0001, " +
            "change bid BTC-USD 80.15x0.0005#1", MessageText.describe(update));
        assertTrue(update.toString().contains("279=2\u0001269=1\u000155=BTC-USD\u0001270=80.2\u0001279=0"),
            update.toString());
    }

    @Test
    void aRejectHasItsReasonCodeWhenThereIsOneAndAlwaysAText()
    {
        assertEquals("Y r9 reason=0 unknown symbol XYZ", MessageText.describe(
            MarketDataEncoder.reject("r9", SubscriptionRequest.UNKNOWN_SYMBOL, "unknown symbol XYZ")));
        assertEquals("Y r9 no subscription has MDReqID r9", MessageText.describe(MarketDataEncoder.reject(
            "r9", SubscriptionRequest.NO_REASON_CODE, "no subscription has MDReqID r9")));
        assertEquals("Y - MDReqID (262) is missing", MessageText.describe(MarketDataEncoder.reject(
            SubscriptionRequest.NO_REQUEST_ID, SubscriptionRequest.NO_REASON_CODE, "MDReqID (262) is missing")));
    }
}
