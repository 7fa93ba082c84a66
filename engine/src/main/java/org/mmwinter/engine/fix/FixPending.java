package org.mmwinter.engine.fix;

import org.mmwinter.engine.core.Instrument;

/**
 * A command the gateway offered and the engine has not acknowledged yet, keyed by its correlation id: what the
 * replies to it need that the engine's reports do not carry (the request's own ClOrdID, the message it answers).
 * Order-entry thread only.
 */
final class FixPending
{
    static final int NEW = 1;
    static final int CANCEL = 2;
    static final int REPLACE = 3;
    static final int MASS_CANCEL = 4;
    /** The mass cancel of a session that disconnected (cancel-on-disconnect): nobody to answer. */
    static final int CANCEL_ON_DISCONNECT = 5;

    final int kind;
    final FixSession session;
    /** ClOrdID (11) of the request. */
    final String clOrdId;
    /** OrigClOrdID (41) of a cancel or replace. */
    final String origClOrdId;
    final String symbol;
    final Instrument instrument;
    /** Side (54) and OrdType (40) as sent. */
    final char side;
    final char ordType;
    /** OrderQty (38) as sent. */
    final String orderQtyText;
    /** MassCancelRequestType (530). */
    final char massType;
    /** Orders a mass cancel has cancelled so far. */
    int affected;

    FixPending(
        final int kind,
        final FixSession session,
        final String clOrdId,
        final String origClOrdId,
        final String symbol,
        final Instrument instrument,
        final char side,
        final char ordType,
        final String orderQtyText,
        final char massType)
    {
        this.kind = kind;
        this.session = session;
        this.clOrdId = clOrdId;
        this.origClOrdId = origClOrdId;
        this.symbol = symbol;
        this.instrument = instrument;
        this.side = side;
        this.ordType = ordType;
        this.orderQtyText = orderQtyText;
        this.massType = massType;
    }
}
