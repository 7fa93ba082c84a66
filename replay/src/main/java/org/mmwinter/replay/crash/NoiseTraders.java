package org.mmwinter.replay.crash;

/**
 * The uninformed crowd: accounts that buy and sell with equal odds, part by market order and part by limit orders
 * resting a little away from the mid, in heavy-tailed sizes.
 *
 * @param accounts      how many noise accounts share the flow.
 * @param marketShare   fraction of noise orders sent as market (IOC) orders; the rest are resting limit orders.
 * @param sizeNotional  the smallest order's USD notional (the Pareto scale).
 * @param sizeAlpha     Pareto tail index of order sizes (smaller: heavier tail).
 * @param sizeCap       largest order as a multiple of the smallest.
 * @param limitDepthBps limit orders rest uniformly between the mid and this many basis points away from it.
 * @param ordersKept    resting orders an account keeps; placing one more cancels its oldest first.
 */
public record NoiseTraders(
    int accounts,
    double marketShare,
    double sizeNotional,
    double sizeAlpha,
    double sizeCap,
    double limitDepthBps,
    int ordersKept)
{
}
