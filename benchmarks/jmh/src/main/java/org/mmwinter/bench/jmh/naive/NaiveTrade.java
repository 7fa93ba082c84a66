package org.mmwinter.bench.jmh.naive;

import java.math.BigDecimal;

/**
 * One execution, returned in a list the way a newcomer's {@code submit} returns its trades.
 */
final class NaiveTrade
{
    final long makerOrderId;
    final long takerOrderId;
    final BigDecimal price;
    final BigDecimal qty;

    NaiveTrade(final long makerOrderId, final long takerOrderId, final BigDecimal price, final BigDecimal qty)
    {
        this.makerOrderId = makerOrderId;
        this.takerOrderId = takerOrderId;
        this.price = price;
        this.qty = qty;
    }
}
