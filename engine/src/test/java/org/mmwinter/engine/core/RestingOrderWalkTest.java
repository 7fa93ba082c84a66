package org.mmwinter.engine.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mmwinter.engine.core.Side.BUY;
import static org.mmwinter.engine.core.Side.SELL;

/**
 * The snapshot's walk over the books ({@link MatchingEngine#forEachRestingOrder}) visits every resting order once, in
 * time priority within its level, best level first, whatever a level's length against how far the walk reads
 * ahead (levels of 1, 31, 32, 33 and 100 orders), and after orders left the middle of a level or went to its back.
 */
final class RestingOrderWalkTest
{
    private static final int ACCOUNT = 1;

    @Test
    void everyRestingOrderIsVisitedOnceInPriorityOrder()
    {
        final EngineFixture fixture = new EngineFixture(1_024);
        final Map<String, List<Long>> expected = new LinkedHashMap<>();
        final int[] bidLevels = {100, 33, 32, 31, 1};
        long orderId = 1;
        for (int level = 0; level < bidLevels.length; level++)
        {
            for (int i = 0; i < bidLevels[level]; i++)
            {
                rest(fixture, expected, orderId++, BUY, 1_000 - level);
            }
        }
        for (int level = 0; level < 3; level++)
        {
            for (int i = 0; i < 40; i++)
            {
                rest(fixture, expected, orderId++, SELL, 1_100 + level);
            }
        }
        // Out of the middle of the 100-order level; to the back of it (away and back); a shrink keeps its place.
        for (long id = 10; id <= 60; id += 5)
        {
            assertEquals(RejectReason.NONE, fixture.cancel(ACCOUNT, id));
            expected.get(key(BUY, 1_000)).remove(Long.valueOf(id));
        }
        for (long id = 3; id <= 9; id += 3)
        {
            assertEquals(RejectReason.NONE, fixture.amend(ACCOUNT, id, 995, 5));
            assertEquals(RejectReason.NONE, fixture.amend(ACCOUNT, id, 1_000, 5));
            expected.get(key(BUY, 1_000)).remove(Long.valueOf(id));
            expected.get(key(BUY, 1_000)).add(id);
        }
        assertEquals(RejectReason.NONE, fixture.amend(ACCOUNT, 2, 1_000, 4));

        final Map<String, List<Long>> seen = new LinkedHashMap<>();
        final List<Long> prices = new ArrayList<>();
        fixture.engine().forEachRestingOrder(EngineFixture.BTC,
            (instrument, side, price, qty, account, clientOrderId, id, tif, stp, timestampNs) ->
            {
                final String key = key(side, price);
                if (!seen.containsKey(key))
                {
                    prices.add(side == BUY ? -price : price);
                }
                seen.computeIfAbsent(key, k -> new ArrayList<>()).add(clientOrderId.decimalValue());
            });

        assertEquals(sorted(expected), sorted(seen), "each level's orders, in priority order");
        assertEquals(List.of(-1_000L, -999L, -998L, -997L, -996L, 1_100L, 1_101L, 1_102L), prices,
            "bids best first, then asks best first");
        assertEquals(fixture.engine().liveOrderCount(), seen.values().stream().mapToInt(List::size).sum());
    }

    private static void rest(final EngineFixture fixture, final Map<String, List<Long>> expected, final long orderId,
        final int side, final long price)
    {
        assertEquals(RejectReason.NONE, fixture.limit(ACCOUNT, orderId, side, price, 5));
        expected.computeIfAbsent(key(side, price), k -> new ArrayList<>()).add(orderId);
    }

    private static String key(final int side, final long price)
    {
        return (side == BUY ? "bid " : "ask ") + price;
    }

    private static Map<String, List<Long>> sorted(final Map<String, List<Long>> levels)
    {
        return new TreeMap<>(levels);
    }
}
