package org.mmwinter.engine.fix.marketdata;

/**
 * How market data asks the engine for an instrument's book (a BOOK_SNAPSHOT command, answered in the participant's
 * own stream at the point where the engine applied it).
 */
@FunctionalInterface
interface BookSnapshots
{
    /**
     * @return false when the command was not taken (the inbound ring is full): ask again later.
     */
    boolean request(int instrumentId, long correlationId);
}
