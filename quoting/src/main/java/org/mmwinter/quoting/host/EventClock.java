package org.mmwinter.quoting.host;

import org.agrona.concurrent.EpochNanoClock;

/**
 * The engine clock of a lockstep run: event time, set by the driver before each command it offers, so that the
 * sequencer stamps every command with the time of the event it models, not with the machine's.
 */
public final class EventClock implements EpochNanoClock
{
    private volatile long nowNs;

    public EventClock(final long startNs)
    {
        this.nowNs = startNs;
    }

    public long nanoTime()
    {
        return nowNs;
    }

    void set(final long eventNowNs)
    {
        nowNs = eventNowNs;
    }
}
