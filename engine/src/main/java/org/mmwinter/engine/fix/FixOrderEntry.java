package org.mmwinter.engine.fix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.mmwinter.engine.core.CancelReason;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.StpMode;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.journal.OutputJournal;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.pipeline.EngineDirectory;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.Participant;
import org.mmwinter.engine.pipeline.ParticipantListener;
import org.mmwinter.engine.pipeline.ParticipantSpec;
import org.mmwinter.engine.pipeline.Publication;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.field.BusinessRejectReason;
import quickfix.field.ClOrdID;
import quickfix.field.ExecInst;
import quickfix.field.ExecType;
import quickfix.field.MassCancelRequestType;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Price;
import quickfix.field.Symbol;

/**
 * The FIX gateway's order entry: one thread of its own that owns every piece of gateway state (live orders with
 * their CumQty and AvgPx, commands in flight), takes the application messages the acceptor's thread queues for it,
 * turns them into engine commands offered through the gateway's participant, and turns the participant's reports
 * into ExecutionReports, OrderCancelRejects and OrderMassCancelReports for the session of the order's account.
 * <p>
 * The engine acknowledges a command only once it is journaled and matched, so every reply to a command the engine
 * took is sent from a report of it, never before. The participant owns the accounts of every session, so a session
 * is told about its own account's orders only, and its cancels and replaces name orders of its own account only.
 * A replace renames the engine's order to the replace's ClOrdID (the AMEND command carries the new id, journaled),
 * so ClOrdIDs survive a restart with the journal; the gateway's own view of each live order (OrderQty, CumQty,
 * AvgPx) is rebuilt at start from the engine's output journal. An order the gateway still does not know (the output
 * journal off, or results it lost to a kill -9) is adopted from its next report with its remaining quantity as
 * OrderQty.
 */
final class FixOrderEntry implements ParticipantListener, AutoCloseable
{
    /** Custom tag for self-trade prevention (as Coinbase's FIX API): N, O, B or D; absent: none. */
    static final int SELF_TRADE_PREVENTION_TAG = 7928;

    private static final int INBOUND_CAPACITY = 1 << 16;
    private static final int DRAIN_LIMIT = 256;
    private static final int POLL_LIMIT = 1024;
    /** Commands in flight at most: each brings at most two reports to the source, so its queue never fills. */
    private static final int MAX_IN_FLIGHT = ParticipantSpec.DEFAULT_QUEUE_SIZE / 4;
    private static final char POST_ONLY_INSTRUCTION = ExecInst.PARTICIPATE_DONT_INITIATE;
    /** TimeInForce (59) and the values taken; named here since the engine's own TimeInForce has the short name. */
    private static final int TIME_IN_FORCE_TAG = 59;
    /** Side (54), named by number for the same reason. */
    private static final int SIDE_TAG = 54;
    private static final char FIX_GTC = '1';
    private static final char FIX_IOC = '3';
    private static final char FIX_FOK = '4';

    private final EngineDirectory directory;
    private final Participant participant;
    private final Publication publication;
    private final Int2ObjectHashMap<FixSession> sessionsByAccount = new Int2ObjectHashMap<>();
    private final ManyToOneConcurrentArrayQueue<Inbound> inbound =
        new ManyToOneConcurrentArrayQueue<>(INBOUND_CAPACITY);
    private final Long2ObjectHashMap<FixPending> pending = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<FixOrder> ordersById = new Long2ObjectHashMap<>();
    private final HashMap<String, FixOrder> ordersByClOrdId = new HashMap<>();
    private final CommandEvent command = new CommandEvent();
    private final ClientOrderId scratchId = new ClientOrderId();
    private final FixDecimals decimals = new FixDecimals();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile boolean engineGone;
    private long nextCorrelation = 1;
    /** Local ExecIDs: the gateway's start (epoch ms) and a count, so no two runs on a data directory share one. */
    private final String localExecIdPrefix = "R" + System.currentTimeMillis() + "-";
    private final AtomicLong localExecIds = new AtomicLong();
    private long execSequence = -1;
    private int execIndex;

    /** An application message, or the end of a session, handed from the acceptor's thread. */
    private record Inbound(FixSession session, Message message)
    {
    }

    FixOrderEntry(final EnginePipeline pipeline, final String name, final List<FixSession> sessions)
    {
        this.directory = pipeline.directory();
        final String[] accounts = new String[sessions.size()];
        for (int i = 0; i < accounts.length; i++)
        {
            accounts[i] = sessions.get(i).spec.account();
            sessionsByAccount.put(sessions.get(i).accountId, sessions.get(i));
        }
        final Path output = pipeline.config().outputJournalDir();
        if (pipeline.config().outputJournalEnabled() && Files.isDirectory(output))
        {
            // Before the participant plugs in: from then on its reports keep the table current.
            OutputJournal.replayReadOnly(output, this::rebuild);
        }
        this.participant = pipeline.register(ParticipantSpec.of(name, accounts), this);
        this.publication = participant.publication();
        this.thread = new Thread(this::run, "fix-order-entry");
        thread.setDaemon(true);
    }

    void start()
    {
        thread.start();
    }

    /**
     * Hands an application message to the order-entry thread; acceptor thread.
     *
     * @return false when the queue is full (the caller rejects the message) or the engine is gone.
     */
    boolean offer(final FixSession session, final Message message)
    {
        return !engineGone && inbound.offer(new Inbound(session, message));
    }

    /** The session logged out or dropped; acceptor thread. Its orders are cancelled if it asked for that. */
    void onSessionGone(final FixSession session)
    {
        if (session.spec.cancelOnDisconnect())
        {
            while (!inbound.offer(new Inbound(session, null)) && running && !engineGone)
            {
                Thread.onSpinWait();
            }
        }
    }

    /** Live orders the gateway tracks (for tests: an order's end forgets it). */
    int trackedOrders()
    {
        return ordersById.size();
    }

    public void close()
    {
        // Commands queued before close are offered first: the loop drains the queue before it stops.
        running = false;
        if (thread.isAlive() && thread != Thread.currentThread())
        {
            try
            {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        participant.close();
    }

    private void run()
    {
        final IdleStrategy idle = new BackoffIdleStrategy(
            100, 10, TimeUnit.MICROSECONDS.toNanos(1), TimeUnit.MICROSECONDS.toNanos(200));
        try
        {
            while ((running || !inbound.isEmpty()) && !engineGone)
            {
                int work = participant.poll(POLL_LIMIT);
                work += drain();
                idle.idle(work);
            }
            // What the engine still answers for commands already offered, for a short while.
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (!pending.isEmpty() && !engineGone && System.nanoTime() < deadline)
            {
                idle.idle(participant.poll(POLL_LIMIT));
            }
        }
        catch (final RuntimeException ex)
        {
            System.err.println("fix: order entry stopped after " + ex + "; the FIX sessions get no more replies");
        }
    }

    private int drain()
    {
        int count = 0;
        while (count < DRAIN_LIMIT && pending.size() < MAX_IN_FLIGHT)
        {
            final Inbound next = inbound.poll();
            if (next == null)
            {
                break;
            }
            count++;
            if (next.message() == null)
            {
                cancelOnDisconnect(next.session());
                continue;
            }
            try
            {
                onMessage(next.session(), next.message());
            }
            catch (final FieldNotFound ex)
            {
                // The data dictionary checked required fields before the message got here; an optional one read
                // as required is a bug of ours, answered rather than thrown at the thread.
                next.session().send(FixReplies.businessReject(FixReplies.msgType(next.message()), 0,
                    BusinessRejectReason.CONDITIONALLY_REQUIRED_FIELD_MISSING, "missing field " + ex.field));
            }
        }
        return count;
    }

    private void onMessage(final FixSession session, final Message message) throws FieldNotFound
    {
        switch (FixReplies.msgType(message))
        {
            case MsgType.ORDER_SINGLE:
                onNewOrder(session, message);
                break;
            case MsgType.ORDER_CANCEL_REQUEST:
                onCancel(session, message);
                break;
            case MsgType.ORDER_CANCEL_REPLACE_REQUEST:
                onReplace(session, message);
                break;
            case MsgType.ORDER_MASS_CANCEL_REQUEST:
                onMassCancel(session, message);
                break;
            default:
                break;
        }
    }

    private void onNewOrder(final FixSession session, final Message m) throws FieldNotFound
    {
        final String clOrdId = m.getString(ClOrdID.FIELD);
        final String symbol = m.getString(Symbol.FIELD);
        final char side = m.getChar(SIDE_TAG);
        final char ordType = m.getChar(OrdType.FIELD);
        final String qtyText = m.isSetField(OrderQty.FIELD) ? m.getString(OrderQty.FIELD) : null;
        final CommandEvent c = command.clear();
        c.type = CommandType.NEW;
        c.accountId = session.accountId;
        int reason = orderId(c.clientOrderId, clOrdId);
        final int instrumentId = directory.resolve(symbol, false);
        final Instrument instrument = instrumentId < 0 ? null : directory.instrument(instrumentId);
        if (reason == RejectReason.NONE && instrument == null)
        {
            reason = RejectReason.UNKNOWN_INSTRUMENT;
        }
        if (reason == RejectReason.NONE)
        {
            c.instrumentId = instrumentId;
            reason = side(c, side);
        }
        if (reason == RejectReason.NONE)
        {
            reason = typeAndTimeInForce(c, m, ordType);
        }
        if (reason == RejectReason.NONE)
        {
            reason = selfTradePrevention(c, m);
        }
        if (reason == RejectReason.NONE)
        {
            reason = price(c, m, instrument);
        }
        if (reason == RejectReason.NONE)
        {
            if (qtyText == null)
            {
                reason = RejectReason.MISSING_QTY;
            }
            else
            {
                reason = decimals.qty(qtyText, instrument);
                c.qty = decimals.value();
            }
        }
        if (reason != RejectReason.NONE)
        {
            session.send(FixReplies.rejectedOrder(localExecId(), clOrdId, symbol, side, qtyText,
                FixRejectCodes.ordRejReason(reason), FixRejectCodes.text(reason)));
            return;
        }
        offer(new FixPending(FixPending.NEW, session, clOrdId, null, symbol, instrument, side, ordType, qtyText,
            (char)0));
    }

    private void onCancel(final FixSession session, final Message m) throws FieldNotFound
    {
        final String clOrdId = m.getString(ClOrdID.FIELD);
        final String origClOrdId = m.getString(OrigClOrdID.FIELD);
        final String symbol = m.getString(Symbol.FIELD);
        final CommandEvent c = command.clear();
        c.type = CommandType.CANCEL;
        c.accountId = session.accountId;
        int reason = orderId(c.clientOrderId, origClOrdId) == RejectReason.NONE ? RejectReason.NONE :
            RejectReason.UNKNOWN_ORDER;
        c.instrumentId = directory.resolve(symbol, false);
        if (reason == RejectReason.NONE && c.instrumentId < 0)
        {
            reason = RejectReason.UNKNOWN_INSTRUMENT;
        }
        if (reason != RejectReason.NONE)
        {
            refuseCancel(session, clOrdId, origClOrdId, false, reason, FixRejectCodes.text(reason));
            return;
        }
        offer(new FixPending(FixPending.CANCEL, session, clOrdId, origClOrdId, symbol,
            directory.instrument(c.instrumentId), (char)0, (char)0, null, (char)0));
    }

    /**
     * OrderQty is the new total: the engine's AMEND takes the new remaining, OrderQty − CumQty as the gateway knows
     * CumQty when the replace is read (a fill still on its way from the engine then is not counted in it).
     */
    private void onReplace(final FixSession session, final Message m) throws FieldNotFound
    {
        final String clOrdId = m.getString(ClOrdID.FIELD);
        final String origClOrdId = m.getString(OrigClOrdID.FIELD);
        final String symbol = m.getString(Symbol.FIELD);
        final char side = m.getChar(SIDE_TAG);
        final char ordType = m.getChar(OrdType.FIELD);
        final CommandEvent c = command.clear();
        c.type = CommandType.AMEND;
        c.accountId = session.accountId;
        int reason = orderId(c.clientOrderId, origClOrdId) == RejectReason.NONE ? RejectReason.NONE :
            RejectReason.UNKNOWN_ORDER;
        String text = null;
        if (reason == RejectReason.NONE)
        {
            reason = orderId(c.newClientOrderId, clOrdId);
        }
        c.instrumentId = directory.resolve(symbol, false);
        final Instrument instrument = c.instrumentId < 0 ? null : directory.instrument(c.instrumentId);
        if (reason == RejectReason.NONE && instrument == null)
        {
            reason = RejectReason.UNKNOWN_INSTRUMENT;
        }
        final FixOrder order = ordersByClOrdId.get(FixOrder.key(session, origClOrdId));
        if (reason == RejectReason.NONE && order != null && order.side != side)
        {
            reason = RejectReason.BAD_SIDE;
            text = "a replace cannot change the side";
        }
        if (reason == RejectReason.NONE && ordType != OrdType.LIMIT)
        {
            reason = RejectReason.BAD_TYPE;
            text = "only limit orders can be replaced (OrdType 2)";
        }
        if (reason == RejectReason.NONE)
        {
            reason = price(c, m, instrument);
        }
        if (reason == RejectReason.NONE)
        {
            reason = m.isSetField(OrderQty.FIELD) ? decimals.qty(m.getString(OrderQty.FIELD), instrument) :
                RejectReason.MISSING_QTY;
        }
        if (reason == RejectReason.NONE)
        {
            final long cumQty = order == null ? 0 : order.cumQty;
            c.qty = decimals.value() - cumQty;
            if (c.qty <= 0)
            {
                reason = RejectReason.BAD_QTY;
                text = "OrderQty " + m.getString(OrderQty.FIELD) + " is not above CumQty " +
                    FixDecimals.qtyText(cumQty, instrument);
            }
        }
        if (reason != RejectReason.NONE)
        {
            refuseCancel(session, clOrdId, origClOrdId, true, reason,
                text == null ? FixRejectCodes.text(reason) : text);
            return;
        }
        offer(new FixPending(FixPending.REPLACE, session, clOrdId, origClOrdId, symbol, instrument, side, ordType,
            null, (char)0));
    }

    private void onMassCancel(final FixSession session, final Message m) throws FieldNotFound
    {
        final String clOrdId = m.getString(ClOrdID.FIELD);
        final char type = m.getChar(MassCancelRequestType.FIELD);
        final String symbol = m.isSetField(Symbol.FIELD) ? m.getString(Symbol.FIELD) : null;
        final CommandEvent c = command.clear();
        c.type = CommandType.MASS_CANCEL;
        c.accountId = session.accountId;
        if (type == MassCancelRequestType.CANCEL_ORDERS_FOR_A_SECURITY)
        {
            c.instrumentId = symbol == null ? MatchingEngine.UNKNOWN_INSTRUMENT : directory.resolve(symbol, false);
            if (c.instrumentId < 0)
            {
                session.send(FixReplies.massCancelReport(clOrdId, type, symbol, 0,
                    FixRejectCodes.MASS_UNKNOWN_SECURITY, symbol == null ? "missing Symbol (55)" :
                    FixRejectCodes.text(RejectReason.UNKNOWN_INSTRUMENT)));
                return;
            }
        }
        else if (type == MassCancelRequestType.CANCEL_ALL_ORDERS)
        {
            c.instrumentId = MatchingEngine.ANY_INSTRUMENT;
        }
        else
        {
            session.send(FixReplies.massCancelReport(clOrdId, type, symbol, 0, FixRejectCodes.MASS_NOT_SUPPORTED,
                "MassCancelRequestType " + type + " not supported (1: one symbol, 7: all orders)"));
            return;
        }
        offer(new FixPending(FixPending.MASS_CANCEL, session, clOrdId, null, symbol, null, (char)0, (char)0, null,
            type));
    }

    private void cancelOnDisconnect(final FixSession session)
    {
        final CommandEvent c = command.clear();
        c.type = CommandType.MASS_CANCEL;
        c.accountId = session.accountId;
        c.instrumentId = MatchingEngine.ANY_INSTRUMENT;
        offer(new FixPending(FixPending.CANCEL_ON_DISCONNECT, session, "", null, null, null, (char)0, (char)0,
            null, MassCancelRequestType.CANCEL_ALL_ORDERS));
    }

    private void offer(final FixPending request)
    {
        final long correlation = nextCorrelation++;
        pending.put(correlation, request);
        final long result = publication.offer(command, correlation);
        if (result >= 0)
        {
            return;
        }
        pending.remove(correlation);
        final int reason = result == Publication.BUSY ? RejectReason.BUSY : RejectReason.ENGINE_STOPPED;
        refuse(request, RejectReason.NONE, reason);
    }

    public void onReport(final ExecutionReport r)
    {
        final FixPending request = r.commandCorrelationId == ExecutionReport.NO_CORRELATION ? null :
            pending.get(r.commandCorrelationId);
        switch (r.type)
        {
            case ResultType.ACCEPTED:
                onAccepted(r, request);
                break;
            case ResultType.FILL:
                onFill(r);
                break;
            case ResultType.CANCELED:
                onCanceled(r, request);
                break;
            case ResultType.EXPIRED:
                onExpired(r);
                break;
            case ResultType.AMENDED:
                onAmended(r, request);
                break;
            case ResultType.REDUCED:
                onReduced(r);
                break;
            case ResultType.DONE:
                if (request != null)
                {
                    pending.remove(r.commandCorrelationId);
                    onDone(r, request);
                }
                break;
            default:
                // REJECTED comes again as the DONE's reason, which is where it is answered.
                break;
        }
    }

    public void onDisconnected(final String reason)
    {
        if (running)
        {
            System.err.println("fix: the engine stopped answering the FIX gateway (" + reason + ")");
        }
        engineGone = true;
    }

    private void onAccepted(final ExecutionReport r, final FixPending request)
    {
        final FixSession session = sessionsByAccount.get(r.accountId);
        if (session == null)
        {
            return;
        }
        final boolean ours = request != null && request.kind == FixPending.NEW;
        final FixOrder order = new FixOrder(r.orderId, session, directory.instrument(r.instrumentId),
            fixSide(r.side), ours ? request.ordType :
            (r.price == MatchingEngine.NO_PRICE ? OrdType.MARKET : OrdType.LIMIT), r.clientOrderId.toString(),
            r.price, r.qty);
        track(order);
        session.send(FixReplies.execution(order, execId(r), ExecType.NEW, OrdStatus.NEW, order.clOrdId, null,
            r.qty, 0, 0, r.nowNs, null));
    }

    private void onFill(final ExecutionReport r)
    {
        final FixOrder order = order(r, r.remaining + r.qty);
        if (order == null)
        {
            return;
        }
        order.fill(r.price, r.qty);
        final boolean done = r.remaining == 0;
        if (done)
        {
            forget(order);
        }
        order.session.send(FixReplies.execution(order, execId(r), ExecType.TRADE,
            done ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED, order.clOrdId, null, r.remaining, r.qty, r.price,
            r.nowNs, null));
    }

    private void onCanceled(final ExecutionReport r, final FixPending request)
    {
        final FixOrder order = order(r, r.qty);
        if (order == null)
        {
            return;
        }
        forget(order);
        final boolean asked = request != null && request.kind == FixPending.CANCEL;
        if (request != null && (request.kind == FixPending.MASS_CANCEL ||
            request.kind == FixPending.CANCEL_ON_DISCONNECT))
        {
            request.affected++;
        }
        final String text = r.cancelReason == CancelReason.USER ? null : CancelReason.name(r.cancelReason) +
            (request != null && request.kind == FixPending.CANCEL_ON_DISCONNECT ? " (cancel on disconnect)" : "");
        order.session.send(FixReplies.execution(order, execId(r), ExecType.CANCELED, OrdStatus.CANCELED,
            asked ? request.clOrdId : order.clOrdId, asked ? order.clOrdId : null, 0, 0, 0, r.nowNs, text));
    }

    private void onExpired(final ExecutionReport r)
    {
        final FixOrder order = order(r, r.qty);
        if (order == null)
        {
            return;
        }
        forget(order);
        order.session.send(FixReplies.execution(order, execId(r), ExecType.EXPIRED, OrdStatus.EXPIRED,
            order.clOrdId, null, 0, 0, 0, r.nowNs, "time in force: the rest of the order expired unfilled"));
    }

    private void onAmended(final ExecutionReport r, final FixPending request)
    {
        final FixOrder order = order(r, r.qty);
        if (order == null)
        {
            return;
        }
        final String newId = r.clientOrderId.toString();
        final String oldId = request != null && request.kind == FixPending.REPLACE ? request.origClOrdId :
            order.clOrdId;
        if (!newId.equals(order.clOrdId))
        {
            ordersByClOrdId.remove(FixOrder.key(order.session, order.clOrdId));
            order.clOrdId = newId;
            ordersByClOrdId.put(FixOrder.key(order.session, newId), order);
        }
        order.price = r.price;
        order.orderQty = order.cumQty + r.qty;
        order.session.send(FixReplies.execution(order, execId(r), ExecType.REPLACED,
            order.cumQty > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW, newId, oldId, r.qty, 0, 0, r.nowNs,
            r.priorityKept ? "time priority kept" : "time priority lost"));
    }

    private void onReduced(final ExecutionReport r)
    {
        final FixOrder order = order(r, r.remaining + r.qty);
        if (order == null)
        {
            return;
        }
        order.orderQty = order.cumQty + r.remaining;
        order.session.send(FixReplies.execution(order, execId(r), ExecType.RESTATED,
            order.cumQty > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW, order.clOrdId, null, r.remaining, 0, 0,
            r.nowNs, "self-trade prevention reduced the order by " + FixDecimals.qtyText(r.qty, order.instrument)));
    }

    private void onDone(final ExecutionReport r, final FixPending request)
    {
        if (r.rejectReason != RejectReason.NONE)
        {
            refuse(request, r.orderId, r.rejectReason);
            return;
        }
        if (request.kind == FixPending.MASS_CANCEL)
        {
            request.session.send(FixReplies.massCancelReport(request.clOrdId, request.massType, request.symbol,
                request.affected, FixReplies.NO_REASON, null));
        }
    }

    /** The reply to a command the engine (or a full ring) refused. */
    private void refuse(final FixPending request, final long orderId, final int reason)
    {
        switch (request.kind)
        {
            case FixPending.NEW:
                request.session.send(FixReplies.rejectedOrder(localExecId(), request.clOrdId, request.symbol,
                    request.side, request.orderQtyText, FixRejectCodes.ordRejReason(reason),
                    FixRejectCodes.text(reason)));
                break;
            case FixPending.CANCEL:
            case FixPending.REPLACE:
                refuseCancel(request.session, request.clOrdId, request.origClOrdId,
                    request.kind == FixPending.REPLACE, reason, FixRejectCodes.text(reason));
                break;
            case FixPending.MASS_CANCEL:
                request.session.send(FixReplies.massCancelReport(request.clOrdId, request.massType, request.symbol,
                    0, reason == RejectReason.UNKNOWN_INSTRUMENT ? FixRejectCodes.MASS_UNKNOWN_SECURITY :
                    FixRejectCodes.OTHER, FixRejectCodes.text(reason)));
                break;
            default:
                System.err.println("fix: cancel-on-disconnect of " + request.session.spec.senderCompId() +
                    " refused: " + FixRejectCodes.text(reason));
                break;
        }
    }

    private void refuseCancel(
        final FixSession session,
        final String clOrdId,
        final String origClOrdId,
        final boolean replace,
        final int reason,
        final String text)
    {
        final FixOrder order = ordersByClOrdId.get(FixOrder.key(session, origClOrdId));
        final char status = order == null ? OrdStatus.REJECTED :
            order.cumQty > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW;
        session.send(FixReplies.cancelReject(order == null ? FixReplies.NO_ORDER_ID : Long.toString(order.orderId),
            clOrdId, origClOrdId, status, replace, FixRejectCodes.cxlRejReason(reason), text));
    }

    /** One result of the output journal, read at start: the same bookkeeping as the live reports, nothing sent. */
    private void rebuild(final ResultEvent r)
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
                    track(new FixOrder(r.orderId, session, directory.instrument(r.instrumentId), fixSide(r.side),
                        r.price == MatchingEngine.NO_PRICE ? OrdType.MARKET : OrdType.LIMIT,
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
                    ordersByClOrdId.remove(FixOrder.key(order.session, order.clOrdId));
                    order.clOrdId = r.clientOrderId.toString();
                    ordersByClOrdId.put(FixOrder.key(order.session, order.clOrdId), order);
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

    /**
     * The tracked order a report is about, adopted from the report if the gateway has not seen it (entered before a
     * restart, or by another port trading the same account): OrderQty is then what was left of it.
     */
    private FixOrder order(final ExecutionReport r, final long qtyBefore)
    {
        final FixOrder known = ordersById.get(r.orderId);
        if (known != null)
        {
            return known;
        }
        final FixSession session = sessionsByAccount.get(r.accountId);
        if (session == null)
        {
            return null;
        }
        final FixOrder adopted = new FixOrder(r.orderId, session, directory.instrument(r.instrumentId),
            fixSide(r.side), OrdType.LIMIT, r.clientOrderId.toString(), r.price, qtyBefore);
        track(adopted);
        return adopted;
    }

    private void track(final FixOrder order)
    {
        ordersById.put(order.orderId, order);
        ordersByClOrdId.put(FixOrder.key(order.session, order.clOrdId), order);
    }

    private void forget(final FixOrder order)
    {
        ordersById.remove(order.orderId);
        ordersByClOrdId.remove(FixOrder.key(order.session, order.clOrdId));
    }

    /**
     * ExecID (17): the journal sequence of the command behind the report and its place among that command's
     * reports to this gateway, so unique across restarts of the same data directory.
     */
    private String execId(final ExecutionReport r)
    {
        if (r.commandSequence != execSequence)
        {
            execSequence = r.commandSequence;
            execIndex = 0;
        }
        return r.commandSequence + "-" + execIndex++;
    }

    /** ExecID of a reject the engine never saw: the gateway's own series; any thread. */
    String localExecId()
    {
        return localExecIdPrefix + localExecIds.incrementAndGet();
    }

    private static int orderId(final ClientOrderId into, final String text)
    {
        switch (into.parse(text, 0, text.length()))
        {
            case ClientOrderId.OK:
                return RejectReason.NONE;
            case ClientOrderId.EMPTY:
                return RejectReason.MISSING_ORDER_ID;
            case ClientOrderId.TOO_LONG:
                return RejectReason.ORDER_ID_TOO_LONG;
            default:
                return RejectReason.BAD_ORDER_ID;
        }
    }

    private static char fixSide(final int side)
    {
        return side == Side.BUY ? FixReplies.BUY : FixReplies.SELL;
    }

    private static int side(final CommandEvent c, final char side)
    {
        if (side == FixReplies.BUY)
        {
            c.side = Side.BUY;
            return RejectReason.NONE;
        }
        if (side == FixReplies.SELL)
        {
            c.side = Side.SELL;
            return RejectReason.NONE;
        }
        return RejectReason.BAD_SIDE;
    }

    /**
     * OrdType 1 (market) or 2 (limit); TimeInForce 1 (GTC), 3 (IOC), 4 (FOK), absent: GTC for a limit order, IOC for
     * a market order; ExecInst 6 (participate, don't initiate) makes a GTC limit order post-only.
     */
    private static int typeAndTimeInForce(final CommandEvent c, final Message m, final char ordType)
        throws FieldNotFound
    {
        if (ordType == OrdType.LIMIT)
        {
            c.orderType = OrderType.LIMIT;
        }
        else if (ordType == OrdType.MARKET)
        {
            c.orderType = OrderType.MARKET;
        }
        else
        {
            return RejectReason.BAD_TYPE;
        }
        if (!m.isSetField(TIME_IN_FORCE_TAG))
        {
            c.tif = c.orderType == OrderType.MARKET ? TimeInForce.IOC :
                TimeInForce.GTC;
        }
        else
        {
            switch (m.getChar(TIME_IN_FORCE_TAG))
            {
                case FIX_GTC: c.tif = TimeInForce.GTC; break;
                case FIX_IOC: c.tif = TimeInForce.IOC; break;
                case FIX_FOK: c.tif = TimeInForce.FOK; break;
                default: return RejectReason.BAD_TIF;
            }
        }
        if (m.isSetField(ExecInst.FIELD) && m.getString(ExecInst.FIELD).indexOf(POST_ONLY_INSTRUCTION) >= 0)
        {
            if (c.orderType != OrderType.LIMIT || c.tif != TimeInForce.GTC)
            {
                return RejectReason.BAD_TIF;
            }
            c.tif = TimeInForce.POST_ONLY;
        }
        return RejectReason.NONE;
    }

    private static int selfTradePrevention(final CommandEvent c, final Message m) throws FieldNotFound
    {
        if (!m.isSetField(SELF_TRADE_PREVENTION_TAG))
        {
            c.stp = StpMode.NONE;
            return RejectReason.NONE;
        }
        final String value = m.getString(SELF_TRADE_PREVENTION_TAG);
        switch (value)
        {
            case "N": c.stp = StpMode.CANCEL_NEWEST; return RejectReason.NONE;
            case "O": c.stp = StpMode.CANCEL_OLDEST; return RejectReason.NONE;
            case "B": c.stp = StpMode.CANCEL_BOTH; return RejectReason.NONE;
            case "D": c.stp = StpMode.DECREMENT; return RejectReason.NONE;
            default: return RejectReason.BAD_STP;
        }
    }

    private int price(final CommandEvent c, final Message m, final Instrument instrument) throws FieldNotFound
    {
        final boolean has = m.isSetField(Price.FIELD);
        if (c.type != CommandType.AMEND && c.orderType == OrderType.MARKET)
        {
            c.price = MatchingEngine.NO_PRICE;
            return has ? RejectReason.MARKET_WITH_PRICE : RejectReason.NONE;
        }
        if (!has)
        {
            return RejectReason.MISSING_PRICE;
        }
        final int reason = decimals.price(m.getString(Price.FIELD), instrument);
        c.price = decimals.value();
        return reason;
    }
}
