package org.mmwinter.engine.core;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mmwinter.engine.core.Side.BUY;
import static org.mmwinter.engine.core.Side.SELL;

/**
 * Trading status in the core: every halt and resume applied is announced (instrument id, 1 halted / 0 trading), the
 * venue's status is announced with no instrument (0 normal, 1 stress, 2 withdrawals halted) and refuses no order,
 * and a book snapshot starts with both statuses, so that a subscriber that lost updates learns the halt state too.
 */
final class TradingStatusTest
{
    private static final int A = 0;
    private static final int B = 1;

    private final EngineFixture fx = new EngineFixture();

    @Test
    void haltAndResumeAreAnnouncedEachTimeTheyAreApplied()
    {
        assertEquals(RejectReason.NONE, fx.engine().halt(EngineFixture.BTC, true));
        assertEquals(RejectReason.NONE, fx.engine().halt(EngineFixture.BTC, true));
        assertEquals(RejectReason.NONE, fx.engine().halt(EngineFixture.BTC, false));
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, fx.engine().halt(7, true));

        assertEquals(List.of("STATUS 0 1", "STATUS 0 1", "STATUS 0 0"), fx.drain(),
            "a repeated halt is announced again; an unknown instrument announces nothing");
    }

    @Test
    void theVenueStatusIsAnnouncedAndRefusesNoOrder()
    {
        assertEquals(MarketStatus.VENUE_NORMAL, fx.engine().venueStatus());
        assertEquals(RejectReason.NONE, fx.engine().setVenueStatus(MarketStatus.WITHDRAWALS_HALTED));
        assertEquals(MarketStatus.WITHDRAWALS_HALTED, fx.engine().venueStatus());
        assertEquals(List.of("STATUS venue 2"), fx.drain());

        // Matching goes on: a resting bid and a sell that takes it.
        assertEquals(RejectReason.NONE, fx.limit(A, 1, BUY, 100, 3));
        assertEquals(RejectReason.NONE, fx.limit(B, 2, SELL, 100, 3));
        assertEquals(1, fx.engine().tradeCount());

        assertEquals(RejectReason.UNKNOWN_VENUE_STATUS, fx.engine().setVenueStatus(3));
        assertEquals(RejectReason.UNKNOWN_VENUE_STATUS, fx.engine().setVenueStatus(-1));
        assertEquals(MarketStatus.WITHDRAWALS_HALTED, fx.engine().venueStatus(), "a bad code changes nothing");
        fx.drain();
        assertEquals(RejectReason.NONE, fx.engine().setVenueStatus(MarketStatus.VENUE_NORMAL));
        assertEquals(List.of("STATUS venue 0"), fx.drain());
    }

    @Test
    void aBookSnapshotStartsWithTheInstrumentsAndTheVenuesStatus()
    {
        fx.limit(A, 1, BUY, 99, 3);
        fx.limit(A, 2, BUY, 98, 4);
        fx.limit(B, 3, SELL, 101, 5);
        fx.engine().halt(EngineFixture.BTC, true);
        fx.engine().setVenueStatus(MarketStatus.VENUE_STRESS);
        fx.drain();

        assertEquals(RejectReason.NONE, fx.engine().publishBook(EngineFixture.BTC));
        assertEquals(List.of(
            "STATUS 0 1",
            "STATUS venue 1",
            "BOOK_LEVEL 0 BUY 99 3 #1",
            "BOOK_LEVEL 0 BUY 98 4 #1",
            "BOOK_LEVEL 0 SELL 101 5 #1"), fx.drain());
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, fx.engine().publishBook(3));
        assertEquals(List.of(), fx.drain());
    }

    @Test
    void venueStatusCodesAreTheThreeVenueStates()
    {
        assertTrue(MarketStatus.isVenueStatus(MarketStatus.VENUE_NORMAL));
        assertTrue(MarketStatus.isVenueStatus(MarketStatus.VENUE_STRESS));
        assertTrue(MarketStatus.isVenueStatus(MarketStatus.WITHDRAWALS_HALTED));
        assertFalse(MarketStatus.isVenueStatus(3));
        assertFalse(MarketStatus.isVenueStatus(-1));
    }
}
