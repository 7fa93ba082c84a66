package org.mmwinter.engine.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * The wait strategies a configuration may name. On a 2-core machine busy-spin starves every other thread (two
 * stages spinning = both cores gone), so the default is {@code sleeping}: spins briefly, then yields, then parks.
 */
public final class WaitStrategies
{
    public static final String DEFAULT = "sleeping";

    private WaitStrategies()
    {
    }

    /**
     * @throws IllegalArgumentException for an unknown name, listing the known ones.
     */
    public static WaitStrategy create(final String name)
    {
        switch (name)
        {
            case "busy-spin": return new BusySpinWaitStrategy();
            case "yielding": return new YieldingWaitStrategy();
            case "sleeping": return new SleepingWaitStrategy();
            case "blocking": return new BlockingWaitStrategy();
            default:
                throw new IllegalArgumentException(
                    "unknown wait strategy '" + name + "': use busy-spin, yielding, sleeping or blocking");
        }
    }
}
