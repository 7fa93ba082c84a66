package org.mmwinter.engine.fix.marketdata;

import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MarketDepth;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.fix44.MarketDataRequest;

/**
 * MarketDataRequests as a client builds them.
 */
final class Requests
{
    /** Bids, offers and trades. */
    static final char[] ALL_TYPES = {MDEntryType.BID, MDEntryType.OFFER, MDEntryType.TRADE};

    private Requests()
    {
    }

    static MarketDataRequest request(
        final String requestId, final char type, final int depth, final char[] entryTypes, final String... symbols)
    {
        final MarketDataRequest request = new MarketDataRequest(
            new MDReqID(requestId), new SubscriptionRequestType(type), new MarketDepth(depth));
        for (final char entryType : entryTypes)
        {
            final MarketDataRequest.NoMDEntryTypes group = new MarketDataRequest.NoMDEntryTypes();
            group.set(new MDEntryType(entryType));
            request.addGroup(group);
        }
        for (final String symbol : symbols)
        {
            final MarketDataRequest.NoRelatedSym group = new MarketDataRequest.NoRelatedSym();
            group.set(new Symbol(symbol));
            request.addGroup(group);
        }
        return request;
    }

    static MarketDataRequest subscribe(final String requestId, final int depth, final String... symbols)
    {
        return request(requestId, SubscriptionRequestType.SNAPSHOT_UPDATES, depth, ALL_TYPES, symbols);
    }

    static MarketDataRequest snapshot(final String requestId, final String... symbols)
    {
        return request(requestId, SubscriptionRequestType.SNAPSHOT, 0, ALL_TYPES, symbols);
    }

    static MarketDataRequest unsubscribe(final String requestId, final String... symbols)
    {
        return request(requestId, SubscriptionRequestType.DISABLE_PREVIOUS_SNAPSHOT_UPDATE_REQUEST, 0, ALL_TYPES,
            symbols);
    }
}
