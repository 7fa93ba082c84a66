package org.mmwinter.engine.testing;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The windows the allocation tests rely on: work that allocates in every window fails with each window's bytes,
 * work that settles passes on its first clean window.
 */
final class AllocationWindowsTest
{
    private Object kept;
    private long sum;

    @Test
    void workThatAllocatesEveryWindowFailsNamingTheBytes()
    {
        final AssertionError error = assertThrows(AssertionError.class,
            () -> AllocationWindows.untilOneAllocatesNothing("1,000 arrays", 3, this::allocate));

        assertTrue(error.getMessage().startsWith(
            "no window of 1,000 arrays allocated 0 bytes; bytes in each of the 3 windows: "), error.getMessage());
        for (final String bytes : error.getMessage().substring(error.getMessage().indexOf(": ") + 2).split(", "))
        {
            assertTrue(Long.parseLong(bytes) >= 1_000 * 16L, error.getMessage());
        }
    }

    @Test
    void workThatSettlesStopsAtTheFirstCleanWindow()
    {
        for (int i = 0; i < 20_000; i++)
        {
            add(i);
        }
        final int[] ran = new int[1];
        final int windows = AllocationWindows.untilOneAllocatesNothing("additions", 8, (final int window) ->
        {
            if (window == 0)
            {
                allocate(window);
            }
            for (int i = 0; i < 1_000; i++)
            {
                add(i);
            }
            ran[0]++;
        });

        assertTrue(windows >= 2, "the first window allocated, so it was not the clean one: " + windows);
        assertEquals(windows, ran[0]);
    }

    private void allocate(final int window)
    {
        for (int i = 0; i < 1_000; i++)
        {
            kept = new long[window + 1 + (i & 1)];
        }
    }

    private void add(final int i)
    {
        sum += i;
    }
}
