package org.mmwinter.engine.message;

import java.nio.charset.StandardCharsets;

import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.TimeInForce;

/**
 * One command, the same from the edge to the journal: what the order-flow parser fills, what a producer offers,
 * what a slot of the inbound ring holds, what the journal records and recovery reads back. Mutable and reused.
 * Producers fill the command fields; in the engine the sequencer (the journal stage) stamps {@link #sequence} and
 * {@link #nowNs}, and the matching stage records {@link #result}; {@code replay match} applies a parsed command
 * directly, with the flow's own time as engine time.
 */
public final class CommandEvent
{
    /** Longest symbol or account name a record can carry. */
    public static final int MAX_NAME_LENGTH = 64;

    /** Journal-wide position of this command, stamped by the sequencer (1-based, continues across restarts). */
    public long sequence;
    /** Engine time: stamped by the sequencer in the engine, the flow's {@code ts_ns} in a replay; the only time the
     * core sees. */
    public long nowNs;
    /** The sender's own timestamp (the flow's ts_ns), carried to outputs unchanged. */
    public long clientTsNs;
    /** Which producer sent it, so that results find their way back. */
    public int sourceId;
    /** The sender's reference (a CSV line number, a FIX ClOrdID handle). */
    public long correlationId;

    /** A {@link CommandType}. */
    public int type;
    public int accountId;
    /** The client's order id (empty for commands that name no order). */
    public final ClientOrderId clientOrderId = new ClientOrderId();
    /**
     * AMEND only: the order's client id from now on (FIX's replace gives the order the ClOrdID of the
     * OrderCancelReplaceRequest); empty to keep the id it has.
     */
    public final ClientOrderId newClientOrderId = new ClientOrderId();
    public int instrumentId;
    public int side;
    /** An {@link OrderType} (NEW only). */
    public int orderType = OrderType.LIMIT;
    public int tif = TimeInForce.GTC;
    public int stp;
    /** In ticks; {@link MatchingEngine#NO_PRICE} for a market order. */
    public long price = MatchingEngine.NO_PRICE;
    /** In lots: the quantity of a NEW, the new remaining quantity of an AMEND. */
    public long qty;

    public int priceScale;
    public long tickUnits;
    public int qtyScale;
    public long lotUnits;
    public long bandBps;
    /** ADD_INSTRUMENT: the fee rates, in millionths of notional ({@code Fees}). */
    public long makerFeeRate;
    public long takerFeeRate;
    /** VENUE_STATUS: the venue's new {@link TradingStatus}. */
    public int status;
    public final byte[] name = new byte[MAX_NAME_LENGTH];
    public int nameLength;

    /** Reject reason from the core, {@code 0} when accepted. */
    public int result;

    public CommandEvent clear()
    {
        sequence = 0;
        nowNs = 0;
        clientTsNs = 0;
        sourceId = 0;
        correlationId = 0;
        type = 0;
        accountId = 0;
        clientOrderId.clear();
        newClientOrderId.clear();
        instrumentId = MatchingEngine.ANY_INSTRUMENT;
        side = 0;
        orderType = OrderType.LIMIT;
        tif = TimeInForce.GTC;
        stp = 0;
        price = MatchingEngine.NO_PRICE;
        qty = 0;
        priceScale = 0;
        tickUnits = 0;
        qtyScale = 0;
        lotUnits = 0;
        bandBps = 0;
        makerFeeRate = 0;
        takerFeeRate = 0;
        status = 0;
        nameLength = 0;
        result = 0;
        return this;
    }

    /**
     * Runs an order-flow command through the core at {@link #nowNs}.
     *
     * @return the core's {@link RejectReason}; {@link RejectReason#BAD_ACTION} for a type that is not order flow.
     */
    public int applyTo(final MatchingEngine engine)
    {
        switch (type)
        {
            case CommandType.NEW:
                return engine.newOrder(
                    nowNs, instrumentId, accountId, clientOrderId, side, orderType, tif, stp, price, qty);
            case CommandType.CANCEL:
                return engine.cancel(nowNs, accountId, clientOrderId, instrumentId);
            case CommandType.AMEND:
                return engine.amend(nowNs, accountId, clientOrderId, instrumentId, price, qty, newClientOrderId);
            case CommandType.MASS_CANCEL:
                return engine.massCancel(nowNs, accountId, instrumentId);
            default:
                return RejectReason.BAD_ACTION;
        }
    }

    public CommandEvent setAddInstrument(final Instrument instrument)
    {
        type = CommandType.ADD_INSTRUMENT;
        instrumentId = instrument.id();
        priceScale = instrument.priceScale();
        tickUnits = instrument.tickUnits();
        qtyScale = instrument.qtyScale();
        lotUnits = instrument.lotUnits();
        bandBps = instrument.priceBandBps();
        makerFeeRate = instrument.makerFeeRate();
        takerFeeRate = instrument.takerFeeRate();
        setName(instrument.symbol());
        return this;
    }

    public Instrument toInstrument()
    {
        return new Instrument(instrumentId, name(), priceScale, tickUnits, qtyScale, lotUnits, bandBps, makerFeeRate,
            takerFeeRate);
    }

    /**
     * A NEW limit order (clears the command first), for producers that build commands in code rather than parse
     * them.
     *
     * @throws IllegalArgumentException when the client order id is not a valid one.
     */
    public CommandEvent setLimitOrder(final int accountId, final CharSequence clientOrderId, final int instrumentId,
        final int side, final int tif, final long price, final long qty)
    {
        clear();
        type = CommandType.NEW;
        this.accountId = accountId;
        if (this.clientOrderId.parse(clientOrderId, 0, clientOrderId.length()) != ClientOrderId.OK)
        {
            throw new IllegalArgumentException("not a client order id: " + clientOrderId);
        }
        this.instrumentId = instrumentId;
        this.side = side;
        orderType = OrderType.LIMIT;
        this.tif = tif;
        this.price = price;
        this.qty = qty;
        return this;
    }

    public CommandEvent setVenueStatus(final int status)
    {
        type = CommandType.VENUE_STATUS;
        this.status = status;
        return this;
    }

    public CommandEvent setRegisterAccount(final int accountId, final String accountName)
    {
        type = CommandType.REGISTER_ACCOUNT;
        this.accountId = accountId;
        setName(accountName);
        return this;
    }

    public void setName(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_NAME_LENGTH)
        {
            throw new IllegalArgumentException("name longer than " + MAX_NAME_LENGTH + " bytes: " + text);
        }
        System.arraycopy(bytes, 0, name, 0, bytes.length);
        nameLength = bytes.length;
    }

    public String name()
    {
        return new String(name, 0, nameLength, StandardCharsets.UTF_8);
    }

    /**
     * Copies every command field (not the result) from another command.
     */
    public CommandEvent copyFrom(final CommandEvent other)
    {
        sequence = other.sequence;
        nowNs = other.nowNs;
        clientTsNs = other.clientTsNs;
        sourceId = other.sourceId;
        correlationId = other.correlationId;
        type = other.type;
        accountId = other.accountId;
        clientOrderId.copyFrom(other.clientOrderId);
        newClientOrderId.copyFrom(other.newClientOrderId);
        instrumentId = other.instrumentId;
        side = other.side;
        orderType = other.orderType;
        tif = other.tif;
        stp = other.stp;
        price = other.price;
        qty = other.qty;
        priceScale = other.priceScale;
        tickUnits = other.tickUnits;
        qtyScale = other.qtyScale;
        lotUnits = other.lotUnits;
        bandBps = other.bandBps;
        makerFeeRate = other.makerFeeRate;
        takerFeeRate = other.takerFeeRate;
        status = other.status;
        System.arraycopy(other.name, 0, name, 0, other.nameLength);
        nameLength = other.nameLength;
        return this;
    }

    public String toString()
    {
        return "CommandEvent{seq=" + sequence + " " + CommandType.name(type) + " now=" + nowNs + " ts=" + clientTsNs +
            " account=" + accountId + " order=" + clientOrderId +
            (newClientOrderId.isEmpty() ? "" : " renamed=" + newClientOrderId) +
            " instrument=" + instrumentId + " side=" + side +
            " type=" + orderType + " tif=" + tif + " stp=" + stp + " price=" + price + " qty=" + qty +
            (type == CommandType.VENUE_STATUS ? " status=" + TradingStatus.venueName(status) : "") +
            (nameLength > 0 ? " name=" + name() : "") + '}';
    }
}
