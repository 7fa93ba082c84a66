package org.mmwinter.quoting.model;

/**
 * Avellaneda and Stoikov (2008), "High-frequency trading in a limit order book", equations (29) and (30): the
 * reservation price {@code r = s - q gamma sigma^2 tau} and a TOTAL spread
 * {@code gamma sigma^2 tau + (2/gamma) ln(1 + gamma/k)} around it, so that each quote sits half of it from r.
 *
 * <p>A bot that runs without an end time has no T - t; tau here is a constant rolling horizon (the time over which
 * the market maker expects to carry its inventory), so that the spread does not collapse as a session end nears.
 * The paper's fills are of one unit; {@link #AvellanedaStoikov(double, double, double)} takes the order size so
 * that gamma keeps its units (1/(price x base unit)) whatever the size: with an order size Delta, gamma enters the
 * order-arrival term as gamma Delta and the inventory term of the spread as gamma sigma^2 tau Delta (README,
 * "Quote model").
 */
public final class AvellanedaStoikov implements QuoteModel
{
    private final double gamma;
    private final double horizonSeconds;
    private final double orderSize;
    private final double gammaDelta;

    /**
     * The paper's model as printed: fills of one base unit.
     *
     * @param gamma          risk aversion, 1/(price unit x base unit), > 0.
     * @param horizonSeconds tau, the rolling horizon in seconds, > 0.
     */
    public AvellanedaStoikov(final double gamma, final double horizonSeconds)
    {
        this(gamma, horizonSeconds, 1.0);
    }

    /**
     * @param gamma          risk aversion, 1/(price unit x base unit), > 0.
     * @param horizonSeconds tau, the rolling horizon in seconds, > 0.
     * @param orderSize      Delta, the size of one fill in base units, > 0.
     */
    public AvellanedaStoikov(final double gamma, final double horizonSeconds, final double orderSize)
    {
        if (!(gamma > 0.0) || Double.isInfinite(gamma))
        {
            throw new IllegalArgumentException("gamma must be a positive number: " + gamma);
        }
        if (!(horizonSeconds > 0.0) || Double.isInfinite(horizonSeconds))
        {
            throw new IllegalArgumentException("horizonSeconds must be a positive number: " + horizonSeconds);
        }
        if (!(orderSize > 0.0) || Double.isInfinite(orderSize))
        {
            throw new IllegalArgumentException("orderSize must be a positive number: " + orderSize);
        }
        this.gamma = gamma;
        this.horizonSeconds = horizonSeconds;
        this.orderSize = orderSize;
        this.gammaDelta = gamma * orderSize;
    }

    /**
     * {@inheritDoc} A-S does not use {@code a}: the intensity's level moves neither the reservation price nor the
     * spread (equation 30 has only k).
     */
    @Override
    public void quote(
        final double mid, final double inventory, final double sigmaAbs, final double k, final double a,
        final QuoteResult out)
    {
        if (!(mid > 0.0) || !(k > 0.0) || !(sigmaAbs >= 0.0) || Double.isInfinite(mid) || Double.isInfinite(k) ||
            Double.isInfinite(sigmaAbs) || !Double.isFinite(inventory))
        {
            out.clear();
            return;
        }
        final double inventoryRisk = gamma * sigmaAbs * sigmaAbs * horizonSeconds;
        final double reservation = mid - inventory * inventoryRisk;
        // log1p keeps (1/(gamma Delta)) ln(1 + gamma Delta / k) accurate when gamma Delta << k, where it tends to 1/k.
        final double totalSpread = inventoryRisk * orderSize + 2.0 / gammaDelta * StrictMath.log1p(gammaDelta / k);
        final double halfSpread = 0.5 * totalSpread;
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

    public double horizonSeconds()
    {
        return horizonSeconds;
    }

    public double orderSize()
    {
        return orderSize;
    }

    @Override
    public String toString()
    {
        return "AvellanedaStoikov{gamma=" + gamma + ", horizonSeconds=" + horizonSeconds + ", orderSize=" +
            orderSize + '}';
    }
}
