package org.mmwinter.engine.flow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;

import org.mmwinter.engine.core.BookVisitor;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.FixedPoint;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.state.AccountRegistry;

/**
 * The output files of the order-flow contract (trades.csv, book.csv, events.csv), written the same way by
 * {@code replay match} and by the engine's export so that the two can be compared byte for byte.
 */
public final class FlowCsv
{
    public static final String TRADES_HEADER =
        "seq,ts_ns,symbol,price,qty,taker_side,maker_account,maker_order_id,taker_account,taker_order_id";
    public static final String BOOK_HEADER = "symbol,side,price,qty,account,order_id";
    public static final String EVENTS_HEADER = "line,result,reason";

    private FlowCsv()
    {
    }

    /**
     * Writes one trades.csv row (with its newline): {@link #TRADES_HEADER}'s fields, prices and quantities as
     * decimals of the instrument's scale.
     */
    public static void writeTrade(
        final CsvByteWriter out,
        final long seq,
        final long tsNs,
        final Instrument instrument,
        final long price,
        final long qty,
        final int takerSide,
        final String makerAccount,
        final ClientOrderId makerOrderId,
        final String takerAccount,
        final ClientOrderId takerOrderId) throws IOException
    {
        final String symbol = instrument.symbol();
        // Five numbers, two ids, three texts, ten separators and the side.
        out.room(5 * CsvByteWriter.NUMBER_ROOM + 2 * ClientOrderId.MAX_LENGTH + CsvByteWriter.textRoom(symbol) +
            CsvByteWriter.textRoom(makerAccount) + CsvByteWriter.textRoom(takerAccount) + 16);
        out.put(seq).put(',').put(tsNs).put(',').put(symbol).put(',');
        out.putDecimal(price * instrument.tickUnits(), instrument.priceScale()).put(',');
        out.putDecimal(qty * instrument.lotUnits(), instrument.qtyScale()).put(',');
        out.put(Side.name(takerSide)).put(',').put(makerAccount).put(',');
        out.put(makerOrderId).put(',').put(takerAccount).put(',');
        out.put(takerOrderId).put('\n');
    }

    /**
     * Writes one events.csv row (with its newline): {@code OK}, or {@code REJECTED} with the reason and, for a line
     * refused at the edge, the field it was about.
     */
    public static void writeEvent(final CsvByteWriter out, final long line, final int reason, final String field)
        throws IOException
    {
        if (reason == RejectReason.NONE)
        {
            out.room(CsvByteWriter.NUMBER_ROOM + 5).put(line).put(",OK,\n");
            return;
        }
        final String description = RejectReason.describe(reason);
        out.room(CsvByteWriter.NUMBER_ROOM + 16 + CsvByteWriter.textRoom(description) +
            CsvByteWriter.textRoom(field));
        out.put(line).put(",REJECTED,").put(description);
        if (!field.isEmpty())
        {
            out.put(" (").put(field).put(')');
        }
        out.put('\n');
    }

    /**
     * Writes book.csv: every resting order, symbols sorted, BUY then SELL, best price first, then time priority.
     */
    public static void writeBook(final MatchingEngine engine, final AccountRegistry accounts, final Writer out)
        throws IOException
    {
        out.write(BOOK_HEADER);
        out.write('\n');
        final int count = engine.instrumentCount();
        final String[] symbols = new String[count];
        for (int i = 0; i < count; i++)
        {
            symbols[i] = engine.instrument(i).symbol();
        }
        Arrays.sort(symbols);
        final StringBuilder row = new StringBuilder(128);
        final BookVisitor visitor = (instrumentId, side, price, qty, accountId, clientOrderId, orderId) ->
        {
            final Instrument instrument = engine.instrument(instrumentId);
            row.setLength(0);
            row.append(instrument.symbol()).append(',').append(Side.name(side)).append(',');
            FixedPoint.append(row, price * instrument.tickUnits(), instrument.priceScale()).append(',');
            FixedPoint.append(row, qty * instrument.lotUnits(), instrument.qtyScale()).append(',');
            row.append(accounts.nameOrId(accountId)).append(',');
            clientOrderId.appendTo(row).append('\n');
            try
            {
                out.append(row);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        };
        try
        {
            for (final String symbol : symbols)
            {
                engine.forEachOrder(engine.instrumentId(symbol), visitor);
            }
        }
        catch (final UncheckedIOException ex)
        {
            throw ex.getCause();
        }
    }
}
