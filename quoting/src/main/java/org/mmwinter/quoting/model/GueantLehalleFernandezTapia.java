package org.mmwinter.quoting.model;

/**
 * The infinite-horizon closed form of Gueant, Lehalle and Fernandez-Tapia (2013), "Dealing with the inventory risk:
 * a solution to the market making problem" (Section 4, the approximation of the asymptotic quotes), in the general
 * order size of Gueant (2017), "Optimal market making", equations (4.6) and (4.7) with xi = gamma:
 * <pre>
 *   c     = (1/(gamma Delta)) ln(1 + gamma Delta / k)
 *   omega = sqrt( gamma sigma^2 / (2 A Delta k) * (1 + gamma Delta / k)^(1 + k/(gamma Delta)) )
 *   bid depth from the mid  delta_b = c + ((2q + Delta) / 2) omega
 *   ask depth from the mid  delta_a = c - ((2q - Delta) / 2) omega
 * </pre>
 * With Delta = 1 it is the 2013 paper's formula. The quotes do not depend on time: no end of session, no spread that
 * collapses as t nears T, which is why a bot that runs without an end time uses this model by default.
 *
 * <p>Mapped into {@link QuoteResult}: reservation = the midpoint of the two quotes = {@code s - q omega}; both half
 * spreads = {@code c + Delta omega / 2}. Units: gamma 1/(price unit x base unit), q and Delta base units, sigma price
 * per square-root second, k 1/price, A fills per second on one side.
 */
public final class GueantLehalleFernandezTapia implements QuoteModel
{
    private final double gamma;
    private final double orderSize;
    private final double gammaDelta;

    /**
     * @param gamma     risk aversion, 1/(price unit x base unit), > 0.
     * @param orderSize Delta, the size of one fill in base units, > 0.
     */
    public GueantLehalleFernandezTapia(final double gamma, final double orderSize)
    {
        if (!(gamma > 0.0) || Double.isInfinite(gamma))
        {
            throw new IllegalArgumentException("gamma must be a positive number: " + gamma);
        }
        if (!(orderSize > 0.0) || Double.isInfinite(orderSize))
        {
            throw new IllegalArgumentException("orderSize must be a positive number: " + orderSize);
        }
        this.gamma = gamma;
        this.orderSize = orderSize;
        this.gammaDelta = gamma * orderSize;
    }

    @Override
    public void quote(
        final double mid, final double inventory, final double sigmaAbs, final double k, final double a,
        final QuoteResult out)
    {
        if (!(mid > 0.0) || !(k > 0.0) || !(a > 0.0) || !(sigmaAbs >= 0.0) || Double.isInfinite(mid) ||
            Double.isInfinite(k) || Double.isInfinite(a) || Double.isInfinite(sigmaAbs) || !Double.isFinite(inventory))
        {
            out.clear();
            return;
        }
        final double x = gammaDelta / k;
        final double log1pX = StrictMath.log1p(x);
        final double c = log1pX / gammaDelta;
        // (1 + x)^(1 + 1/x) through log1p: as gamma Delta / k -> 0 it tends to e, which pow(1 + x, ...) would lose.
        final double growth = StrictMath.exp((1.0 + 1.0 / x) * log1pX);
        final double omega = StrictMath.sqrt(gamma * sigmaAbs * sigmaAbs / (2.0 * a * orderSize * k) * growth);
        // s - delta_b and s + delta_a written as reservation -/+ half spread (the same numbers: delta_b = c + (q +
        // Delta/2) omega, delta_a = c - (q - Delta/2) omega), so that the result holds bid = r - half exactly.
        final double reservation = mid - inventory * omega;
        final double halfSpread = c + 0.5 * orderSize * omega;
        out.reservation = reservation;
        out.bidHalfSpread = halfSpread;
        out.askHalfSpread = halfSpread;
        out.bidPrice = reservation - halfSpread;
        out.askPrice = reservation + halfSpread;
    }

    public double gamma()
    {
        return gamma;
    }

    public double orderSize()
    {
        return orderSize;
    }

    @Override
    public String toString()
    {
        return "GueantLehalleFernandezTapia{gamma=" + gamma + ", orderSize=" + orderSize + '}';
    }
}
