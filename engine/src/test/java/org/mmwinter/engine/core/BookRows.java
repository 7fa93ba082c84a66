package org.mmwinter.engine.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The resting orders of one book as flat rows (side, price, qty, account, engine order id, client order id), in the
 * order a
 * {@link BookVisitor} gives them: the common currency in which the real core and {@link ReferenceEngine} show their
 * books, compared without building an object per row.
 */
public final class BookRows implements BookVisitor
{
    private static final int FIELDS = 5;

    private long[] values = new long[FIELDS * 64];
    private final List<String> clientOrderIds = new ArrayList<>();
    private int size;

    public BookRows clear()
    {
        size = 0;
        clientOrderIds.clear();
        return this;
    }

    public void onOrder(
        final int instrumentId,
        final int side,
        final long price,
        final long qty,
        final int accountId,
        final ClientOrderId clientOrderId,
        final long orderId)
    {
        add(side, price, qty, accountId, clientOrderId.toString(), orderId);
    }

    /**
     * One row, as the reference model gives it.
     */
    public void add(
        final int side, final long price, final long qty, final int accountId, final String clientOrderId,
        final long orderId)
    {
        if ((size + 1) * FIELDS > values.length)
        {
            values = Arrays.copyOf(values, values.length * 2);
        }
        final int at = size * FIELDS;
        values[at] = side;
        values[at + 1] = price;
        values[at + 2] = qty;
        values[at + 3] = accountId;
        values[at + 4] = orderId;
        clientOrderIds.add(clientOrderId);
        size++;
    }

    public int size()
    {
        return size;
    }

    public int side(final int row)
    {
        return (int)values[row * FIELDS];
    }

    public long price(final int row)
    {
        return values[row * FIELDS + 1];
    }

    public long qty(final int row)
    {
        return values[row * FIELDS + 2];
    }

    public int accountId(final int row)
    {
        return (int)values[row * FIELDS + 3];
    }

    /** The engine's order id of the row. */
    public long orderId(final int row)
    {
        return values[row * FIELDS + 4];
    }

    public String clientOrderId(final int row)
    {
        return clientOrderIds.get(row);
    }

    public boolean sameAs(final BookRows other)
    {
        return size == other.size && Arrays.equals(values, 0, size * FIELDS, other.values, 0, size * FIELDS) &&
            clientOrderIds.equals(other.clientOrderIds);
    }

    /**
     * Index of the first row that differs from {@code other}, or -1 when both are the same.
     */
    public int firstDifference(final BookRows other)
    {
        final int common = Math.min(size, other.size);
        for (int row = 0; row < common; row++)
        {
            final int at = row * FIELDS;
            if (!Arrays.equals(values, at, at + FIELDS, other.values, at, at + FIELDS) ||
                !clientOrderIds.get(row).equals(other.clientOrderIds.get(row)))
            {
                return row;
            }
        }
        return size == other.size ? -1 : common;
    }

    public String row(final int row)
    {
        if (row < 0 || row >= size)
        {
            return "(none)";
        }
        return Side.name(side(row)) + " " + price(row) + "x" + qty(row) + " " + accountId(row) + "/" +
            clientOrderId(row) + " #" + orderId(row);
    }

    public String toString()
    {
        final StringBuilder sb = new StringBuilder();
        for (int row = 0; row < size; row++)
        {
            sb.append("  ").append(row(row)).append('\n');
        }
        return sb.toString();
    }
}
