package org.mmwinter.bench.jmh.pipeline;

import org.mmwinter.bench.jmh.ClientOrderIdTable;
import org.mmwinter.bench.jmh.IdStyle;
import org.mmwinter.bench.workload.CommandArrays;
import org.mmwinter.bench.workload.Workload;

/**
 * An endless stream of consistent commands for the pipeline, the same as exchange-core's side replays: the mix,
 * then the drain and the fill that bring the book back to where the mix starts, then the mix again. The reset
 * commands are ordinary cancels and GTC orders, 0.2 % of a cycle for the 1,000-order book. Order ids repeat from
 * one cycle to the next, which is allowed: each was cancelled or filled before its id comes back. The client order
 * ids are spelt once, into a {@link ClientOrderIdTable} of the workload's ids, in the style asked for.
 */
public final class CommandCycle
{
    private final CommandArrays fill;
    private final CommandArrays cycle;
    private final ClientOrderIdTable ids;
    private final int length;
    private int next;

    /**
     * @param idStyle an {@link IdStyle} name.
     */
    public CommandCycle(final Workload workload, final String idStyle)
    {
        ids = ClientOrderIdTable.of(idStyle, workload.maxOrderId());
        fill = workload.fill();
        cycle = concat(workload.mix(), workload.drain(), workload.fill());
        length = cycle.count();
    }

    /** The commands that build the book the cycle starts from; send them once, first. */
    public CommandArrays fill()
    {
        return fill;
    }

    /** The client order id of every order id of {@link #fill()} and {@link #commands()}. */
    public ClientOrderIdTable ids()
    {
        return ids;
    }

    /** The commands {@link #next()} indexes into. */
    public CommandArrays commands()
    {
        return cycle;
    }

    /** Index in {@link #commands()} of the next command to send. */
    public int next()
    {
        final int index = next;
        next = index + 1 == length ? 0 : index + 1;
        return index;
    }

    private static CommandArrays concat(final CommandArrays... parts)
    {
        int total = 0;
        for (final CommandArrays part : parts)
        {
            total += part.count();
        }
        final CommandArrays all = new CommandArrays(total);
        for (final CommandArrays part : parts)
        {
            for (int i = 0; i < part.count(); i++)
            {
                all.add(part.types()[i], part.accounts()[i], part.orderIds()[i], part.sides()[i], part.prices()[i],
                    part.sizes()[i]);
            }
        }
        return all.trim();
    }
}
