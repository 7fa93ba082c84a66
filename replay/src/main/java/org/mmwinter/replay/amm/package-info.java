/**
 * The passive side of the crash-day comparison: a constant-product (x·y = k) liquidity position,
 * {@link org.mmwinter.replay.amm.AmmPosition}, given the same starting capital as the order-book market maker and
 * marked on the same external price path. Each price is arbitraged into the pool to the edge of its fee band; the
 * position reports its value against holding the deposit (impermanent loss), its fee income at the stated tier (kept
 * aside in quote currency, not reinvested), its inventory, drawdown and the arbitrage volume it served.
 * Deterministic (no clock, no random source; time arrives as {@code nowNs}) and allocation-free per price update.
 */
package org.mmwinter.replay.amm;
