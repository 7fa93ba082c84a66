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
     * Its own execution reports (as maker and as taker), acknowledgements of its commands (DONE) and the levels of
     * a book snapshot it asked for, in engine order. Never dropped: a participant that falls behind is disconnected.
     */
    void onReport(ExecutionReport report);

    /**
     * Public trades and level changes, if it subscribed. Dropped (counted) when it lags; the next one delivered then
     * has {@link ExecutionReport#gap} set, and a book snapshot resynchronises.
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
