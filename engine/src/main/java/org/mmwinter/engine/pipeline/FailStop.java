package org.mmwinter.engine.pipeline;

import com.lmax.disruptor.ExceptionHandler;

/**
 * Fail-stop for every stage of both rings: the first exception (a journal that cannot be written, a handler bug)
 * freezes the engine — stages stop journaling, matching and acknowledging, producers are told the engine stopped —
 * and is reported with the sequence it happened at. The Disruptor's default handler would instead kill the stage's
 * thread and leave producers waiting forever, or carry on with a state the journal cannot rebuild.
 */
public final class FailStop extends FailStopFields implements ExceptionHandler<Object>
{
    @SuppressWarnings("unused")
    private long p10, p11, p12, p13, p14, p15, p16, p17;

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

/**
 * The cache line before {@link FailStop}'s fields, which every stage reads for every event and nothing writes until a
 * failure. Unpadded, the fail-stop shared its line with the pipeline's BUSY counter, which producers increment on a
 * full ring, so each of those increments cost the matching thread a miss (a ninth of its samples, profiled); the
 * padding keeps whatever is allocated beside it off the line, as Agrona's and the Disruptor's padded classes do.
 */
abstract class FailStopPadding
{
    @SuppressWarnings("unused")
    private long p00, p01, p02, p03, p04, p05, p06, p07;
}

/** {@link FailStop}'s state, between the padding before and after it. */
abstract class FailStopFields extends FailStopPadding
{
    volatile Throwable failure;
    volatile String failureContext;
}
