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

    @Test
    void ordersAboveTheEagerPartAreCreatedOnFirstNeedAndThenReused()
    {
        final LiveOrders live = new LiveOrders(1 << 20);
        assertEquals(LiveOrders.EAGER_ORDERS, live.queues().created());
        final List<Order> orders = new ArrayList<>();
        final int peak = LiveOrders.EAGER_ORDERS + 1_000;
        for (int id = 0; id < peak; id++)
        {
            orders.add(order(live, id % 7, id));
            live.add(orders.get(id));
        }
        assertEquals(peak, live.queues().created());
        assertEquals(peak, live.size());
        for (final Order order : orders)
        {
            live.remove(order);
            live.release(order);
        }
        // A second climb to the same peak reuses the orders: nothing created.
        for (int id = 0; id < peak; id++)
        {
            live.add(order(live, id % 7, id));
        }
        assertEquals(peak, live.queues().created());
        assertEquals(peak, live.size());

        // An engine expecting fewer than the eager part creates all it expects up front, as before.
        assertEquals(1_000, new LiveOrders(1_000).queues().created());
    }

    @Test
    void indexFollowsTheLiveCountNotTheExpectedCount()
    {
        final LiveOrders live = new LiveOrders(1 << 20);
        // The smallest prefix, 32 slots, whatever the 2,097,152 slots preallocated for a million orders.
        assertEquals(32, live.indexSlots());
        final List<Order> orders = new ArrayList<>();
        for (int id = 0; id < 16; id++)
        {
            orders.add(order(live, id % 3, id));
            live.add(orders.get(id));
        }
        // Adds grow the prefix when it is half full before the add: the 17th add finds 16 in 32 slots.
        assertEquals(32, live.indexSlots());
        orders.add(order(live, 16 % 3, 16));
        live.add(orders.get(16));
        assertEquals(64, live.indexSlots());
        for (int id = 17; id < 1_000; id++)
        {
            orders.add(order(live, id % 3, id));
            live.add(orders.get(id));
        }
        // 1,000 live orders: grown at 16, 32, 64, 128, 256 and 512 live to 2,048 slots (at most half full).
        assertEquals(2_048, live.indexSlots());
        assertEquals(1_000, live.size());
        for (int id = 0; id < 1_000; id++)
        {
            assertSame(orders.get(id), live.find(id % 3, EngineFixture.idOf(id)), "id " + id);
        }
    }

    @Test
    void reservingForASnapshotsOrdersSizesTheIndexOnceAndKeepsWhatItHolds()
    {
        final LiveOrders live = new LiveOrders(16);
        final List<Order> orders = new ArrayList<>();
        for (int id = 0; id < 10; id++)
        {
            orders.add(order(live, id % 3, id));
            live.add(orders.get(id));
        }
        // Room for 5,000 more beside the 10 held: 5,010 at most half full is 16,384 slots, past the 32 preallocated.
        live.reserve(5_000);
        assertEquals(16_384, live.indexSlots());
        for (int id = 0; id < 10; id++)
        {
            assertSame(orders.get(id), live.find(id % 3, EngineFixture.idOf(id)), "held before, id " + id);
        }
        for (int id = 10; id < 5_010; id++)
        {
            orders.add(order(live, id % 3, id));
            live.add(orders.get(id));
        }
        assertEquals(16_384, live.indexSlots(), "no growth while the reserved orders are added");
        for (int id = 0; id < 5_010; id++)
        {
            assertSame(orders.get(id), live.find(id % 3, EngineFixture.idOf(id)), "id " + id);
        }
        live.reserve(100);
        assertEquals(16_384, live.indexSlots(), "room enough already");
    }

    @Test
    void indexShrinksWhenAnEighthFullAndStillFindsEveryOrderAfterGrowthAndRemovals()
    {
        final LiveOrders live = new LiveOrders(16);
        final List<Order> orders = new ArrayList<>();
        for (int id = 0; id < 200; id++)
        {
            orders.add(order(live, id % 5, id));
            live.add(orders.get(id));
        }
        // Past the 16 expected orders: 200 live need 512 slots (grown at 128 live from 256).
        assertEquals(512, live.indexSlots());
        for (int id = 0; id < 137; id++)
        {
            live.remove(orders.get(id));
        }
        // 63 left: below 512 / 8 = 64 after the 137th removal, so one halving to 256.
        assertEquals(256, live.indexSlots());
        assertEquals(63, live.size());
        for (int id = 137; id < 200; id++)
        {
            assertSame(orders.get(id), live.find(id % 5, EngineFixture.idOf(id)), "id " + id);
        }
        for (int id = 0; id < 137; id++)
        {
            assertNull(live.find(id % 5, EngineFixture.idOf(id)), "removed id " + id);
        }
        for (int id = 137; id < 200; id++)
        {
            live.remove(orders.get(id));
        }
        // Empty: halved at 31 live (256 -> 128), 15 (-> 64) and 7 (-> 32); 32 is the floor.
        assertEquals(32, live.indexSlots());
        assertEquals(0, live.size());
        live.add(orders.get(5));
        assertSame(orders.get(5), live.find(0, EngineFixture.idOf(5)));
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
