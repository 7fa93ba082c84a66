package org.mmwinter.replay.crash;

import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.Side;

/**
 * The public book of a bare {@link MatchingEngine}, as the crash flow's agents see it in tests run without the
 * pipeline or market makers.
 */
final class EngineMarketView implements MarketView
{
    private final MatchingEngine engine;
    private final int instrumentId;

    EngineMarketView(final MatchingEngine engine, final int instrumentId)
    {
        this.engine = engine;
        this.instrumentId = instrumentId;
    }

    @Override
    public long bestBid()
    {
        return orNone(engine.bestPrice(instrumentId, Side.BUY));
    }

    @Override
    public long bestAsk()
    {
        return orNone(engine.bestPrice(instrumentId, Side.SELL));
    }

    @Override
    public long lastTrade()
    {
        return orNone(engine.lastTradePrice(instrumentId));
    }

    private static long orNone(final long price)
    {
        return price == MatchingEngine.NO_PRICE ? NONE : price;
    }
}
