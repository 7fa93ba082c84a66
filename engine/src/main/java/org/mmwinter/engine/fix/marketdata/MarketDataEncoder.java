package org.mmwinter.engine.fix.marketdata;

import org.mmwinter.engine.core.FixedPoint;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.Side;
import quickfix.Message;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDReqRejReason;
import quickfix.field.MDUpdateAction;
import quickfix.field.NoMDEntries;
import quickfix.field.NumberOfOrders;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.fix44.MarketDataIncrementalRefresh;
import quickfix.fix44.MarketDataRequestReject;
import quickfix.fix44.MarketDataSnapshotFullRefresh;

/**
 * Builds the FIX 4.4 market-data messages: snapshots (W), incremental refreshes (X) and rejects (Y). Prices and
 * sizes stay ticks and lots until here, where each becomes the exact decimal text of the instrument's scale
 * (never a double): MDEntryPx is ticks times the tick, MDEntrySize lots times the lot.
 */
final class MarketDataEncoder
{
    private MarketDataEncoder()
    {
    }

    /**
     * A MarketDataSnapshotFullRefresh of the book as it stands: the bids best first, then the offers best first,
     * as many levels of each as the subscription's depth and only the sides it asked for.
     */
    static Message snapshot(final Subscription subscription, final LevelBook book, final Instrument instrument)
    {
        final MarketDataSnapshotFullRefresh message = new MarketDataSnapshotFullRefresh();
        message.set(new MDReqID(subscription.requestId));
        message.set(new Symbol(subscription.symbol));
        final MarketDataSnapshotFullRefresh.NoMDEntries entry = new MarketDataSnapshotFullRefresh.NoMDEntries();
        int entries = 0;
        if (subscription.bids)
        {
            entries += addLevels(message, entry, book.side(Side.BUY), MDEntryType.BID, subscription, instrument);
        }
        if (subscription.offers)
        {
            entries += addLevels(message, entry, book.side(Side.SELL), MDEntryType.OFFER, subscription,
                instrument);
        }
        if (entries == 0)
        {
            // NoMDEntries is required in W even when the book is empty.
            message.setInt(NoMDEntries.FIELD, 0);
        }
        return message;
    }

    /**
     * A MarketDataIncrementalRefresh of the subscription's pending entries: a level's new state (MDUpdateAction 0
     * new, 1 change: total size and order count) or its removal (2 delete: price only), and trades (always new).
     */
    static Message incremental(final Subscription subscription, final Instrument instrument)
    {
        final MarketDataIncrementalRefresh message = new MarketDataIncrementalRefresh();
        message.set(new MDReqID(subscription.requestId));
        final MarketDataIncrementalRefresh.NoMDEntries entry = new MarketDataIncrementalRefresh.NoMDEntries();
        final Symbol symbol = new Symbol(subscription.symbol);
        final EntryBatch batch = subscription.pending;
        for (int i = 0; i < batch.size(); i++)
        {
            entry.clear();
            final int action = batch.action(i);
            final int type = batch.entryType(i);
            entry.set(new MDUpdateAction(updateAction(action)));
            entry.set(new MDEntryType(entryType(type)));
            entry.set(symbol);
            entry.setString(MDEntryPx.FIELD, price(batch.price(i), instrument));
            if (action != LevelBook.DELETE)
            {
                entry.setString(MDEntrySize.FIELD, quantity(batch.quantity(i), instrument));
            }
            if (type != EntryBatch.TRADE && action != LevelBook.DELETE)
            {
                entry.set(new NumberOfOrders(batch.orderCount(i)));
            }
            message.addGroup(entry);
        }
        return message;
    }

    /**
     * A MarketDataRequestReject: MDReqRejReason when the refusal has a code, and always a Text that says why.
     */
    static Message reject(final String requestId, final int reason, final String text)
    {
        final MarketDataRequestReject message = new MarketDataRequestReject();
        if (!requestId.equals(SubscriptionRequest.NO_REQUEST_ID))
        {
            message.set(new MDReqID(requestId));
        }
        if (reason >= 0)
        {
            message.set(new MDReqRejReason((char) reason));
        }
        message.set(new Text(text));
        return message;
    }

    /** MDEntryPx text of a price in ticks. */
    static String price(final long ticks, final Instrument instrument)
    {
        return FixedPoint.format(ticks * instrument.tickUnits(), instrument.priceScale());
    }

    /** MDEntrySize text of a quantity in lots. */
    static String quantity(final long lots, final Instrument instrument)
    {
        return FixedPoint.format(lots * instrument.lotUnits(), instrument.qtyScale());
    }

    private static int addLevels(
        final Message message,
        final MarketDataSnapshotFullRefresh.NoMDEntries entry,
        final LevelLadder ladder,
        final char entryType,
        final Subscription subscription,
        final Instrument instrument)
    {
        final int levels = subscription.visibleLevels(ladder.size());
        for (int i = 0; i < levels; i++)
        {
            entry.clear();
            entry.set(new MDEntryType(entryType));
            entry.setString(MDEntryPx.FIELD, price(ladder.price(i), instrument));
            entry.setString(MDEntrySize.FIELD, quantity(ladder.quantity(i), instrument));
            entry.set(new NumberOfOrders(ladder.orderCount(i)));
            message.addGroup(entry);
        }
        return levels;
    }

    private static char updateAction(final int action)
    {
        switch (action)
        {
            case LevelBook.NEW: return MDUpdateAction.NEW;
            case LevelBook.CHANGE: return MDUpdateAction.CHANGE;
            default: return MDUpdateAction.DELETE;
        }
    }

    private static char entryType(final int type)
    {
        switch (type)
        {
            case EntryBatch.BID: return MDEntryType.BID;
            case EntryBatch.OFFER: return MDEntryType.OFFER;
            default: return MDEntryType.TRADE;
        }
    }
}
