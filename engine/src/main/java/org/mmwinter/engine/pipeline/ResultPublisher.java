package org.mmwinter.engine.pipeline;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import org.mmwinter.engine.core.CancelReason;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.Fees;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;

/**
 * Turns the core's callbacks into slots of the outbound ring, tagged with the command being processed, and prices
 * each fill's two fees at its instrument's rates. Runs on the matching thread, the ring's only producer. A full ring
 * is back-pressure: the core waits (counted), because execution reports must never be dropped. Muted during
 * recovery, which re-emits nothing.
 */
final class ResultPublisher implements MatchingListener
{
    private final RingBuffer<ResultEvent> ring;
    private MatchingEngine engine;
    // The command being processed, copied rather than referenced: a reference stored per command into this
    // long-lived object is a G1 post-write barrier, whose StoreLoad fence waited for every result slot written
    // before it (each a line the reading core had taken): 13 % of the matching thread in engine.jar bench.
    private long commandSequence;
    private int commandType;
    private int commandSource;
    private long commandCorrelation;
    private long commandClientTs;
    private long commandNowNs;
    private int commandInstrument;
    private boolean muted;
    private long backPressureWaits;
    /** With stepped stages, how the full ring is emptied: this thread is its only consumer too. */
    private SteppedStages stepped;

    ResultPublisher(final RingBuffer<ResultEvent> ring)
    {
        this.ring = ring;
    }

    /**
     * The core whose instruments' fee rates price the fills; set once the core exists (it is built with this
     * publisher as its listener), before any command.
     */
    void pricing(final MatchingEngine engine)
    {
        this.engine = engine;
    }

    /** Stepped stages: a full ring is drained here, on the matching thread, instead of waited for. */
    void steppedBy(final SteppedStages stepped)
    {
        this.stepped = stepped;
    }

    void muted(final boolean muted)
    {
        this.muted = muted;
    }

    long backPressureWaits()
    {
        return backPressureWaits;
    }

    void begin(final CommandEvent command)
    {
        commandSequence = command.sequence;
        commandType = command.type;
        commandSource = command.sourceId;
        commandCorrelation = command.correlationId;
        commandClientTs = command.clientTsNs;
        commandNowNs = command.nowNs;
        commandInstrument = command.instrumentId;
    }

    void done(final CommandEvent command)
    {
        if (muted)
        {
            return;
        }
        final long seq = claim();
        final ResultEvent r = fill(ring.get(seq), ResultType.DONE);
        order(r, command.instrumentId, command.accountId, MatchingEngine.NO_ORDER_ID, command.clientOrderId);
        r.rejectReason = command.result;
        ring.publish(seq);
    }

    public void onAccepted(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final int side,
        final long price,
        final long qty)
    {
        if (muted)
        {
            return;
        }
        final long seq = claim();
        final ResultEvent r = fill(ring.get(seq), ResultType.ACCEPTED);
        order(r, instrumentId, accountId, orderId, clientOrderId);
        r.side = side;
        r.price = price;
        r.qty = qty;
        r.remaining = qty;
        ring.publish(seq);
    }

    public void onRejected(
        final int accountId, final long orderId, final ClientOrderId clientOrderId, final int reason)
    {
        if (muted)
        {
            return;
        }
        final long seq = claim();
        final ResultEvent r = fill(ring.get(seq), ResultType.REJECTED);
        order(r, commandInstrument, accountId, orderId, clientOrderId);
        r.rejectReason = reason;
        ring.publish(seq);
    }

    public void onFill(
        final int instrumentId,
        final long price,
        final long qty,
        final int takerSide,
        final int makerAccountId,
        final long makerOrderId,
        final ClientOrderId makerClientOrderId,
        final long makerRemaining,
        final int takerAccountId,
        final long takerOrderId,
        final ClientOrderId takerClientOrderId,
        final long takerRemaining)
    {
        if (muted)
        {
            return;
        }
        final long seq = claim();
        final ResultEvent r = fill(ring.get(seq), ResultType.FILL);
        order(r, instrumentId, takerAccountId, takerOrderId, takerClientOrderId);
        r.side = takerSide;
        r.price = price;
        r.qty = qty;
        r.remaining = takerRemaining;
        r.makerAccountId = makerAccountId;
        r.makerOrderId = makerOrderId;
        r.makerClientOrderId.copyFrom(makerClientOrderId);
        r.makerRemaining = makerRemaining;
        final Instrument instrument = engine.instrument(instrumentId);
        r.takerFee = Fees.fee(instrument, price, qty, instrument.takerFeeRate());
        r.makerFee = Fees.fee(instrument, price, qty, instrument.makerFeeRate());
        ring.publish(seq);
    }

    public void onCanceled(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final long qty,
        final int reason)
    {
        if (muted)
        {
            return;
        }
        final long seq = claim();
        final ResultEvent r = fill(ring.get(seq), ResultType.CANCELED);
        order(r, instrumentId, accountId, orderId, clientOrderId);
        r.qty = qty;
        r.cancelReason = reason;
        ring.publish(seq);
    }

    public void onReduced(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final long qty,
        final long remaining)
    {
        if (muted)
        {
            return;
        }
        final long seq = claim();
        final ResultEvent r = fill(ring.get(seq), ResultType.REDUCED);
        order(r, instrumentId, accountId, orderId, clientOrderId);
        r.qty = qty;
        r.remaining = remaining;
        r.cancelReason = CancelReason.SELF_TRADE;
        ring.publish(seq);
    }

    public void onExpired(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final long qty)
    {
        if (muted)
        {
            return;
        }
        final long seq = claim();
        final ResultEvent r = fill(ring.get(seq), ResultType.EXPIRED);
        order(r, instrumentId, accountId, orderId, clientOrderId);
        r.qty = qty;
        ring.publish(seq);
    }

    public void onAmended(
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId,
        final long price,
        final long qty,
        final boolean priorityKept)
    {
        if (muted)
        {
            return;
        }
        final long seq = claim();
        final ResultEvent r = fill(ring.get(seq), ResultType.AMENDED);
        order(r, instrumentId, accountId, orderId, clientOrderId);
        r.price = price;
        r.qty = qty;
        r.remaining = qty;
        r.priorityKept = priorityKept;
        ring.publish(seq);
    }

    public void onTrade(final int instrumentId, final long price, final long qty, final int takerSide)
    {
        if (muted)
        {
            return;
        }
        final long seq = claim();
        final ResultEvent r = fill(ring.get(seq), ResultType.TRADE);
        order(r, instrumentId, -1, MatchingEngine.NO_ORDER_ID, null);
        r.side = takerSide;
        r.price = price;
        r.qty = qty;
        ring.publish(seq);
    }

    public void onStatus(final int instrumentId, final int status)
    {
        if (muted)
        {
            return;
        }
        final long seq = claim();
        final ResultEvent r = fill(ring.get(seq), ResultType.STATUS);
        order(r, instrumentId, -1, MatchingEngine.NO_ORDER_ID, null);
        r.status = status;
        ring.publish(seq);
    }

    public void onLevelChanged(
        final int instrumentId, final int side, final long price, final long qty, final int orderCount)
    {
        level(ResultType.LEVEL, instrumentId, side, price, qty, orderCount);
    }

    public void onBookLevel(
        final int instrumentId, final int side, final long price, final long qty, final int orderCount)
    {
        level(ResultType.BOOK_LEVEL, instrumentId, side, price, qty, orderCount);
    }

    /**
     * A level's state: a change (LEVEL, public) or the book as it stands (BOOK_LEVEL, to the asker).
     */
    private void level(
        final int type, final int instrumentId, final int side, final long price, final long qty, final int orderCount)
    {
        if (muted)
        {
            return;
        }
        final long seq = claim();
        final ResultEvent r = fill(ring.get(seq), type);
        order(r, instrumentId, -1, MatchingEngine.NO_ORDER_ID, null);
        r.side = side;
        r.price = price;
        r.qty = qty;
        r.orderCount = orderCount;
        ring.publish(seq);
    }

    private long claim()
    {
        try
        {
            // Checks the consumers' cached position only: cheaper per result than asking for capacity first.
            return ring.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            backPressureWaits++;
            if (stepped != null)
            {
                stepped.drainResults();
            }
            return ring.next();
        }
    }

    private ResultEvent fill(final ResultEvent r, final int type)
    {
        r.type = type;
        r.commandSequence = commandSequence;
        r.commandType = commandType;
        r.sourceId = commandSource;
        r.correlationId = commandCorrelation;
        r.clientTsNs = commandClientTs;
        r.nowNs = commandNowNs;
        r.side = 0;
        r.price = 0;
        r.qty = 0;
        r.remaining = 0;
        // The maker's client order id is only read for a FILL, which sets it: not clearing it saves four stores on
        // another object for every other result.
        r.makerAccountId = -1;
        r.makerOrderId = MatchingEngine.NO_ORDER_ID;
        r.makerRemaining = 0;
        r.rejectReason = 0;
        r.cancelReason = 0;
        r.priorityKept = false;
        r.orderCount = 0;
        r.takerFee = 0;
        r.makerFee = 0;
        r.status = 0;
        return r;
    }

    /**
     * The order a result is about; {@code clientOrderId} null for market data, which names no order and whose client
     * order id is never read, so it is left as it was.
     */
    private static void order(
        final ResultEvent r,
        final int instrumentId,
        final int accountId,
        final long orderId,
        final ClientOrderId clientOrderId)
    {
        r.instrumentId = instrumentId;
        r.accountId = accountId;
        r.orderId = orderId;
        if (clientOrderId != null)
        {
            r.clientOrderId.copyFrom(clientOrderId);
        }
    }
}
