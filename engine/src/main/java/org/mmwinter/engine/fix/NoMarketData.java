package org.mmwinter.engine.fix;

import quickfix.FieldNotFound;
import quickfix.Session;
import quickfix.SessionID;
import quickfix.field.MDReqID;
import quickfix.field.Text;
import quickfix.fix44.MarketDataRequest;
import quickfix.fix44.MarketDataRequestReject;

/**
 * {@link FixMarketDataHandler#NONE}: refuses every request, so that a client asking for market data of an engine
 * without it learns so instead of waiting.
 */
final class NoMarketData implements FixMarketDataHandler
{
    static final String TEXT = "market data not available";

    public void onRequest(final MarketDataRequest request, final SessionID session)
    {
        final MarketDataRequestReject reject = new MarketDataRequestReject();
        try
        {
            reject.set(new MDReqID(request.getMDReqID().getValue()));
        }
        catch (final FieldNotFound ex)
        {
            // The data dictionary requires MDReqID; without it there is nothing to name, and the reject goes anyway.
            reject.set(new MDReqID("NONE"));
        }
        // No MDReqRejReason: none of its codes says "this engine has no market data"; the text does.
        reject.set(new Text(TEXT));
        final Session target = Session.lookupSession(session);
        if (target != null)
        {
            target.send(reject);
        }
    }

    public void onSessionGone(final SessionID session)
    {
    }
}
