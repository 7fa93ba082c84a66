package org.mmwinter.engine.fix;

import org.mmwinter.engine.core.RejectReason;

/**
 * The engine's {@link RejectReason} codes as FIX 4.4 codes: OrdRejReason (103) of a rejected order, CxlRejReason
 * (102) of a refused cancel or replace, MassCancelRejectReason (532). The readable reason goes in Text (58), so a
 * code that FIX has no exact value for maps to 99 (Other) rather than to a wrong one.
 */
final class FixRejectCodes
{
    /** OrdRejReason 0: broker / exchange option. */
    static final int ORD_EXCHANGE_OPTION = 0;
    static final int ORD_UNKNOWN_SYMBOL = 1;
    static final int ORD_EXCHANGE_CLOSED = 2;
    static final int ORD_UNKNOWN_ORDER = 5;
    static final int ORD_DUPLICATE_ORDER = 6;
    static final int ORD_UNSUPPORTED_CHARACTERISTIC = 11;
    static final int ORD_INCORRECT_QUANTITY = 13;
    static final int ORD_UNKNOWN_ACCOUNT = 15;
    static final int OTHER = 99;

    static final int CXL_UNKNOWN_ORDER = 1;
    static final int CXL_EXCHANGE_OPTION = 2;
    static final int CXL_DUPLICATE_CLORDID = 6;

    static final int MASS_NOT_SUPPORTED = 0;
    static final int MASS_UNKNOWN_SECURITY = 1;

    private FixRejectCodes()
    {
    }

    /** OrdRejReason (103) for a rejected NewOrderSingle. */
    static int ordRejReason(final int reason)
    {
        switch (reason)
        {
            case RejectReason.UNKNOWN_INSTRUMENT:
                return ORD_UNKNOWN_SYMBOL;
            case RejectReason.INSTRUMENT_HALTED:
                return ORD_EXCHANGE_CLOSED;
            case RejectReason.UNKNOWN_ORDER:
                return ORD_UNKNOWN_ORDER;
            case RejectReason.DUPLICATE_ORDER_ID:
                return ORD_DUPLICATE_ORDER;
            case RejectReason.BAD_TYPE:
            case RejectReason.BAD_TIF:
            case RejectReason.BAD_STP:
            case RejectReason.BAD_SIDE:
            case RejectReason.MARKET_WITH_PRICE:
                return ORD_UNSUPPORTED_CHARACTERISTIC;
            case RejectReason.BAD_QTY:
            case RejectReason.OFF_LOT:
            case RejectReason.QTY_OUT_OF_RANGE:
            case RejectReason.MISSING_QTY:
            case RejectReason.BOOK_CAPACITY:
                return ORD_INCORRECT_QUANTITY;
            case RejectReason.BAD_ACCOUNT:
            case RejectReason.ACCOUNT_NOT_ALLOWED:
                return ORD_UNKNOWN_ACCOUNT;
            case RejectReason.POST_ONLY_WOULD_CROSS:
            case RejectReason.PRICE_OUTSIDE_BAND:
                return ORD_EXCHANGE_OPTION;
            default:
                return OTHER;
        }
    }

    /** CxlRejReason (102) for a refused OrderCancelRequest or OrderCancelReplaceRequest. */
    static int cxlRejReason(final int reason)
    {
        switch (reason)
        {
            case RejectReason.UNKNOWN_ORDER:
                return CXL_UNKNOWN_ORDER;
            case RejectReason.DUPLICATE_ORDER_ID:
                return CXL_DUPLICATE_CLORDID;
            case RejectReason.INSTRUMENT_HALTED:
            case RejectReason.POST_ONLY_WOULD_CROSS:
            case RejectReason.PRICE_OUTSIDE_BAND:
                return CXL_EXCHANGE_OPTION;
            default:
                return OTHER;
        }
    }

    /** Text (58) of a rejection: the engine's own words. */
    static String text(final int reason)
    {
        return RejectReason.describe(reason);
    }
}
