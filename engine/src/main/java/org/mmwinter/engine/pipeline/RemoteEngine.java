package org.mmwinter.engine.pipeline;

import org.mmwinter.engine.state.EngineState;

/**
 * The matching core of a process that only fronts it (a gateway in front of a cluster): the pipeline's stages stay
 * the same, but instead of a sequencer and a matcher one forwarding thread takes the commands from the inbound ring
 * and hands them over ({@link #doWork}), and publishes into the outbound ring the results that come back, so that
 * participants, the router, market data and the output journal see what they would see in the engine's own
 * process.
 * <p>
 * A result of a command this process sent carries the sending publication's source id and correlation id again;
 * a result of anyone else's command carries {@link #FOREIGN_SOURCE_ID} (reaching participants only through their
 * accounts, market data and drop copies).
 */
public interface RemoteEngine extends AutoCloseable
{
    /** The source id of results of commands sent by other processes. */
    int FOREIGN_SOURCE_ID = -1;

    /**
     * Connects, on the caller's thread before any stage runs, and applies to {@code definitions} every instrument and
     * account the remote engine has, in id order (so the directory gives out the same ids).
     *
     * @throws IllegalStateException naming what failed (no member reachable, refused).
     */
    void connect(EngineState definitions);

    /**
     * One duty cycle on the forwarding thread: takes what commands it can from {@code link} and sends them, and
     * publishes into it the results that arrived. An exception stops the pipeline (fail-stop).
     *
     * @param nowNs a monotonic time for its timeouts (not engine time, which comes with the results).
     * @return the work done, 0 when idle.
     */
    int doWork(RemoteLink link, long nowNs);

    /** Commands sent and not yet answered; any thread. */
    long inFlight();

    /** Whether nothing answers now (no leader): a close then waits for no answer; any thread. */
    boolean noLeader();

    /** One line for the process's status output. */
    String describe();

    @Override
    void close();
}
