package org.mmwinter.replay.lobster;

/**
 * The comma-separated fields of one line as index ranges (no substring per field), with the number parsers the
 * LOBSTER files need. A parser that fails says why through {@link #error()}, so the caller can name the field.
 */
final class CsvFields
{
    /** Parse succeeded. */
    static final int OK = 0;
    /** A field is not a number of the expected form. */
    static final int NOT_A_NUMBER = 1;
    /** A time with more than nine decimals (LOBSTER's finest is nanoseconds). */
    static final int TOO_PRECISE = 2;
    /** A number too large for a long. */
    static final int TOO_LARGE = 3;

    private static final int NANOS_DIGITS = 9;

    private final int[] starts;
    private final int[] ends;
    private String line = "";
    private int count;
    private long value;

    CsvFields(final int maxFields)
    {
        starts = new int[maxFields + 1];
        ends = new int[maxFields + 1];
    }

    /**
     * Splits {@code text}; a line with more fields than this was made for reports one field more than the maximum.
     *
     * @return the number of fields.
     */
    int split(final String text)
    {
        line = text;
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\r' || text.charAt(end - 1) == '\n'))
        {
            end--;
        }
        count = 0;
        int from = 0;
        while (count < starts.length)
        {
            int comma = text.indexOf(',', from);
            if (comma < 0 || comma > end)
            {
                comma = end;
            }
            starts[count] = from;
            ends[count] = comma;
            count++;
            if (comma == end)
            {
                break;
            }
            from = comma + 1;
        }
        return count;
    }

    int count()
    {
        return count;
    }

    /** The text of a field, for messages only. */
    String text(final int field)
    {
        return line.substring(starts[field], ends[field]).trim();
    }

    /** The value of the last successful parse. */
    long value()
    {
        return value;
    }

    /**
     * An optionally signed decimal integer; surrounding blanks are allowed.
     */
    int parseLong(final int field)
    {
        int from = starts[field];
        int to = ends[field];
        while (from < to && line.charAt(from) == ' ')
        {
            from++;
        }
        while (to > from && line.charAt(to - 1) == ' ')
        {
            to--;
        }
        boolean negative = false;
        if (from < to && (line.charAt(from) == '-' || line.charAt(from) == '+'))
        {
            negative = line.charAt(from) == '-';
            from++;
        }
        if (from == to)
        {
            return NOT_A_NUMBER;
        }
        long v = 0;
        for (int i = from; i < to; i++)
        {
            final int digit = line.charAt(i) - '0';
            if (digit < 0 || digit > 9)
            {
                return NOT_A_NUMBER;
            }
            if (v > (Long.MAX_VALUE - digit) / 10)
            {
                return TOO_LARGE;
            }
            v = v * 10 + digit;
        }
        value = negative ? -v : v;
        return OK;
    }

    /**
     * Non-negative decimal seconds (LOBSTER's time column) as nanoseconds.
     */
    int parseSecondsAsNanos(final int field)
    {
        int from = starts[field];
        int to = ends[field];
        while (from < to && line.charAt(from) == ' ')
        {
            from++;
        }
        while (to > from && line.charAt(to - 1) == ' ')
        {
            to--;
        }
        long seconds = 0;
        long fraction = 0;
        int decimals = -1;
        int digits = 0;
        for (int i = from; i < to; i++)
        {
            final char c = line.charAt(i);
            if (c == '.' && decimals < 0)
            {
                decimals = 0;
                continue;
            }
            final int digit = c - '0';
            if (digit < 0 || digit > 9)
            {
                return NOT_A_NUMBER;
            }
            digits++;
            if (decimals < 0)
            {
                if (seconds > (Long.MAX_VALUE / 1_000_000_000L - digit) / 10)
                {
                    return TOO_LARGE;
                }
                seconds = seconds * 10 + digit;
            }
            else
            {
                if (++decimals > NANOS_DIGITS)
                {
                    return TOO_PRECISE;
                }
                fraction = fraction * 10 + digit;
            }
        }
        if (digits == 0)
        {
            return NOT_A_NUMBER;
        }
        for (int d = Math.max(decimals, 0); d < NANOS_DIGITS; d++)
        {
            fraction *= 10;
        }
        value = seconds * 1_000_000_000L + fraction;
        return OK;
    }

    static String describe(final int error)
    {
        switch (error)
        {
            case NOT_A_NUMBER: return "not a number";
            case TOO_PRECISE: return "more than 9 decimals";
            case TOO_LARGE: return "too large";
            default: return "error " + error;
        }
    }

    /** Whether the first field of {@code text} is a number: a line whose first field is not is a header. */
    boolean firstFieldNumeric(final String text)
    {
        split(text);
        return parseSecondsAsNanos(0) == OK || parseLong(0) == OK;
    }
}
