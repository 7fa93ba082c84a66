package org.mmwinter.replay.crash;

import java.util.Arrays;

/**
 * One figure sampled over event time during a crash run (the mid, a strategy's inventory or PnL), kept as growing
 * primitive arrays: a run samples a few thousand times, the report draws it.
 */
public final class TimeSeries
{
    private double[] seconds = new double[1024];
    private double[] values = new double[1024];
    private int size;

    public void add(final double tSeconds, final double value)
    {
        if (size == seconds.length)
        {
            seconds = Arrays.copyOf(seconds, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        seconds[size] = tSeconds;
        values[size] = value;
        size++;
    }

    public int size()
    {
        return size;
    }

    public double[] seconds()
    {
        return Arrays.copyOf(seconds, size);
    }

    public double[] values()
    {
        return Arrays.copyOf(values, size);
    }

    public double last()
    {
        return size == 0 ? Double.NaN : values[size - 1];
    }

    /** The time of the last point, 0 when there is none. */
    public double lastSeconds()
    {
        return size == 0 ? 0 : seconds[size - 1];
    }

    /**
     * The mean of each point and the {@code points - 1} before it, NaN values left out (NaN when a window holds
     * none): a flickering figure (a size that drops to 0 whenever an order is in flight) as the level it keeps.
     */
    public TimeSeries trailingMean(final int points)
    {
        if (points < 1)
        {
            throw new IllegalArgumentException("points must be at least 1: " + points);
        }
        final TimeSeries mean = new TimeSeries();
        double sum = 0;
        int count = 0;
        for (int i = 0; i < size; i++)
        {
            if (!Double.isNaN(values[i]))
            {
                sum += values[i];
                count++;
            }
            if (i >= points && !Double.isNaN(values[i - points]))
            {
                sum -= values[i - points];
                count--;
            }
            mean.add(seconds[i], count == 0 ? Double.NaN : sum / count);
        }
        return mean;
    }

    /**
     * The median of the values at times in [{@code fromSeconds}, {@code toSeconds}], NaN values (gaps) left out; the
     * mean of the middle two when their count is even; NaN when there is no value there.
     */
    public double median(final double fromSeconds, final double toSeconds)
    {
        final double[] window = new double[size];
        int n = 0;
        for (int i = 0; i < size; i++)
        {
            if (seconds[i] >= fromSeconds && seconds[i] <= toSeconds && !Double.isNaN(values[i]))
            {
                window[n++] = values[i];
            }
        }
        if (n == 0)
        {
            return Double.NaN;
        }
        Arrays.sort(window, 0, n);
        return n % 2 == 1 ? window[n / 2] : (window[n / 2 - 1] + window[n / 2]) / 2;
    }
}
