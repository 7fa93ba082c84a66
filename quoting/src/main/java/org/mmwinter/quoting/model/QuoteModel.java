package org.mmwinter.quoting.model;

/**
 * A closed-form market-making model: from the mid, the inventory and the market's volatility and order-arrival
 * intensity {@code A e^(-k delta)}, the bid and ask the market maker should show. Implementations are pure
 * arithmetic, deterministic and allocation-free.
 */
public interface QuoteModel
{
    /**
     * Fills {@code out} with the quotes for this state, or clears it when the inputs admit none (a mid that is not a
     * positive number, {@code k} or {@code a} not positive, a negative or non-finite sigma, a non-finite
     * inventory).
     *
     * @param mid       the mid price s, in price units.
     * @param inventory q, signed, in base units (positive = long).
     * @param sigmaAbs  sigma in price units per square-root second: {@code EwmaVolatility.sigma() * mid}.
     * @param k         the decay of the arrival intensity with depth, 1/price unit.
     * @param a         the arrival intensity at depth 0 on one side, trades per second.
     * @param out       the result, overwritten.
     */
    void quote(double mid, double inventory, double sigmaAbs, double k, double a, QuoteResult out);
}
