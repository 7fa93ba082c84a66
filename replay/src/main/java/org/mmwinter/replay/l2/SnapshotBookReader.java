package org.mmwinter.replay.l2;

import java.io.IOException;

import org.mmwinter.engine.core.Side;

/**
 * Tardis {@code book_snapshot_N}: {@code exchange,symbol,timestamp,local_timestamp}, then for i = 0..N-1
 * {@code asks[i].price,asks[i].amount,bids[i].price,bids[i].amount}. Each row is the top N levels of each side; it
 * becomes level changes against the row before (a level that left the top N is removed: what lies deeper is not
 * recorded), so that the synthetic orders of unchanged levels keep their queue. The first row is a snapshot: a
 * {@link BookEvent#RESET} and its levels. Empty price fields (a side with fewer than N levels) are skipped.
 */
final class SnapshotBookReader implements BookSource
{
    static final String LAYOUT_PREFIX = "book_snapshot_";

    private final CsvLines in;
    private final RowFields fields;
    private final int columns;
    private final int levels;
    private final int symbol;
    private final int timestamp;
    private final int localTimestamp;
    private final int[] askPrice;
    private final int[] askAmount;
    private final int[] bidPrice;
    private final int[] bidAmount;
    /** The previous row's levels, [side][i], and this row's. */
    private final long[][] previousPrice;
    private final long[][] previousAmount;
    private final int[] previousCount = new int[2];
    private final long[][] currentPrice;
    private final long[][] currentAmount;
    private final int[] currentCount = new int[2];
    /** Changes of the row being handed out. */
    private final int[] queuedKind;
    private final int[] queuedSide;
    private final long[] queuedPrice;
    private final long[] queuedAmount;
    private int queued;
    private int handed;
    private long queuedTimeUs;
    private long queuedLine;
    private boolean first = true;
    private long rows;

    SnapshotBookReader(final CsvLines in, final RowFields fields) throws L2InputException
    {
        this.in = in;
        this.fields = fields;
        this.columns = in.header().length;
        this.symbol = RowFields.column(in, "symbol", layout(in));
        this.timestamp = RowFields.column(in, "timestamp", layout(in));
        this.localTimestamp = RowFields.column(in, "local_timestamp", layout(in));
        this.levels = levels(in);
        if (levels == 0)
        {
            throw new L2InputException(in.path() + ":1: a book_snapshot header without asks[0].price");
        }
        askPrice = new int[levels];
        askAmount = new int[levels];
        bidPrice = new int[levels];
        bidAmount = new int[levels];
        for (int i = 0; i < levels; i++)
        {
            askPrice[i] = RowFields.column(in, "asks[" + i + "].price", layout(in));
            askAmount[i] = RowFields.column(in, "asks[" + i + "].amount", layout(in));
            bidPrice[i] = RowFields.column(in, "bids[" + i + "].price", layout(in));
            bidAmount[i] = RowFields.column(in, "bids[" + i + "].amount", layout(in));
        }
        previousPrice = new long[2][levels];
        previousAmount = new long[2][levels];
        currentPrice = new long[2][levels];
        currentAmount = new long[2][levels];
        final int capacity = 4 * levels + 1;
        queuedKind = new int[capacity];
        queuedSide = new int[capacity];
        queuedPrice = new long[capacity];
        queuedAmount = new long[capacity];
    }

    /** Levels of a side in a {@code book_snapshot_N} header: 0 when it is not one. */
    static int levels(final CsvLines in)
    {
        final String[] header = in.header();
        int n = 0;
        boolean found = true;
        while (found)
        {
            found = false;
            for (final String column : header)
            {
                if (column.equalsIgnoreCase("asks[" + n + "].price"))
                {
                    found = true;
                    n++;
                    break;
                }
            }
        }
        return n;
    }

    private static String layout(final CsvLines in)
    {
        return LAYOUT_PREFIX + levels(in);
    }

    public boolean next(final BookEvent out) throws IOException
    {
        while (handed == queued)
        {
            if (!in.next())
            {
                return false;
            }
            rows++;
            readRow();
        }
        out.kind = queuedKind[handed];
        out.side = queuedSide[handed];
        out.price = queuedPrice[handed];
        out.amount = queuedAmount[handed];
        out.timeUs = queuedTimeUs;
        out.line = queuedLine;
        handed++;
        return true;
    }

    private void readRow() throws L2InputException
    {
        RowFields.fieldCount(in, columns);
        fields.symbol(in, symbol);
        queuedTimeUs = RowFields.timeUs(in, localTimestamp, timestamp);
        queuedLine = in.lineNumber();
        read(Side.SELL, askPrice, askAmount, "asks");
        read(Side.BUY, bidPrice, bidAmount, "bids");
        queued = 0;
        handed = 0;
        if (first)
        {
            queue(BookEvent.RESET, Side.BUY, 0, 0);
            first = false;
        }
        for (int side = 0; side < 2; side++)
        {
            for (int i = 0; i < previousCount[side]; i++)
            {
                if (indexOf(currentPrice[side], currentCount[side], previousPrice[side][i]) < 0)
                {
                    queue(BookEvent.LEVEL, side, previousPrice[side][i], 0);
                }
            }
            for (int i = 0; i < currentCount[side]; i++)
            {
                final int before = indexOf(previousPrice[side], previousCount[side], currentPrice[side][i]);
                if (before < 0 || previousAmount[side][before] != currentAmount[side][i])
                {
                    queue(BookEvent.LEVEL, side, currentPrice[side][i], currentAmount[side][i]);
                }
            }
            System.arraycopy(currentPrice[side], 0, previousPrice[side], 0, currentCount[side]);
            System.arraycopy(currentAmount[side], 0, previousAmount[side], 0, currentCount[side]);
            previousCount[side] = currentCount[side];
        }
    }

    private void read(final int side, final int[] priceColumn, final int[] amountColumn, final String name)
        throws L2InputException
    {
        int count = 0;
        for (int i = 0; i < levels; i++)
        {
            if (in.isEmpty(priceColumn[i]))
            {
                continue;
            }
            final long amount = fields.amount(in, amountColumn[i], name + "[" + i + "].amount");
            if (amount == 0)
            {
                continue;
            }
            currentPrice[side][count] = fields.price(in, priceColumn[i], name + "[" + i + "].price");
            currentAmount[side][count] = amount;
            count++;
        }
        currentCount[side] = count;
    }

    private static int indexOf(final long[] prices, final int count, final long price)
    {
        for (int i = 0; i < count; i++)
        {
            if (prices[i] == price)
            {
                return i;
            }
        }
        return -1;
    }

    private void queue(final int kind, final int side, final long price, final long amount)
    {
        queuedKind[queued] = kind;
        queuedSide[queued] = side;
        queuedPrice[queued] = price;
        queuedAmount[queued] = amount;
        queued++;
    }

    public long rows()
    {
        return rows;
    }

    public long skippedRows()
    {
        return 0;
    }

    public String layout()
    {
        return LAYOUT_PREFIX + levels;
    }

    public void close() throws IOException
    {
        in.close();
    }
}
