package org.mmwinter.replay.crash;

/**
 * A scenario file that cannot be used: the message names the file, the field (as a JSON path) and what was wrong,
 * so that a user who copied and edited a built-in scenario can fix it; nothing runs on a bad file.
 */
public final class ScenarioException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public ScenarioException(final String message)
    {
        super(message);
    }

    public ScenarioException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
