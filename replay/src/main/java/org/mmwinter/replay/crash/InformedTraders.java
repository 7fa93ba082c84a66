package org.mmwinter.replay.crash;

/**
 * The one-sided flow of the event (holders dumping LUNA, depositors running from FTX): market orders in the
 * direction of the phase's pressure, larger than the noise traders'.
 *
 * @param accounts     how many informed accounts share the flow.
 * @param sizeNotional the smallest order's USD notional (the Pareto scale; the noise traders' tail and cap apply).
 */
public record InformedTraders(int accounts, double sizeNotional)
{
}
