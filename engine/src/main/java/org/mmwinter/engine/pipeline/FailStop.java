package org.mmwinter.engine.pipeline;

import com.lmax.disruptor.ExceptionHandler;

/**
 * Fail-stop for every stage of both rings: the first exception (a journal that cannot be written, a handler bug)
 * freezes the engine — stages stop journaling, matching and acknowledging, producers are told the engine stopped —
 * and is reported with the sequence it happened at. The Disruptor's default handler would instead kill the stage's
 * thread and leave producers waiting forever, or carry on with a state the journal cannot rebuild.
 */
public final class FailStop implements ExceptionHandler<Object>
{
    private volatile Throwable failure;
    private volatile String failureContext;

    public boolean hasFailed()
    {
        return failure != null;
    }

    public Throwable failure()
    {
        return failure;
    }

    /**
     * What failed, where, and why, for the log and the exit message.
     */
    public String describe()
    {
        final Throwable cause = failure;
        return cause == null ? "running" : failureContext + ": " + cause;
    }

    public void fail(final String context, final Throwable cause)
    {
        synchronized (this)
        {
            if (failure != null)
            {
                return;
            }
            failureContext = context;
            failure = cause;
        }
        System.err.println("engine: FATAL, stopping: " + context + ": " + cause);
        cause.printStackTrace(System.err);
    }

    public void handleEventException(final Throwable ex, final long sequence, final Object event)
    {
        fail("handler failed at ring sequence " + sequence + " on " + event, ex);
    }

    public void handleOnStartException(final Throwable ex)
    {
        fail("handler failed to start", ex);
    }

    public void handleOnShutdownException(final Throwable ex)
    {
        fail("handler failed to shut down", ex);
    }
}
