package org.mmwinter.replay.l2;

import java.io.IOException;

/**
 * A recorded file that cannot be replayed as it is: unreadable, an unknown layout, or a line whose field is wrong
 * (the message names the file, the line and the field). The command stops with it and exits 1.
 */
public final class L2InputException extends IOException
{
    private static final long serialVersionUID = 1L;

    public L2InputException(final String message)
    {
        super(message);
    }
}
