package org.mmwinter.engine.fix;

import java.util.HashMap;

import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.pipeline.EngineDirectory;
import quickfix.field.OrdType;

/**
 * The live orders of the FIX sessions' accounts as the gateway reports them, by engine order id and by (account,
 * ClOrdID); rebuilt at start from the engine's output journal (the same bookkeeping as live reports, nothing sent).
 * Order-entry thread only.
 */
final class FixOrders
{
    private final EngineDirectory directory;
    private final Int2ObjectHashMap<FixSession> sessionsByAccount;
    private final Long2ObjectHashMap<FixOrder> ordersById = new Long2ObjectHashMap<>();
    private final HashMap<String, FixOrder> ordersByClOrdId = new HashMap<>();

    FixOrders(final EngineDirectory directory, final Int2ObjectHashMap<FixSession> sessionsByAccount)
    {
        this.directory = directory;
        this.sessionsByAccount = sessionsByAccount;
    }

    /** The order with this engine order id, or null. */
    FixOrder byId(final long orderId)
    {
        return ordersById.get(orderId);
    }

    /** The order of the session's account that answers to this ClOrdID now, or null. */
    FixOrder byClOrdId(final FixSession session, final String clOrdId)
    {
        return ordersByClOrdId.get(FixOrder.key(session, clOrdId));
    }

    int size()
    {
        return ordersById.size();
    }

    /** The order answers to {@code clOrdId} from now on (a replace renamed it). */
    void rename(final FixOrder order, final String clOrdId)
    {
        if (!clOrdId.equals(order.clOrdId))
        {
            ordersByClOrdId.remove(FixOrder.key(order.session, order.clOrdId));
            order.clOrdId = clOrdId;
            ordersByClOrdId.put(FixOrder.key(order.session, clOrdId), order);
        }
    }

    void track(final FixOrder order)
    {
        ordersById.put(order.orderId, order);
        ordersByClOrdId.put(FixOrder.key(order.session, order.clOrdId), order);
    }

    void forget(final FixOrder order)
    {
        ordersById.remove(order.orderId);
        ordersByClOrdId.remove(FixOrder.key(order.session, order.clOrdId));
    }

    /** One result of the output journal, read at start: the same bookkeeping as the live reports, nothing sent. */
    void rebuild(final ResultEvent r)
    {
        if (r.orderId == MatchingEngine.NO_ORDER_ID && r.makerOrderId == MatchingEngine.NO_ORDER_ID)
        {
            return;
        }
        switch (r.type)
        {
            case ResultType.ACCEPTED:
            {
                final FixSession session = sessionsByAccount.get(r.accountId);
                if (session != null)
                {
                    track(new FixOrder(r.orderId, session, directory.instrument(r.instrumentId),
                        FixOrder.sideOf(r.side), r.price == MatchingEngine.NO_PRICE ? OrdType.MARKET : OrdType.LIMIT,
                        r.clientOrderId.toString(), r.price, r.qty));
                }
                break;
            }
            case ResultType.FILL:
                rebuildFill(r.orderId, r.price, r.qty, r.remaining);
                rebuildFill(r.makerOrderId, r.price, r.qty, r.makerRemaining);
                break;
            case ResultType.CANCELED:
            case ResultType.EXPIRED:
            {
                final FixOrder order = ordersById.get(r.orderId);
                if (order != null)
                {
                    forget(order);
                }
                break;
            }
            case ResultType.AMENDED:
            {
                final FixOrder order = ordersById.get(r.orderId);
                if (order != null)
                {
                    rename(order, r.clientOrderId.toString());
                    order.price = r.price;
                    order.orderQty = order.cumQty + r.qty;
                }
                break;
            }
            case ResultType.REDUCED:
            {
                final FixOrder order = ordersById.get(r.orderId);
                if (order != null)
                {
                    order.orderQty = order.cumQty + r.remaining;
                }
                break;
            }
            default:
                break;
        }
    }

    private void rebuildFill(final long orderId, final long price, final long qty, final long remaining)
    {
        final FixOrder order = ordersById.get(orderId);
        if (order != null)
        {
            order.fill(price, qty);
            if (remaining == 0)
            {
                forget(order);
            }
        }
    }
}
