package org.mmwinter.engine.fix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.agrona.collections.Int2ObjectHashMap;
import org.agrona.collections.Long2ObjectHashMap;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;
import org.mmwinter.engine.core.CancelReason;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.journal.OutputJournal;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ExecutionReport;
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
import quickfix.field.ExecType;
import quickfix.field.MassCancelRequestType;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.OrdType;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
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
    private static final int INBOUND_CAPACITY = 1 << 16;
    private static final int DRAIN_LIMIT = 256;
    private static final int POLL_LIMIT = 1024;
    /** Commands in flight at most: each brings at most two reports to the source, so its queue never fills. */
    private static final int MAX_IN_FLIGHT = ParticipantSpec.DEFAULT_QUEUE_SIZE / 4;

    private final EngineDirectory directory;
    private final Participant participant;
    private final Publication publication;
    private final Int2ObjectHashMap<FixSession> sessionsByAccount = new Int2ObjectHashMap<>();
    private final ManyToOneConcurrentArrayQueue<Inbound> inbound =
        new ManyToOneConcurrentArrayQueue<>(INBOUND_CAPACITY);
    private final Long2ObjectHashMap<FixPending> pending = new Long2ObjectHashMap<>();
    private final FixOrders orders;
    private final CommandEvent command = new CommandEvent();
    private final FixOrderDecoder decoder;
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
        this.decoder = new FixOrderDecoder(directory);
        this.orders = new FixOrders(directory, sessionsByAccount);
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
            OutputJournal.replayReadOnly(output, orders::rebuild);
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
        return orders.size();
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
        final int reason = decoder.newOrder(m, session.accountId, command);
        final String clOrdId = m.getString(ClOrdID.FIELD);
        final String symbol = m.getString(Symbol.FIELD);
        final char side = FixOrderDecoder.side(m);
        final String qtyText = m.isSetField(OrderQty.FIELD) ? m.getString(OrderQty.FIELD) : null;
        if (reason != RejectReason.NONE)
        {
            session.send(FixReplies.rejectedOrder(localExecId(), clOrdId, symbol, side, qtyText,
                FixRejectCodes.ordRejReason(reason), FixRejectCodes.text(reason)));
            return;
        }
        offer(new FixPending(FixPending.NEW, session, clOrdId, null, symbol, decoder.instrument(), side,
            m.getChar(OrdType.FIELD), qtyText, (char)0));
    }

    private void onCancel(final FixSession session, final Message m) throws FieldNotFound
    {
        final int reason = decoder.cancel(m, session.accountId, command);
        final String clOrdId = m.getString(ClOrdID.FIELD);
        final String origClOrdId = m.getString(OrigClOrdID.FIELD);
        if (reason != RejectReason.NONE)
        {
            refuseCancel(session, clOrdId, origClOrdId, false, reason, FixRejectCodes.text(reason));
            return;
        }
        offer(new FixPending(FixPending.CANCEL, session, clOrdId, origClOrdId, m.getString(Symbol.FIELD),
            decoder.instrument(), (char)0, (char)0, null, (char)0));
    }

    private void onReplace(final FixSession session, final Message m) throws FieldNotFound
    {
        final String clOrdId = m.getString(ClOrdID.FIELD);
        final String origClOrdId = m.getString(OrigClOrdID.FIELD);
        final int reason = decoder.replace(m, session.accountId,
            orders.byClOrdId(session, origClOrdId), command);
        if (reason != RejectReason.NONE)
        {
            refuseCancel(session, clOrdId, origClOrdId, true, reason,
                decoder.text() == null ? FixRejectCodes.text(reason) : decoder.text());
            return;
        }
        offer(new FixPending(FixPending.REPLACE, session, clOrdId, origClOrdId, m.getString(Symbol.FIELD),
            decoder.instrument(), FixOrderDecoder.side(m), m.getChar(OrdType.FIELD), null, (char)0));
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
            c.instrumentId = decoder.resolve(symbol);
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
            FixOrder.sideOf(r.side), ours ? request.ordType :
            (r.price == MatchingEngine.NO_PRICE ? OrdType.MARKET : OrdType.LIMIT), r.clientOrderId.toString(),
            r.price, r.qty);
        orders.track(order);
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
            orders.forget(order);
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
        orders.forget(order);
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
        orders.forget(order);
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
        orders.rename(order, newId);
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
        final FixOrder order = orders.byClOrdId(session, origClOrdId);
        final char status = order == null ? OrdStatus.REJECTED :
            order.cumQty > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW;
        session.send(FixReplies.cancelReject(order == null ? FixReplies.NO_ORDER_ID : Long.toString(order.orderId),
            clOrdId, origClOrdId, status, replace, FixRejectCodes.cxlRejReason(reason), text));
    }

    /**
     * The tracked order a report is about, adopted from the report if the gateway has not seen it (entered before a
     * restart, or by another port trading the same account): OrderQty is then what was left of it.
     */
    private FixOrder order(final ExecutionReport r, final long qtyBefore)
    {
        final FixOrder known = orders.byId(r.orderId);
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
            FixOrder.sideOf(r.side), OrdType.LIMIT, r.clientOrderId.toString(), r.price, qtyBefore);
        orders.track(adopted);
        return adopted;
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
}
