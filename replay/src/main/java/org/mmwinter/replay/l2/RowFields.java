package org.mmwinter.replay.l2;

import java.util.Arrays;

/**
 * What every recorded row is checked against at the edge: the one symbol of the run (the book file's first), and
 * the price and amount grids its decimals are converted onto exactly. The error names the file, line and field.
 */
final class RowFields
{
    private final String symbol;
    private final DecimalGrid prices;
    private final DecimalGrid amounts;

    RowFields(final String symbol, final DecimalGrid prices, final DecimalGrid amounts)
    {
        this.symbol = symbol;
        this.prices = prices;
        this.amounts = amounts;
    }

    String symbol()
    {
        return symbol;
    }

    /** The index of a named column in a header, or an error naming the layout that needs it. */
    static int column(final CsvLines in, final String name, final String layout) throws L2InputException
    {
        final String[] header = in.header();
        for (int i = 0; i < header.length; i++)
        {
            if (header[i].equalsIgnoreCase(name))
            {
                return i;
            }
        }
        throw new L2InputException(in.path() + ":1: the " + layout + " header has no column " + name + ": " +
            Arrays.toString(header));
    }

    static void fieldCount(final CsvLines in, final int expected) throws L2InputException
    {
        if (in.fieldCount() != expected)
        {
            throw new L2InputException(in.path() + ":" + in.lineNumber() + ": " + in.fieldCount() + " fields, the " +
                "header has " + expected + ": " + in.line());
        }
    }

    void symbol(final CsvLines in, final int index) throws L2InputException
    {
        if (!in.fieldEquals(index, symbol))
        {
            throw in.error("symbol", "'" + in.field(index) + "', but this run replays " + symbol +
                " (both files must be of one symbol)");
        }
    }

    long price(final CsvLines in, final int index, final String name) throws L2InputException
    {
        final long ticks = prices.steps(in.text(), in.start(index), in.end(index));
        if (ticks == DecimalGrid.OFF_GRID)
        {
            throw in.error(name, "price " + in.field(index) + " is off the tick grid " + prices.text() +
                " (give --tick, or a finer one)");
        }
        if (ticks <= 0)
        {
            throw in.error(name, "not a price above zero: '" + in.field(index) + "'");
        }
        return ticks;
    }

    long amount(final CsvLines in, final int index, final String name) throws L2InputException
    {
        final long lots = amounts.steps(in.text(), in.start(index), in.end(index));
        if (lots == DecimalGrid.OFF_GRID)
        {
            throw in.error(name, "amount " + in.field(index) + " is off the lot grid " + amounts.text() +
                " (give --lot, or a finer one)");
        }
        if (lots < 0)
        {
            throw in.error(name, "not an amount of zero or more: '" + in.field(index) + "'");
        }
        return lots;
    }

    /** local_timestamp, or the exchange's timestamp where the arrival time is missing. */
    static long timeUs(final CsvLines in, final int local, final int exchange) throws L2InputException
    {
        return in.isEmpty(local) ? in.longField(exchange, "timestamp") :
            in.longField(local, "local_timestamp");
    }
}
