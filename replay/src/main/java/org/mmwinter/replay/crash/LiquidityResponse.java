package org.mmwinter.replay.crash;

/**
 * How liquidity providers react to the volatility they measure: with {@code excess = max(0, sigma / reference - 1)}
 * (at most {@link #MAX_EXCESS}), spreads and level steps are multiplied by {@code 1 + widen * excess} and level sizes
 * divided by {@code 1 + thin * excess}. This feedback (thinner books move further for the same selling) is what
 * turns a steady push into the accelerating collapse of the record.
 *
 * @param levels               price levels each provider quotes on each side.
 * @param referenceSigma1mPct  the calm 1-minute volatility, in percent, at which providers quote their base ladder.
 * @param widen                spread multiplier per unit of excess volatility.
 * @param thin                 size divisor per unit of excess volatility.
 * @param volHalfLifeS         half-life in seconds of the providers' volatility estimate (an EWMA of 1-minute returns).
 */
public record LiquidityResponse(int levels, double referenceSigma1mPct, double widen, double thin, double volHalfLifeS)
{
    /** Largest excess volatility the providers respond to: beyond it they stop widening further. */
    public static final double MAX_EXCESS = 20.0;
}
