package org.mmwinter.engine.fix.marketdata;

import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.flow.SymbolResolver;
import quickfix.FieldException;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.SessionID;
import quickfix.field.AggregatedBook;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDUpdateType;
import quickfix.field.MarketDepth;
import quickfix.field.NoMDEntryTypes;
import quickfix.field.NoRelatedSym;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.fix44.MarketDataRequest;

/**
 * One MarketDataRequest (V) read into plain values on the thread that received it (symbols resolved to instrument
 * ids there), or the reason it is refused, so that the market-data thread never touches a QuickFIX/J message it
 * does not own. It also carries the news that a session is gone, in order with that session's requests.
 */
final class SubscriptionRequest
{
    /** SubscriptionRequestType 0: one snapshot. */
    static final int SNAPSHOT = 0;
    /** SubscriptionRequestType 1: a snapshot, then incremental updates. */
    static final int SUBSCRIBE = 1;
    /** SubscriptionRequestType 2: end the subscription of this MDReqID. */
    static final int UNSUBSCRIBE = 2;
    /** Not a FIX request: the session logged out or disconnected, its subscriptions end. */
    static final int SESSION_GONE = 3;

    /** {@link #rejectReason} of a request that is not refused. */
    static final int NOT_REJECTED = -1;
    /** {@link #rejectReason} of a refusal that has no MDReqRejReason code (the Text says why). */
    static final int NO_REASON_CODE = -2;
    /** MDReqRejReason 0. */
    static final int UNKNOWN_SYMBOL = '0';
    /** MDReqRejReason 1. */
    static final int DUPLICATE_REQUEST_ID = '1';
    /** MDReqRejReason 4. */
    static final int UNSUPPORTED_SUBSCRIPTION_TYPE = '4';
    /** MDReqRejReason 5. */
    static final int UNSUPPORTED_MARKET_DEPTH = '5';
    /** MDReqRejReason 6. */
    static final int UNSUPPORTED_UPDATE_TYPE = '6';
    /** MDReqRejReason 7. */
    static final int UNSUPPORTED_AGGREGATED_BOOK = '7';
    /** MDReqRejReason 8. */
    static final int UNSUPPORTED_ENTRY_TYPE = '8';

    /** {@link #requestId} of a request without MDReqID (262). */
    static final String NO_REQUEST_ID = "";
    /** {@link #depth} of a subscription to every level. */
    static final int FULL_BOOK = 0;

    private static final int[] NO_INSTRUMENTS = new int[0];
    private static final String[] NO_SYMBOLS = new String[0];

    final SessionID session;
    final int kind;
    final String requestId;
    /** MarketDepth (264): {@link #FULL_BOOK} or the number of levels from the best. */
    final int depth;
    final boolean bids;
    final boolean offers;
    final boolean trades;
    final String[] symbols;
    final int[] instrumentIds;
    final int rejectReason;
    final String rejectText;

    private SubscriptionRequest(
        final SessionID session,
        final int kind,
        final String requestId,
        final int depth,
        final boolean bids,
        final boolean offers,
        final boolean trades,
        final String[] symbols,
        final int[] instrumentIds,
        final int rejectReason,
        final String rejectText)
    {
        this.session = session;
        this.kind = kind;
        this.requestId = requestId;
        this.depth = depth;
        this.bids = bids;
        this.offers = offers;
        this.trades = trades;
        this.symbols = symbols;
        this.instrumentIds = instrumentIds;
        this.rejectReason = rejectReason;
        this.rejectText = rejectText;
    }

    static SubscriptionRequest sessionGone(final SessionID session)
    {
        return new SubscriptionRequest(session, SESSION_GONE, NO_REQUEST_ID, FULL_BOOK, false, false, false,
            NO_SYMBOLS, NO_INSTRUMENTS, NOT_REJECTED, "");
    }

    boolean isRejected()
    {
        return rejectReason != NOT_REJECTED;
    }

    /**
     * Reads a request: MDReqID (262), SubscriptionRequestType (263) 0, 1 or 2, MarketDepth (264) 0 or more,
     * MDUpdateType (265) 1 if given, AggregatedBook (266) Y if given, MDEntryType (269) 0, 1 or 2 in NoMDEntryTypes
     * (267) and known Symbols (55) in NoRelatedSym (146); anything else is refused with its MDReqRejReason. An
     * unsubscribe needs only its MDReqID.
     */
    static SubscriptionRequest read(
        final MarketDataRequest request, final SessionID session, final SymbolResolver symbols)
    {
        if (!request.isSetField(MDReqID.FIELD))
        {
            return refused(session, NO_REQUEST_ID, NO_REASON_CODE, "MDReqID (262) is missing");
        }
        String requestId = NO_REQUEST_ID;
        try
        {
            requestId = request.getString(MDReqID.FIELD);
            final char type = request.getChar(SubscriptionRequestType.FIELD);
            if (type == '2')
            {
                return new SubscriptionRequest(session, UNSUBSCRIBE, requestId, FULL_BOOK, false, false, false,
                    NO_SYMBOLS, NO_INSTRUMENTS, NOT_REJECTED, "");
            }
            if (type != '0' && type != '1')
            {
                return refused(session, requestId, UNSUPPORTED_SUBSCRIPTION_TYPE,
                    "SubscriptionRequestType (263) " + type + " is not supported (0, 1 or 2)");
            }
            final int kind = type == '0' ? SNAPSHOT : SUBSCRIBE;
            final int depth = request.getInt(MarketDepth.FIELD);
            if (depth < 0)
            {
                return refused(session, requestId, UNSUPPORTED_MARKET_DEPTH,
                    "MarketDepth (264) " + depth + " is negative");
            }
            if (kind == SUBSCRIBE && request.isSetField(MDUpdateType.FIELD) &&
                request.getInt(MDUpdateType.FIELD) != MDUpdateType.INCREMENTAL_REFRESH)
            {
                return refused(session, requestId, UNSUPPORTED_UPDATE_TYPE, "MDUpdateType (265) " +
                    request.getString(MDUpdateType.FIELD) + " is not supported (1, incremental refresh)");
            }
            if (request.isSetField(AggregatedBook.FIELD) && !request.getBoolean(AggregatedBook.FIELD))
            {
                return refused(session, requestId, UNSUPPORTED_AGGREGATED_BOOK,
                    "AggregatedBook (266) N is not supported: the book is one entry per price");
            }
            boolean bids = false;
            boolean offers = false;
            boolean trades = false;
            final int entryTypes = request.getGroupCount(NoMDEntryTypes.FIELD);
            for (int i = 1; i <= entryTypes; i++)
            {
                final char entryType = request.getGroup(i, NoMDEntryTypes.FIELD).getChar(MDEntryType.FIELD);
                switch (entryType)
                {
                    case MDEntryType.BID: bids = true; break;
                    case MDEntryType.OFFER: offers = true; break;
                    case MDEntryType.TRADE: trades = true; break;
                    default:
                        return refused(session, requestId, UNSUPPORTED_ENTRY_TYPE,
                            "MDEntryType (269) " + entryType + " is not supported (0 bid, 1 offer, 2 trade)");
                }
            }
            if (entryTypes == 0)
            {
                return refused(session, requestId, UNSUPPORTED_ENTRY_TYPE, "NoMDEntryTypes (267) is empty");
            }
            final int count = request.getGroupCount(NoRelatedSym.FIELD);
            if (count == 0)
            {
                return refused(session, requestId, UNKNOWN_SYMBOL, "NoRelatedSym (146) is empty");
            }
            final String[] names = new String[count];
            final int[] ids = new int[count];
            for (int i = 0; i < count; i++)
            {
                final Group related = request.getGroup(i + 1, NoRelatedSym.FIELD);
                names[i] = related.getString(Symbol.FIELD);
                ids[i] = symbols.resolve(names[i], false);
                if (ids[i] == MatchingEngine.UNKNOWN_INSTRUMENT)
                {
                    return refused(session, requestId, UNKNOWN_SYMBOL, "unknown symbol " + names[i]);
                }
            }
            return new SubscriptionRequest(session, kind, requestId, depth, bids, offers, trades, names, ids,
                NOT_REJECTED, "");
        }
        catch (final FieldNotFound ex)
        {
            return refused(session, requestId, NO_REASON_CODE, "required tag " + ex.field + " is missing");
        }
        catch (final FieldException ex)
        {
            return refused(session, requestId, NO_REASON_CODE, "tag " + ex.getField() + " is malformed");
        }
    }

    private static SubscriptionRequest refused(
        final SessionID session, final String requestId, final int reason, final String text)
    {
        return new SubscriptionRequest(session, SNAPSHOT, requestId, FULL_BOOK, false, false, false, NO_SYMBOLS,
            NO_INSTRUMENTS, reason, text);
    }
}
