package org.mmwinter.bench.jmh;

import org.mmwinter.bench.workload.CommandArrays;
import org.mmwinter.bench.workload.OrderBookAdapter;
import org.mmwinter.bench.workload.Replay;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.StpMode;
import org.mmwinter.engine.core.TimeInForce;

/**
 * Our {@link MatchingEngine} with one instrument, driven through its public API exactly as the pipeline will
 * drive it. Self-trade prevention is off because none of the peers has it. The workload's {@code long} order ids
 * become client order ids through a {@link ClientOrderIdTable} built beforehand, so that a command costs an array
 * read, not the spelling of its id: in command order while {@link Replay} replays commands the table was built for
 * (as the id would arrive in the command), else by order id.
 */
public final class EngineBookAdapter implements OrderBookAdapter
{
    private static final int INSTRUMENT = 0;

    private final EventCounter listener = new EventCounter();
    private final MatchingEngine engine;
    private final ClientOrderIdTable ids;
    private long rejects;
    private long nowNs;
    /** While replaying commands the table spelt in order: their ids, their order ids (to check), the next index. */
    private ClientOrderId[] sequence;
    private long[] sequenceOrderIds;
    private int next;

    /**
     * @param expectedOrders live orders to preallocate, so that steady state allocates nothing.
     * @param ids            the client order id of every workload order id the adapter will be sent.
     */
    public EngineBookAdapter(final int expectedOrders, final ClientOrderIdTable ids)
    {
        this.ids = ids;
        engine = new MatchingEngine(listener, expectedOrders);
        engine.addInstrument(instrument(INSTRUMENT));
    }

    /**
     * The one instrument every benchmark of our engine trades, the pipeline's included: prices and sizes are the
     * workload's ticks and lots unchanged.
     */
    public static Instrument instrument(final int id)
    {
        return new Instrument(id, "BENCH", 2, 1, 0, 1, Instrument.NO_BAND);
    }

    public void replaying(final CommandArrays commands, final int from)
    {
        sequence = commands == null ? null : ids.inCommandOrder(commands);
        sequenceOrderIds = sequence == null ? null : commands.orderIds();
        next = from;
    }

    public long gtc(final int account, final long orderId, final int side, final long price, final long size)
    {
        return check(engine.newOrder(++nowNs, INSTRUMENT, account, id(orderId), side, OrderType.LIMIT,
            TimeInForce.GTC, StpMode.NONE, price, size));
    }

    public long ioc(final int account, final long orderId, final int side, final long price, final long size)
    {
        return check(engine.newOrder(++nowNs, INSTRUMENT, account, id(orderId), side, OrderType.LIMIT,
            TimeInForce.IOC, StpMode.NONE, price, size));
    }

    public long market(final int account, final long orderId, final int side, final long size)
    {
        return check(engine.newOrder(++nowNs, INSTRUMENT, account, id(orderId), side, OrderType.MARKET,
            TimeInForce.IOC, StpMode.NONE, MatchingEngine.NO_PRICE, size));
    }

    public long cancel(final int account, final long orderId)
    {
        return check(engine.cancel(++nowNs, account, id(orderId), INSTRUMENT));
    }

    public long move(final int account, final long orderId, final long price, final long size)
    {
        return check(engine.amend(++nowNs, account, id(orderId), INSTRUMENT, price, size));
    }

    public long reduce(final int account, final long orderId, final long price, final long oldSize, final long newSize)
    {
        return check(engine.amend(++nowNs, account, id(orderId), INSTRUMENT, price, newSize));
    }

    public long rejects()
    {
        return rejects;
    }

    public long liveOrders()
    {
        return engine.liveOrderCount();
    }

    public long fills()
    {
        return listener.fills;
    }

    private ClientOrderId id(final long orderId)
    {
        if (sequence == null)
        {
            return ids.get(orderId);
        }
        final int index = next++;
        if (sequenceOrderIds[index] != orderId)
        {
            throw new IllegalStateException("command " + index + " names order " + sequenceOrderIds[index]
                + " but the adapter was sent order " + orderId + ": a replay skipped or repeated a command");
        }
        return sequence[index];
    }

    private long check(final int reason)
    {
        if (reason != RejectReason.NONE)
        {
            rejects++;
        }
        return listener.fills;
    }
}
