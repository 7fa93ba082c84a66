package org.mmwinter.engine.fix.marketdata;

import org.mmwinter.engine.core.Side;
import quickfix.SessionID;

/**
 * One session's market data for one symbol under one MDReqID: what it asked for (entry types, depth, updates or a
 * single snapshot) and where its copy of the book stands. A subscriber's copy is either current (it has had a
 * snapshot and every update since) or it is sent a fresh snapshot before anything else: never a partial update.
 */
final class Subscription
{
    /** It waits for the book to be synchronised with the engine (first request, or after a gap). */
    static final int AWAITING_BOOK = 0;
    /** It has had a snapshot and every update since. */
    static final int LIVE = 1;
    /** A message to it was refused: it gets a full snapshot as soon as one is accepted, before any update. */
    static final int STALE = 2;

    final SessionID session;
    final String requestId;
    final int instrumentId;
    final String symbol;
    /** False for a snapshot-only request (263=0): it ends once its snapshot is sent. */
    final boolean updates;
    /** {@link SubscriptionRequest#FULL_BOOK} or the number of levels from the best, per side. */
    final int depth;
    final boolean bids;
    final boolean offers;
    final boolean trades;
    /** The entries of its next incremental refresh. */
    final EntryBatch pending = new EntryBatch();
    int state = AWAITING_BOOK;
    /** It is on the list of subscriptions to flush at the end of the current command. */
    boolean dirty;
    /** Unsubscribed, its session gone or its snapshot sent (snapshot only): nothing more is sent. */
    boolean ended;

    Subscription(final SubscriptionRequest request, final int index)
    {
        this.session = request.session;
        this.requestId = request.requestId;
        this.instrumentId = request.instrumentIds[index];
        this.symbol = request.symbols[index];
        this.updates = request.kind == SubscriptionRequest.SUBSCRIBE;
        this.depth = request.depth;
        this.bids = request.bids;
        this.offers = request.offers;
        this.trades = request.trades;
    }

    boolean wantsSide(final int side)
    {
        return side == Side.BUY ? bids : offers;
    }

    /** Levels of a side it sees, out of {@code levels} in the book. */
    int visibleLevels(final int levels)
    {
        return depth == SubscriptionRequest.FULL_BOOK ? levels : Math.min(depth, levels);
    }

    boolean isFor(final SessionID otherSession, final String otherRequestId)
    {
        return session.equals(otherSession) && requestId.equals(otherRequestId);
    }
}
