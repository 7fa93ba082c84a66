package org.mmwinter.bench.workload;

/**
 * Order side in the workload arrays; the same values as the engine's {@code Side} so that our adapter passes them
 * through unchanged.
 */
public final class OrderSide
{
    public static final byte BUY = 0;
    public static final byte SELL = 1;

    private OrderSide()
    {
    }
}
