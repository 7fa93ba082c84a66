package org.mmwinter.engine.fix;

import java.util.Map;

import quickfix.Application;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.RejectLogon;
import quickfix.SessionID;
import quickfix.UnsupportedMessageType;
import quickfix.field.BusinessRejectReason;
import quickfix.field.ClOrdID;
import quickfix.field.MassCancelRequestType;
import quickfix.field.MsgSeqNum;
import quickfix.field.MsgType;
import quickfix.field.OrdStatus;
import quickfix.field.OrderQty;
import quickfix.field.OrigClOrdID;
import quickfix.field.Password;
import quickfix.field.SenderCompID;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.fix44.MarketDataRequest;

/**
 * The acceptor's QuickFIX/J callbacks, on its one message thread: who may log on (a configured SenderCompID, with
 * its password when it has one), the per-session throttle, and where each application message goes (orders to the
 * order-entry thread, market data requests to the market-data handler). QuickFIX/J has already checked the session
 * layer and the data dictionary (required tags, types, enums) and answered what fails there with a Reject (3).
 */
final class FixApplication implements Application
{
    private static final String THROTTLED = "message rate above %d a second for this session: rejected, not queued";
    private static final String BUSY = "gateway busy: too many messages queued, send again";

    private final Map<String, FixSession> sessions;
    private final FixMarketDataHandler marketData;
    private FixOrderEntry orderEntry;

    /**
     * @param sessions by the client's SenderCompID.
     */
    FixApplication(final Map<String, FixSession> sessions, final FixMarketDataHandler marketData)
    {
        this.sessions = sessions;
        this.marketData = marketData;
    }

    void orderEntry(final FixOrderEntry orderEntry)
    {
        this.orderEntry = orderEntry;
    }

    public void onCreate(final SessionID sessionId)
    {
    }

    public void onLogon(final SessionID sessionId)
    {
        final FixSession session = sessions.get(sessionId.getTargetCompID());
        if (session != null && session.sessionId.equals(sessionId))
        {
            session.loggedOn = true;
        }
    }

    public void onLogout(final SessionID sessionId)
    {
        final FixSession session = sessions.get(sessionId.getTargetCompID());
        // Only a session that was logged on ends: a refused logon (a wrong password) must not cancel its orders.
        if (session != null && session.sessionId.equals(sessionId) && session.loggedOn)
        {
            session.loggedOn = false;
            marketData.onSessionGone(sessionId);
            orderEntry.onSessionGone(session);
        }
    }

    public void toAdmin(final Message message, final SessionID sessionId)
    {
    }

    /**
     * The logon check: an unknown SenderCompID or a wrong password is answered with a Logout whose Text says why,
     * then the connection is closed (QuickFIX/J does both on {@link RejectLogon}).
     */
    public void fromAdmin(final Message message, final SessionID sessionId) throws FieldNotFound, RejectLogon
    {
        if (!MsgType.LOGON.equals(FixReplies.msgType(message)))
        {
            return;
        }
        final String sender = message.getHeader().getString(SenderCompID.FIELD);
        final FixSession session = sessions.get(sender);
        if (session == null || !session.sessionId.equals(sessionId))
        {
            throw new RejectLogon("unknown SenderCompID " + sender + " (this engine takes " +
                String.join(",", sessions.keySet()) + ")");
        }
        if (session.spec.hasPassword())
        {
            if (!message.isSetField(Password.FIELD))
            {
                throw new RejectLogon("Password (554) required for " + sender);
            }
            if (!session.spec.password().equals(message.getString(Password.FIELD)))
            {
                throw new RejectLogon("wrong password for " + sender);
            }
        }
    }

    public void toApp(final Message message, final SessionID sessionId)
    {
    }

    public void fromApp(final Message message, final SessionID sessionId)
        throws FieldNotFound, UnsupportedMessageType
    {
        final FixSession session = sessions.get(sessionId.getTargetCompID());
        if (session == null)
        {
            return;
        }
        final String type = FixReplies.msgType(message);
        final boolean orders = MsgType.ORDER_SINGLE.equals(type) || MsgType.ORDER_CANCEL_REQUEST.equals(type) ||
            MsgType.ORDER_CANCEL_REPLACE_REQUEST.equals(type) || MsgType.ORDER_MASS_CANCEL_REQUEST.equals(type);
        final boolean marketDataRequest = MsgType.MARKET_DATA_REQUEST.equals(type);
        if (!orders && !marketDataRequest)
        {
            // QuickFIX/J answers with a BusinessMessageReject, reason 3 (unsupported message type).
            throw new UnsupportedMessageType();
        }
        if (!session.throttle.tryAcquire(System.nanoTime()))
        {
            refuse(session, message, type, String.format(THROTTLED, session.throttle.ratePerSecond()));
            return;
        }
        if (marketDataRequest)
        {
            marketData.onRequest((MarketDataRequest)message, sessionId);
            return;
        }
        if (!orderEntry.offer(session, message))
        {
            refuse(session, message, type, BUSY);
        }
    }

    /**
     * The reply to a message refused before it reached the engine: a rejected ExecutionReport for an order, an
     * OrderCancelReject for a cancel or replace, a rejected OrderMassCancelReport, a BusinessMessageReject for the
     * rest.
     */
    private void refuse(final FixSession session, final Message m, final String type, final String text)
        throws FieldNotFound
    {
        switch (type)
        {
            case MsgType.ORDER_SINGLE:
                session.send(FixReplies.rejectedOrder(orderEntry.localExecId(),
                    m.getString(ClOrdID.FIELD), m.getString(Symbol.FIELD), m.getChar(Side.FIELD),
                    m.isSetField(OrderQty.FIELD) ? m.getString(OrderQty.FIELD) : null, FixRejectCodes.OTHER, text));
                break;
            case MsgType.ORDER_CANCEL_REQUEST:
            case MsgType.ORDER_CANCEL_REPLACE_REQUEST:
                session.send(FixReplies.cancelReject(FixReplies.NO_ORDER_ID, m.getString(ClOrdID.FIELD),
                    m.getString(OrigClOrdID.FIELD), OrdStatus.REJECTED,
                    MsgType.ORDER_CANCEL_REPLACE_REQUEST.equals(type), FixRejectCodes.OTHER, text));
                break;
            case MsgType.ORDER_MASS_CANCEL_REQUEST:
                session.send(FixReplies.massCancelReport(m.getString(ClOrdID.FIELD),
                    m.getChar(MassCancelRequestType.FIELD), null, 0, FixRejectCodes.OTHER, text));
                break;
            default:
                session.send(FixReplies.businessReject(type, m.getHeader().getInt(MsgSeqNum.FIELD),
                    BusinessRejectReason.OTHER, text));
                break;
        }
    }
}
