package org.mmwinter.replay.lobster;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.mmwinter.engine.core.Side;

/**
 * {@code trades.csv} of a LOBSTER run: the core's trades and the prints that are not trades of the rebuilt book
 * (hidden executions, cross trades, visible executions the core could not make), numbered together in file order.
 */
final class TradeLog
{
    /** Columns of {@code trades.csv}. */
    static final String HEADER = "trade,time,kind,price,size,aggressor,maker,taker,message_row";
    /** Aggressor of a print that has none (a cross trade written without a direction). */
    static final int NO_SIDE = -1;

    private final Appendable out;
    private final StringBuilder row = new StringBuilder(128);
    private long seq;

    /**
     * @param out where rows go, the header first; null for none.
     */
    TradeLog(final Appendable out)
    {
        this.out = out;
        write(HEADER);
        write("\n");
    }

    /** A trade the core made: maker and taker as replay keys ({@link LobsterRebuild#keyOf}). */
    void trade(final long timeNs, final long price, final long qty, final int aggressor, final long maker,
        final long taker, final long messageRow)
    {
        start(timeNs, "engine", price, qty, aggressor);
        appendKey(maker).append(',');
        appendKey(taker).append(',').append(messageRow).append('\n');
        write(row);
    }

    /** A print only: no maker in the rebuild, the taker column holds the message's order id. */
    void print(final long timeNs, final String kind, final long price, final long size, final int aggressor,
        final long orderId, final long messageRow)
    {
        start(timeNs, kind, price, size, aggressor);
        row.append(',').append(orderId).append(',').append(messageRow).append('\n');
        write(row);
    }

    private void start(final long timeNs, final String kind, final long price, final long size, final int aggressor)
    {
        row.setLength(0);
        row.append(++seq).append(',');
        appendTime(row, timeNs).append(',').append(kind).append(',').append(price).append(',').append(size)
            .append(',').append(aggressor == Side.BUY ? "buy" : aggressor == Side.SELL ? "sell" : "").append(',');
    }

    private StringBuilder appendKey(final long key)
    {
        if (key == LobsterRebuild.NO_KEY)
        {
            return row.append("taker");
        }
        return key < 0 ? row.append('S').append(-key) : row.append(key);
    }

    /** LOBSTER's time column: seconds after midnight with nine decimals. */
    static StringBuilder appendTime(final StringBuilder out, final long timeNs)
    {
        out.append(timeNs / 1_000_000_000L).append('.');
        final long fraction = timeNs % 1_000_000_000L;
        for (long scale = 100_000_000L; scale > 0; scale /= 10)
        {
            out.append((char)('0' + fraction / scale % 10));
        }
        return out;
    }

    private void write(final CharSequence text)
    {
        if (out == null)
        {
            return;
        }
        try
        {
            out.append(text);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
