package org.mmwinter.replay.l2;

import org.mmwinter.replay.crash.TimeSeries;

/**
 * The figures a run samples for its report, a row of columns at a time, over a recording whose length is not known
 * before the end (a gzip file is read once): it samples every {@code intervalNs} of event time and, when full,
 * keeps every other row and doubles the interval, so a minute and a month of data both end up with between
 * {@link #CAPACITY} / 2 and {@link #CAPACITY} evenly spaced rows.
 */
final class Samples
{
    static final int CAPACITY = 8_192;
    private static final long FIRST_INTERVAL_NS = 100_000_000;

    private final double[] seconds = new double[CAPACITY];
    private final double[][] columns;
    private int size;
    private long intervalNs = FIRST_INTERVAL_NS;
    private long nextNs = Long.MIN_VALUE;

    Samples(final int columnCount)
    {
        columns = new double[columnCount][CAPACITY];
    }

    /** Whether a row is due at event time {@code nowNs}. */
    boolean due(final long nowNs)
    {
        return nowNs >= nextNs;
    }

    /** A row at {@code nowNs}, not before the last: fill it with {@link #set} before the next call. */
    void start(final long nowNs)
    {
        if (size == CAPACITY)
        {
            for (int i = 0; i < CAPACITY / 2; i++)
            {
                seconds[i] = seconds[2 * i];
                for (final double[] column : columns)
                {
                    column[i] = column[2 * i];
                }
            }
            size = CAPACITY / 2;
            intervalNs *= 2;
        }
        final double t = nowNs / 1e9;
        if (size > 0 && seconds[size - 1] >= t)
        {
            // The same moment again (the run's last sample): its row is rewritten, times stay increasing.
            size--;
        }
        seconds[size] = t;
        size++;
        nextNs = (nowNs / intervalNs + 1) * intervalNs;
    }

    void set(final int column, final double value)
    {
        columns[column][size - 1] = value;
    }

    int size()
    {
        return size;
    }

    /** A column as a series (seconds since the epoch). */
    TimeSeries series(final int column)
    {
        final TimeSeries series = new TimeSeries();
        for (int i = 0; i < size; i++)
        {
            series.add(seconds[i], columns[column][i]);
        }
        return series;
    }
}
