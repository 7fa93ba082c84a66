package org.mmwinter.replay.lobster;

/**
 * Reads one message-file line into a {@link LobsterMessage}. A line that is not a message (wrong column count, a
 * field that is not a number, an unknown event type, a direction other than -1 or 1) is refused with the name of
 * the field and why, so that the caller can report it with its line number and go on.
 */
public final class LobsterMessageParser
{
    /** Columns of a message file. */
    public static final int COLUMNS = 6;

    private static final String[] NAMES = {"time", "type", "order_id", "size", "price", "direction"};

    private final CsvFields fields = new CsvFields(COLUMNS);
    private final long[] values = new long[COLUMNS];
    private String error = "";

    /**
     * @return true when {@code out} now holds the line's message; false with {@link #error()} saying why.
     */
    public boolean parse(final String line, final LobsterMessage out)
    {
        final int count = fields.split(line);
        if (count != COLUMNS)
        {
            error = "expected " + COLUMNS + " columns, found " + (count > COLUMNS ? "more" : String.valueOf(count));
            return false;
        }
        int code = fields.parseSecondsAsNanos(0);
        if (code != CsvFields.OK)
        {
            return refuse(0, code);
        }
        final long timeNs = fields.value();
        for (int i = 1; i < COLUMNS; i++)
        {
            code = fields.parseLong(i);
            if (code != CsvFields.OK)
            {
                return refuse(i, code);
            }
            values[i] = fields.value();
        }
        if (values[1] < LobsterMessage.SUBMISSION || values[1] > LobsterMessage.HALT)
        {
            error = "field type: unknown event type '" + fields.text(1) + "' (1 to 7)";
            return false;
        }
        // A cross trade is a pseudo-order of no side: its direction is taken as written, 0 included.
        final boolean sided = values[1] != LobsterMessage.CROSS_TRADE || values[5] != LobsterMessage.NO_DIRECTION;
        if (sided && values[5] != LobsterMessage.BUY && values[5] != LobsterMessage.SELL)
        {
            error = "field direction: '" + fields.text(5) + "' is neither 1 (buy) nor -1 (sell)";
            return false;
        }
        if (values[3] < 0)
        {
            error = "field size: negative '" + fields.text(3) + "'";
            return false;
        }
        if (values[1] == LobsterMessage.HALT && values[4] != LobsterMessage.HALT_PRICE &&
            values[4] != LobsterMessage.QUOTING_RESUMES_PRICE && values[4] != LobsterMessage.TRADING_RESUMES_PRICE)
        {
            error = "field price: a type 7 price is -1 (halt), 0 (quoting) or 1 (trading), not '" + fields.text(4) +
                "'";
            return false;
        }
        out.set(timeNs, (int)values[1], values[2], values[3], values[4], (int)values[5]);
        return true;
    }

    /** Why the last refused line was refused: the field and the reason. */
    public String error()
    {
        return error;
    }

    private boolean refuse(final int field, final int code)
    {
        error = "field " + NAMES[field] + ": " + CsvFields.describe(code) + " '" + fields.text(field) + "'";
        return false;
    }
}
