package org.mmwinter.engine.fix;

import quickfix.SessionID;
import quickfix.fix44.MarketDataRequest;

/**
 * The FIX acceptor's seam to market data: it hands over every MarketDataRequest (V) a session sends, and says when
 * a session is gone, so that market data lives in a component of its own rather than in the session code.
 */
public interface FixMarketDataHandler
{
    void onRequest(MarketDataRequest request, SessionID session);

    void onSessionGone(SessionID session);   // logout or disconnect
}
