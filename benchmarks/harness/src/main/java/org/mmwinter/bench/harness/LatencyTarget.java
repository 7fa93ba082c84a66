package org.mmwinter.bench.harness;

/**
 * What the latency harness drives: a system that takes a command and later reports its result on another thread.
 * The target records, when the result arrives, {@code System.nanoTime() - intendedNs} of the command into the
 * {@link LatencyRecorder} it was given: the time since the command was due, not since it was actually sent, so a
 * sender held up by a full ring does not hide the wait (no coordinated omission).
 */
public interface LatencyTarget
{
    /**
     * Sends command number {@code index} (0, 1, 2, ... in order), which was due at {@code intendedNs}.
     */
    void send(long index, long intendedNs);

    /** Results seen so far; the harness waits for it to reach the number of commands sent. */
    long completed();
}
