package org.mmwinter.engine.pipeline;

import org.mmwinter.engine.message.ExecutionReport;

/**
 * What a participant is told, always on its own thread (the one that polls it, or the thread the engine hosts it
 * on), never on an engine thread: so it may offer commands, even wait for room in the inbound ring, without ever
 * holding the engine up.
 */
public interface ParticipantListener
{
    /**
     * Its own execution reports (as maker and as taker), and acknowledgements of its commands (DONE), in engine
     * order. Never dropped: a participant that falls behind is disconnected.
     */
    void onReport(ExecutionReport report);

    /**
     * Public trades and level changes, if it subscribed: dropped (counted) when it lags; the next one delivered then
     * has {@link ExecutionReport#gap} set, and a book snapshot resynchronises. Trading statuses (STATUS: a halt, a
     * resume, the venue's status), if it subscribed or is a drop copy: never dropped (a full queue disconnects, as
     * for reports). The levels and statuses of a book snapshot it asked for come here too.
     */
    default void onMarketData(final ExecutionReport update)
    {
    }

    /**
     * Once, when the engine stopped delivering to it: it fell behind, it threw, it was closed, or the engine
     * stopped.
     */
    default void onDisconnected(final String reason)
    {
    }
}
