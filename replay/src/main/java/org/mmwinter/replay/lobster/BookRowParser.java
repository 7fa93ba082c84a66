package org.mmwinter.replay.lobster;

/**
 * Reads one order-book-file line: for each level ask price, ask size, bid price, bid size. Every column must be an
 * integer and the count must be the file's; an empty level is padded ({@link LevelView#EMPTY_ASK_PRICE},
 * {@link LevelView#EMPTY_BID_PRICE}, size 0).
 */
final class BookRowParser
{
    private final int columns;
    private final CsvFields fields;
    private String error = "";

    BookRowParser(final int columns)
    {
        this.columns = columns;
        this.fields = new CsvFields(columns);
    }

    /** Columns of a line, for finding the file's level count from its first row. */
    static int columnsOf(final String line)
    {
        return new CsvFields(4096).split(line);
    }

    /**
     * @param out at least {@link #columns} values, filled in file order.
     */
    boolean parse(final String line, final long[] out)
    {
        final int count = fields.split(line);
        if (count != columns)
        {
            error = "expected " + columns + " columns, found " + (count > columns ? "more" : String.valueOf(count));
            return false;
        }
        for (int i = 0; i < columns; i++)
        {
            final int code = fields.parseLong(i);
            if (code != CsvFields.OK)
            {
                error = "column " + (i + 1) + " (" + columnName(i) + "): " + CsvFields.describe(code) + " '" +
                    fields.text(i) + "'";
                return false;
            }
            out[i] = fields.value();
        }
        return true;
    }

    String error()
    {
        return error;
    }

    static String columnName(final int column)
    {
        final int level = column / 4 + 1;
        switch (column % 4)
        {
            case 0: return "ask price " + level;
            case 1: return "ask size " + level;
            case 2: return "bid price " + level;
            default: return "bid size " + level;
        }
    }
}
