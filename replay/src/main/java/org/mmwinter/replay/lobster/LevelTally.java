package org.mmwinter.replay.lobster;

import java.util.Locale;

/**
 * Per level K (1..N) of the compared book: rows compared, rows where level K's ask price, ask size, bid price and
 * bid size all matched the book file before any correction, and the first mismatch with its event.
 */
public final class LevelTally
{
    /** First mismatch row of a level that never mismatched. */
    public static final long NO_ROW = -1;

    private final long[] rows;
    private final long[] matched;
    private final long[] firstRow;
    private final String[] firstEvent;
    private final String[] firstExpected;
    private final String[] firstRebuilt;

    public LevelTally(final int levels)
    {
        rows = new long[levels];
        matched = new long[levels];
        firstRow = new long[levels];
        firstEvent = new String[levels];
        firstExpected = new String[levels];
        firstRebuilt = new String[levels];
        for (int k = 0; k < levels; k++)
        {
            firstRow[k] = NO_ROW;
            firstEvent[k] = "";
            firstExpected[k] = "";
            firstRebuilt[k] = "";
        }
    }

    public int levels()
    {
        return rows.length;
    }

    void count(final int level, final boolean match)
    {
        rows[level]++;
        if (match)
        {
            matched[level]++;
        }
    }

    boolean hasMismatch(final int level)
    {
        return firstRow[level] != NO_ROW;
    }

    void firstMismatch(final int level, final long row, final String event, final String expected,
        final String rebuilt)
    {
        firstRow[level] = row;
        firstEvent[level] = event;
        firstExpected[level] = expected;
        firstRebuilt[level] = rebuilt;
    }

    /** Rows compared at level {@code level} (0-based). */
    public long rows(final int level)
    {
        return rows[level];
    }

    public long matched(final int level)
    {
        return matched[level];
    }

    /** Matched share in percent (0 when nothing was compared). */
    public double sharePct(final int level)
    {
        return rows[level] == 0 ? 0 : 100.0 * matched[level] / rows[level];
    }

    public long firstMismatchRow(final int level)
    {
        return firstRow[level];
    }

    /** The pinned stdout line of a level: {@code level=K rows=N matched=M share=P%}. */
    public String line(final int level)
    {
        return "level=" + (level + 1) + " rows=" + rows[level] + " matched=" + matched[level] + " share=" +
            share(level) + "%";
    }

    /** Header of {@code lobster-match.csv}. */
    public static final String CSV_HEADER = "level,rows,matched,share_pct,first_mismatch_row,first_mismatch_event," +
        "expected,rebuilt";

    /** One {@code lobster-match.csv} row (no field holds a comma). */
    public String csvRow(final int level)
    {
        return (level + 1) + "," + rows[level] + "," + matched[level] + "," + share(level) + "," +
            (firstRow[level] == NO_ROW ? "" : String.valueOf(firstRow[level])) + "," + firstEvent[level] + "," +
            firstExpected[level] + "," + firstRebuilt[level];
    }

    private String share(final int level)
    {
        return String.format(Locale.ROOT, "%.2f", sharePct(level));
    }
}
