package org.mmwinter.quoting.account;

import org.mmwinter.engine.core.Side;

/**
 * The market maker's books for one instrument: cash, inventory at average cost, realized and unrealized P&amp;L, fees,
 * the spread it captured against the mid and how the mid moved after each of its fills (markouts at +1 s, +10 s and
 * +60 s of event time). Fed with the bot's own fills and every mid; allocates nothing after construction.
 *
 * <p>Fills whose markouts are not all settled wait in a ring of {@code markoutCapacity} entries. When a fill
 * arrives and the ring is full, the oldest entry is settled early, at the current mid, for every horizon still
 * pending on it, and counted in {@link #markoutsDropped()}: memory stays bounded and no fill is left out of the
 * sums, at the price of a shorter horizon for that one fill. Event time is expected not to go backwards; fills
 * are settled in the order they arrived.
 *
 * <p>The formulas and sign conventions of every figure are in the package documentation.
 */
public final class InstrumentLedger
{
    /** Index of the markout measured 1 s of event time after a fill. */
    public static final int MARKOUT_1S = 0;
    /** Index of the markout measured 10 s of event time after a fill. */
    public static final int MARKOUT_10S = 1;
    /** Index of the markout measured 60 s of event time after a fill. */
    public static final int MARKOUT_60S = 2;
    /** How many markout horizons there are. */
    public static final int MARKOUT_HORIZONS = 3;

    /**
     * A closing quantity within this fraction of the open position closes it exactly: decimal quantities such as
     * 0.1 + 0.2 - 0.3 do not cancel in binary, and the ledger should still come back flat.
     */
    static final double FLAT_TOLERANCE = 1e-9;

    private static final long[] HORIZON_NS = {1_000_000_000L, 10_000_000_000L, 60_000_000_000L};

    private final int instrumentId;
    private final String symbol;

    private double cash;
    private double inventory;
    private double averageCost = Double.NaN;
    private double realizedPnl;
    private double fees;
    private double spreadCaptured;
    private double lastMid = Double.NaN;
    private long fills;
    private double volume;
    private double notionalTraded;
    private double buyQty;
    private double sellQty;

    private final double[] markout = new double[MARKOUT_HORIZONS];
    private final long[] markoutCount = new long[MARKOUT_HORIZONS];
    private long markoutsDropped;

    // Pending markouts: one ring shared by the three horizons. Entries are numbered by a sequence that only grows;
    // next[h] is the oldest entry not yet settled at horizon h. A fill due at 60 s is due at 10 s and 1 s, so
    // next[MARKOUT_60S] <= next[MARKOUT_10S] <= next[MARKOUT_1S] <= tail, and the 60 s one is the oldest pending.
    private final int capacity;
    private final long[] pendingTimeNs;
    private final double[] pendingPrice;
    private final double[] pendingSignedQty;
    private final long[] next = new long[MARKOUT_HORIZONS];
    private long tail;

    /**
     * @param instrumentId    the engine's instrument id.
     * @param symbol          the instrument's symbol, used as its name in the status line and JSON.
     * @param markoutCapacity how many fills may wait for their markouts at once (at least 1).
     */
    public InstrumentLedger(final int instrumentId, final String symbol, final int markoutCapacity)
    {
        if (symbol == null || symbol.isEmpty())
        {
            throw new IllegalArgumentException("symbol=" + symbol + ": an instrument needs a non-empty symbol");
        }
        if (markoutCapacity < 1)
        {
            throw new IllegalArgumentException("markoutCapacity=" + markoutCapacity + ": must be at least 1");
        }
        this.instrumentId = instrumentId;
        this.symbol = symbol;
        this.capacity = markoutCapacity;
        this.pendingTimeNs = new long[markoutCapacity];
        this.pendingPrice = new double[markoutCapacity];
        this.pendingSignedQty = new double[markoutCapacity];
    }

    /**
     * Books one of the bot's own fills.
     *
     * @param nowNs event time of the fill, nanoseconds.
     * @param side  {@link Side#BUY} or {@link Side#SELL}, the bot's side.
     * @param price fill price.
     * @param qty   filled quantity, base units, positive.
     * @param fee   fee in quote currency: positive paid, negative a rebate received.
     * @param mid   the mid just before the fill, or NaN when unknown (spread captured then counts 0 and the
     *              position is marked at the fill price until the next mid).
     */
    public void onFill(
        final long nowNs, final int side, final double price, final double qty, final double fee, final double mid)
    {
        if (!Side.isValid(side))
        {
            throw new IllegalArgumentException("side=" + side + ": not Side.BUY or Side.SELL");
        }
        if (!(qty > 0) || Double.isInfinite(qty))
        {
            throw new IllegalArgumentException("qty=" + qty + ": a fill quantity must be positive and finite");
        }
        if (Double.isNaN(price) || Double.isInfinite(price))
        {
            throw new IllegalArgumentException("price=" + price + ": a fill price must be finite");
        }
        if (Double.isNaN(fee) || Double.isInfinite(fee))
        {
            throw new IllegalArgumentException("fee=" + fee + ": a fee must be finite (0 when none)");
        }
        final double direction = side == Side.BUY ? 1.0 : -1.0;
        final double signedQty = direction * qty;

        cash -= signedQty * price + fee;
        fees += fee;
        fills++;
        volume += qty;
        notionalTraded += price * qty;
        if (side == Side.BUY)
        {
            buyQty += qty;
        }
        else
        {
            sellQty += qty;
        }
        final boolean midKnown = !Double.isNaN(mid);
        if (midKnown)
        {
            spreadCaptured += (mid - price) * signedQty;
        }
        lastMid = midKnown ? mid : price;

        bookPosition(signedQty, qty, price);
        addPendingMarkout(nowNs, price, signedQty);
    }

    /**
     * Marks the position to a new mid and settles the markouts that came due ({@code fillTime + horizon <= nowNs}).
     * A NaN mid (one side of the book empty) changes nothing.
     *
     * @param nowNs event time of the mid, nanoseconds.
     * @param mid   the mid price.
     */
    public void onMid(final long nowNs, final double mid)
    {
        if (Double.isNaN(mid))
        {
            return;
        }
        lastMid = mid;
        final long end = tail;
        for (int h = 0; h < MARKOUT_HORIZONS; h++)
        {
            final long horizonNs = HORIZON_NS[h];
            long seq = next[h];
            while (seq < end)
            {
                final int slot = slot(seq);
                if (pendingTimeNs[slot] + horizonNs > nowNs)
                {
                    break;
                }
                settle(h, slot, mid);
                seq++;
            }
            next[h] = seq;
        }
    }

    private void bookPosition(final double signedQty, final double qty, final double price)
    {
        final double position = inventory;
        if (position == 0)
        {
            inventory = signedQty;
            averageCost = price;
            return;
        }
        final double open = Math.abs(position);
        if ((position > 0) == (signedQty > 0))
        {
            averageCost = (averageCost * open + price * qty) / (open + qty);
            inventory = position + signedQty;
            return;
        }
        final double positionSign = position > 0 ? 1.0 : -1.0;
        if (Math.abs(qty - open) <= FLAT_TOLERANCE * Math.max(open, qty))
        {
            realizedPnl += positionSign * open * (price - averageCost);
            inventory = 0;
            averageCost = Double.NaN;
        }
        else if (qty < open)
        {
            realizedPnl += positionSign * qty * (price - averageCost);
            inventory = position + signedQty;
        }
        else
        {
            // Through zero: the whole old position is closed, the rest opens a new one at this fill's price.
            realizedPnl += positionSign * open * (price - averageCost);
            inventory = -positionSign * (qty - open);
            averageCost = price;
        }
    }

    private void addPendingMarkout(final long nowNs, final double price, final double signedQty)
    {
        final long oldest = next[MARKOUT_60S];
        if (tail - oldest == capacity)
        {
            final int slot = slot(oldest);
            for (int h = 0; h < MARKOUT_HORIZONS; h++)
            {
                if (next[h] == oldest)
                {
                    settle(h, slot, lastMid);
                    next[h] = oldest + 1;
                }
            }
            markoutsDropped++;
        }
        final int slot = slot(tail);
        pendingTimeNs[slot] = nowNs;
        pendingPrice[slot] = price;
        pendingSignedQty[slot] = signedQty;
        tail++;
    }

    private void settle(final int horizon, final int slot, final double mid)
    {
        markout[horizon] += (mid - pendingPrice[slot]) * pendingSignedQty[slot];
        markoutCount[horizon]++;
    }

    private int slot(final long seq)
    {
        return (int)(seq % capacity);
    }

    /**
     * The event-time length of a markout horizon, nanoseconds.
     */
    public static long horizonNs(final int horizon)
    {
        checkHorizon(horizon);
        return HORIZON_NS[horizon];
    }

    static void checkHorizon(final int horizon)
    {
        if (horizon < 0 || horizon >= MARKOUT_HORIZONS)
        {
            throw new IllegalArgumentException("horizon=" + horizon + ": not MARKOUT_1S, MARKOUT_10S or MARKOUT_60S");
        }
    }

    /**
     * The engine's instrument id.
     */
    public int instrumentId()
    {
        return instrumentId;
    }

    /**
     * The instrument's symbol.
     */
    public String symbol()
    {
        return symbol;
    }

    /**
     * Quote currency: -price*qty on buys, +price*qty on sells, -fee on every fill.
     */
    public double cash()
    {
        return cash;
    }

    /**
     * Signed position in base units: positive long, negative short.
     */
    public double inventory()
    {
        return inventory;
    }

    /**
     * Average entry price of the open position, NaN when flat.
     */
    public double averageCost()
    {
        return averageCost;
    }

    /**
     * P&amp;L of closing trades against the average cost, before fees.
     */
    public double realizedPnl()
    {
        return realizedPnl;
    }

    /**
     * (mid - averageCost) * inventory at the last mid, 0 when flat.
     */
    public double unrealizedPnl()
    {
        return inventory == 0 ? 0 : (lastMid - averageCost) * inventory;
    }

    /**
     * Net fees paid: the sum of the fills' fees, rebates negative.
     */
    public double fees()
    {
        return fees;
    }

    /**
     * Mark-to-market value: cash + inventory * mid (just cash when flat).
     */
    public double equity()
    {
        return inventory == 0 ? cash : cash + inventory * lastMid;
    }

    /**
     * Sum over fills of (mid - price) * qty for buys, (price - mid) * qty for sells; positive is earned.
     */
    public double spreadCaptured()
    {
        return spreadCaptured;
    }

    /**
     * Sum over the fills settled at a horizon of (mid at fill time + horizon - price) * qty * sign, sign +1 for
     * buys and -1 for sells: positive when the mid moved the bot's way after the fill.
     *
     * @param horizon {@link #MARKOUT_1S}, {@link #MARKOUT_10S} or {@link #MARKOUT_60S}.
     */
    public double markout(final int horizon)
    {
        checkHorizon(horizon);
        return markout[horizon];
    }

    /**
     * How many fills are settled (and summed in {@link #markout(int)}) at a horizon.
     *
     * @param horizon {@link #MARKOUT_1S}, {@link #MARKOUT_10S} or {@link #MARKOUT_60S}.
     */
    public long markoutCount(final int horizon)
    {
        checkHorizon(horizon);
        return markoutCount[horizon];
    }

    /**
     * How many fills had their markouts settled early because the pending ring was full.
     */
    public long markoutsDropped()
    {
        return markoutsDropped;
    }

    /**
     * How many fills still wait for at least one markout.
     */
    public int markoutsPending()
    {
        return (int)(tail - next[MARKOUT_60S]);
    }

    /**
     * How many fills may wait for their markouts at once.
     */
    public int markoutCapacity()
    {
        return capacity;
    }

    /**
     * Number of fills booked.
     */
    public long fills()
    {
        return fills;
    }

    /**
     * Base units traded, both sides.
     */
    public double volume()
    {
        return volume;
    }

    /**
     * Quote currency traded, both sides: the sum of price * qty.
     */
    public double notionalTraded()
    {
        return notionalTraded;
    }

    /**
     * Base units bought.
     */
    public double buyQty()
    {
        return buyQty;
    }

    /**
     * Base units sold.
     */
    public double sellQty()
    {
        return sellQty;
    }

    /**
     * The mark: the last known mid (or the price of a later fill that came without one), NaN before any.
     */
    public double lastMid()
    {
        return lastMid;
    }
}
