package org.mmwinter.quoting.bot;

import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.Side;

/**
 * The bot's own orders on one instrument, as the engine has confirmed them plus what is in flight, in a fixed pool
 * of slots (a ladder has a handful of levels a side, so a scan beats a hash). Each slot knows the worst case of
 * what it can still fill, which is what the inventory limits count: an order not yet acknowledged can fill
 * entirely, a cancel in flight can lose the race to a fill, and an amend in flight can first see its remainder fill
 * and then reset the remainder to its new quantity (the engine's AMEND sets the remaining quantity), so it counts
 * both.
 */
final class OwnOrders
{
    static final int FREE = 0;
    /** Sent, not yet acknowledged. */
    static final int PENDING_NEW = 1;
    /** Resting in the book. */
    static final int LIVE = 2;
    /** A cancel (or a mass cancel) is in flight. */
    static final int PENDING_CANCEL = 3;
    /** An amend to {@code amendQty} is in flight. */
    static final int PENDING_AMEND = 4;

    static final int NONE = -1;

    final int capacity;
    final ClientOrderId[] ids;
    final long[] idNumbers;
    final int[] states;
    final int[] sides;
    final long[] prices;
    /** Quantity the engine says remains (or the whole quantity while PENDING_NEW). */
    final long[] remaining;
    final long[] amendQty;
    /** Whether the engine acknowledged the order (it is in the public book). */
    final boolean[] accepted;
    private int used;
    /**
     * One past the last slot in use: {@link #add} takes the lowest free slot, so the orders sit in the first few of
     * the 64 and every scan stops here. The scans ran once or more per event each (exposure, depth net of own
     * orders, two-sidedness), about a seventh of a full-length Terra day's time when they went over all 64.
     */
    private int end;

    OwnOrders(final int capacity)
    {
        this.capacity = capacity;
        ids = new ClientOrderId[capacity];
        idNumbers = new long[capacity];
        states = new int[capacity];
        sides = new int[capacity];
        prices = new long[capacity];
        remaining = new long[capacity];
        amendQty = new long[capacity];
        accepted = new boolean[capacity];
        for (int i = 0; i < capacity; i++)
        {
            ids[i] = new ClientOrderId();
        }
    }

    /** A free slot for a new order, or {@link #NONE} when the pool is full. */
    int add(final long idNumber, final int side, final long price, final long qty, final int state)
    {
        for (int i = 0; i < capacity; i++)
        {
            if (states[i] == FREE)
            {
                ids[i].setDecimal(idNumber);
                idNumbers[i] = idNumber;
                states[i] = state;
                sides[i] = side;
                prices[i] = price;
                remaining[i] = qty;
                amendQty[i] = 0;
                accepted[i] = state != PENDING_NEW;
                used++;
                if (i >= end)
                {
                    end = i + 1;
                }
                return i;
            }
        }
        return NONE;
    }

    int find(final ClientOrderId id)
    {
        if (used == 0)
        {
            return NONE;
        }
        final long number = id.decimalValue();
        for (int i = 0; i < end; i++)
        {
            if (states[i] != FREE && idNumbers[i] == number && ids[i].equalTo(id))
            {
                return i;
            }
        }
        return NONE;
    }

    void free(final int slot)
    {
        if (states[slot] != FREE)
        {
            states[slot] = FREE;
            used--;
            while (end > 0 && states[end - 1] == FREE)
            {
                end--;
            }
        }
    }

    /** One past the last slot in use: scans over the orders go from 0 to here (the slots after it are free). */
    int end()
    {
        return end;
    }

    int used()
    {
        return used;
    }

    /** What the slot can still fill in the worst case, in lots. */
    long exposure(final int slot)
    {
        switch (states[slot])
        {
            case PENDING_NEW:
            case LIVE:
            case PENDING_CANCEL:
                return remaining[slot];
            case PENDING_AMEND:
                return remaining[slot] + amendQty[slot];
            default:
                return 0;
        }
    }

    /** Worst-case lots that orders on one side can still fill. */
    long sideExposure(final int side)
    {
        long total = 0;
        for (int i = 0; i < end; i++)
        {
            if (states[i] != FREE && sides[i] == side)
            {
                total += exposure(i);
            }
        }
        return total;
    }

    /** Worst-case notional in ticks times lots of every live or pending order (venue exposure). */
    double notional(final double tickSize, final double lotSize)
    {
        double total = 0;
        for (int i = 0; i < end; i++)
        {
            if (states[i] != FREE)
            {
                total += prices[i] * tickSize * exposure(i) * lotSize;
            }
        }
        return total;
    }

    /** Lots of the bot's own acknowledged orders resting at a price (to take them out of the public book). */
    long restingAt(final int side, final long price)
    {
        long total = 0;
        for (int i = 0; i < end; i++)
        {
            if (states[i] != FREE && accepted[i] && sides[i] == side && prices[i] == price)
            {
                total += remaining[i];
            }
        }
        return total;
    }

    /**
     * Lots of the bot's own acknowledged orders on a side at {@code limit} or better (bids at or above it, asks at or
     * below), to take them out of the public book's depth.
     */
    long restingWithin(final int side, final long limit)
    {
        long total = 0;
        for (int i = 0; i < end; i++)
        {
            if (states[i] != FREE && accepted[i] && sides[i] == side &&
                (side == Side.BUY ? prices[i] >= limit : prices[i] <= limit))
            {
                total += remaining[i];
            }
        }
        return total;
    }

    /** Whether any order is live or in flight on the side ({@link Side#BUY} or {@link Side#SELL}). */
    boolean anyOn(final int side)
    {
        for (int i = 0; i < end; i++)
        {
            if (states[i] != FREE && sides[i] == side)
            {
                return true;
            }
        }
        return false;
    }

    /** Whether some order is acknowledged and not being cancelled on each side: a two-sided quote is up. */
    boolean twoSided()
    {
        boolean bid = false;
        boolean ask = false;
        for (int i = 0; i < end; i++)
        {
            if ((states[i] == LIVE || states[i] == PENDING_AMEND) && remaining[i] > 0)
            {
                if (sides[i] == Side.BUY)
                {
                    bid = true;
                }
                else
                {
                    ask = true;
                }
            }
        }
        return bid && ask;
    }
}
