package org.mmwinter.bench.jmh;

import org.mmwinter.bench.jmh.naive.NaiveBookAdapter;
import org.mmwinter.bench.workload.OrderBookAdapter;

/**
 * The books on our side of the comparison, by the name the benchmarks' {@code impl} parameter uses.
 */
public final class Books
{
    /** Our matching core. */
    public static final String OURS = "ours";
    /** The {@code TreeMap<BigDecimal, ArrayDeque<Order>>} baseline. */
    public static final String NAIVE = "naive";

    private Books()
    {
    }

    /**
     * @param ids the client order ids our engine is sent (the naive book keys orders by the workload's numbers).
     */
    public static OrderBookAdapter create(final String impl, final int expectedOrders, final ClientOrderIdTable ids)
    {
        switch (impl)
        {
            case OURS:
                return new EngineBookAdapter(expectedOrders, ids);

            case NAIVE:
                return new NaiveBookAdapter();

            default:
                throw new IllegalArgumentException("unknown book " + impl + " (known: ours, naive)");
        }
    }

    /**
     * Fails the benchmark when the book refused a command: the workload is built so that none is refused, so a
     * refusal means the numbers would measure something else.
     */
    public static void checkNoRejects(final OrderBookAdapter book, final String where)
    {
        if (book.rejects() != 0)
        {
            throw new IllegalStateException(where + ": the book refused " + book.rejects() + " commands");
        }
    }
}
