package org.mmwinter.engine.core;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The level array of one side against a model, through random adds (found through the map or walked to from a
 * nearby level) and removals that empty levels, drop the best one and trigger compactions: after every step the
 * array is sorted best last, the neighbour links run through it exactly, and the levels hold the model's orders.
 */
class BookSideTest
{
    private final OrderQueues queues = new OrderQueues(16);

    @ParameterizedTest
    @ValueSource(ints = {Side.BUY, Side.SELL})
    void levelsStaySortedAndLinkedThroughRandomAddsAndRemovals(final int sideCode)
    {
        for (long seed = 1; seed <= 20; seed++)
        {
            final SplittableRandom random = new SplittableRandom(seed);
            final BookSide side = new BookSide(sideCode, 4);
            final TreeMap<Long, List<Order>> model = new TreeMap<>();
            final int window = 40 + random.nextInt(400);
            for (int step = 0; step < 4_000; step++)
            {
                final String where = "seed " + seed + ", step " + step;
                if (model.isEmpty() || random.nextInt(100) < 52)
                {
                    final long price = 1_000 + random.nextInt(window) + step / 50;
                    final PriceLevel level;
                    if (!model.isEmpty() && random.nextBoolean())
                    {
                        final List<Order> orders = randomValue(model, random);
                        final PriceLevel from = side.level(orders.get(0).levelHandle);
                        level = side.findOrCreateNear(from.price + random.nextInt(21) - 10, from);
                        add(model, level);
                    }
                    else
                    {
                        level = side.findOrCreate(price);
                        add(model, level);
                    }
                }
                else
                {
                    final List<Order> orders = randomValue(model, random);
                    final Order order = orders.remove(random.nextInt(orders.size()));
                    final PriceLevel level = side.level(order.levelHandle);
                    queues.unlink(level, order);
                    if (orders.isEmpty())
                    {
                        model.remove(level.price);
                        side.remove(level);
                        if (!level.inBook)
                        {
                            assertNull(level.better, where);
                            assertNull(level.worse, where);
                        }
                    }
                }
                check(side, model, where);
            }
        }
    }

    @Test
    void aMoveFindsALevelAFewTicksAwayAndCreatesOneThatIsNotThere()
    {
        final BookSide bids = new BookSide(Side.BUY, 4);
        final PriceLevel at100 = withOrder(bids.findOrCreate(100));
        final PriceLevel at102 = withOrder(bids.findOrCreate(102));
        final PriceLevel at105 = withOrder(bids.findOrCreate(105));

        assertSame(at105, bids.findOrCreateNear(105, at100));
        assertSame(at100, bids.findOrCreateNear(100, at105));
        final PriceLevel at101 = bids.findOrCreateNear(101, at102);
        assertEquals(101, at101.price);
        assertSame(at100, at101.worse);
        assertSame(at102, at101.better);
        assertSame(at101, at100.better);
        assertSame(at101, at102.worse);

        queues.unlink(at105, queues.order(at105.head));
        bids.remove(at105);
        assertFalse(at105.inBook, "the best level emptied and left the array");
        assertNull(at102.better);
        final PriceLevel again = bids.findOrCreateNear(105, at105);
        assertEquals(105, again.price, "a level that left the array falls back to the map and the search");
        assertSame(at102, again.worse);
        assertSame(again, bids.best());
    }

    private PriceLevel withOrder(final PriceLevel level)
    {
        final Order order = queues.newOrder();
        order.remaining = 1;
        queues.append(level, order);
        return level;
    }

    private void add(final TreeMap<Long, List<Order>> model, final PriceLevel level)
    {
        final Order order = queues.newOrder();
        order.remaining = 1;
        queues.append(level, order);
        model.computeIfAbsent(level.price, p -> new ArrayList<>()).add(order);
    }

    private static List<Order> randomValue(final TreeMap<Long, List<Order>> model, final SplittableRandom random)
    {
        final int pick = random.nextInt(model.size());
        int i = 0;
        for (final List<Order> orders : model.values())
        {
            if (i++ == pick)
            {
                return orders;
            }
        }
        throw new AssertionError("unreachable");
    }

    private void check(final BookSide side, final TreeMap<Long, List<Order>> model, final String where)
    {
        final int top = side.topIndex();
        if (model.isEmpty())
        {
            assertNull(side.best(), where);
        }
        else
        {
            final long best = side.side() == Side.BUY ? model.lastKey() : model.firstKey();
            assertEquals(best, side.best().price, where);
            assertNull(side.best().better, where);
        }
        int withOrders = 0;
        PriceLevel expectedWorse = null;
        for (int index = 0; index <= top; index++)
        {
            final PriceLevel level = side.levelAtIndex(index);
            assertTrue(level.inBook, where);
            assertSame(expectedWorse, level.worse, where + ", level " + level.price);
            if (expectedWorse != null)
            {
                assertSame(level, expectedWorse.better, where);
                final boolean better = side.side() == Side.BUY ?
                    level.price > expectedWorse.price : level.price < expectedWorse.price;
                assertTrue(better, where + ": " + level.price + " after " + expectedWorse.price);
            }
            final List<Order> orders = model.get(level.price);
            assertEquals(orders == null ? 0 : orders.size(), level.orderCount, where + ", level " + level.price);
            final List<Order> queued = new ArrayList<>();
            int last = OrderQueues.NONE;
            for (int handle = level.head; handle != OrderQueues.NONE; handle = queues.next(handle))
            {
                queued.add(queues.order(handle));
                last = handle;
            }
            assertEquals(orders == null ? List.of() : orders, queued, where + ": the level's queue, in time order");
            assertEquals(last, level.tail, where + ", level " + level.price);
            if (orders != null)
            {
                withOrders++;
            }
            expectedWorse = level;
        }
        assertEquals(model.size(), withOrders, where);
        assertEquals(model.size(), side.levelCount(), where);
    }
}
