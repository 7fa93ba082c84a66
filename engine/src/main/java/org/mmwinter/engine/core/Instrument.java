package org.mmwinter.engine.core;

/**
 * Static definition of a tradable instrument: prices are whole ticks and quantities whole lots inside the engine;
 * a tick is {@code tickUnits} and a lot {@code lotUnits} of 10^-{@code scale}, which is how decimals enter and leave.
 * Its maker and taker fee rates are millionths of a fill's notional ({@link Fees}), negative for a rebate.
 */
public final class Instrument
{
    /** Decimal places accepted for instruments created on first use. */
    public static final int DEFAULT_SCALE = 8;
    /** No price band configured. */
    public static final long NO_BAND = 0;
    /** A fee rate of nothing: the fill costs and earns nothing. */
    public static final long NO_FEE = 0;

    private final int id;
    private final String symbol;
    private final int priceScale;
    private final long tickUnits;
    private final int qtyScale;
    private final long lotUnits;
    private final long maxPriceTicks;
    private final long maxQtyLots;
    private final long priceBandBps;
    private final long makerFeeRate;
    private final long takerFeeRate;

    /**
     * An instrument without fees.
     *
     * @param priceBandBps orders priced more than this many basis points away from the last trade are rejected;
     *                     {@link #NO_BAND} for none.
     */
    public Instrument(
        final int id,
        final String symbol,
        final int priceScale,
        final long tickUnits,
        final int qtyScale,
        final long lotUnits,
        final long priceBandBps)
    {
        this(id, symbol, priceScale, tickUnits, qtyScale, lotUnits, priceBandBps, NO_FEE, NO_FEE);
    }

    /**
     * @param priceBandBps orders priced more than this many basis points away from the last trade are rejected;
     *                     {@link #NO_BAND} for none.
     * @param makerFeeRate what the resting side of a fill pays, in millionths of notional (1 bps = 100), negative
     *                     for a rebate; at most {@link Fees#MAX_RATE} either way.
     * @param takerFeeRate the same for the incoming side.
     */
    public Instrument(
        final int id,
        final String symbol,
        final int priceScale,
        final long tickUnits,
        final int qtyScale,
        final long lotUnits,
        final long priceBandBps,
        final long makerFeeRate,
        final long takerFeeRate)
    {
        if (id < 0)
        {
            throw new IllegalArgumentException("instrument id must be >= 0: " + id);
        }
        if (symbol == null || symbol.isEmpty())
        {
            throw new IllegalArgumentException("instrument symbol must not be empty");
        }
        if (priceScale < 0 || priceScale > 18 || qtyScale < 0 || qtyScale > 18)
        {
            throw new IllegalArgumentException(symbol + ": scale must be between 0 and 18");
        }
        if (tickUnits <= 0 || lotUnits <= 0)
        {
            throw new IllegalArgumentException(symbol + ": tick and lot size must be positive");
        }
        if (priceBandBps < 0)
        {
            throw new IllegalArgumentException(symbol + ": price band must not be negative");
        }
        checkFeeRate(symbol, "maker", makerFeeRate);
        checkFeeRate(symbol, "taker", takerFeeRate);
        this.id = id;
        this.symbol = symbol;
        this.priceScale = priceScale;
        this.tickUnits = tickUnits;
        this.qtyScale = qtyScale;
        this.lotUnits = lotUnits;
        // Keeps ticks * tickUnits (the decimal at the edge) inside a long.
        this.maxPriceTicks = Long.MAX_VALUE / tickUnits;
        this.maxQtyLots = Long.MAX_VALUE / lotUnits;
        this.priceBandBps = priceBandBps;
        this.makerFeeRate = makerFeeRate;
        this.takerFeeRate = takerFeeRate;
    }

    /**
     * An instrument created on first use: tick and lot of 10^-8, no band.
     */
    public static Instrument createDefault(final int id, final String symbol)
    {
        return new Instrument(id, symbol, DEFAULT_SCALE, 1, DEFAULT_SCALE, 1, NO_BAND);
    }

    public int id()
    {
        return id;
    }

    public String symbol()
    {
        return symbol;
    }

    public int priceScale()
    {
        return priceScale;
    }

    public long tickUnits()
    {
        return tickUnits;
    }

    public int qtyScale()
    {
        return qtyScale;
    }

    public long lotUnits()
    {
        return lotUnits;
    }

    public long maxPriceTicks()
    {
        return maxPriceTicks;
    }

    public long maxQtyLots()
    {
        return maxQtyLots;
    }

    public long priceBandBps()
    {
        return priceBandBps;
    }

    /** What the resting side of a fill pays, in millionths of notional; negative: a rebate. */
    public long makerFeeRate()
    {
        return makerFeeRate;
    }

    /** What the incoming side of a fill pays, in millionths of notional; negative: a rebate. */
    public long takerFeeRate()
    {
        return takerFeeRate;
    }

    /** Whether the definitions agree on everything but the id (a journaled definition cannot change). */
    public boolean sameDefinition(final Instrument other)
    {
        return symbol.equals(other.symbol) && priceScale == other.priceScale && tickUnits == other.tickUnits &&
            qtyScale == other.qtyScale && lotUnits == other.lotUnits && priceBandBps == other.priceBandBps &&
            makerFeeRate == other.makerFeeRate && takerFeeRate == other.takerFeeRate;
    }

    public String toString()
    {
        return "Instrument{id=" + id + ", symbol=" + symbol + ", tick=" + FixedPoint.format(tickUnits, priceScale) +
            ", lot=" + FixedPoint.format(lotUnits, qtyScale) + ", bandBps=" + priceBandBps +
            (makerFeeRate == NO_FEE && takerFeeRate == NO_FEE ? "" : ", makerFeeBps=" +
            FixedPoint.format(makerFeeRate, 2) + ", takerFeeBps=" + FixedPoint.format(takerFeeRate, 2)) + '}';
    }

    private static void checkFeeRate(final String symbol, final String side, final long rate)
    {
        if (rate > Fees.MAX_RATE || rate < -Fees.MAX_RATE)
        {
            throw new IllegalArgumentException(symbol + ": " + side + " fee of " + FixedPoint.format(rate, 2) +
                " bps is beyond 100 bps");
        }
    }
}
