package org.mmwinter.replay.crash;

/**
 * One stretch of a crash day with its own crowd: how hard and which way the informed or panic flow pushes, how often
 * noise traders and informed traders arrive, and what the liquidity providers quote before volatility widens them.
 * Rates are per second of event time in the compressed run; {@code full} multiplies them by the scenario's scale.
 *
 * @param name             what the phase is (a date, "run on the venue"), for people reading the file.
 * @param durationS        length in seconds of event time.
 * @param pressure         -1 (all informed flow sells) .. 1 (all buys); its size scales the informed arrival rate.
 * @param noiseRate        noise-trader orders per second.
 * @param informedRate     informed orders per second at a pressure of 1 (or -1).
 * @param lpCount          liquidity providers quoting; the others cancel everything and leave.
 * @param lpSpreadBps      each provider's quoted spread (best ask over best bid) in calm markets, in basis points.
 * @param lpStepBps        distance between a provider's levels, in basis points.
 * @param lpLevelNotional  USD notional of each provider level in calm markets.
 * @param lpRefreshRate    how often each provider re-centres its ladder on the mid it sees, per second.
 */
public record ScenarioPhase(
    String name,
    double durationS,
    double pressure,
    double noiseRate,
    double informedRate,
    int lpCount,
    double lpSpreadBps,
    double lpStepBps,
    double lpLevelNotional,
    double lpRefreshRate)
{
}
