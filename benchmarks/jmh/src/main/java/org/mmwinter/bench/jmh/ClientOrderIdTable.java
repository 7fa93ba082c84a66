package org.mmwinter.bench.jmh;

import org.mmwinter.engine.core.ClientOrderId;

/**
 * Every client order id a workload sends, spelt once before measurement and indexed by the workload's
 * {@code long} order id, so that the measured loop only reads an array (the spelling is not what is measured, and
 * allocates nothing there). The engine copies the id it is handed, so one instance per order id serves every
 * command that names it.
 * <p>
 * Size: one {@link ClientOrderId} (48 bytes) and one reference per id, whatever the style. The 1,000-order mix uses
 * 127,012 ids (6.6 MB), the 100,000-order one 226,580 (12 MB), the 1,000,000-order one 1,252,876 (65 MB): small beside
 * the 3 GB fork heap that the 1,000,000-order book with its two million preallocated orders needs anyway.
 */
public final class ClientOrderIdTable
{
    private final IdStyle style;
    private final ClientOrderId[] ids;

    private ClientOrderIdTable(final IdStyle style, final int maxOrderId)
    {
        this.style = style;
        ids = new ClientOrderId[maxOrderId + 1];
        for (int n = 0; n <= maxOrderId; n++)
        {
            ids[n] = style.write(n, new ClientOrderId());
        }
    }

    /**
     * The ids {@code 0 .. maxOrderId} in {@code style}.
     */
    public static ClientOrderIdTable of(final IdStyle style, final long maxOrderId)
    {
        if (maxOrderId < 0 || maxOrderId >= Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("cannot tabulate order ids up to " + maxOrderId);
        }
        return new ClientOrderIdTable(style, (int)maxOrderId);
    }

    public static ClientOrderIdTable of(final String style, final long maxOrderId)
    {
        return of(IdStyle.of(style), maxOrderId);
    }

    /**
     * The id of workload order {@code orderId}; the caller must not change it.
     *
     * @throws ArrayIndexOutOfBoundsException past {@link #maxOrderId()}: the table was built for other commands.
     */
    public ClientOrderId get(final long orderId)
    {
        return ids[(int)orderId];
    }

    public long maxOrderId()
    {
        return ids.length - 1;
    }

    public IdStyle style()
    {
        return style;
    }
}
