package org.mmwinter.bench.jmh.soak;

import org.mmwinter.bench.jmh.IdStyle;
import org.mmwinter.bench.workload.CommandArrays;
import org.mmwinter.bench.workload.CommandType;
import org.mmwinter.engine.core.ClientOrderId;

/**
 * Client order ids for a soak in which every NEW carries an id never sent before, as a real client's ids are: the
 * n-th NEW of the run is spelt from n, and a cancel or move of a workload order names the id of the NEW that last
 * placed it. What the soak checks is that the engine keeps nothing per id it has seen (no index of dead ids), which
 * the repeating ids of the workload's cycle could not show.
 * <p>
 * The spelling happens on the producer thread as each command is sent, allocation-free into one reused id (the
 * ring slot copies it): the soak measures heap and journal, and its commands/s include this work.
 */
final class FreshIds
{
    private final IdStyle style;
    private final long[] serials;
    private final ClientOrderId id = new ClientOrderId();
    private long sent;

    /**
     * @param maxOrderId the largest order id of the commands this will be asked about.
     */
    FreshIds(final IdStyle style, final long maxOrderId)
    {
        this.style = style;
        serials = new long[Math.toIntExact(maxOrderId + 1)];
    }

    /**
     * The id of command {@code index}, to be sent now (every call for a NEW uses up a serial); valid until the next
     * call.
     */
    ClientOrderId idOf(final CommandArrays commands, final int index)
    {
        final int orderId = (int)commands.orderIds()[index];
        final byte type = commands.types()[index];
        if (type == CommandType.GTC || type == CommandType.IOC || type == CommandType.MARKET)
        {
            serials[orderId] = ++sent;
        }
        return style.write(serials[orderId], id);
    }

    /** NEW orders given an id so far: the ids used, all distinct. */
    long newOrders()
    {
        return sent;
    }
}
