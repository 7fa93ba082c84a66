package org.mmwinter.engine.journal;

/**
 * The input journal holds a record that cannot be trusted (bad checksum, unknown layout, cut short): recovery stops
 * here instead of silently skipping it, because a state rebuilt without it would not be the state that was acked.
 */
public final class JournalCorruptException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public JournalCorruptException(final String message)
    {
        super(message);
    }

    public JournalCorruptException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
