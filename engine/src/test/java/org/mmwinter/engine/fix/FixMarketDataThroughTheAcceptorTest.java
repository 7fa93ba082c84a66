package org.mmwinter.engine.fix;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.ExecType;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.MDReqID;
import quickfix.field.MDUpdateAction;
import quickfix.field.MarketDepth;
import quickfix.field.MsgType;
import quickfix.field.NoMDEntries;
import quickfix.field.NumberOfOrders;
import quickfix.field.Side;
import quickfix.field.SubscriptionRequestType;
import quickfix.field.Symbol;
import quickfix.fix44.MarketDataRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mmwinter.engine.fix.FixMessages.execution;
import static org.mmwinter.engine.fix.FixMessages.get;
import static org.mmwinter.engine.fix.FixMessages.limit;
import static org.mmwinter.engine.fix.FixMessages.next;

/**
 * Market data as {@code engine.jar} serves it: the acceptor hands a subscriber's MarketDataRequest to the engine's
 * FIX market data, and another session's orders and trades reach the subscriber as a snapshot, then incremental
 * refreshes of the aggregated book and the trade prints, with nothing but the public book in them.
 */
final class FixMarketDataThroughTheAcceptorTest
{
    @TempDir
    Path dir;

    private FixEngine engine;

    @BeforeEach
    void start() throws Exception
    {
        engine = new FixEngine(dir, Map.of(), true);
    }

    @AfterEach
    void stop()
    {
        engine.close();
    }

    @Test
    void aSubscriberSeesAnotherSessionsOrdersAsLevelsAndItsTradesAsPrints() throws Exception
    {
        try (FixClient watcher = engine.logon("CLIENT1"); FixClient trader = engine.logon("CLIENT2"))
        {
            trader.send(limit("b1", Side.BUY, "0.5", "80000.25"));
            execution(trader, ExecType.NEW);
            trader.send(limit("b2", Side.BUY, "0.25", "80000.25"));
            execution(trader, ExecType.NEW);

            watcher.send(subscribe("md1"));
            // The snapshot: one bid level of two orders, 0.5 + 0.25 = 0.75 BTC at 80000.25.
            final Message snapshot = next(watcher, MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH);
            assertEquals("md1", get(snapshot, MDReqID.FIELD));
            assertEquals("BTC-USD", get(snapshot, Symbol.FIELD));
            assertEquals("1", get(snapshot, NoMDEntries.FIELD));
            final Group bid = entry(snapshot, 1);
            assertEquals(String.valueOf(MDEntryType.BID), bid.getString(MDEntryType.FIELD));
            assertEquals("80000.25", bid.getString(MDEntryPx.FIELD));
            assertEquals("0.75", bid.getString(MDEntrySize.FIELD));
            assertEquals("2", bid.getString(NumberOfOrders.FIELD));

            // CLIENT1 sells 0.5 into the level: the oldest order, b1, fills; a print and a smaller level.
            // (Its own ExecutionReports and the refresh come on one session in either order: wait for the refresh.)
            watcher.send(limit("s1", Side.SELL, "0.5", "80000.25"));
            final Message update = next(watcher, MsgType.MARKET_DATA_INCREMENTAL_REFRESH);
            // The command's whole effect in one refresh: the trade of 0.5 at 80000.25, and the level now 0.25, one
            // order (b1 filled, b2 left).
            String trade = null;
            String level = null;
            final int entries = Integer.parseInt(get(update, NoMDEntries.FIELD));
            for (int i = 1; i <= entries; i++)
            {
                final Group e = entry(update, i);
                if (e.getChar(MDEntryType.FIELD) == MDEntryType.TRADE)
                {
                    trade = e.getString(MDEntryPx.FIELD) + "x" + e.getString(MDEntrySize.FIELD);
                }
                else
                {
                    level = e.getChar(MDUpdateAction.FIELD) + " " + e.getString(MDEntryPx.FIELD) + "x" +
                        e.getString(MDEntrySize.FIELD) + " #" + e.getString(NumberOfOrders.FIELD);
                }
            }
            assertEquals("80000.25x0.5", trade);
            assertEquals(MDUpdateAction.CHANGE + " 80000.25x0.25 #1", level);
        }
    }

    private static MarketDataRequest subscribe(final String id)
    {
        final MarketDataRequest request = new MarketDataRequest(new MDReqID(id),
            new SubscriptionRequestType(SubscriptionRequestType.SNAPSHOT_UPDATES), new MarketDepth(0));
        for (final char type : new char[]{MDEntryType.BID, MDEntryType.OFFER, MDEntryType.TRADE})
        {
            final MarketDataRequest.NoMDEntryTypes types = new MarketDataRequest.NoMDEntryTypes();
            types.setChar(MDEntryType.FIELD, type);
            request.addGroup(types);
        }
        final MarketDataRequest.NoRelatedSym symbols = new MarketDataRequest.NoRelatedSym();
        symbols.setString(Symbol.FIELD, "BTC-USD");
        request.addGroup(symbols);
        return request;
    }

    private static Group entry(final Message m, final int index) throws FieldNotFound
    {
        return m.getGroup(index, NoMDEntries.FIELD);
    }
}
