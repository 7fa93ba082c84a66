package org.mmwinter.quoting.bot;

import org.mmwinter.engine.message.CommandEvent;

/**
 * Where the strategy's commands go: the live host offers them to the engine's inbound ring through the bot's
 * publication, the lockstep host queues them behind a modelled order-entry latency. Neither ever waits: a command
 * that cannot be taken now is refused, and the strategy decides again on a later event (it keeps its targets, not
 * its unsent commands).
 */
public interface OrderEntry
{
    /**
     * @param command       filled by the strategy, valid only during the call.
     * @param correlationId the strategy's reference, returned in the reports the command causes.
     * @return whether the command was taken (it will reach the engine); {@code false}: busy, try later.
     */
    boolean send(CommandEvent command, long correlationId);
}
