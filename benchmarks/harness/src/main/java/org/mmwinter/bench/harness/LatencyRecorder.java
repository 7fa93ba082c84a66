package org.mmwinter.bench.harness;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.SingleWriterRecorder;

/**
 * Response times recorded by the one thread that sees results, read by the harness after the run. Commands sent
 * during warm-up are dropped here, by index, so that the sender never pauses between warm-up and measurement.
 * Fixed range (1 ns to 60 s, 3 significant digits) so that recording never allocates; longer values are clamped.
 */
public final class LatencyRecorder
{
    static final long HIGHEST_NS = 60_000_000_000L;

    private final SingleWriterRecorder recorder = new SingleWriterRecorder(1, HIGHEST_NS, 3);
    private volatile long firstMeasuredIndex = Long.MAX_VALUE;

    /**
     * Called by the result thread only: {@code index} is the command's number as passed to
     * {@link LatencyTarget#send}.
     */
    public void record(final long index, final long latencyNs)
    {
        if (index >= firstMeasuredIndex)
        {
            recorder.recordValue(Math.min(Math.max(latencyNs, 1), HIGHEST_NS));
        }
    }

    void startRun(final long firstMeasuredIndex)
    {
        recorder.reset();
        this.firstMeasuredIndex = firstMeasuredIndex;
    }

    Histogram takeHistogram()
    {
        return recorder.getIntervalHistogram();
    }
}
