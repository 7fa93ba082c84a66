package org.mmwinter.engine.core;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mmwinter.engine.core.Side.BUY;
import static org.mmwinter.engine.core.Side.SELL;

/**
 * An AMEND that renames its order (FIX's replace gives the order the ClOrdID of the OrderCancelReplaceRequest): the
 * order keeps its engine order id, place and priority rules, its reports and later commands name it by the new id,
 * the old id names nothing, and a new id another live order of the account has is refused with nothing changed.
 */
final class AmendRenameTest
{
    private static final int A = 0;
    private static final int B = 1;

    private final EngineFixture fx = new EngineFixture();

    /** Bids: 100x10 (0/1) then 100x10 (0/2). */
    @BeforeEach
    void restTwoBids()
    {
        fx.limit(A, 1, BUY, 100, 10);
        fx.limit(A, 2, BUY, 100, 10);
        fx.drain();
    }

    @Test
    void renamedOrderKeepsItsPriorityAndAnswersToTheNewId()
    {
        assertEquals(RejectReason.NONE, fx.amendRenaming(A, 1, 7, 100, 6));

        // 10 - 6 = 4 less at 100: the level holds 6 + 10 = 16 in two orders.
        assertEquals(List.of("AMENDED 0/7 100x6 kept priority", "LEVEL 0 BUY 100 16 #2"), fx.drain());
        assertEquals(List.of("BUY 100x6 0/7", "BUY 100x10 0/2"), fx.book());

        assertEquals(RejectReason.UNKNOWN_ORDER, fx.cancel(A, 1));
        assertEquals(List.of("REJECTED 0/1 unknown order"), fx.drain());

        fx.limit(B, 3, SELL, 100, 6);
        assertEquals(List.of(
            "ACCEPTED 1/3 SELL 100x6",
            "FILL 100x6 SELL maker 0/7 left 0 taker 1/3 left 0",
            "TRADE 0 100x6 SELL",
            "LEVEL 0 BUY 100 10 #1"), fx.drain());
    }

    @Test
    void oldIdIsFreeForANewOrderOnceRenamed()
    {
        fx.amendRenaming(A, 1, 7, 101, 10);
        fx.drain();

        assertEquals(RejectReason.NONE, fx.limit(A, 1, BUY, 99, 1));
        assertEquals(List.of("BUY 101x10 0/7", "BUY 100x10 0/2", "BUY 99x1 0/1"), fx.book());
        assertEquals(RejectReason.NONE, fx.cancel(A, 7));
        assertEquals(List.of("BUY 100x10 0/2", "BUY 99x1 0/1"), fx.book());
    }

    @Test
    void newIdOfAnotherLiveOrderIsRefused()
    {
        assertEquals(RejectReason.DUPLICATE_ORDER_ID, fx.amendRenaming(A, 1, 2, 100, 5));

        assertEquals(List.of("REJECTED 0/1 duplicate order id"), fx.drain());
        assertEquals(List.of("BUY 100x10 0/1", "BUY 100x10 0/2"), fx.book());
    }

    @Test
    void renamingToItsOwnIdIsAPlainAmend()
    {
        assertEquals(RejectReason.NONE, fx.amendRenaming(A, 1, 1, 100, 4));

        assertEquals(List.of("AMENDED 0/1 100x4 kept priority", "LEVEL 0 BUY 100 14 #2"), fx.drain());
    }

    @Test
    void rejectedAmendRenamesNothing()
    {
        fx.engine().halt(EngineFixture.BTC, true);
        fx.drain();

        assertEquals(RejectReason.INSTRUMENT_HALTED, fx.amendRenaming(A, 1, 7, 100, 4));
        fx.drain();
        fx.engine().halt(EngineFixture.BTC, false);
        assertEquals(RejectReason.NONE, fx.cancel(A, 1));
        assertEquals(RejectReason.UNKNOWN_ORDER, fx.cancel(A, 7));
    }

    @Test
    void renamedOrderThatCrossesTradesUnderTheNewId()
    {
        fx.limit(B, 3, SELL, 102, 4);
        fx.drain();

        assertEquals(RejectReason.NONE, fx.amendRenaming(A, 2, 8, 102, 10));

        // It leaves 100 (10 left there, one order), takes the 4 offered at 102 and rests 10 - 4 = 6 at 102.
        assertEquals(List.of(
            "LEVEL 0 BUY 100 10 #1",
            "AMENDED 0/8 102x10 lost priority",
            "FILL 102x4 BUY maker 1/3 left 0 taker 0/8 left 6",
            "TRADE 0 102x4 BUY",
            "LEVEL 0 SELL 102 0 #0",
            "LEVEL 0 BUY 102 6 #1"), fx.drain());
    }
}
