package org.mmwinter.engine.state;

import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;

/**
 * Everything the matching stage owns: the core, the account names and the definitions, changed only by
 * {@link #apply}. Live matching and recovery both go through {@link #apply}, which is why they cannot differ.
 */
public final class EngineState
{
    private final MatchingEngine engine;
    private final AccountRegistry accounts = new AccountRegistry();
    private long lastSequence;
    private long lastNowNs;

    public EngineState(final MatchingListener listener, final int expectedLiveOrders)
    {
        this.engine = new MatchingEngine(listener, expectedLiveOrders);
    }

    public MatchingEngine engine()
    {
        return engine;
    }

    public AccountRegistry accounts()
    {
        return accounts;
    }

    /** Sequence of the last command applied (0 before the first). */
    public long lastSequence()
    {
        return lastSequence;
    }

    /** Engine time of the last command applied. */
    public long lastNowNs()
    {
        return lastNowNs;
    }

    /**
     * Snapshot loading only: where the loaded state stands in the journal.
     */
    public void restorePosition(final long sequence, final long nowNs)
    {
        lastSequence = sequence;
        lastNowNs = nowNs;
    }

    /**
     * Applies one sequenced command.
     *
     * @return the {@link RejectReason}, {@code NONE} when accepted.
     */
    public int apply(final CommandEvent command)
    {
        lastSequence = command.sequence;
        lastNowNs = command.nowNs;
        switch (command.type)
        {
            case CommandType.NEW:
            case CommandType.CANCEL:
            case CommandType.AMEND:
            case CommandType.MASS_CANCEL:
                return command.applyTo(engine);

            case CommandType.HALT:
                return engine.halt(command.instrumentId, true);

            case CommandType.RESUME:
                return engine.halt(command.instrumentId, false);

            case CommandType.BOOK_SNAPSHOT:
                return engine.publishBook(command.instrumentId);

            case CommandType.VENUE_STATUS:
                return engine.setVenueStatus(command.status);

            case CommandType.ADD_INSTRUMENT:
                return addInstrument(command);

            case CommandType.REGISTER_ACCOUNT:
                return registerAccount(command);

            default:
                return RejectReason.BAD_ACTION;
        }
    }

    /**
     * The state digest of {@link StateDigest}; call only when the matching thread is idle or from it.
     */
    public long digest()
    {
        return StateDigest.compute(engine, accounts);
    }

    private int addInstrument(final CommandEvent command)
    {
        final String symbol = command.name();
        if (command.instrumentId != engine.instrumentCount() ||
            engine.instrumentId(symbol) != MatchingEngine.UNKNOWN_INSTRUMENT)
        {
            return RejectReason.INVALID_DEFINITION;
        }
        try
        {
            engine.addInstrument(command.toInstrument());
            return RejectReason.NONE;
        }
        catch (final IllegalArgumentException ex)
        {
            return RejectReason.INVALID_DEFINITION;
        }
    }

    private int registerAccount(final CommandEvent command)
    {
        final String name = command.name();
        final int known = accounts.idOf(name);
        if (known != AccountRegistry.UNKNOWN)
        {
            return known == command.accountId ? RejectReason.NONE : RejectReason.INVALID_DEFINITION;
        }
        if (command.accountId != accounts.size() || name.isEmpty())
        {
            return RejectReason.INVALID_DEFINITION;
        }
        accounts.register(name);
        return RejectReason.NONE;
    }
}
