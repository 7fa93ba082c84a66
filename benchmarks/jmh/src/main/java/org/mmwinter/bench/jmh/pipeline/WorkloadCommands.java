package org.mmwinter.bench.jmh.pipeline;

import org.mmwinter.bench.workload.CommandArrays;
import org.mmwinter.bench.workload.CommandType;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.StpMode;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;

/**
 * The workload's commands as inbound ring slots, written in place (nothing allocated): GTC and IOC are NEW limit
 * orders, MARKET a NEW market IOC, CANCEL a cancel, and a MOVE an AMEND to the new price with the order's
 * remaining size, which is how our core moves an order (it loses priority and trades if it now crosses). The
 * caller chooses the client order id (a {@link org.mmwinter.bench.jmh.ClientOrderIdTable} entry, or a fresh one).
 */
public final class WorkloadCommands
{
    private WorkloadCommands()
    {
    }

    /**
     * Fills {@code event} with command {@code i} of {@code commands}, naming its order {@code clientOrderId} (which
     * the slot copies). The workload's account numbers are used as account ids unchanged, so they must have been
     * registered in that order.
     */
    // Two CommandTypes meet here, the workload's and the engine's: the engine's is the one written out in full.
    @SuppressWarnings("checkstyle:qualifiedName")
    public static void write(
        final CommandArrays commands,
        final int i,
        final ClientOrderId clientOrderId,
        final CommandEvent event,
        final int instrumentId,
        final int sourceId,
        final long correlationId,
        final long clientTsNs)
    {
        event.clear();
        event.sourceId = sourceId;
        event.correlationId = correlationId;
        event.clientTsNs = clientTsNs;
        event.accountId = commands.accounts()[i];
        event.clientOrderId.copyFrom(clientOrderId);
        event.instrumentId = instrumentId;
        event.side = commands.sides()[i];
        event.stp = StpMode.NONE;
        final byte type = commands.types()[i];
        switch (type)
        {
            case CommandType.GTC:
                newOrder(event, OrderType.LIMIT, TimeInForce.GTC, commands.prices()[i], commands.sizes()[i]);
                break;

            case CommandType.IOC:
                newOrder(event, OrderType.LIMIT, TimeInForce.IOC, commands.prices()[i], commands.sizes()[i]);
                break;

            case CommandType.MARKET:
                newOrder(event, OrderType.MARKET, TimeInForce.IOC, MatchingEngine.NO_PRICE, commands.sizes()[i]);
                break;

            case CommandType.CANCEL:
                event.type = org.mmwinter.engine.message.CommandType.CANCEL;
                break;

            case CommandType.MOVE:
                event.type = org.mmwinter.engine.message.CommandType.AMEND;
                event.price = commands.prices()[i];
                event.qty = commands.sizes()[i];
                break;

            default:
                throw new IllegalArgumentException("unknown workload command type " + type);
        }
    }

    @SuppressWarnings("checkstyle:qualifiedName")
    private static void newOrder(
        final CommandEvent event, final int orderType, final int tif, final long price, final long qty)
    {
        event.type = org.mmwinter.engine.message.CommandType.NEW;
        event.orderType = orderType;
        event.tif = tif;
        event.price = price;
        event.qty = qty;
    }
}
