package org.mmwinter.replay.amm;

/**
 * A constant-product (x·y = k, Uniswap v2 style) liquidity position marked on an external price path, so that the
 * crash-day replay can set a passive AMM beside the order-book market maker with the same starting capital: what the
 * pool's inventory becomes, what it is worth against simply holding the deposit, and what its fee tier earns.
 *
 * <p>The position is the whole pool (a share of a pool scales every amount here by the share). The deposit is half
 * the capital in base at the initial price and half in quote: x0 = capital / (2 p0), y0 = capital / 2,
 * k = x0 y0. Each external price is assumed to be arbitraged into the pool before the next one arrives.
 *
 * <p>Fees. With a fee f charged on the arbitrageur's input, buying base from the pool costs the pool price divided by
 * (1 - f) at the margin and selling base to it earns the pool price times (1 - f). So for a pool price P nobody
 * trades while the external price p stays in the band [P (1 - f), P / (1 - f)] (edges included); when p leaves it
 * the arbitrageur trades exactly until the band's edge touches p: the pool price becomes p (1 - f) after a rise and
 * p / (1 - f) after a fall. The reserves then sit on the curve at that price: x = sqrt(k / P), y = sqrt(k P).
 *
 * <p>The fee is kept aside, not added to the reserves (Uniswap v2 adds it, so k grows). Three reasons: k stays the
 * deposit's k, so the reserves are a closed-form function of the pool price and a long path accumulates no rounding
 * drift (without fees the position is exactly path independent); {@link #value()} is the pool without fees, so
 * impermanent loss and fee income are reported as separate numbers, which is the comparison the replay makes; and
 * reinvesting would change k by about f times the traded fraction per trade, second order over a day. A fee paid in
 * base (after a fall, the arbitrageur sells base in) is converted into quote at that update's external price, the
 * price at which the position could sell it: {@link #feeIncome()} is quote, it only grows, and it equals f times
 * {@link #arbitrageVolume()}. That conversion is kinder than holding the fee in kind, which in a crash would fall with
 * the base; the difference is bounded by the fee income itself.
 *
 * <p>Impermanent loss, {@link #impermanentLoss()}, is value / holdValue - 1 at the external price. Without fees it is
 * the closed form {@link #impermanentLoss(double)} of p / p0 and never above 0. With fees the pool price lags the
 * market by up to one band, and a pool that is off the market is worth slightly more at the market price than one on
 * it, so near the starting price the measure can rise above 0 by at most cosh(ln(1 - f) / 2) - 1, about f^2 / 8
 * (1.1e-6 at a 0.3% tier); it is reported as measured, not clamped.
 *
 * <p>Deterministic (square roots are correctly rounded by IEEE 754, so every JVM gives the same bits) and
 * allocation-free after construction: {@link #onPrice(long, double)} and the getters touch only primitive fields.
 */
public final class AmmPosition
{
    /** {@link #lastUpdateNs()} before the first price update. */
    public static final long NO_UPDATE = Long.MIN_VALUE;

    private final double capital;
    private final double initialPrice;
    private final double feeRate;
    /** 1 - f: the share of an input that reaches the reserves, and the band's half-width as a ratio. */
    private final double keep;
    private final double initialBase;
    private final double initialQuote;
    private final double k;

    private double base;
    private double quote;
    private double poolPrice;
    private double price;
    private double feeIncome;
    private double arbitrageVolume;
    private double peakWealth;
    private double maxDrawdown;
    private double maxAbsInventory;
    private long updates;
    private long lastUpdateNs = NO_UPDATE;

    /**
     * @param capital      the starting capital in quote currency, a positive finite number.
     * @param initialPrice the external price (quote per base) at the deposit, a positive finite number.
     * @param feeRate      the fee tier as a fraction of the input (0.003 for 0.3%), in [0, 1).
     */
    public AmmPosition(final double capital, final double initialPrice, final double feeRate)
    {
        if (!(capital > 0.0) || Double.isInfinite(capital))
        {
            throw new IllegalArgumentException("capital must be a positive finite number: " + capital);
        }
        if (!(initialPrice > 0.0) || Double.isInfinite(initialPrice))
        {
            throw new IllegalArgumentException("initialPrice must be a positive finite number: " + initialPrice);
        }
        if (!(feeRate >= 0.0 && feeRate < 1.0))
        {
            throw new IllegalArgumentException("feeRate must be in [0, 1): " + feeRate);
        }
        this.capital = capital;
        this.initialPrice = initialPrice;
        this.feeRate = feeRate;
        this.keep = 1.0 - feeRate;
        this.initialBase = capital / (2.0 * initialPrice);
        this.initialQuote = capital / 2.0;
        this.k = initialBase * initialQuote;
        this.base = initialBase;
        this.quote = initialQuote;
        this.poolPrice = initialPrice;
        this.price = initialPrice;
        this.peakWealth = capital;
        this.maxAbsInventory = initialBase;
    }

    /**
     * The closed-form impermanent loss of a fee-free constant-product pool when the price has moved by the ratio r:
     * 2 sqrt(r) / (1 + r) - 1, 0 at r = 1 and below 0 elsewhere (-0.2 at r = 4 and at r = 1/4).
     *
     * @param priceRatio r = p / p0, a positive finite number.
     * @return the pool's value divided by the value of holding the deposit, minus 1.
     */
    public static double impermanentLoss(final double priceRatio)
    {
        if (!(priceRatio > 0.0) || Double.isInfinite(priceRatio))
        {
            throw new IllegalArgumentException("priceRatio must be a positive finite number: " + priceRatio);
        }
        return 2.0 * Math.sqrt(priceRatio) / (1.0 + priceRatio) - 1.0;
    }

    /**
     * The external price moved: arbitrage the pool to it (to the fee band's edge, or not at all inside the band) and
     * mark the position.
     *
     * @param nowNs event time of the price, nanoseconds; recorded, not interpreted.
     * @param price the external price, quote per base, a positive finite number.
     */
    public void onPrice(final long nowNs, final double price)
    {
        if (!(price > 0.0) || Double.isInfinite(price))
        {
            throw new IllegalArgumentException("price must be a positive finite number: " + price);
        }
        final double keep = this.keep;
        if (price * keep > poolPrice)
        {
            // The market is above the band: arbitrageurs pay quote in and take base out until P = p (1 - f).
            final double target = price * keep;
            final double newQuote = Math.sqrt(k * target);
            final double input = (newQuote - quote) / keep;
            moveTo(target, Math.sqrt(k / target), newQuote);
            arbitrageVolume += input;
            feeIncome += feeRate * input;
        }
        else if (price < poolPrice * keep)
        {
            // The market is below the band: arbitrageurs sell base in and take quote out until P = p / (1 - f).
            final double target = price / keep;
            final double newBase = Math.sqrt(k / target);
            final double input = (newBase - base) / keep * price;
            moveTo(target, newBase, Math.sqrt(k * target));
            arbitrageVolume += input;
            feeIncome += feeRate * input;
        }
        this.price = price;
        lastUpdateNs = nowNs;
        updates++;

        final double wealth = value() + feeIncome;
        if (wealth > peakWealth)
        {
            peakWealth = wealth;
        }
        else if (peakWealth - wealth > maxDrawdown)
        {
            maxDrawdown = peakWealth - wealth;
        }
        if (base > maxAbsInventory)
        {
            maxAbsInventory = base;
        }
    }

    private void moveTo(final double newPoolPrice, final double newBase, final double newQuote)
    {
        poolPrice = newPoolPrice;
        base = newBase;
        quote = newQuote;
    }

    /**
     * @return the reserves marked at the external price, quote currency, fees not included.
     */
    public double value()
    {
        return base * price + quote;
    }

    /**
     * @return what the deposit would be worth had it been held instead: x0 p + y0, quote currency.
     */
    public double holdValue()
    {
        return initialBase * price + initialQuote;
    }

    /**
     * @return value / holdValue - 1 at the external price (fees not included); see the class comment for its sign.
     */
    public double impermanentLoss()
    {
        return value() / holdValue() - 1.0;
    }

    /**
     * @return the fees kept aside so far, quote currency (a base fee converted at the external price of its update).
     */
    public double feeIncome()
    {
        return feeIncome;
    }

    /**
     * @return value + fees kept aside - capital, quote currency.
     */
    public double pnl()
    {
        return value() + feeIncome - capital;
    }

    /**
     * @return the base reserve, base units.
     */
    public double baseInventory()
    {
        return base;
    }

    /**
     * @return the quote reserve, quote currency.
     */
    public double quoteInventory()
    {
        return quote;
    }

    /**
     * @return the pool's own price y / x (quote per base), within one fee band of the external price.
     */
    public double poolPrice()
    {
        return poolPrice;
    }

    /**
     * @return the last external price given (the initial price before any update).
     */
    public double price()
    {
        return price;
    }

    /**
     * @return the largest fall of value + fee income from its running peak (which starts at the capital), quote
     *         currency.
     */
    public double maxDrawdown()
    {
        return maxDrawdown;
    }

    /**
     * @return the largest base reserve held at any time, the deposit included, base units (reserves are never
     *         negative, so this is the largest absolute inventory).
     */
    public double maxAbsInventory()
    {
        return maxAbsInventory;
    }

    /**
     * @return the arbitrageurs' inputs summed in quote currency, fee included: quote paid in after a rise, base sold
     *         in valued at the external price after a fall.
     */
    public double arbitrageVolume()
    {
        return arbitrageVolume;
    }

    /**
     * @return the number of prices given to {@link #onPrice(long, double)}.
     */
    public long updates()
    {
        return updates;
    }

    /**
     * @return the event time of the last price update, or {@link #NO_UPDATE}.
     */
    public long lastUpdateNs()
    {
        return lastUpdateNs;
    }

    /**
     * @return the starting capital, quote currency.
     */
    public double capital()
    {
        return capital;
    }

    /**
     * @return the external price at the deposit.
     */
    public double initialPrice()
    {
        return initialPrice;
    }

    /**
     * @return the fee tier, a fraction of the input.
     */
    public double feeRate()
    {
        return feeRate;
    }
}
