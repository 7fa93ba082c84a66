package org.mmwinter.engine.extension;

/**
 * Operator control lines that a hosted extension answers over the order-flow gateway (the market maker's
 * {@code BOT_STATUS}, {@code BOT_PAUSE}, ...). Called on the gateway's thread: an implementation hands the request to
 * its own thread and waits for it only briefly, never for the engine.
 */
public interface OperatorLines
{
    /** Returned by {@link #answer} for a line that is not this extension's. */
    String NOT_MINE = null;

    /**
     * @param line   the whole control line as received, without its line end.
     * @param number the line's number in its session, for an {@code OK,<number>} or {@code REJECTED,<number>,...}
     *               answer.
     * @return the one line to send back (without a line end), or {@link #NOT_MINE}.
     */
    String answer(String line, long number);
}
