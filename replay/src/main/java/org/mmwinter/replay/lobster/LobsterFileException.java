package org.mmwinter.replay.lobster;

/**
 * A LOBSTER file that cannot be read or used at all (exit 1); a single bad line is never this.
 */
public final class LobsterFileException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public LobsterFileException(final String message)
    {
        super(message);
    }
}
