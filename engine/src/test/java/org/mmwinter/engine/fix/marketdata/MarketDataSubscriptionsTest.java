package org.mmwinter.engine.fix.marketdata;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.flow.SymbolResolver;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.message.TradingStatus;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.field.MDEntryType;
import quickfix.fix44.MarketDataRequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Subscriptions driven by a hand-written participant stream, one thread, no engine: the snapshot once the book is
 * in step, one incremental refresh per engine command, the top-N view, and the two ways a subscriber falls behind
 * (the engine dropped updates; the session refused a message), each of which ends in a fresh snapshot before any
 * more updates.
 * <p>
 * BTC-USD has tick 0.01 and lot 0.0001: 8000 ticks print as 80, 150 lots as 0.015.
 */
final class MarketDataSubscriptionsTest
{
    private static final Instrument ETH = new Instrument(1, "ETH-USD", 8, 1_000_000, 8, 10_000, Instrument.NO_BAND);
    private static final SymbolResolver SYMBOLS = (symbol, create) -> symbol.equals("BTC-USD") ? 0 :
        symbol.equals("ETH-USD") ? 1 : MatchingEngine.UNKNOWN_INSTRUMENT;
    private static final SessionID CLIENT1 = MarketDataEncoderTest.SESSION;
    private static final SessionID CLIENT2 = new SessionID("FIX.4.4", "ENGINE", "CLIENT2");

    private final RecordingSender sender = new RecordingSender();
    private final List<Long> snapshotsAsked = new ArrayList<>();
    private boolean ringFull;
    private final MarketDataSubscriptions subscriptions = new MarketDataSubscriptions(
        id -> id == 0 ? MarketDataEncoderTest.BTC : ETH,
        (instrumentId, correlation) ->
        {
            if (ringFull)
            {
                return false;
            }
            assertEquals(instrumentId, InstrumentFeed.instrumentOf(correlation));
            snapshotsAsked.add(correlation);
            return true;
        },
        sender);

    private void request(final SessionID session, final MarketDataRequest request)
    {
        subscriptions.onRequest(SubscriptionRequest.read(request, session, SYMBOLS));
    }

    private void request(final MarketDataRequest request)
    {
        request(CLIENT1, request);
    }

    /** Offers the wanted BOOK_SNAPSHOTs and answers the last one asked with these levels. */
    private long askedSnapshot()
    {
        assertEquals(1, subscriptions.requestSnapshots(), "one BOOK_SNAPSHOT offered");
        return snapshotsAsked.get(snapshotsAsked.size() - 1);
    }

    private static ExecutionReport report(final int type, final int instrumentId, final long commandSequence)
    {
        final ExecutionReport report = new ExecutionReport().clear();
        report.type = type;
        report.instrumentId = instrumentId;
        report.commandSequence = commandSequence;
        return report;
    }

    /**
     * The engine's answer to a BOOK_SNAPSHOT as the router delivers it: the instrument's and the venue's status,
     * the levels ({side, price, qty, orders} each), then the DONE, all with its correlation id.
     */
    private void answer(final long correlation, final long... levels)
    {
        final int instrumentId = InstrumentFeed.instrumentOf(correlation);
        final ExecutionReport status = report(ResultType.STATUS, instrumentId, 100);
        status.commandCorrelationId = correlation;
        status.status = TradingStatus.TRADING;
        subscriptions.onMarketData(status);
        final ExecutionReport venue = report(ResultType.STATUS, MatchingEngine.ANY_INSTRUMENT, 100);
        venue.commandCorrelationId = correlation;
        venue.status = TradingStatus.VENUE_NORMAL;
        subscriptions.onMarketData(venue);
        for (int i = 0; i < levels.length; i += 4)
        {
            final ExecutionReport level = report(ResultType.BOOK_LEVEL, instrumentId, 100);
            level.commandCorrelationId = correlation;
            level.side = (int) levels[i];
            level.price = levels[i + 1];
            level.qty = levels[i + 2];
            level.orderCount = (int) levels[i + 3];
            subscriptions.onMarketData(level);
        }
        final ExecutionReport done = report(ResultType.DONE, instrumentId, 100);
        done.commandCorrelationId = correlation;
        subscriptions.onReport(done);
        subscriptions.endOfBatch();
    }

    private void level(final long sequence, final int side, final long price, final long qty, final int orders)
    {
        subscriptions.onMarketData(levelReport(0, sequence, side, price, qty, orders));
    }

    private static ExecutionReport levelReport(
        final int instrumentId, final long sequence, final int side, final long price, final long qty,
        final int orders)
    {
        final ExecutionReport level = report(ResultType.LEVEL, instrumentId, sequence);
        level.side = side;
        level.price = price;
        level.qty = qty;
        level.orderCount = orders;
        return level;
    }

    private void trade(final long sequence, final long price, final long qty)
    {
        final ExecutionReport trade = report(ResultType.TRADE, 0, sequence);
        trade.side = Side.SELL;
        trade.price = price;
        trade.qty = qty;
        subscriptions.onMarketData(trade);
    }

    /** What was sent since the last call, one line a message. */
    private List<String> sent()
    {
        final List<String> lines = new ArrayList<>();
        for (final Message message : sender.take())
        {
            lines.add(MessageText.describe(message));
        }
        return lines;
    }

    @Test
    void aSubscriberGetsTheSnapshotOnceTheBookIsInStepThenOneRefreshPerCommand()
    {
        request(Requests.subscribe("r1", 0, "BTC-USD"));
        assertEquals(List.of(), sent());
        final long correlation = askedSnapshot();
        // An update ahead of the answer in the stream: the answer, which comes after it, replaces it.
        level(5, Side.BUY, 7990, 10, 1);
        answer(correlation, Side.BUY, 8000, 150, 2, Side.SELL, 8010, 30, 1);
        assertEquals(List.of("W r1 BTC-USD bid 80x0.015#2 offer 80.1x0.003#1"), sent());

        // Command 7 sells 120 lots into the two bids at 80 (100 and 50 lots): it fills 100, the level is left with
        // 50 in 1 order, then 20 more, leaving 30 in 1 order. One refresh, in the engine's order.
        trade(7, 8000, 100);
        level(7, Side.BUY, 8000, 50, 1);
        trade(7, 8000, 20);
        level(7, Side.BUY, 8000, 30, 1);
        // Commands 8 and 9 in the same poll: two refreshes.
        level(8, Side.BUY, 8005, 20, 1);
        level(9, Side.SELL, 8010, 0, 0);
        subscriptions.endOfBatch();
        assertEquals(List.of(
            "X r1 trade BTC-USD 80x0.01, change bid BTC-USD 80x0.005#1, trade BTC-USD 80x0.002, " +
                "change bid BTC-USD 80x0.003#1",
            "X r1 new bid BTC-USD 80.05x0.002#1",
            "X r1 delete offer BTC-USD 80.1"), sent());

        // Another instrument's updates reach nobody: nobody asked for it.
        subscriptions.onMarketData(levelReport(1, 10, Side.BUY, 5, 5, 1));
        subscriptions.endOfBatch();
        assertEquals(List.of(), sent());
        assertEquals(1, subscriptions.subscriptionCount());
    }

    @Test
    void aLaterSubscriberIsAnsweredFromTheBookAtOnce()
    {
        request(Requests.subscribe("r1", 0, "BTC-USD"));
        answer(askedSnapshot(), Side.BUY, 8000, 150, 2);
        level(3, Side.SELL, 8010, 30, 1);
        subscriptions.endOfBatch();
        sent();

        request(CLIENT2, Requests.request("t1", '1', 0, new char[]{MDEntryType.TRADE}, "BTC-USD"));
        assertEquals(0, subscriptions.requestSnapshots(), "no BOOK_SNAPSHOT: the book is in step");
        assertEquals(List.of("CLIENT2"), sender.targets());
        // A trades-only subscriber's snapshot has no entries; its refreshes only trades.
        assertEquals(List.of("W t1 BTC-USD"), sent());
        trade(4, 8000, 5);
        level(4, Side.BUY, 8000, 145, 2);
        subscriptions.endOfBatch();
        assertEquals(List.of("CLIENT1", "CLIENT2"), sender.targets());
        assertEquals(List.of("X r1 trade BTC-USD 80x0.0005, change bid BTC-USD 80x0.0145#2",
            "X t1 trade BTC-USD 80x0.0005"), sent());
    }

    @Test
    void aTopOfBookSubscriberSeesTheLevelsPushedOutAndPulledIn()
    {
        request(Requests.request("top", '1', 1, new char[]{MDEntryType.BID}, "BTC-USD"));
        request(Requests.request("all", '1', 0, new char[]{MDEntryType.BID}, "BTC-USD"));
        answer(askedSnapshot(), Side.BUY, 8000, 10, 1, Side.BUY, 7990, 20, 2, Side.SELL, 8010, 1, 1);
        assertEquals(List.of("W all BTC-USD bid 80x0.001#1 bid 79.9x0.002#2", "W top BTC-USD bid 80x0.001#1"),
            sent());

        // A better bid: for the top-1 view, 80 leaves (deleted) and 80.05 comes in.
        level(2, Side.BUY, 8005, 5, 1);
        // Below the top: only the full view sees it.
        level(3, Side.BUY, 7990, 15, 1);
        // Offers: neither asked for them.
        level(4, Side.SELL, 8010, 0, 0);
        // The best bid goes: for the top-1 view, 80 comes back with its whole state.
        level(5, Side.BUY, 8005, 0, 0);
        subscriptions.endOfBatch();
        assertEquals(List.of(
            "X top delete bid BTC-USD 80, new bid BTC-USD 80.05x0.0005#1",
            "X all new bid BTC-USD 80.05x0.0005#1",
            "X all change bid BTC-USD 79.9x0.0015#1",
            "X top delete bid BTC-USD 80.05, new bid BTC-USD 80x0.001#1",
            "X all delete bid BTC-USD 80.05"), sent());
    }

    @Test
    void droppedUpdatesResynchroniseTheBookAndEverySubscriberGetsAFreshSnapshot()
    {
        request(Requests.subscribe("r1", 0, "BTC-USD"));
        final long first = askedSnapshot();
        answer(first, Side.BUY, 8000, 10, 1);
        sent();

        // The engine dropped updates before this one (say 80.01 appeared and 80 grew): nothing more is sent from a
        // book that may be wrong.
        final ExecutionReport afterGap = levelReport(0, 6, Side.SELL, 8020, 3, 1);
        afterGap.gap = true;
        subscriptions.onMarketData(afterGap);
        level(7, Side.SELL, 8030, 4, 1);
        subscriptions.endOfBatch();
        assertEquals(List.of(), sent());
        assertEquals(1, subscriptions.gaps());

        final long second = askedSnapshot();
        assertNotEquals(first, second);
        answer(second, Side.BUY, 8001, 2, 1, Side.BUY, 8000, 12, 2, Side.SELL, 8020, 3, 1, Side.SELL, 8030, 4, 1);
        assertEquals(List.of("W r1 BTC-USD bid 80.01x0.0002#1 bid 80x0.0012#2 offer 80.2x0.0003#1 " +
            "offer 80.3x0.0004#1"), sent());
        level(9, Side.SELL, 8030, 0, 0);
        subscriptions.endOfBatch();
        assertEquals(List.of("X r1 delete offer BTC-USD 80.3"), sent());
    }

    @Test
    void anOlderSnapshotAnswerDoesNotCompleteANewerResync()
    {
        request(Requests.subscribe("r1", 0, "BTC-USD"));
        final long first = askedSnapshot();
        final ExecutionReport afterGap = levelReport(0, 2, Side.BUY, 8000, 10, 1);
        afterGap.gap = true;
        subscriptions.onMarketData(afterGap);
        final long second = askedSnapshot();

        // The first answer was from before the updates lost: it rebuilds the book but sends nobody anything.
        answer(first, Side.BUY, 7000, 1, 1);
        assertEquals(List.of(), sent());
        answer(second, Side.BUY, 8000, 10, 1);
        assertEquals(List.of("W r1 BTC-USD bid 80x0.001#1"), sent());
    }

    @Test
    void aSessionThatRefusedAMessageGetsASnapshotBeforeAnyMoreUpdates()
    {
        request(Requests.subscribe("r1", 0, "BTC-USD"));
        answer(askedSnapshot(), Side.BUY, 8000, 10, 1);
        sent();

        sender.refuse(true);
        level(2, Side.BUY, 8005, 5, 1);
        subscriptions.endOfBatch();
        assertEquals(1, sender.refused());
        // Still refusing: the next change tries a snapshot (not the update), refused too.
        level(3, Side.BUY, 7990, 7, 1);
        subscriptions.endOfBatch();
        assertEquals(2, sender.refused());

        // It can take messages again: the next change brings a snapshot that includes the changes it missed.
        sender.refuse(false);
        level(4, Side.SELL, 8010, 1, 1);
        subscriptions.endOfBatch();
        assertEquals(List.of("W r1 BTC-USD bid 80.05x0.0005#1 bid 80x0.001#1 bid 79.9x0.0007#1 " +
            "offer 80.1x0.0001#1"), sent());
        level(5, Side.SELL, 8010, 0, 0);
        subscriptions.endOfBatch();
        assertEquals(List.of("X r1 delete offer BTC-USD 80.1"), sent());

        // Refused again, then nothing changes: the idle retry sends the snapshot.
        sender.refuse(true);
        level(6, Side.BUY, 8005, 0, 0);
        subscriptions.endOfBatch();
        assertEquals(0, subscriptions.retryStale());
        sender.refuse(false);
        assertEquals(1, subscriptions.retryStale());
        assertEquals(List.of("W r1 BTC-USD bid 80x0.001#1 bid 79.9x0.0007#1"), sent());
        assertEquals(0, subscriptions.retryStale());
    }

    @Test
    void aSnapshotOnlyRequestGetsOneSnapshotAndNothingMore()
    {
        request(Requests.snapshot("s1", "BTC-USD"));
        assertEquals(1, subscriptions.subscriptionCount());
        answer(askedSnapshot(), Side.SELL, 8010, 30, 1);
        assertEquals(List.of("W s1 BTC-USD offer 80.1x0.003#1"), sent());
        assertEquals(0, subscriptions.subscriptionCount());
        level(2, Side.SELL, 8010, 0, 0);
        subscriptions.endOfBatch();
        assertEquals(List.of(), sent());

        // The book stays in step: the same MDReqID again is a new request, answered at once.
        request(Requests.snapshot("s1", "BTC-USD"));
        assertEquals(0, subscriptions.requestSnapshots());
        assertEquals(List.of("W s1 BTC-USD"), sent());
    }

    @Test
    void unsubscribingAndLeavingEndSubscriptions()
    {
        request(Requests.subscribe("r1", 0, "BTC-USD", "ETH-USD"));
        request(CLIENT2, Requests.subscribe("r1", 0, "BTC-USD"));
        subscriptions.requestSnapshots();
        answer(snapshotsAsked.get(0), Side.BUY, 8000, 10, 1);
        answer(snapshotsAsked.get(1));
        assertEquals(List.of("W r1 BTC-USD bid 80x0.001#1", "W r1 BTC-USD bid 80x0.001#1", "W r1 ETH-USD"), sent());
        assertEquals(3, subscriptions.subscriptionCount());

        request(Requests.subscribe("r1", 0, "BTC-USD"));
        request(Requests.unsubscribe("r7", "BTC-USD"));
        assertEquals(List.of("Y r1 reason=1 MDReqID r1 is already subscribed",
            "Y r7 no subscription has MDReqID r7"), sent());

        // CLIENT1 unsubscribes r1 (both its symbols); CLIENT2's r1 goes on.
        request(Requests.unsubscribe("r1", "BTC-USD", "ETH-USD"));
        assertEquals(1, subscriptions.subscriptionCount());
        level(2, Side.BUY, 8000, 0, 0);
        subscriptions.endOfBatch();
        assertEquals(List.of("CLIENT2"), sender.targets());
        assertEquals(List.of("X r1 delete bid BTC-USD 80"), sent());

        subscriptions.onRequest(SubscriptionRequest.sessionGone(CLIENT2));
        assertEquals(0, subscriptions.subscriptionCount());
        level(3, Side.BUY, 8000, 1, 1);
        subscriptions.endOfBatch();
        assertEquals(List.of(), sent());
    }

    @Test
    void aRefusedRequestIsRejectedAndAsksTheEngineForNothing()
    {
        request(Requests.subscribe("r1", 0, "XYZ"));
        assertEquals(List.of("Y r1 reason=0 unknown symbol XYZ"), sent());
        assertEquals(0, subscriptions.requestSnapshots());
        assertEquals(0, subscriptions.subscriptionCount());
    }

    @Test
    void aFullRingDelaysTheBookSnapshotUntilItHasRoom()
    {
        ringFull = true;
        request(Requests.subscribe("r1", 0, "BTC-USD"));
        assertEquals(0, subscriptions.requestSnapshots());
        ringFull = false;
        answer(askedSnapshot(), Side.BUY, 8000, 10, 1);
        assertEquals(List.of("W r1 BTC-USD bid 80x0.001#1"), sent());
        assertEquals(1, subscriptions.snapshotsRequested());
    }

    @Test
    void whenTheEngineStopsDeliveringEverySubscriberIsTold()
    {
        request(Requests.subscribe("r1", 0, "BTC-USD"));
        answer(askedSnapshot());
        sent();
        subscriptions.onDisconnected("engine stopped");
        assertEquals(List.of("Y r1 market data stopped: engine stopped"), sent());
        assertEquals(0, subscriptions.subscriptionCount());
        request(Requests.subscribe("r2", 0, "BTC-USD"));
        assertEquals(List.of("Y r2 market data stopped: engine stopped"), sent());
    }
}
