package org.mmwinter.engine.fix;

import quickfix.SessionID;
import quickfix.fix44.MarketDataRequest;

/**
 * The seam between FIX order entry and FIX market data: the acceptor hands every MarketDataRequest (V) of a logged-on
 * session to this handler, on the acceptor's message thread, and says when a session is gone (logout or
 * disconnect) so that its subscriptions can end.
 */
public interface FixMarketDataHandler
{
    /** No market data: every request is answered with a MarketDataRequestReject (Y), "market data not available". */
    FixMarketDataHandler NONE = new NoMarketData();

    /** A MarketDataRequest (V) from {@code session}, which is logged on. */
    void onRequest(MarketDataRequest request, SessionID session);

    /** The session logged out or its connection dropped. */
    void onSessionGone(SessionID session);
}
