package org.mmwinter.replay.l2;

import java.io.IOException;

import org.mmwinter.engine.core.Side;

/**
 * Tardis {@code trades}: {@code exchange,symbol,timestamp,local_timestamp,id,side,price,amount}, side the taker's
 * ({@code buy}, {@code sell}, or {@code unknown}; empty is read as unknown).
 */
final class TradeReader implements AutoCloseable
{
    static final String LAYOUT = "trades";

    private final CsvLines in;
    private final RowFields fields;
    private final int columns;
    private final int symbol;
    private final int timestamp;
    private final int localTimestamp;
    private final int side;
    private final int price;
    private final int amount;
    private long rows;

    TradeReader(final CsvLines in, final RowFields fields) throws L2InputException
    {
        this.in = in;
        this.fields = fields;
        this.columns = in.header().length;
        this.symbol = RowFields.column(in, "symbol", LAYOUT);
        this.timestamp = RowFields.column(in, "timestamp", LAYOUT);
        this.localTimestamp = RowFields.column(in, "local_timestamp", LAYOUT);
        RowFields.column(in, "id", LAYOUT);
        this.side = RowFields.column(in, "side", LAYOUT);
        this.price = RowFields.column(in, "price", LAYOUT);
        this.amount = RowFields.column(in, "amount", LAYOUT);
    }

    /** @return false at the end of the file. */
    boolean next(final TradeEvent out) throws IOException
    {
        if (!in.next())
        {
            return false;
        }
        rows++;
        RowFields.fieldCount(in, columns);
        fields.symbol(in, symbol);
        out.line = in.lineNumber();
        out.timeUs = RowFields.timeUs(in, localTimestamp, timestamp);
        if (in.fieldEquals(side, "buy"))
        {
            out.side = Side.BUY;
        }
        else if (in.fieldEquals(side, "sell"))
        {
            out.side = Side.SELL;
        }
        else if (in.fieldEquals(side, "unknown") || in.isEmpty(side))
        {
            out.side = TradeEvent.UNKNOWN_SIDE;
        }
        else
        {
            throw in.error("side", "neither buy, sell nor unknown: '" + in.field(side) + "'");
        }
        out.price = fields.price(in, price, "price");
        out.amount = fields.amount(in, amount, "amount");
        if (out.amount == 0)
        {
            throw in.error("amount", "a trade of nothing");
        }
        return true;
    }

    long rows()
    {
        return rows;
    }

    public void close() throws IOException
    {
        in.close();
    }
}
