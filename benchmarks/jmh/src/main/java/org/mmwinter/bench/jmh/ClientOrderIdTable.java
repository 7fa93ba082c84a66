package org.mmwinter.bench.jmh;

import org.mmwinter.bench.workload.CommandArrays;
import org.mmwinter.bench.workload.Workload;
import org.mmwinter.engine.core.ClientOrderId;

/**
 * Every client order id a workload sends, spelt once before measurement, so that the measured loop only reads an
 * array (the spelling is not what is measured, and allocates nothing there). The engine copies the id it is handed,
 * so one instance serves every command that names it.
 * <p>
 * Two layouts. By the workload's {@code long} order id ({@link #get}): one {@link ClientOrderId} (48 bytes) and one
 * reference per id; the 1,000-order mix uses 127,012 ids (6.6 MB), the 100,000-order one 226,580 (12 MB), the
 * 1,000,000-order one 1,252,876 (65 MB). And, for a workload's fill, mix and drain, in command order
 * ({@link #inCommandOrder}): one id per command, allocated in that order, so that replaying reads them front to back
 * as exchange-core's side reads its {@code long} order ids, and as the engine reads an id from the command that
 * carries it. Looked up by order id instead, a command touched two random cache lines (the reference and the id)
 * that no real engine and no peer in the comparison touches: at 100,000 resting orders that was a third of our
 * measured time (1.31 M commands/s against 2.04 M with the ids spelt on the fly, 2026-12-02). The command-order
 * layout costs 52 bytes a command, 210 MB for the 1,000,000-order workload's four million commands, within the same
 * 3 GB fork heap.
 */
public final class ClientOrderIdTable
{
    private final IdStyle style;
    private final ClientOrderId[] ids;
    private final CommandArrays[] sequenced;
    private final ClientOrderId[][] inOrder;

    private ClientOrderIdTable(final IdStyle style, final int maxOrderId, final CommandArrays... sequenced)
    {
        this.style = style;
        ids = new ClientOrderId[maxOrderId + 1];
        for (int n = 0; n <= maxOrderId; n++)
        {
            ids[n] = style.write(n, new ClientOrderId());
        }
        this.sequenced = sequenced;
        inOrder = new ClientOrderId[sequenced.length][];
        for (int s = 0; s < sequenced.length; s++)
        {
            final long[] orderIds = sequenced[s].orderIds();
            final ClientOrderId[] sequence = new ClientOrderId[sequenced[s].count()];
            for (int i = 0; i < sequence.length; i++)
            {
                sequence[i] = style.write(orderIds[i], new ClientOrderId());
            }
            inOrder[s] = sequence;
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
     * The ids of {@code workload}: by order id, and its fill, mix and drain in command order.
     */
    public static ClientOrderIdTable of(final String style, final Workload workload)
    {
        final long maxOrderId = workload.maxOrderId();
        if (maxOrderId < 0 || maxOrderId >= Integer.MAX_VALUE)
        {
            throw new IllegalArgumentException("cannot tabulate order ids up to " + maxOrderId);
        }
        return new ClientOrderIdTable(IdStyle.of(style), (int)maxOrderId, workload.fill(), workload.mix(),
            workload.drain());
    }

    /**
     * The id of each command of {@code commands}, by command index, or null when this table was not built for
     * them (then look ids up with {@link #get}).
     */
    public ClientOrderId[] inCommandOrder(final CommandArrays commands)
    {
        for (int s = 0; s < sequenced.length; s++)
        {
            if (sequenced[s] == commands)
            {
                return inOrder[s];
            }
        }
        return null;
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
