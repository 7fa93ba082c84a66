package org.mmwinter.replay.report;

/**
 * Thins a long series for drawing without hiding what matters on a crash day. The points are cut into equal-count
 * buckets and each bucket keeps its first point, its lowest, its highest, its first gap (a NaN, so a halt with no
 * mid still shows as a break) and its last: a price that falls 99.99 % inside one bucket keeps both the level it
 * fell from and the bottom. Plain averaging or every-n-th sampling would smooth the crash away. A series no longer
 * than the limit is kept exactly.
 */
public final class Downsampler
{
    /** The default limit of points drawn per series. */
    public static final int DEFAULT_MAX_POINTS = 4_000;
    /** Points a bucket can keep: first, min, max, first gap, last. */
    public static final int POINTS_PER_BUCKET = 5;

    private static final int NONE = -1;

    private final int maxPoints;

    /**
     * @param maxPoints the most points a series keeps; at least {@link #POINTS_PER_BUCKET}.
     */
    public Downsampler(final int maxPoints)
    {
        if (maxPoints < POINTS_PER_BUCKET)
        {
            throw new IllegalArgumentException("maxPoints must be at least " + POINTS_PER_BUCKET + ": " + maxPoints);
        }
        this.maxPoints = maxPoints;
    }

    public int maxPoints()
    {
        return maxPoints;
    }

    /**
     * The indices of {@code values} to keep, ascending, at most {@link #maxPoints()} of them.
     */
    public int[] keep(final double[] values)
    {
        final int n = values.length;
        if (n <= maxPoints)
        {
            final int[] all = new int[n];
            for (int i = 0; i < n; i++)
            {
                all[i] = i;
            }
            return all;
        }
        final int buckets = maxPoints / POINTS_PER_BUCKET;
        final int[] kept = new int[buckets * POINTS_PER_BUCKET];
        final int[] picks = new int[POINTS_PER_BUCKET];
        int count = 0;
        for (int b = 0; b < buckets; b++)
        {
            final int from = (int)((long)b * n / buckets);
            final int to = (int)((long)(b + 1) * n / buckets);
            int min = NONE;
            int max = NONE;
            int gap = NONE;
            for (int i = from; i < to; i++)
            {
                final double v = values[i];
                if (Double.isNaN(v))
                {
                    if (gap == NONE)
                    {
                        gap = i;
                    }
                }
                else
                {
                    if (min == NONE || v < values[min])
                    {
                        min = i;
                    }
                    if (max == NONE || v > values[max])
                    {
                        max = i;
                    }
                }
            }
            picks[0] = from;
            picks[1] = min;
            picks[2] = max;
            picks[3] = gap;
            picks[4] = to - 1;
            count = appendSorted(picks, kept, count);
        }
        final int[] result = new int[count];
        System.arraycopy(kept, 0, result, 0, count);
        return result;
    }

    /**
     * The values at {@code indices}, in order.
     */
    public static double[] pick(final double[] values, final int[] indices)
    {
        final double[] result = new double[indices.length];
        for (int i = 0; i < indices.length; i++)
        {
            result[i] = values[indices[i]];
        }
        return result;
    }

    /** Sorts the bucket's picks (ascending, so the line is drawn in time order), drops repeats and absent ones. */
    private static int appendSorted(final int[] picks, final int[] kept, final int count)
    {
        for (int i = 1; i < picks.length; i++)
        {
            final int p = picks[i];
            int j = i - 1;
            while (j >= 0 && picks[j] > p)
            {
                picks[j + 1] = picks[j];
                j--;
            }
            picks[j + 1] = p;
        }
        int c = count;
        int last = NONE;
        for (int i = 0; i < picks.length; i++)
        {
            final int p = picks[i];
            if (p != NONE && p != last)
            {
                kept[c++] = p;
                last = p;
            }
        }
        return c;
    }
}
