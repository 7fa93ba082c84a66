package org.mmwinter.engine.flow;

import org.mmwinter.engine.core.Instrument;

/**
 * Instrument definitions by id, for converting decimals of a resolved symbol.
 */
@FunctionalInterface
public interface InstrumentLookup
{
    Instrument instrument(int instrumentId);
}
