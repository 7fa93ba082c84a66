package org.mmwinter.engine.flow;

/**
 * Turns a symbol into an instrument id at the edge. A front end that creates instruments on first use does so here
 * (through its own path, e.g. a journaled control command); a front end with fixed instruments answers unknown.
 */
@FunctionalInterface
public interface SymbolResolver
{
    /**
     * @param create whether a missing instrument may be created now (NEW and MASS_CANCEL may, CANCEL and AMEND not).
     * @return the instrument id or {@link org.mmwinter.engine.core.MatchingEngine#UNKNOWN_INSTRUMENT}.
     */
    int resolve(String symbol, boolean create);
}
