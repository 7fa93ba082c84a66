package org.mmwinter.engine.journal;

import java.nio.charset.StandardCharsets;

import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.message.CommandEvent;

import static org.mmwinter.engine.journal.RecordLayout.ID;
import static org.mmwinter.engine.journal.RecordLayout.TEXT;

/**
 * One record of a snapshot file, and the snapshot's layout described once ({@link RecordLayout}): a position record
 * (where in the journal the state stands and its counters), then one record per instrument (its definition and book
 * state), per account name, and per resting order in priority order. {@link Snapshots} writes and reads files of
 * these with the same walk.
 */
final class SnapshotRecord implements RecordLayout.Access<SnapshotRecord>
{
    static final int POSITION = 1;
    static final int INSTRUMENT = 2;
    static final int ACCOUNT = 3;
    static final int ORDER = 4;

    static final int LAST_SEQUENCE = 1;
    static final int LAST_NOW_NS = 2;
    static final int COMMAND_COUNT = 3;
    static final int LAST_ORDER_ID = 4;
    static final int NAME = 5;
    static final int PRICE_SCALE = 6;
    static final int TICK_UNITS = 7;
    static final int QTY_SCALE = 8;
    static final int LOT_UNITS = 9;
    static final int BAND_BPS = 10;
    static final int HALTED = 11;
    static final int LAST_TRADE_PRICE = 12;
    static final int TRADES = 13;
    static final int INSTRUMENT_ID = 14;
    static final int SIDE = 15;
    static final int PRICE = 16;
    static final int QTY = 17;
    static final int ACCOUNT_ID = 18;
    static final int CLIENT_ORDER_ID = 19;
    static final int ORDER_ID = 20;
    static final int TIF = 21;
    static final int STP = 22;
    static final int TIMESTAMP_NS = 23;
    static final int MAKER_FEE_RATE = 24;
    static final int TAKER_FEE_RATE = 25;
    static final int VENUE_STATUS = 26;

    /** The layout written (snapshot version 4). */
    static final RecordLayout LAYOUT;
    /** Version 3, read only: no fee rates (its instruments had none) and no venue status (it was normal). */
    static final RecordLayout WITHOUT_FEES;

    static
    {
        final int[][] bodies = new int[ORDER + 1][];
        bodies[POSITION] = new int[]{LAST_SEQUENCE, LAST_NOW_NS, COMMAND_COUNT, LAST_ORDER_ID, VENUE_STATUS};
        bodies[INSTRUMENT] = new int[]{NAME | TEXT, PRICE_SCALE, TICK_UNITS, QTY_SCALE, LOT_UNITS, BAND_BPS,
            MAKER_FEE_RATE, TAKER_FEE_RATE, HALTED, LAST_TRADE_PRICE, TRADES};
        bodies[ACCOUNT] = new int[]{NAME | TEXT};
        bodies[ORDER] = new int[]{INSTRUMENT_ID, SIDE, PRICE, QTY, ACCOUNT_ID, CLIENT_ORDER_ID | ID, ORDER_ID, TIF, STP,
            TIMESTAMP_NS};
        LAYOUT = new RecordLayout(new int[0], bodies, CommandEvent.MAX_NAME_LENGTH);
        WITHOUT_FEES = LAYOUT.without(new int[]{MAKER_FEE_RATE, TAKER_FEE_RATE, VENUE_STATUS},
            CommandEvent.MAX_NAME_LENGTH);
    }

    /** Numbers by field name; the text and the id are held apart. */
    final long[] values = new long[RecordLayout.MAX_FIELDS];
    final byte[] name = new byte[CommandEvent.MAX_NAME_LENGTH];
    int nameLength;
    final ClientOrderId clientOrderId = new ClientOrderId();

    long value(final int field)
    {
        return values[field];
    }

    SnapshotRecord set(final int field, final long value)
    {
        values[field] = value;
        return this;
    }

    SnapshotRecord name(final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > name.length)
        {
            throw new IllegalArgumentException("name longer than " + name.length + " bytes: " + text);
        }
        System.arraycopy(bytes, 0, name, 0, bytes.length);
        nameLength = bytes.length;
        return this;
    }

    String name()
    {
        return new String(name, 0, nameLength, StandardCharsets.UTF_8);
    }

    public long[] numbers(final SnapshotRecord record, final long[] scratch)
    {
        return record.values;
    }

    public void set(final SnapshotRecord record, final int field, final long value)
    {
        record.values[field] = value;
    }

    public ClientOrderId id(final SnapshotRecord record, final int field)
    {
        return record.clientOrderId;
    }

    public byte[] text(final SnapshotRecord record, final int field)
    {
        return record.name;
    }

    public int textLength(final SnapshotRecord record, final int field)
    {
        return record.nameLength;
    }

    public void setTextLength(final SnapshotRecord record, final int field, final int length)
    {
        record.nameLength = length;
    }
}
