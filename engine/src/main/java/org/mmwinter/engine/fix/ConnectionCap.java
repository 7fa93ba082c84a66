package org.mmwinter.engine.fix;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.mina.core.filterchain.IoFilterAdapter;
import org.apache.mina.core.service.IoService;
import org.apache.mina.core.session.IoSession;

/**
 * A MINA filter first in every connection's chain: a connection beyond the cap is closed at once, before any FIX
 * byte is read (there is no session yet to send a Logout on), and counted. QuickFIX/J itself takes any number.
 */
final class ConnectionCap extends IoFilterAdapter
{
    private final int max;
    private final AtomicLong refused = new AtomicLong();

    ConnectionCap(final int max)
    {
        this.max = max;
    }

    long refused()
    {
        return refused.get();
    }

    public void sessionCreated(final NextFilter next, final IoSession session) throws Exception
    {
        final IoService service = session.getService();
        // The new connection is already among the managed ones when its chain is told.
        if (service.getManagedSessionCount() > max)
        {
            refused.incrementAndGet();
            session.closeNow();
            return;
        }
        next.sessionCreated(session);
    }
}
