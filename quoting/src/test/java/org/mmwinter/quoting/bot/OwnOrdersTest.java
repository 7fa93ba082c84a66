package org.mmwinter.quoting.bot;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.Side;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scans stop at the last slot in use, and see the same orders as a scan of every slot would: new orders take
 * the lowest free slot, a slot freed in the middle leaves the end where it is, freeing the last one brings the end
 * back past every free slot below it, and a full pool refuses the next order.
 */
final class OwnOrdersTest
{
    @Test
    void scansEndAtTheLastSlotInUse()
    {
        final OwnOrders orders = new OwnOrders(8);
        assertEquals(0, orders.end());
        final int bid = orders.add(1, Side.BUY, 100, 5, OwnOrders.LIVE);
        final int middle = orders.add(2, Side.BUY, 99, 7, OwnOrders.LIVE);
        final int ask = orders.add(3, Side.SELL, 101, 4, OwnOrders.PENDING_NEW);
        assertEquals(0, bid);
        assertEquals(3, orders.end());
        assertEquals(12, orders.sideExposure(Side.BUY));
        assertEquals(4, orders.sideExposure(Side.SELL));

        orders.free(middle);
        assertEquals(3, orders.end(), "a slot freed below the last one leaves the end");
        assertEquals(5, orders.sideExposure(Side.BUY));
        assertEquals(5, orders.restingWithin(Side.BUY, 99));
        assertEquals(0, orders.restingAt(Side.SELL, 101), "not acknowledged yet");
        assertEquals(ask, orders.find(ClientOrderId.of("3")));

        assertEquals(middle, orders.add(4, Side.SELL, 102, 2, OwnOrders.LIVE), "the lowest free slot is reused");
        assertTrue(orders.twoSided());
        orders.free(middle);
        orders.free(ask);
        assertEquals(1, orders.end(), "freeing the last slot moves the end past the free ones below it");
        assertFalse(orders.anyOn(Side.SELL));
        assertEquals(OwnOrders.NONE, orders.find(ClientOrderId.of("3")));

        orders.free(bid);
        assertEquals(0, orders.end());
        for (int i = 0; i < 8; i++)
        {
            assertEquals(i, orders.add(10 + i, Side.BUY, 90 + i, 1, OwnOrders.LIVE));
        }
        assertEquals(8, orders.end());
        assertEquals(OwnOrders.NONE, orders.add(99, Side.BUY, 80, 1, OwnOrders.LIVE), "the pool is full");
        assertEquals(8, orders.sideExposure(Side.BUY));
    }
}
