package org.mmwinter.engine.pipeline;

import java.util.List;

/**
 * How a participant plugs in: its name, the accounts whose execution reports are its own, whether it wants public
 * market data, whether it is a drop copy (every execution report of every account), and how many reports its
 * queue holds before it counts as fallen behind and is disconnected.
 */
public record ParticipantSpec(
    String name, List<String> accounts, boolean marketData, boolean dropCopy, int queueSize)
{
    /** Reports a participant may lag by before it is disconnected, unless its spec says otherwise. */
    public static final int DEFAULT_QUEUE_SIZE = 1 << 16;

    public ParticipantSpec
    {
        accounts = List.copyOf(accounts);
        if (Integer.bitCount(queueSize) != 1 || queueSize < 64)
        {
            throw new IllegalArgumentException("queue size must be a power of two of at least 64: " + queueSize);
        }
        if (name.isEmpty())
        {
            throw new IllegalArgumentException("a participant needs a name");
        }
    }

    /** A participant trading for {@code accounts}, without market data. */
    public static ParticipantSpec of(final String name, final String... accounts)
    {
        return new ParticipantSpec(name, List.of(accounts), false, false, DEFAULT_QUEUE_SIZE);
    }

    public ParticipantSpec withMarketData()
    {
        return new ParticipantSpec(name, accounts, true, dropCopy, queueSize);
    }

    public ParticipantSpec asDropCopy()
    {
        return new ParticipantSpec(name, accounts, marketData, true, queueSize);
    }

    public ParticipantSpec withQueueSize(final int size)
    {
        return new ParticipantSpec(name, accounts, marketData, dropCopy, size);
    }
}
