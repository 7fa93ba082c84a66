package org.mmwinter.engine.journal;

import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;

import static org.mmwinter.engine.journal.RecordLayout.DELTA;
import static org.mmwinter.engine.journal.RecordLayout.ID;
import static org.mmwinter.engine.journal.RecordLayout.NUMERIC_ID;
import static org.mmwinter.engine.journal.RecordLayout.TEXT;

/**
 * The input journal's records, described once: which {@link CommandEvent} fields each command type carries, in
 * order, and how each is written ({@link RecordLayout}). Values are written as they came, even invalid ones, so
 * that recovery makes the core refuse them again. Version 4 added the new client order id of an AMEND (FIX's
 * replace renames the order); version 3 is version 4 without it (its amends keep the order's id). Version 3 added
 * the fee rates of an instrument's definition and the VENUE_STATUS record; version 2 is version 3 without them (its
 * instruments read with no fees), and version 1 is version 2 with the client order id written as a number.
 */
final class CommandLayouts implements RecordLayout.Access<CommandEvent>
{
    static final int NOW_NS = 1;
    static final int CLIENT_TS = 2;
    static final int SOURCE = 3;
    static final int CORRELATION = 4;
    static final int ACCOUNT = 5;
    static final int CLIENT_ORDER_ID = 6;
    static final int INSTRUMENT = 7;
    static final int SIDE = 8;
    static final int ORDER_TYPE = 9;
    static final int TIF = 10;
    static final int STP = 11;
    static final int PRICE = 12;
    static final int QTY = 13;
    static final int PRICE_SCALE = 14;
    static final int TICK_UNITS = 15;
    static final int QTY_SCALE = 16;
    static final int LOT_UNITS = 17;
    static final int BAND_BPS = 18;
    static final int NAME = 19;
    static final int MAKER_FEE_RATE = 20;
    static final int TAKER_FEE_RATE = 21;
    static final int STATUS = 22;
    static final int NEW_CLIENT_ORDER_ID = 23;

    /** The layout this engine writes (version 4). */
    static final RecordLayout CURRENT;
    /** Version 3, read only: before an AMEND could rename its order. */
    static final RecordLayout WITHOUT_RENAME;
    /** Version 2, read only: before fees and the venue's status. */
    static final RecordLayout WITHOUT_FEES;
    /** Version 1, read only. */
    static final RecordLayout NUMERIC_IDS;
    /** The one {@link RecordLayout.Access} for commands. */
    static final CommandLayouts ACCESS = new CommandLayouts();

    static
    {
        final int[] header = {NOW_NS | DELTA, CLIENT_TS | DELTA, SOURCE, CORRELATION | DELTA};
        final int[][] bodies = new int[CommandType.VENUE_STATUS + 1][];
        bodies[CommandType.NEW] = new int[]{ACCOUNT, CLIENT_ORDER_ID | ID, INSTRUMENT, SIDE, ORDER_TYPE, TIF, STP,
            PRICE, QTY};
        bodies[CommandType.CANCEL] = new int[]{ACCOUNT, CLIENT_ORDER_ID | ID, INSTRUMENT};
        bodies[CommandType.AMEND] = new int[]{ACCOUNT, CLIENT_ORDER_ID | ID, INSTRUMENT, PRICE, QTY,
            NEW_CLIENT_ORDER_ID | ID};
        bodies[CommandType.MASS_CANCEL] = new int[]{ACCOUNT, INSTRUMENT};
        bodies[CommandType.HALT] = new int[]{INSTRUMENT};
        bodies[CommandType.RESUME] = new int[]{INSTRUMENT};
        bodies[CommandType.BOOK_SNAPSHOT] = new int[]{INSTRUMENT};
        bodies[CommandType.ADD_INSTRUMENT] = new int[]{INSTRUMENT, PRICE_SCALE, TICK_UNITS, QTY_SCALE, LOT_UNITS,
            BAND_BPS, MAKER_FEE_RATE, TAKER_FEE_RATE, NAME | TEXT};
        bodies[CommandType.REGISTER_ACCOUNT] = new int[]{ACCOUNT, NAME | TEXT};
        bodies[CommandType.VENUE_STATUS] = new int[]{STATUS};
        CURRENT = new RecordLayout(header, bodies, CommandEvent.MAX_NAME_LENGTH);
        WITHOUT_RENAME = CURRENT.without(new int[]{NEW_CLIENT_ORDER_ID}, CommandEvent.MAX_NAME_LENGTH);
        WITHOUT_FEES = WITHOUT_RENAME.without(new int[]{MAKER_FEE_RATE, TAKER_FEE_RATE}, CommandEvent.MAX_NAME_LENGTH)
            .withoutTypes(new int[]{CommandType.VENUE_STATUS}, CommandEvent.MAX_NAME_LENGTH);
        NUMERIC_IDS = WITHOUT_FEES.rewrite(ID, NUMERIC_ID, CommandEvent.MAX_NAME_LENGTH);
    }

    private CommandLayouts()
    {
    }

    public long[] numbers(final CommandEvent c, final long[] into)
    {
        into[NOW_NS] = c.nowNs;
        into[CLIENT_TS] = c.clientTsNs;
        into[SOURCE] = c.sourceId;
        into[CORRELATION] = c.correlationId;
        into[ACCOUNT] = c.accountId;
        into[INSTRUMENT] = c.instrumentId;
        into[SIDE] = c.side;
        into[ORDER_TYPE] = c.orderType;
        into[TIF] = c.tif;
        into[STP] = c.stp;
        into[PRICE] = c.price;
        into[QTY] = c.qty;
        into[PRICE_SCALE] = c.priceScale;
        into[TICK_UNITS] = c.tickUnits;
        into[QTY_SCALE] = c.qtyScale;
        into[LOT_UNITS] = c.lotUnits;
        into[BAND_BPS] = c.bandBps;
        into[MAKER_FEE_RATE] = c.makerFeeRate;
        into[TAKER_FEE_RATE] = c.takerFeeRate;
        into[STATUS] = c.status;
        return into;
    }

    public void set(final CommandEvent c, final int name, final long value)
    {
        switch (name)
        {
            case NOW_NS: c.nowNs = value; break;
            case CLIENT_TS: c.clientTsNs = value; break;
            case SOURCE: c.sourceId = (int)value; break;
            case CORRELATION: c.correlationId = value; break;
            case ACCOUNT: c.accountId = (int)value; break;
            case INSTRUMENT: c.instrumentId = (int)value; break;
            case SIDE: c.side = (int)value; break;
            case ORDER_TYPE: c.orderType = (int)value; break;
            case TIF: c.tif = (int)value; break;
            case STP: c.stp = (int)value; break;
            case PRICE: c.price = value; break;
            case QTY: c.qty = value; break;
            case PRICE_SCALE: c.priceScale = (int)value; break;
            case TICK_UNITS: c.tickUnits = value; break;
            case QTY_SCALE: c.qtyScale = (int)value; break;
            case LOT_UNITS: c.lotUnits = value; break;
            case BAND_BPS: c.bandBps = value; break;
            case MAKER_FEE_RATE: c.makerFeeRate = value; break;
            case TAKER_FEE_RATE: c.takerFeeRate = value; break;
            case STATUS: c.status = (int)value; break;
            default: throw new IllegalArgumentException("not a number field of a command: " + name);
        }
    }

    public ClientOrderId id(final CommandEvent c, final int name)
    {
        return name == NEW_CLIENT_ORDER_ID ? c.newClientOrderId : c.clientOrderId;
    }

    public byte[] text(final CommandEvent c, final int name)
    {
        return c.name;
    }

    public int textLength(final CommandEvent c, final int name)
    {
        return c.nameLength;
    }

    public void setTextLength(final CommandEvent c, final int name, final int length)
    {
        c.nameLength = length;
    }
}
