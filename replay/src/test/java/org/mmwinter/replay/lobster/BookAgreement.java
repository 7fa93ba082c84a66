package org.mmwinter.replay.lobster;

import org.agrona.collections.Long2LongHashMap;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.Side;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Checks that the {@link LevelView} the checks read agrees with the core's own book, level by level: the view is
 * kept from the core's level reports, and a missed report would make every comparison wrong.
 */
final class BookAgreement
{
    private BookAgreement()
    {
    }

    static void assertViewMatchesCore(final LobsterRebuild rebuild)
    {
        final MatchingEngine engine = rebuild.engine();
        final Long2LongHashMap bids = new Long2LongHashMap(0);
        final Long2LongHashMap asks = new Long2LongHashMap(0);
        engine.forEachOrder(0, (instrument, side, price, qty, account, clientOrderId, orderId) ->
            (side == Side.BUY ? bids : asks).put(price, (side == Side.BUY ? bids : asks).get(price) + qty));
        final LevelView view = rebuild.levels();
        assertEquals(bids.size(), view.levels(Side.BUY), "bid levels");
        assertEquals(asks.size(), view.levels(Side.SELL), "ask levels");
        for (int rank = 0; rank < view.levels(Side.BUY); rank++)
        {
            assertEquals(bids.get(view.price(Side.BUY, rank)), view.size(Side.BUY, rank), "bid rank " + rank);
        }
        for (int rank = 0; rank < view.levels(Side.SELL); rank++)
        {
            assertEquals(asks.get(view.price(Side.SELL, rank)), view.size(Side.SELL, rank), "ask rank " + rank);
        }
    }
}
