package org.mmwinter.engine.pipeline;

import java.util.Arrays;
import java.util.Map;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import org.agrona.collections.Int2ObjectHashMap;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;

/**
 * The one way out: reads every result on the outbound ring and writes each participant's own into its queue,
 * from that participant's point of view. Acknowledgements (DONE), rejections and book snapshots go back to the
 * source that sent the command; execution reports go to the participant that owns the order's account, a FILL to
 * both sides' owners (taker and maker, each with its own order, remaining quantity and correlation ids, its own
 * fee); drop copies get every execution report, market-data subscribers every trade and level change, and both
 * every trading status (a halt, a resume, the venue's status).
 * <p>
 * It never waits on a participant: a full queue disconnects the participant (reports, and statuses, which a market
 * maker must not miss), or drops the update (trades and levels, when less than half the queue is free, so that
 * updates never crowd out reports). The routing tables are replaced whole when a participant comes or goes and read
 * through volatile fields, so registering while the engine runs needs no lock on this thread.
 */
final class ParticipantRouter implements EventHandler<ResultEvent>
{
    private static final Participant[] NONE = new Participant[0];

    private volatile Int2ObjectHashMap<Participant> bySource = new Int2ObjectHashMap<>();
    private volatile Int2ObjectHashMap<Participant> byAccount = new Int2ObjectHashMap<>();
    private volatile Participant[] dropCopies = NONE;
    private volatile Participant[] marketData = NONE;
    /** No participant at all: every result is skipped at the cost of one volatile read. */
    private volatile boolean empty = true;

    public void onEvent(final ResultEvent r, final long sequence, final boolean endOfBatch)
    {
        if (empty)
        {
            return;
        }
        switch (r.type)
        {
            case ResultType.TRADE:
            case ResultType.LEVEL:
                publishMarketData(r);
                return;

            case ResultType.STATUS:
                if (r.commandType == CommandType.BOOK_SNAPSHOT)
                {
                    // The head of a book snapshot: the asker's alone, like the levels after it.
                    deliver(bySource.get(r.sourceId), r, ExecutionReport.NO_ROLE);
                }
                else
                {
                    publishStatus(r);
                }
                return;

            case ResultType.DONE:
            case ResultType.REJECTED:
            case ResultType.BOOK_LEVEL:
                deliver(bySource.get(r.sourceId), r, ExecutionReport.NO_ROLE);
                break;

            case ResultType.FILL:
                deliver(byAccount.get(r.accountId), r, ExecutionReport.TAKER);
                deliver(byAccount.get(r.makerAccountId), r, ExecutionReport.MAKER);
                break;

            default:
                deliver(byAccount.get(r.accountId), r, ExecutionReport.NO_ROLE);
                break;
        }
        if (r.type != ResultType.BOOK_LEVEL)
        {
            final Participant[] copies = dropCopies;
            for (final Participant copy : copies)
            {
                if (r.type == ResultType.FILL)
                {
                    deliver(copy, r, ExecutionReport.TAKER);
                    deliver(copy, r, ExecutionReport.MAKER);
                }
                else
                {
                    deliver(copy, r, ExecutionReport.NO_ROLE);
                }
            }
        }
    }

    synchronized void add(final Participant participant, final int sourceId, final int[] accounts)
    {
        for (final int account : accounts)
        {
            final Participant owner = byAccount.get(account);
            if (owner != null)
            {
                throw new IllegalStateException("account #" + account + " already belongs to participant " +
                    owner.name());
            }
        }
        addSource(participant, sourceId);
        final Int2ObjectHashMap<Participant> accountTable = new Int2ObjectHashMap<>(byAccount);
        for (final int account : accounts)
        {
            accountTable.put(account, participant);
        }
        byAccount = accountTable;
        if (participant.spec().dropCopy())
        {
            dropCopies = with(dropCopies, participant);
        }
        if (participant.spec().marketData())
        {
            marketData = with(marketData, participant);
        }
        empty = false;
    }

    synchronized void addSource(final Participant participant, final int sourceId)
    {
        final Int2ObjectHashMap<Participant> sourceTable = new Int2ObjectHashMap<>(bySource);
        sourceTable.put(sourceId, participant);
        bySource = sourceTable;
    }

    synchronized void remove(final Participant participant)
    {
        bySource = without(bySource, participant);
        byAccount = without(byAccount, participant);
        dropCopies = without(dropCopies, participant);
        marketData = without(marketData, participant);
        empty = bySource.isEmpty() && byAccount.isEmpty() && dropCopies.length == 0 && marketData.length == 0;
    }

    private void deliver(final Participant participant, final ResultEvent r, final int role)
    {
        if (participant == null || !participant.isConnected())
        {
            return;
        }
        final RingBuffer<ExecutionReport> queue = participant.queue;
        final long slot;
        try
        {
            slot = queue.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            participant.disconnect("fell " + queue.getBufferSize() + " reports behind");
            return;
        }
        final ExecutionReport x = queue.get(slot);
        fill(x, r, role);
        final boolean own = bySource.get(r.sourceId) == participant;
        x.commandCorrelationId = own ? r.correlationId : ExecutionReport.NO_CORRELATION;
        x.orderCorrelationId = orderCorrelation(participant, x, own ? r.correlationId :
            ExecutionReport.NO_CORRELATION);
        queue.publish(slot);
        participant.countDelivered();
    }

    /**
     * A status to every market-data subscriber and every drop copy, once each, through the queue's lossless path:
     * a subscriber whose market data is being dropped still gets it, and one whose queue is full is disconnected.
     */
    private void publishStatus(final ResultEvent r)
    {
        final Participant[] subscribers = marketData;
        for (final Participant participant : subscribers)
        {
            deliver(participant, r, ExecutionReport.NO_ROLE);
        }
        final Participant[] copies = dropCopies;
        for (final Participant copy : copies)
        {
            if (!copy.spec().marketData())
            {
                deliver(copy, r, ExecutionReport.NO_ROLE);
            }
        }
    }

    private void publishMarketData(final ResultEvent r)
    {
        final Participant[] subscribers = marketData;
        for (final Participant participant : subscribers)
        {
            if (!participant.isConnected())
            {
                continue;
            }
            final RingBuffer<ExecutionReport> queue = participant.queue;
            if (queue.remainingCapacity() <= queue.getBufferSize() / 2)
            {
                participant.marketDataGap = true;
                participant.countMarketDataDropped();
                continue;
            }
            final long slot = queue.next();
            final ExecutionReport x = queue.get(slot);
            fill(x, r, ExecutionReport.NO_ROLE);
            x.gap = participant.marketDataGap;
            participant.marketDataGap = false;
            queue.publish(slot);
            participant.countDelivered();
        }
    }

    /**
     * The correlation id of the NEW behind the report's order: remembered when this participant's own NEW is
     * accepted, forgotten when the order ends.
     */
    private static long orderCorrelation(final Participant participant, final ExecutionReport x, final long own)
    {
        final long orderId = x.orderId;
        if (x.type == ResultType.ACCEPTED && own != ExecutionReport.NO_CORRELATION)
        {
            participant.orderCorrelations.put(orderId, own);
            return own;
        }
        final boolean ends = x.type == ResultType.CANCELED || x.type == ResultType.EXPIRED ||
            (x.type == ResultType.FILL && x.remaining == 0);
        return ends ? participant.orderCorrelations.remove(orderId) : participant.orderCorrelations.get(orderId);
    }

    private static void fill(final ExecutionReport x, final ResultEvent r, final int role)
    {
        x.type = r.type;
        x.role = role;
        x.commandSequence = r.commandSequence;
        x.nowNs = r.nowNs;
        x.instrumentId = r.instrumentId;
        x.price = r.price;
        x.qty = r.qty;
        x.rejectReason = r.rejectReason;
        x.cancelReason = r.cancelReason;
        x.priorityKept = r.priorityKept;
        x.orderCount = r.orderCount;
        x.status = r.status;
        x.fee = role == ExecutionReport.TAKER ? r.takerFee : role == ExecutionReport.MAKER ? r.makerFee : 0;
        x.gap = false;
        if (Participant.isMarketData(r.type))
        {
            x.accountId = -1;
            x.orderId = r.orderId;
            x.clientOrderId.clear();
            x.side = r.side;
            x.remaining = 0;
        }
        else if (role == ExecutionReport.MAKER)
        {
            x.accountId = r.makerAccountId;
            x.orderId = r.makerOrderId;
            x.clientOrderId.copyFrom(r.makerClientOrderId);
            x.side = Side.opposite(r.side);
            x.remaining = r.makerRemaining;
        }
        else
        {
            x.accountId = r.accountId;
            x.orderId = r.orderId;
            x.clientOrderId.copyFrom(r.clientOrderId);
            x.side = r.side;
            x.remaining = r.remaining;
        }
    }

    private static Int2ObjectHashMap<Participant> without(
        final Int2ObjectHashMap<Participant> table, final Participant participant)
    {
        final Int2ObjectHashMap<Participant> rest = new Int2ObjectHashMap<>();
        for (final Map.Entry<Integer, Participant> entry : table.entrySet())
        {
            if (entry.getValue() != participant)
            {
                rest.put(entry.getKey().intValue(), entry.getValue());
            }
        }
        return rest;
    }

    private static Participant[] with(final Participant[] all, final Participant participant)
    {
        final Participant[] bigger = Arrays.copyOf(all, all.length + 1);
        bigger[all.length] = participant;
        return bigger;
    }

    private static Participant[] without(final Participant[] all, final Participant participant)
    {
        return Arrays.stream(all).filter(p -> p != participant).toArray(Participant[]::new);
    }
}
