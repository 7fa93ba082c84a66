/**
 * The reference market maker: a quote model (Avellaneda-Stoikov, Gueant-Lehalle-Fernandez-Tapia), its signals (EWMA
 * volatility, order-arrival decay), the quote ladder, risk limits, accounting, the decision journal, and the two
 * hosts of one strategy (a live thread in the engine process, a lockstep driver in replay). Depends on the engine,
 * never the reverse.
 */
package org.mmwinter.quoting;
