package org.mmwinter.engine.flow;

import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;

/**
 * Resolves symbols against an engine and, when allowed, creates an unknown symbol on first use as a default
 * instrument (tick and lot 10^-8, no band, no halt): the behaviour of {@code replay match}.
 */
public final class DefaultInstruments implements SymbolResolver, InstrumentLookup
{
    private final MatchingEngine engine;
    private final boolean createOnFirstUse;

    public DefaultInstruments(final MatchingEngine engine, final boolean createOnFirstUse)
    {
        this.engine = engine;
        this.createOnFirstUse = createOnFirstUse;
    }

    public int resolve(final String symbol, final boolean create)
    {
        final int id = engine.instrumentId(symbol);
        if (id != MatchingEngine.UNKNOWN_INSTRUMENT || !create || !createOnFirstUse)
        {
            return id;
        }
        final int newId = engine.instrumentCount();
        engine.addInstrument(Instrument.createDefault(newId, symbol));
        return newId;
    }

    public Instrument instrument(final int instrumentId)
    {
        return engine.instrument(instrumentId);
    }
}
