package org.mmwinter.bench.workload;

/**
 * The state of the amend benchmarks: a set of resting orders with sizes large enough never to run out, amended in
 * turn. {@link #keepPriority} shrinks the next order by one lot at its price (it keeps its place in the queue);
 * {@link #losePriority} moves the next order one tick deeper or back home, never crossing (it goes to the back of
 * the new level). Every side runs exactly this bookkeeping around its one book call.
 */
public final class AmendCycle
{
    private final int[] accounts;
    private final long[] orderIds;
    private final byte[] sides;
    private final long[] homePrices;
    private final long[] prices;
    private final long[] sizes;
    private final CommandArrays placements;
    private int next;

    AmendCycle(final CommandArrays placements)
    {
        this.placements = placements;
        final int n = placements.count();
        accounts = placements.accounts().clone();
        orderIds = placements.orderIds().clone();
        sides = placements.sides().clone();
        homePrices = placements.prices().clone();
        prices = placements.prices().clone();
        sizes = placements.sizes().clone();
        if (n == 0)
        {
            throw new IllegalArgumentException("an amend cycle needs orders");
        }
    }

    /** The GTC orders to rest before the first amend. */
    public CommandArrays placements()
    {
        return placements;
    }

    public int orders()
    {
        return accounts.length;
    }

    public long keepPriority(final OrderBookAdapter book)
    {
        final int j = advance();
        final long oldSize = sizes[j];
        final long newSize = oldSize - 1;
        sizes[j] = newSize;
        return book.reduce(accounts[j], orderIds[j], prices[j], oldSize, newSize);
    }

    public long losePriority(final OrderBookAdapter book)
    {
        final int j = advance();
        final long home = homePrices[j];
        final long price = prices[j] != home ? home : sides[j] == OrderSide.BUY ? home - 1 : home + 1;
        prices[j] = price;
        return book.move(accounts[j], orderIds[j], price, sizes[j]);
    }

    private int advance()
    {
        final int j = next;
        next = j + 1 == accounts.length ? 0 : j + 1;
        return j;
    }
}
