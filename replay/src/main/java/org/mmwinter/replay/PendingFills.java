package org.mmwinter.replay;

import java.util.Arrays;

import org.mmwinter.engine.core.ClientOrderId;

/**
 * The fills of the command being applied, kept as primitives until it returns. The listener that formatted a
 * trades.csv row in the engine's callback had the whole row's code compiled into the matching loop, which made the
 * JIT's biggest compilations (the book's match and the command's apply) larger and slower to be ready; storing a
 * fill is a few stores. Grows by doubling, so a run allocates only for the largest sweep it meets.
 */
final class PendingFills
{
    private int count;
    private int[] instrumentIds = new int[16];
    private long[] prices = new long[16];
    private long[] qtys = new long[16];
    private int[] takerSides = new int[16];
    private int[] makerAccountIds = new int[16];
    private int[] takerAccountIds = new int[16];
    private ClientOrderId[] makerOrderIds = grown(new ClientOrderId[0], 16);
    private ClientOrderId[] takerOrderIds = grown(new ClientOrderId[0], 16);

    int count()
    {
        return count;
    }

    void clear()
    {
        count = 0;
    }

    void add(
        final int instrumentId,
        final long price,
        final long qty,
        final int takerSide,
        final int makerAccountId,
        final ClientOrderId makerOrderId,
        final int takerAccountId,
        final ClientOrderId takerOrderId)
    {
        if (count == prices.length)
        {
            grow();
        }
        final int i = count++;
        instrumentIds[i] = instrumentId;
        prices[i] = price;
        qtys[i] = qty;
        takerSides[i] = takerSide;
        makerAccountIds[i] = makerAccountId;
        takerAccountIds[i] = takerAccountId;
        makerOrderIds[i].copyFrom(makerOrderId);
        takerOrderIds[i].copyFrom(takerOrderId);
    }

    int instrumentId(final int i)
    {
        return instrumentIds[i];
    }

    long price(final int i)
    {
        return prices[i];
    }

    long qty(final int i)
    {
        return qtys[i];
    }

    int takerSide(final int i)
    {
        return takerSides[i];
    }

    int makerAccountId(final int i)
    {
        return makerAccountIds[i];
    }

    int takerAccountId(final int i)
    {
        return takerAccountIds[i];
    }

    ClientOrderId makerOrderId(final int i)
    {
        return makerOrderIds[i];
    }

    ClientOrderId takerOrderId(final int i)
    {
        return takerOrderIds[i];
    }

    private void grow()
    {
        final int size = 2 * prices.length;
        instrumentIds = Arrays.copyOf(instrumentIds, size);
        prices = Arrays.copyOf(prices, size);
        qtys = Arrays.copyOf(qtys, size);
        takerSides = Arrays.copyOf(takerSides, size);
        makerAccountIds = Arrays.copyOf(makerAccountIds, size);
        takerAccountIds = Arrays.copyOf(takerAccountIds, size);
        makerOrderIds = grown(makerOrderIds, size);
        takerOrderIds = grown(takerOrderIds, size);
    }

    private static ClientOrderId[] grown(final ClientOrderId[] ids, final int size)
    {
        final ClientOrderId[] larger = Arrays.copyOf(ids, size);
        for (int i = ids.length; i < size; i++)
        {
            larger[i] = new ClientOrderId();
        }
        return larger;
    }
}
