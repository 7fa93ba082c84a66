package org.mmwinter.replay.lobster;

import java.io.IOException;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.core.Side;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Type 7 through the core's halt: a halt stops matching, quoting lets orders rest without matching, trading
 * resumed matches again (held crossing orders first, as the reopening cross would).
 */
final class LobsterHaltTest
{
    private final StringWriter trades = new StringWriter();
    private final LobsterRebuild rebuild = new LobsterRebuild("HALT", trades);
    private final LobsterMessage message = new LobsterMessage();
    private long row;

    private void apply(final int type, final long orderId, final long size, final long price, final int direction)
    {
        row++;
        rebuild.apply(message.set(row * 1_000_000_000L, type, orderId, size, price, direction), row);
    }

    @Test
    void aHaltStopsMatchingAndTradingResumedRestartsIt() throws IOException
    {
        apply(LobsterMessage.SUBMISSION, 1, 10, 1000, LobsterMessage.SELL);
        apply(LobsterMessage.HALT, 0, 0, LobsterMessage.HALT_PRICE, LobsterMessage.SELL);
        assertTrue(rebuild.engine().isHalted(0));
        assertEquals(LobsterRebuild.HALTED, rebuild.marketState());

        // Executing order 1 while halted: the core refuses the taker, the ask keeps its 10.
        apply(LobsterMessage.VISIBLE_EXECUTION, 1, 4, 1000, LobsterMessage.SELL);
        assertEquals(0, rebuild.engineTrades());
        assertEquals(1, rebuild.unmatchedPrints());
        assertEquals(10, rebuild.levels().sizeAt(Side.SELL, 1000));

        // A submission while halted waits outside the core.
        apply(LobsterMessage.SUBMISSION, 2, 5, 999, LobsterMessage.BUY);
        assertEquals(0, rebuild.levels().levels(Side.BUY));

        // Quoting: the core takes orders again; 2 does not cross (999 < 1000) and rests.
        apply(LobsterMessage.HALT, 0, 0, LobsterMessage.QUOTING_RESUMES_PRICE, LobsterMessage.SELL);
        assertFalse(rebuild.engine().isHalted(0));
        assertEquals(LobsterRebuild.QUOTING, rebuild.marketState());
        assertEquals(5, rebuild.levels().sizeAt(Side.BUY, 999));

        // A buy at 1000 would cross the ask: held, nothing matches while only quoting.
        apply(LobsterMessage.SUBMISSION, 3, 3, 1000, LobsterMessage.BUY);
        assertEquals(0, rebuild.engineTrades());
        assertEquals(10, rebuild.levels().sizeAt(Side.SELL, 1000));

        // Trading resumes: 3 enters and trades 3 against 1 (10 - 3 = 7), then an execution trades again (7 - 4 = 3).
        apply(LobsterMessage.HALT, 0, 0, LobsterMessage.TRADING_RESUMES_PRICE, LobsterMessage.SELL);
        assertEquals(LobsterRebuild.TRADING, rebuild.marketState());
        assertEquals(1, rebuild.engineTrades());
        assertEquals(7, rebuild.levels().sizeAt(Side.SELL, 1000));
        apply(LobsterMessage.VISIBLE_EXECUTION, 1, 4, 1000, LobsterMessage.SELL);
        assertEquals(2, rebuild.engineTrades());
        assertEquals(3, rebuild.levels().sizeAt(Side.SELL, 1000));
        assertEquals(2, rebuild.heldInHalt());

        // Rows: 1 submit, 2 halt, 3 execution (halted), 4 submit, 5 quoting, 6 submit, 7 trading, 8 execution.
        assertEquals(String.join("\n",
            LobsterRebuild.TRADES_HEADER,
            "1,3.000000000,halted,1000,4,buy,,1,3",
            "2,7.000000000,engine,1000,3,buy,1,3,7",
            "3,8.000000000,engine,1000,4,buy,1,taker,8") + "\n", trades.toString());
        BookAgreement.assertViewMatchesCore(rebuild);
    }

    @Test
    void aPartialCancelDuringAHaltWaitsForTheCoreToTakeAmendsAgainAndKeepsThePlace()
    {
        apply(LobsterMessage.SUBMISSION, 1, 10, 1000, LobsterMessage.SELL);
        apply(LobsterMessage.SUBMISSION, 2, 10, 1000, LobsterMessage.SELL);
        apply(LobsterMessage.HALT, 0, 0, LobsterMessage.HALT_PRICE, LobsterMessage.SELL);
        apply(LobsterMessage.PARTIAL_CANCEL, 1, 4, 1000, LobsterMessage.SELL);
        // A deletion works while halted (the core still cancels).
        apply(LobsterMessage.DELETION, 2, 10, 1000, LobsterMessage.SELL);
        assertEquals(10, rebuild.levels().sizeAt(Side.SELL, 1000));
        apply(LobsterMessage.HALT, 0, 0, LobsterMessage.QUOTING_RESUMES_PRICE, LobsterMessage.SELL);
        // 10 - 4 = 6, still order 1.
        assertEquals(6, rebuild.levels().sizeAt(Side.SELL, 1000));
        assertEquals(1, rebuild.levels().ordersAt(Side.SELL, 1000));
        assertEquals(0, rebuild.refused());
        BookAgreement.assertViewMatchesCore(rebuild);
    }

    @Test
    void aDeletionOfAHeldOrderMeansItNeverEnters()
    {
        apply(LobsterMessage.HALT, 0, 0, LobsterMessage.HALT_PRICE, LobsterMessage.SELL);
        apply(LobsterMessage.SUBMISSION, 7, 5, 999, LobsterMessage.BUY);
        apply(LobsterMessage.DELETION, 7, 5, 999, LobsterMessage.BUY);
        apply(LobsterMessage.HALT, 0, 0, LobsterMessage.TRADING_RESUMES_PRICE, LobsterMessage.SELL);
        assertEquals(0, rebuild.levels().levels(Side.BUY));
        assertEquals(0, rebuild.unknownIdEvents());
    }

    @Test
    void aSubmissionCrossingStaleLiquidityClearsItFirstSinceLobsterSubmissionsRest()
    {
        // The rebuild holds an ask at 1000 the file never removed; a bid submitted at 1001 proves it is gone.
        apply(LobsterMessage.SUBMISSION, 1, 10, 1000, LobsterMessage.SELL);
        apply(LobsterMessage.SUBMISSION, 2, 5, 1001, LobsterMessage.BUY);
        assertEquals(0, rebuild.engineTrades());
        assertEquals(0, rebuild.levels().levels(Side.SELL));
        assertEquals(5, rebuild.levels().sizeAt(Side.BUY, 1001));
        assertEquals(1, rebuild.crossedCleared());
        // A later deletion of the cleared order finds it gone.
        apply(LobsterMessage.DELETION, 1, 10, 1000, LobsterMessage.SELL);
        assertEquals(1, rebuild.goneIdEvents());
    }
}
