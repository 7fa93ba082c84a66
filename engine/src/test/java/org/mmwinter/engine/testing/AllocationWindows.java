package org.mmwinter.engine.testing;

import java.lang.management.ManagementFactory;

import com.sun.management.ThreadMXBean;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * How the allocation tests decide that code allocates nothing in steady state: after the caller's warm-up, windows
 * of the same work run until one allocates 0 bytes on the calling thread, at most a given number, and the test
 * fails if none does. Counts bytes, never time.
 *
 * <p>Why windows and not one measured stretch after a fixed warm-up: the JVM's own one-off work allocates on the
 * calling thread whatever the code does (a method linked on its first call, the driving loop entering code compiled
 * on the stack), and on CI's loaded two cores it comes late, when compilation queues: a fixed warm-up of 50,000
 * rounds once left 136 bytes in the measured window, another 192. An allocation of the code under test repeats with
 * the work it is part of, so it shows in every window and still fails the test; a window must therefore hold every
 * path the test means to cover.
 */
public final class AllocationWindows
{
    /** One window of the work under test; the same paths each time, the window's number counting from 0. */
    @FunctionalInterface
    public interface Window
    {
        void run(int window);
    }

    private static final ThreadMXBean THREADS = (ThreadMXBean)ManagementFactory.getThreadMXBean();

    private AllocationWindows()
    {
    }

    /**
     * Runs {@code window} until a run allocates nothing on this thread, at most {@code maxWindows} times.
     *
     * @return how many windows ran; the last of them allocated 0 bytes.
     */
    public static int untilOneAllocatesNothing(final String work, final int maxWindows, final Window window)
    {
        // Reading the counter twice back to back gives what the reading itself costs (expected 0).
        final long start = THREADS.getCurrentThreadAllocatedBytes();
        final long calibration = THREADS.getCurrentThreadAllocatedBytes() - start;
        final long[] bytes = new long[maxWindows];
        for (int i = 0; i < maxWindows; i++)
        {
            final long before = THREADS.getCurrentThreadAllocatedBytes();
            window.run(i);
            bytes[i] = THREADS.getCurrentThreadAllocatedBytes() - before - calibration;
            if (bytes[i] == 0)
            {
                return i + 1;
            }
        }
        final StringBuilder seen = new StringBuilder();
        for (final long b : bytes)
        {
            seen.append(seen.length() == 0 ? "" : ", ").append(b);
        }
        return fail("no window of " + work + " allocated 0 bytes; bytes in each of the " + maxWindows +
            " windows: " + seen);
    }
}
