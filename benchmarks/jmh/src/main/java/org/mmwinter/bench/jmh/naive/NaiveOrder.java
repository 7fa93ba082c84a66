package org.mmwinter.bench.jmh.naive;

import java.math.BigDecimal;

/**
 * An order as a newcomer models it: decimals for price and quantity, an object per order.
 */
final class NaiveOrder
{
    final int account;
    final long orderId;
    final boolean buy;
    BigDecimal price;
    BigDecimal qty;

    NaiveOrder(final int account, final long orderId, final boolean buy, final BigDecimal price, final BigDecimal qty)
    {
        this.account = account;
        this.orderId = orderId;
        this.buy = buy;
        this.price = price;
        this.qty = qty;
    }
}
