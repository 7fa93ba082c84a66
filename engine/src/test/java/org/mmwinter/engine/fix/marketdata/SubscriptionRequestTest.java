package org.mmwinter.engine.fix.marketdata;

import org.junit.jupiter.api.Test;
import quickfix.field.AggregatedBook;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDUpdateType;
import quickfix.field.MarketDepth;
import quickfix.field.SubscriptionRequestType;
import quickfix.fix44.MarketDataRequest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading a MarketDataRequest: what is supported is read into plain values, anything else is refused with the
 * MDReqRejReason that names it and a Text.
 */
final class SubscriptionRequestTest
{
    private static SubscriptionRequest read(final MarketDataRequest request)
    {
        return SubscriptionRequest.read(request, MarketDataEncoderTest.SESSION, MarketDataEncoderTest.SYMBOLS);
    }

    private static String refusal(final MarketDataRequest request)
    {
        final SubscriptionRequest read = read(request);
        assertTrue(read.isRejected(), "refused");
        return (read.rejectReason >= 0 ? (char) read.rejectReason + " " : "- ") + read.rejectText;
    }

    @Test
    void aSubscriptionIsReadIntoPlainValues()
    {
        final SubscriptionRequest read = read(Requests.request("r1", SubscriptionRequestType.SNAPSHOT_UPDATES, 5,
            new char[]{MDEntryType.BID, MDEntryType.TRADE}, "BTC-USD"));
        assertFalse(read.isRejected());
        assertEquals(SubscriptionRequest.SUBSCRIBE, read.kind);
        assertEquals("r1", read.requestId);
        assertEquals(5, read.depth);
        assertTrue(read.bids);
        assertFalse(read.offers);
        assertTrue(read.trades);
        assertArrayEquals(new String[]{"BTC-USD"}, read.symbols);
        assertArrayEquals(new int[]{0}, read.instrumentIds);
        assertEquals(SubscriptionRequest.SNAPSHOT, read(Requests.snapshot("r2", "BTC-USD")).kind);
        assertEquals(SubscriptionRequest.UNSUBSCRIBE, read(Requests.unsubscribe("r1", "BTC-USD")).kind);
    }

    @Test
    void whatIsNotSupportedIsRefusedWithItsReason()
    {
        assertEquals("0 unknown symbol XYZ", refusal(Requests.subscribe("r1", 0, "BTC-USD", "XYZ")));
        assertEquals("4 SubscriptionRequestType (263) 5 is not supported (0, 1 or 2)",
            refusal(Requests.request("r1", '5', 0, Requests.ALL_TYPES, "BTC-USD")));
        assertEquals("5 MarketDepth (264) -1 is negative", refusal(Requests.subscribe("r1", -1, "BTC-USD")));
        assertEquals("8 MDEntryType (269) 4 is not supported (0 bid, 1 offer, 2 trade)",
            refusal(Requests.request("r1", '1', 0, new char[]{MDEntryType.BID, '4'}, "BTC-USD")));
        assertEquals("8 NoMDEntryTypes (267) is empty",
            refusal(Requests.request("r1", '1', 0, new char[0], "BTC-USD")));
        assertEquals("0 NoRelatedSym (146) is empty", refusal(Requests.subscribe("r1", 0)));

        final MarketDataRequest fullRefreshes = Requests.subscribe("r1", 0, "BTC-USD");
        fullRefreshes.set(new MDUpdateType(MDUpdateType.FULL_REFRESH));
        assertEquals("6 MDUpdateType (265) 0 is not supported (1, incremental refresh)", refusal(fullRefreshes));

        final MarketDataRequest perOrder = Requests.subscribe("r1", 0, "BTC-USD");
        perOrder.set(new AggregatedBook(false));
        assertEquals("7 AggregatedBook (266) N is not supported: the book is one entry per price",
            refusal(perOrder));
    }

    @Test
    void missingOrMalformedTagsAreRefusedWithTheTag()
    {
        final MarketDataRequest noId = Requests.subscribe("r1", 0, "BTC-USD");
        noId.removeField(MDReqID.FIELD);
        assertEquals("- MDReqID (262) is missing", refusal(noId));
        assertEquals(SubscriptionRequest.NO_REQUEST_ID, read(noId).requestId);

        final MarketDataRequest noDepth = Requests.subscribe("r1", 0, "BTC-USD");
        noDepth.removeField(MarketDepth.FIELD);
        assertEquals("- required tag 264 is missing", refusal(noDepth));

        final MarketDataRequest badDepth = Requests.subscribe("r1", 0, "BTC-USD");
        badDepth.setString(MarketDepth.FIELD, "ten");
        assertEquals("- tag 264 is malformed", refusal(badDepth));
    }
}
