package org.mmwinter.replay.crash;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.mmwinter.engine.core.BookVisitor;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.Side;

/**
 * What the engine's book offers a taker at one moment, the figures that show liquidity leaving a venue: the quoted
 * spread in bps of mid, the depth within 1 % of mid on each side (quote currency), and the slippage against mid of a
 * market buy and a market sell of a fixed notional walked through the book in priority order. Every resting order
 * counts, the market makers' included: it is the book a taker meets.
 *
 * <p>The walk and the sums are exact, in ticks, lots and tick-lots (ticks x lots, the unit of notional the book
 * holds); doubles appear only in the final bps and quote-currency figures. The order takes whole lots until its
 * notional reaches the target, the last order it meets only as many lots as that takes. A side that cannot fill the
 * target leaves that side's slippage {@link #NO_VALUE} and {@link #buyFilled()} (or {@link #sellFilled()}) false;
 * with one side of the book empty there is no mid and every figure is {@link #NO_VALUE}.
 *
 * <p>{@link #measure} visits the book with this object as the visitor and allocates nothing.
 */
public final class BookMeasures implements BookVisitor
{
    /** A figure that cannot be had: no two-sided book, or (for slippage) not enough of it. */
    public static final double NO_VALUE = Double.NaN;
    /** The depth window: 100 bps, 1 % of mid either way. */
    public static final long DEPTH_BAND_BPS = 100;
    /** The notional of the market order walked through the book unless a run says otherwise, quote currency. */
    public static final double DEFAULT_ORDER_NOTIONAL = 10_000;

    private static final long BPS = 10_000;

    private final double orderNotional;
    private final long targetTickLots;
    /** The quote-currency value of one tick-lot: tick x lot. */
    private final double tickLotValue;

    private long bidTicks;
    private long askTicks;
    /** Best bid + best ask in ticks: twice the mid, kept whole. */
    private long twiceMid;
    private long bidDepthTickLots;
    private long askDepthTickLots;
    private long buyLots;
    private long buyTickLots;
    private long sellLots;
    private long sellTickLots;

    /**
     * @param orderNotional the market order's notional in quote currency, above zero; rounded up to whole tick-lots.
     * @throws IllegalArgumentException naming the notional when it is not above zero or too big to walk in a long.
     */
    public BookMeasures(final Instrument instrument, final double orderNotional)
    {
        if (!(orderNotional > 0) || Double.isInfinite(orderNotional))
        {
            throw new IllegalArgumentException("order notional must be a number above zero: " + orderNotional);
        }
        final BigDecimal tickLot = BigDecimal.valueOf(instrument.tickUnits()).movePointLeft(instrument.priceScale())
            .multiply(BigDecimal.valueOf(instrument.lotUnits()).movePointLeft(instrument.qtyScale()));
        final BigDecimal target = BigDecimal.valueOf(orderNotional).divide(tickLot, 0, RoundingMode.CEILING);
        // A quarter of the long range leaves room for the last order's overshoot and for doubling in the bps.
        if (target.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 4)) > 0)
        {
            throw new IllegalArgumentException("order notional " + orderNotional + " is " + target.toPlainString() +
                " tick-lots of " + instrument.symbol() + ", more than a long can walk");
        }
        this.orderNotional = orderNotional;
        this.targetTickLots = target.longValueExact();
        this.tickLotValue = tickLot.doubleValue();
    }

    /** Measures the book of {@code instrumentId} as it stands now. */
    public void measure(final MatchingEngine engine, final int instrumentId)
    {
        bidDepthTickLots = 0;
        askDepthTickLots = 0;
        buyLots = 0;
        buyTickLots = 0;
        sellLots = 0;
        sellTickLots = 0;
        bidTicks = engine.bestPrice(instrumentId, Side.BUY);
        askTicks = engine.bestPrice(instrumentId, Side.SELL);
        if (bidTicks == MatchingEngine.NO_PRICE || askTicks == MatchingEngine.NO_PRICE)
        {
            twiceMid = 0;
            return;
        }
        twiceMid = bidTicks + askTicks;
        engine.forEachOrder(instrumentId, this);
    }

    /** Bids come best first, then asks best first: the order a market sell, and then a market buy, meets them. */
    @Override
    public void onOrder(final int instrumentId, final int side, final long price, final long qty, final int accountId,
        final ClientOrderId clientOrderId, final long orderId)
    {
        // price >= mid (1 - band) is price x 2 x 10,000 >= (bid + ask) x (10,000 - band), kept whole.
        if (side == Side.BUY)
        {
            if (price * 2 * BPS >= twiceMid * (BPS - DEPTH_BAND_BPS))
            {
                bidDepthTickLots += price * qty;
            }
            if (sellTickLots < targetTickLots)
            {
                final long take = Math.min(qty, ceilDiv(targetTickLots - sellTickLots, price));
                sellLots += take;
                sellTickLots += take * price;
            }
        }
        else
        {
            if (price * 2 * BPS <= twiceMid * (BPS + DEPTH_BAND_BPS))
            {
                askDepthTickLots += price * qty;
            }
            if (buyTickLots < targetTickLots)
            {
                final long take = Math.min(qty, ceilDiv(targetTickLots - buyTickLots, price));
                buyLots += take;
                buyTickLots += take * price;
            }
        }
    }

    /** The market order's notional, quote currency, as given. */
    public double orderNotional()
    {
        return orderNotional;
    }

    /** The market order's notional in tick-lots, rounded up. */
    public long targetTickLots()
    {
        return targetTickLots;
    }

    public boolean twoSided()
    {
        return twiceMid != 0;
    }

    /** (ask - bid) / mid in bps. */
    public double spreadBps()
    {
        return twoSided() ? 2.0 * (askTicks - bidTicks) / twiceMid * BPS : NO_VALUE;
    }

    /** Quote currency resting on the bid within 1 % below mid. */
    public double bidDepth()
    {
        return twoSided() ? bidDepthTickLots * tickLotValue : NO_VALUE;
    }

    /** Quote currency resting on the ask within 1 % above mid. */
    public double askDepth()
    {
        return twoSided() ? askDepthTickLots * tickLotValue : NO_VALUE;
    }

    /** Both sides within 1 % of mid, quote currency. */
    public double depth()
    {
        return twoSided() ? (bidDepthTickLots + askDepthTickLots) * tickLotValue : NO_VALUE;
    }

    /** Whether the asks held the whole market buy. */
    public boolean buyFilled()
    {
        return twoSided() && buyTickLots >= targetTickLots;
    }

    public boolean sellFilled()
    {
        return twoSided() && sellTickLots >= targetTickLots;
    }

    /**
     * The market buy's average price above mid, bps of mid: (VWAP - mid) / mid, which in tick-lots is
     * (2 x notional - lots x (bid + ask)) / (lots x (bid + ask)). Half the spread is part of it.
     */
    public double buySlippageBps()
    {
        return buyFilled() ? (2.0 * buyTickLots - (double)buyLots * twiceMid) / ((double)buyLots * twiceMid) * BPS :
            NO_VALUE;
    }

    /** The market sell's average price below mid, bps of mid (a cost, above zero like the buy's). */
    public double sellSlippageBps()
    {
        return sellFilled() ? ((double)sellLots * twiceMid - 2.0 * sellTickLots) / ((double)sellLots * twiceMid) *
            BPS : NO_VALUE;
    }

    private static long ceilDiv(final long a, final long b)
    {
        return (a + b - 1) / b;
    }
}
