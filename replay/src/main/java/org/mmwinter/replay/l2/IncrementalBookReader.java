package org.mmwinter.replay.l2;

import java.io.IOException;

import org.mmwinter.engine.core.Side;

/**
 * Tardis {@code incremental_book_L2}: {@code exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,
 * amount}, amount the level's new absolute amount (0 removes it). Rows before the first snapshot row are skipped
 * (the book they change is unknown); a snapshot row after a non-snapshot row, or the first, starts a new book: a
 * {@link BookEvent#RESET} comes before it.
 */
final class IncrementalBookReader implements BookSource
{
    static final String LAYOUT = "incremental_book_L2";

    private final CsvLines in;
    private final RowFields fields;
    private final int columns;
    private final int symbol;
    private final int timestamp;
    private final int localTimestamp;
    private final int isSnapshot;
    private final int side;
    private final int price;
    private final int amount;
    private final BookEvent held = new BookEvent();
    private boolean holding;
    private boolean inSnapshot;
    private boolean started;
    private long rows;
    private long skipped;

    IncrementalBookReader(final CsvLines in, final RowFields fields) throws L2InputException
    {
        this.in = in;
        this.fields = fields;
        this.columns = in.header().length;
        this.symbol = RowFields.column(in, "symbol", LAYOUT);
        this.timestamp = RowFields.column(in, "timestamp", LAYOUT);
        this.localTimestamp = RowFields.column(in, "local_timestamp", LAYOUT);
        this.isSnapshot = RowFields.column(in, "is_snapshot", LAYOUT);
        this.side = RowFields.column(in, "side", LAYOUT);
        this.price = RowFields.column(in, "price", LAYOUT);
        this.amount = RowFields.column(in, "amount", LAYOUT);
    }

    public boolean next(final BookEvent out) throws IOException
    {
        if (holding)
        {
            holding = false;
            out.copyFrom(held);
            return true;
        }
        while (in.next())
        {
            rows++;
            RowFields.fieldCount(in, columns);
            fields.symbol(in, symbol);
            final boolean snapshot;
            if (in.fieldEquals(isSnapshot, "true"))
            {
                snapshot = true;
            }
            else if (in.fieldEquals(isSnapshot, "false"))
            {
                snapshot = false;
            }
            else
            {
                throw in.error("is_snapshot", "neither true nor false: '" + in.field(isSnapshot) + "'");
            }
            if (!started && !snapshot)
            {
                skipped++;
                continue;
            }
            out.kind = BookEvent.LEVEL;
            out.line = in.lineNumber();
            out.timeUs = RowFields.timeUs(in, localTimestamp, timestamp);
            out.side = side(in);
            out.price = fields.price(in, price, "price");
            out.amount = fields.amount(in, amount, "amount");
            final boolean reset = snapshot && !inSnapshot;
            started = true;
            inSnapshot = snapshot;
            if (reset)
            {
                held.copyFrom(out);
                holding = true;
                out.kind = BookEvent.RESET;
            }
            return true;
        }
        return false;
    }

    private int side(final CsvLines lines) throws L2InputException
    {
        if (lines.fieldEquals(side, "bid"))
        {
            return Side.BUY;
        }
        if (lines.fieldEquals(side, "ask"))
        {
            return Side.SELL;
        }
        throw lines.error("side", "neither bid nor ask: '" + lines.field(side) + "'");
    }

    public long rows()
    {
        return rows;
    }

    public long skippedRows()
    {
        return skipped;
    }

    public String layout()
    {
        return LAYOUT;
    }

    public void close() throws IOException
    {
        in.close();
    }
}
