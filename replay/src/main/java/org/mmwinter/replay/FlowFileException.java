package org.mmwinter.replay;

import java.io.IOException;

/**
 * The input as a whole cannot be used (unreadable, no header): the command stops with this message.
 */
public final class FlowFileException extends IOException
{
    private static final long serialVersionUID = 1L;

    public FlowFileException(final String message)
    {
        super(message);
    }
}
