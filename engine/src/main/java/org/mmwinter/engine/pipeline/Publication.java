package org.mmwinter.engine.pipeline;

import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;

/**
 * A producer's one way into the engine, after Aeron's {@code Publication.offer}: {@link #offer} copies one command
 * into a slot of the inbound ring, stamps this publication's source id and the caller's correlation id, and
 * publishes it, or says why not with a named negative code. Nobody outside the pipeline touches a ring slot, so no
 * producer can leave a claimed slot unpublished (which would stall the ring) or published half filled.
 * <p>
 * A publication may be used by one thread at a time; give each producer thread its own.
 */
public final class Publication
{
    /** The inbound ring is full: the command was not taken (counted); offer again later. */
    public static final long BUSY = -1;
    /** The engine has stopped or failed: nothing more is taken. */
    public static final long STOPPED = -2;
    /** The command cannot be journaled (not a command type the engine knows): it was not taken. */
    public static final long NOT_ENCODABLE = -3;

    private static final long BLOCKED_PARK_NS = 10_000;

    private final EnginePipeline pipeline;
    private final int sourceId;

    Publication(final EnginePipeline pipeline, final int sourceId)
    {
        this.pipeline = pipeline;
        this.sourceId = sourceId;
    }

    /** The source id every command of this publication carries, and its results too. */
    public int sourceId()
    {
        return sourceId;
    }

    /**
     * Offers one command without waiting.
     *
     * @return the ring sequence the command was published at, or {@link #BUSY}, {@link #STOPPED} or
     *         {@link #NOT_ENCODABLE}.
     */
    public long offer(final CommandEvent command, final long correlationId)
    {
        if (!CommandType.isKnown(command.type))
        {
            return NOT_ENCODABLE;
        }
        final long slot = pipeline.tryClaim();
        if (slot < 0)
        {
            return slot;
        }
        final CommandEvent event = pipeline.slot(slot);
        event.copyFrom(command);
        event.sourceId = sourceId;
        event.correlationId = correlationId;
        event.sequence = 0;
        event.nowNs = 0;
        event.result = 0;
        pipeline.publish(slot);
        return slot;
    }

    /**
     * Offers one command, waiting while the ring is full: for producers that must not lose a command and may wait
     * (file input, definitions). Never call it from a thread the engine waits on.
     *
     * @return as {@link #offer}, but never {@link #BUSY}.
     */
    public long offerBlocking(final CommandEvent command, final long correlationId)
    {
        while (true)
        {
            final long result = offer(command, correlationId);
            if (result != BUSY)
            {
                return result;
            }
            pipeline.awaitCapacity(BLOCKED_PARK_NS);
        }
    }
}
