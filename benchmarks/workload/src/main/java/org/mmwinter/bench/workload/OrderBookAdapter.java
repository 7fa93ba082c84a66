package org.mmwinter.bench.workload;

/**
 * The subset of an order book every side under test implements, in primitives: our engine, the naive baseline and
 * exchange-core's books each get a thin adapter so that the very same arrays drive them. Each call returns a
 * small number the benchmark sinks (fills, or a result code), so that no side can be optimised away.
 */
public interface OrderBookAdapter
{
    /**
     * {@link Replay} is about to send commands {@code from} onwards of {@code commands}, one call each and in order;
     * {@code commands} is null once it has finished. An adapter whose engine keys orders by something it must look
     * up per order id can read it in command order instead (see our engine's adapter), as it would read it from the
     * command that arrives; the books keyed by the workload's numbers ignore it.
     */
    default void replaying(final CommandArrays commands, final int from)
    {
    }

    long gtc(int account, long orderId, int side, long price, long size);

    long ioc(int account, long orderId, int side, long price, long size);

    long market(int account, long orderId, int side, long size);

    long cancel(int account, long orderId);

    /**
     * Moves a live order to {@code price} keeping {@code size}, its current remaining size: it loses time priority.
     */
    long move(int account, long orderId, long price, long size);

    /**
     * Shrinks a live order in place (it keeps time priority): from {@code oldSize} to {@code newSize} at its
     * current {@code price}. Each book uses the form its API takes.
     */
    long reduce(int account, long orderId, long price, long oldSize, long newSize);

    /** Executions (maker-taker pairs) since the book was created. */
    long fills();

    /** Commands the book refused since it was created; a correct replay keeps this at 0. */
    long rejects();

    /** Resting orders in the book now. */
    long liveOrders();
}
