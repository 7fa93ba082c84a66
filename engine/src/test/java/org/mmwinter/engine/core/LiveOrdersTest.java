package org.mmwinter.engine.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The live-order index (open addressing with backward-shift deletion) and per-account lists, against a HashMap,
 * through growth past the preallocated size.
 */
final class LiveOrdersTest
{
    @Test
    void findsAddedOrdersByAccountAndIdAndForgetsRemovedOnes()
    {
        final LiveOrders live = new LiveOrders(16);
        final Order a = order(live, 0, 7);
        final Order b = order(live, 1, 7);
        live.add(a);
        live.add(b);

        assertSame(a, live.find(0, EngineFixture.idOf(7)));
        assertSame(b, live.find(1, EngineFixture.idOf(7)));
        assertNull(live.find(2, EngineFixture.idOf(7)));

        live.remove(a);
        assertNull(live.find(0, EngineFixture.idOf(7)));
        assertSame(b, live.find(1, EngineFixture.idOf(7)));
        assertEquals(1, live.size());
    }

    @Test
    void accountListHoldsNewestFirst()
    {
        final LiveOrders live = new LiveOrders(16);
        final Order first = order(live, 3, 1);
        final Order second = order(live, 3, 2);
        final Order third = order(live, 3, 3);
        live.add(first);
        live.add(second);
        live.add(third);

        live.remove(second);

        assertEquals(List.of(3L, 1L), accountOrderIds(live, 3));
        assertNull(live.accountHead(4));
        assertNull(live.accountHead(-1));
        assertNull(live.accountHead(Integer.MAX_VALUE));
    }

    @Test
    void releasedOrdersAreReused()
    {
        final LiveOrders live = new LiveOrders(16);
        final Order order = live.acquire();
        order.remaining = 5;

        live.release(order);

        assertEquals(0, order.remaining);
        assertSame(order, live.acquire());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void agreesWithAHashMapThroughGrowthAndRandomRemovals(final long seed)
    {
        final Random random = new Random(seed);
        final LiveOrders live = new LiveOrders(16);
        final Map<String, Order> reference = new HashMap<>();
        final List<Order> orders = new ArrayList<>();
        for (int step = 0; step < 40_000; step++)
        {
            final int account = random.nextInt(40);
            // Dense ids collide in the low bits, which is what probing has to cope with.
            final long orderId = random.nextBoolean() ? random.nextInt(3_000) : random.nextLong() & Long.MAX_VALUE;
            final String key = account + "/" + orderId;
            final String where = "seed " + seed + " step " + step;
            if (random.nextInt(3) != 0 && !reference.containsKey(key))
            {
                final Order order = order(live, account, orderId);
                live.add(order);
                reference.put(key, order);
                orders.add(order);
            }
            else if (!orders.isEmpty())
            {
                final Order victim = orders.remove(random.nextInt(orders.size()));
                live.remove(victim);
                reference.remove(victim.accountId + "/" + victim.clientOrderId);
                live.release(victim);
            }
            assertEquals(reference.size(), live.size(), where);
            assertSame(reference.get(key), live.find(account, EngineFixture.idOf(orderId)), where);
        }
        for (final Map.Entry<String, Order> entry : reference.entrySet())
        {
            final Order order = entry.getValue();
            assertSame(order, live.find(order.accountId, order.clientOrderId), "seed " + seed + " " + entry.getKey());
        }
        for (int account = 0; account < 40; account++)
        {
            final Set<Long> expected = new HashSet<>();
            for (final Order order : orders)
            {
                if (order.accountId == account)
                {
                    expected.add(order.orderId);
                }
            }
            final List<Long> listed = accountOrderIds(live, account);
            assertEquals(expected.size(), listed.size(), "seed " + seed + " account " + account);
            assertEquals(expected, new HashSet<>(listed), "seed " + seed + " account " + account);
        }
    }

    private static Order order(final LiveOrders live, final int account, final long orderId)
    {
        final Order order = live.acquire();
        order.accountId = account;
        order.clientOrderId.setDecimal(orderId);
        order.orderId = orderId;
        return order;
    }

    private static List<Long> accountOrderIds(final LiveOrders live, final int account)
    {
        final List<Long> ids = new ArrayList<>();
        for (Order order = live.accountHead(account); order != null; order = order.accountNext)
        {
            ids.add(order.orderId);
        }
        return ids;
    }
}
