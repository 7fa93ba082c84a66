package org.mmwinter.engine.core;

/**
 * Reason codes carried by a rejection; a rejected command never changes state.
 * Codes are grouped by range: 1xx identity, 2xx order fields, 3xx instrument and market state, 4xx the edge (parsing,
 * a full ring, a gateway's limits).
 */
public final class RejectReason
{
    public static final int NONE = 0;

    public static final int UNKNOWN_ORDER = 101;
    public static final int DUPLICATE_ORDER_ID = 102;
    public static final int BAD_ORDER_ID = 103;
    public static final int BAD_ACCOUNT = 104;
    public static final int SYMBOL_MISMATCH = 105;
    public static final int ORDER_ID_TOO_LONG = 106;
    public static final int MISSING_ORDER_ID = 107;

    public static final int BAD_SIDE = 201;
    public static final int BAD_TYPE = 202;
    public static final int BAD_TIF = 203;
    public static final int BAD_STP = 204;
    public static final int BAD_PRICE = 205;
    public static final int OFF_TICK = 206;
    public static final int BAD_QTY = 207;
    public static final int OFF_LOT = 208;
    public static final int MARKET_WITH_PRICE = 209;
    public static final int MISSING_PRICE = 210;
    public static final int PRICE_OUT_OF_RANGE = 211;
    public static final int QTY_OUT_OF_RANGE = 212;
    public static final int POST_ONLY_WOULD_CROSS = 213;
    public static final int MISSING_QTY = 214;

    public static final int UNKNOWN_INSTRUMENT = 301;
    public static final int INSTRUMENT_HALTED = 302;
    public static final int PRICE_OUTSIDE_BAND = 303;
    public static final int BOOK_CAPACITY = 304;
    public static final int INVALID_DEFINITION = 305;
    public static final int ENGINE_STOPPED = 306;
    public static final int UNKNOWN_VENUE_STATUS = 307;
    /** A gateway in front of a cluster: no leader takes commands (no majority of members is up). */
    public static final int NO_LEADER = 308;

    public static final int BAD_ACTION = 401;
    public static final int BAD_NUMBER = 402;
    public static final int TOO_MANY_DECIMALS = 403;
    public static final int MISSING_FIELD = 404;
    public static final int BAD_LINE = 405;
    public static final int BUSY = 406;
    public static final int ACCOUNT_NOT_ALLOWED = 407;
    public static final int LINE_TOO_LONG = 408;
    public static final int OPERATOR_NOT_ALLOWED = 409;

    private RejectReason()
    {
    }

    /**
     * Human-readable text for the edges (CSV outputs, logs, gateways); never called on the hot path.
     */
    public static String describe(final int reason)
    {
        switch (reason)
        {
            case NONE: return "";
            case UNKNOWN_ORDER: return "unknown order";
            case DUPLICATE_ORDER_ID: return "duplicate order id";
            case BAD_ORDER_ID: return "order id has a character outside A-Z a-z 0-9 . : / _ -";
            case ORDER_ID_TOO_LONG: return "order id longer than " + ClientOrderId.MAX_LENGTH + " characters";
            case MISSING_ORDER_ID: return "missing order id";
            case BAD_ACCOUNT: return "bad account";
            case SYMBOL_MISMATCH: return "symbol does not match the order";
            case BAD_SIDE: return "bad side";
            case BAD_TYPE: return "bad type";
            case BAD_TIF: return "bad time in force";
            case BAD_STP: return "bad self-trade prevention mode";
            case BAD_PRICE: return "non-positive price";
            case OFF_TICK: return "price not a multiple of the tick size";
            case BAD_QTY: return "non-positive quantity";
            case OFF_LOT: return "quantity not a multiple of the lot size";
            case MARKET_WITH_PRICE: return "market order with a price";
            case MISSING_PRICE: return "missing price";
            case PRICE_OUT_OF_RANGE: return "price too large for the fixed-point range";
            case QTY_OUT_OF_RANGE: return "quantity too large for the fixed-point range";
            case POST_ONLY_WOULD_CROSS: return "post-only order would cross";
            case MISSING_QTY: return "missing quantity";
            case UNKNOWN_INSTRUMENT: return "unknown instrument";
            case INSTRUMENT_HALTED: return "instrument halted";
            case PRICE_OUTSIDE_BAND: return "price outside the instrument's band";
            case BOOK_CAPACITY: return "book quantity would exceed the fixed-point range";
            case INVALID_DEFINITION: return "invalid instrument or account definition";
            case ENGINE_STOPPED: return "engine stopped";
            case UNKNOWN_VENUE_STATUS: return "unknown venue status";
            case NO_LEADER: return "no cluster leader (no majority of members is up): not accepted";
            case BAD_ACTION: return "unknown action";
            case BAD_NUMBER: return "bad number";
            case TOO_MANY_DECIMALS: return "too many decimal places";
            case MISSING_FIELD: return "missing field";
            case BAD_LINE: return "malformed line";
            case BUSY: return "engine busy";
            case ACCOUNT_NOT_ALLOWED: return "account not allowed on this port";
            case LINE_TOO_LONG: return "line too long";
            case OPERATOR_NOT_ALLOWED: return "operator commands not allowed on this port";
            default: return "reason " + reason;
        }
    }
}
