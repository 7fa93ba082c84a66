package org.mmwinter.engine.fix.marketdata;

import java.util.ArrayList;

import org.mmwinter.engine.core.Instrument;

/**
 * Market data of one instrument: its aggregated book, whether that book is in step with the engine, the book
 * snapshot asked for to get it there, and the subscriptions it feeds.
 */
final class InstrumentFeed
{
    /** Nobody asked for it yet: its updates are ignored. */
    static final int UNTRACKED = 0;
    /** A BOOK_SNAPSHOT is wanted or on its way: updates are applied but not sent. */
    static final int SYNCING = 1;
    /** The book is the engine's: updates are sent as they come. */
    static final int SYNCED = 2;

    /** No BOOK_SNAPSHOT correlation id (ours are never negative). */
    static final long NO_SNAPSHOT = -1;

    final Instrument instrument;
    final LevelBook book = new LevelBook();
    final ArrayList<Subscription> subscriptions = new ArrayList<>();
    int state = UNTRACKED;
    /** A BOOK_SNAPSHOT must be offered (the last offer, if any, is out of date or was refused). */
    boolean snapshotWanted;
    /** Correlation id of the latest BOOK_SNAPSHOT offered. */
    long requestedSnapshot = NO_SNAPSHOT;
    /** Correlation id of the BOOK_SNAPSHOT answer being received (its levels replace the book). */
    long answerInProgress = NO_SNAPSHOT;
    private int generation;

    InstrumentFeed(final Instrument instrument)
    {
        this.instrument = instrument;
    }

    /**
     * The correlation id of the next BOOK_SNAPSHOT: the instrument id in the low 32 bits (the answer's venue
     * status names no instrument), a generation above them so that an older answer cannot complete a newer resync.
     */
    long nextSnapshotCorrelation()
    {
        generation = (generation + 1) & Integer.MAX_VALUE;
        return ((long) generation << 32) | instrument.id();
    }

    static int instrumentOf(final long snapshotCorrelation)
    {
        return (int) snapshotCorrelation;
    }
}
