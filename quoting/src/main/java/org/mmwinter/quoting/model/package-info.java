/**
 * The market maker's quote model: pure arithmetic the bot calls on every market-data event. Signals
 * ({@link org.mmwinter.quoting.model.EwmaVolatility}, {@link org.mmwinter.quoting.model.ArrivalRateEstimator}) turn
 * mids and trades into sigma, k and A; a {@link org.mmwinter.quoting.model.QuoteModel} turns them and the inventory
 * into decimal quotes; {@link org.mmwinter.quoting.model.QuoteLadder} turns the quotes into whole ticks and lots.
 * Deterministic (no clock, no random source, {@code StrictMath} so that a replay on another JVM reproduces every
 * quote bit for bit) and allocation-free after construction: every call fills a caller-owned result. The formulas,
 * their units and the papers they come from are in {@code quoting/README.md}.
 */
package org.mmwinter.quoting.model;
