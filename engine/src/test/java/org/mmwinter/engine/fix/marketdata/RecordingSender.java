package org.mmwinter.engine.fix.marketdata;

import java.util.ArrayList;
import java.util.List;

import quickfix.Message;
import quickfix.SessionID;

/**
 * A {@link FixSender} that keeps what it took, in order, and refuses everything while told to (a session that is
 * not logged on, or whose queue is full). Thread-safe: the market-data thread sends, the test reads.
 */
final class RecordingSender implements FixSender
{
    private final List<Message> sent = new ArrayList<>();
    private final List<SessionID> sessions = new ArrayList<>();
    private boolean refusing;
    private int refused;

    public synchronized boolean send(final Message message, final SessionID session)
    {
        if (refusing)
        {
            refused++;
            return false;
        }
        sent.add(message);
        sessions.add(session);
        return true;
    }

    synchronized void refuse(final boolean refuse)
    {
        refusing = refuse;
    }

    synchronized int refused()
    {
        return refused;
    }

    synchronized int count()
    {
        return sent.size();
    }

    synchronized Message get(final int index)
    {
        return sent.get(index);
    }

    synchronized SessionID session(final int index)
    {
        return sessions.get(index);
    }

    /** The TargetCompIDs of the messages taken so far, in order. */
    synchronized List<String> targets()
    {
        final List<String> targets = new ArrayList<>();
        for (final SessionID session : sessions)
        {
            targets.add(session.getTargetCompID());
        }
        return targets;
    }

    /** The messages taken so far, and forgets them. */
    synchronized List<Message> take()
    {
        final List<Message> taken = new ArrayList<>(sent);
        sent.clear();
        sessions.clear();
        return taken;
    }
}
