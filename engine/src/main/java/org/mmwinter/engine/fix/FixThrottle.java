package org.mmwinter.engine.fix;

/**
 * A session's message-rate limit: a token bucket holding one second's worth of messages, refilled continuously, so a
 * client may burst up to its rate and sustain exactly its rate; a message that finds the bucket empty is refused,
 * never queued. Kept in nano-tokens (one message costs 10^9) so that refilling is whole arithmetic. Time comes in as
 * {@code nowNs}; one thread at a time.
 */
final class FixThrottle
{
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long ratePerSecond;
    private final long capacity;
    private long tokens;
    private long lastNs;
    private boolean started;

    FixThrottle(final int ratePerSecond)
    {
        this.ratePerSecond = ratePerSecond;
        this.capacity = ratePerSecond * NANOS_PER_SECOND;
        this.tokens = capacity;
    }

    /**
     * Takes one message at {@code nowNs}.
     *
     * @return false when the session is above its rate: the message is to be rejected.
     */
    boolean tryAcquire(final long nowNs)
    {
        if (started)
        {
            final long elapsed = Math.max(0, nowNs - lastNs);
            // elapsed * rate overflows only after ~21 days idle at 5,000/s; the bucket is full long before.
            tokens = elapsed >= NANOS_PER_SECOND ? capacity : Math.min(capacity, tokens + elapsed * ratePerSecond);
        }
        started = true;
        lastNs = nowNs;
        if (tokens < NANOS_PER_SECOND)
        {
            return false;
        }
        tokens -= NANOS_PER_SECOND;
        return true;
    }

    int ratePerSecond()
    {
        return (int)ratePerSecond;
    }
}
