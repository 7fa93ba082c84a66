package org.mmwinter.engine.pipeline;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * The wait strategies a configuration may name. On a 2-core machine busy-spin starves every other thread (two
 * stages spinning = both cores gone), so the default is {@code sleeping}: spins briefly, then yields, then parks.
 */
public final class WaitStrategies
{
    public static final String DEFAULT = "sleeping";

    /**
     * The Disruptor's default sleep is 100 ns, which Linux turns into ~50 µs wake-ups: an idle engine then burned
     * half a core. 200 µs keeps an idle engine near 1 % of a core and adds at most that to the first command after
     * a quiet spell; under load the stages never sleep.
     */
    private static final long SLEEP_NS = 200_000;
    private static final int SPIN_TRIES = 200;

    private WaitStrategies()
    {
    }

    /**
     * What a thread that polls (the engine thread of single-thread stages) does when it found nothing, by the same
     * names: busy-spin spins, yielding spins then yields, sleeping (and blocking, which has no one to wake a poller)
     * spins, yields, then parks as the sleeping strategy does.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones.
     */
    public static IdleStrategy idleStrategy(final String name)
    {
        create(name);
        switch (name)
        {
            case "busy-spin": return new BusySpinIdleStrategy();
            case "yielding": return new YieldingIdleStrategy();
            default: return new BackoffIdleStrategy(SPIN_TRIES / 2, SPIN_TRIES / 2, 1_000, SLEEP_NS);
        }
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
            case "sleeping": return new SleepingWaitStrategy(SPIN_TRIES, SLEEP_NS);
            case "blocking": return new BlockingWaitStrategy();
            default:
                throw new IllegalArgumentException(
                    "unknown wait strategy '" + name + "': use busy-spin, yielding, sleeping or blocking");
        }
    }
}
