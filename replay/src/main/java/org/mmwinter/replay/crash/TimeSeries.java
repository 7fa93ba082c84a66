package org.mmwinter.replay.crash;

import java.util.Arrays;

/**
 * One figure sampled over event time during a crash run (the mid, a strategy's inventory or PnL), kept as growing
 * primitive arrays: a run samples a few thousand times, the report draws it.
 */
final class TimeSeries
{
    private double[] seconds = new double[1024];
    private double[] values = new double[1024];
    private int size;

    void add(final double tSeconds, final double value)
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

    int size()
    {
        return size;
    }

    double[] seconds()
    {
        return Arrays.copyOf(seconds, size);
    }

    double[] values()
    {
        return Arrays.copyOf(values, size);
    }

    double last()
    {
        return size == 0 ? Double.NaN : values[size - 1];
    }
}
