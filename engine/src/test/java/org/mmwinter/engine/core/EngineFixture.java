package org.mmwinter.engine.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A matching engine with one default instrument ({@link #BTC}) wired to a {@link RecordingListener}, and short ways
 * to send commands and read the book, so that the core's tests say what they send and what they expect and nothing
 * else. Shared with other modules through the engine's test-jar.
 */
public final class EngineFixture
{
    /** Id of the default instrument every fixture starts with. */
    public static final int BTC = 0;

    private final RecordingListener listener = new RecordingListener();
    private final ClientOrderId scratchId = new ClientOrderId();
    private final MatchingEngine engine;
    private long nowNs = 1_000;

    public EngineFixture()
    {
        this(64);
    }

    public EngineFixture(final int expectedLiveOrders)
    {
        engine = new MatchingEngine(listener, expectedLiveOrders);
        engine.addInstrument(Instrument.createDefault(BTC, "BTC"));
    }

    public MatchingEngine engine()
    {
        return engine;
    }

    public RecordingListener listener()
    {
        return listener;
    }

    /**
     * Registers one more instrument; its id must be the next dense id.
     */
    public int addInstrument(final Instrument instrument)
    {
        engine.addInstrument(instrument);
        return instrument.id();
    }

    /** GTC limit order without self-trade prevention on {@link #BTC}. */
    public int limit(final int account, final long orderId, final int side, final long price, final long qty)
    {
        return limit(account, orderId, side, price, qty, TimeInForce.GTC, StpMode.NONE);
    }

    public int limit(
        final int account, final long orderId, final int side, final long price, final long qty, final int tif)
    {
        return limit(account, orderId, side, price, qty, tif, StpMode.NONE);
    }

    public int limit(
        final int account,
        final long orderId,
        final int side,
        final long price,
        final long qty,
        final int tif,
        final int stp)
    {
        return newOrder(BTC, account, orderId, side, OrderType.LIMIT, tif, stp, price, qty);
    }

    public int market(final int account, final long orderId, final int side, final long qty, final int tif)
    {
        return market(account, orderId, side, qty, tif, StpMode.NONE);
    }

    public int market(
        final int account, final long orderId, final int side, final long qty, final int tif, final int stp)
    {
        return newOrder(BTC, account, orderId, side, OrderType.MARKET, tif, stp, MatchingEngine.NO_PRICE, qty);
    }

    public int newOrder(
        final int instrumentId,
        final int account,
        final long orderId,
        final int side,
        final int type,
        final int tif,
        final int stp,
        final long price,
        final long qty)
    {
        return engine.newOrder(nowNs++, instrumentId, account, id(orderId), side, type, tif, stp, price, qty);
    }

    public int cancel(final int account, final long orderId)
    {
        return engine.cancel(nowNs++, account, id(orderId), MatchingEngine.ANY_INSTRUMENT);
    }

    public int cancel(final int account, final long orderId, final int instrumentId)
    {
        return engine.cancel(nowNs++, account, id(orderId), instrumentId);
    }

    public int amend(final int account, final long orderId, final long price, final long qty)
    {
        return engine.amend(nowNs++, account, id(orderId), MatchingEngine.ANY_INSTRUMENT, price, qty);
    }

    public int amend(final int account, final long orderId, final int instrumentId, final long price, final long qty)
    {
        return engine.amend(nowNs++, account, id(orderId), instrumentId, price, qty);
    }

    /** An amend that also renames the order to {@code newOrderId}. */
    public int amendRenaming(
        final int account, final long orderId, final long newOrderId, final long price, final long qty)
    {
        return engine.amend(nowNs++, account, id(orderId), MatchingEngine.ANY_INSTRUMENT, price, qty,
            new ClientOrderId().setDecimal(newOrderId));
    }

    public int massCancel(final int account, final int instrumentId)
    {
        return engine.massCancel(nowNs++, account, instrumentId);
    }

    /**
     * The client order id the fixture sends for a number: its decimal text, and an empty id for a negative number
     * (how the core's tests send a command without an id). The same scratch instance each time: the core copies it.
     */
    public ClientOrderId id(final long orderId)
    {
        return orderId < 0 ? scratchId.clear() : scratchId.setDecimal(orderId);
    }

    /**
     * A new client order id holding the decimal text of {@code n}, for tests that drive the core directly.
     */
    public static ClientOrderId idOf(final long n)
    {
        return new ClientOrderId().setDecimal(n);
    }

    /**
     * Events recorded since the last call.
     */
    public List<String> drain()
    {
        return listener.drain();
    }

    /**
     * Resting orders of {@link #BTC} in priority order.
     */
    public List<String> book()
    {
        return book(BTC);
    }

    /**
     * Resting orders of one instrument in priority order (bids best first, then asks best first), one line each:
     * {@code BUY 100x10 0/1} is a bid at 100 for 10 from account 0, client order id 1.
     */
    public List<String> book(final int instrumentId)
    {
        final List<String> lines = new ArrayList<>();
        engine.forEachOrder(instrumentId, (instrument, side, price, qty, accountId, clientOrderId, orderId) ->
            lines.add(Side.name(side) + " " + price + "x" + qty + " " + accountId + "/" + clientOrderId));
        return lines;
    }

    /**
     * Everything observable about the engine's state except the command count: every book, best prices, last
     * trade, halt flags and counters. Equal snapshots before and after a command mean it changed nothing.
     */
    public List<String> snapshot()
    {
        final List<String> lines = new ArrayList<>();
        lines.add("live=" + engine.liveOrderCount() + " trades=" + engine.tradeCount() +
            " instruments=" + engine.instrumentCount());
        for (int id = 0; id < engine.instrumentCount(); id++)
        {
            lines.add(engine.instrument(id).symbol() +
                " bid=" + engine.bestPrice(id, Side.BUY) + " ask=" + engine.bestPrice(id, Side.SELL) +
                " last=" + engine.lastTradePrice(id) + " halted=" + engine.isHalted(id));
            for (final String order : book(id))
            {
                lines.add("  " + order);
            }
        }
        return lines;
    }
}
