package org.mmwinter.engine.cluster;

import java.util.ArrayList;
import java.util.List;

import org.agrona.collections.Long2LongHashMap;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.pipeline.ParticipantListener;

/**
 * What a participant of a gateway in front of the cluster was told: each report as one line from its point of view,
 * market data as one line each, and for each correlation id the DONEs it got and the reason of the last.
 */
final class GatewayRecorder implements ParticipantListener
{
    static final long NO_DONE = Long.MIN_VALUE;

    final List<String> reports = new ArrayList<>();
    final List<String> marketData = new ArrayList<>();
    /** DONEs per correlation id, and the reject reason of the last one. */
    final Long2LongHashMap dones = new Long2LongHashMap(0);
    final Long2LongHashMap doneReason = new Long2LongHashMap(NO_DONE);
    long donesTotal;

    public void onReport(final ExecutionReport r)
    {
        reports.add(describe(r));
        if (r.type == ResultType.DONE)
        {
            donesTotal++;
            dones.put(r.commandCorrelationId, dones.get(r.commandCorrelationId) + 1);
            doneReason.put(r.commandCorrelationId, r.rejectReason);
        }
    }

    public void onMarketData(final ExecutionReport u)
    {
        marketData.add(ResultType.name(u.type) + " " + Side.name(u.side) + " " + u.price + "x" + u.qty +
            (u.type == ResultType.TRADE ? "" : " #" + u.orderCount));
    }

    /** Whether the command of {@code correlationId} was answered. */
    boolean done(final long correlationId)
    {
        return doneReason.get(correlationId) != NO_DONE;
    }

    static String describe(final ExecutionReport r)
    {
        final StringBuilder sb = new StringBuilder(ResultType.name(r.type));
        if (r.role != ExecutionReport.NO_ROLE)
        {
            sb.append(r.role == ExecutionReport.TAKER ? " taker" : " maker");
        }
        if (r.type == ResultType.DONE || r.type == ResultType.REJECTED)
        {
            sb.append(" corr=").append(r.commandCorrelationId);
            if (r.rejectReason != RejectReason.NONE)
            {
                sb.append(' ').append(RejectReason.describe(r.rejectReason));
            }
            return sb.toString();
        }
        return sb.append(' ').append(r.clientOrderId).append('#').append(r.orderId)
            .append(" acct ").append(r.accountId)
            .append(' ').append(Side.name(r.side)).append(' ').append(r.price).append('x').append(r.qty)
            .append(" left ").append(r.remaining).append(" order-corr=").append(r.orderCorrelationId).toString();
    }
}
