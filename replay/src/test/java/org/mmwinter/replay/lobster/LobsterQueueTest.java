package org.mmwinter.replay.lobster;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.core.Side;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rules for events the rebuilt queue cannot follow exactly: unknown ids without synthetic liquidity, events
 * larger than the rebuilt order, synthetic liquidity taken before the file's own orders.
 */
final class LobsterQueueTest
{
    private final LobsterRebuild rebuild = new LobsterRebuild("Q", null);
    private final LobsterMessage message = new LobsterMessage();
    private long row;

    private void apply(final int type, final long orderId, final long size, final long price, final int direction)
    {
        row++;
        rebuild.apply(message.set(row, type, orderId, size, price, direction), row);
    }

    private String bids()
    {
        final StringBuilder out = new StringBuilder();
        rebuild.engine().forEachOrder(0, (instrument, side, price, qty, account, clientOrderId, orderId) ->
            out.append(account == LobsterRebuild.SYNTHETIC_ACCOUNT ? "S" : "").append(clientOrderId).append('=')
                .append(qty).append(' '));
        return out.toString().trim();
    }

    @Test
    void anUnknownDeletionWithoutSyntheticLiquidityTakesAnOrderOfItsSizeElseTheYoungest()
    {
        apply(LobsterMessage.SUBMISSION, 1, 30, 500, LobsterMessage.BUY);
        apply(LobsterMessage.SUBMISSION, 2, 10, 500, LobsterMessage.BUY);
        apply(LobsterMessage.SUBMISSION, 3, 20, 500, LobsterMessage.BUY);
        // 10 is order 2's size exactly.
        apply(LobsterMessage.DELETION, 99, 10, 500, LobsterMessage.BUY);
        assertEquals("1=30 3=20", bids());
        // No order of 25: the youngest first, 3 (20) then 5 of 1 (30 - 5 = 25).
        apply(LobsterMessage.DELETION, 98, 25, 500, LobsterMessage.BUY);
        assertEquals("1=25", bids());
        assertEquals(2, rebuild.unknownIdEvents());
        assertEquals(2, rebuild.unseededEvents());
        assertEquals(2, rebuild.queueFallbacks());
        BookAgreement.assertViewMatchesCore(rebuild);
    }

    @Test
    void syntheticLiquidityAtThePriceIsTakenFirstThenTheQueue()
    {
        apply(LobsterMessage.SUBMISSION, 1, 30, 500, LobsterMessage.BUY);
        rebuild.addSynthetic(Side.BUY, 500, 15);
        // 20 of an unknown order: the synthetic 15 first, then the 5 left off the queue (order 1: 30 - 5 = 25).
        apply(LobsterMessage.DELETION, 99, 20, 500, LobsterMessage.BUY);
        assertEquals("1=25", bids());
        assertEquals(0, rebuild.unseededEvents());
    }

    @Test
    void anExecutionLargerThanItsOrderGoesOnToTheNextOrdersAtItsPrice()
    {
        apply(LobsterMessage.SUBMISSION, 1, 5, 500, LobsterMessage.BUY);
        apply(LobsterMessage.SUBMISSION, 2, 10, 500, LobsterMessage.BUY);
        apply(LobsterMessage.SUBMISSION, 3, 10, 499, LobsterMessage.BUY);
        // 8 executed against order 1 (5): 5 from it, 3 from order 2 (10 - 3 = 7); nothing at 499 is touched.
        apply(LobsterMessage.VISIBLE_EXECUTION, 1, 8, 500, LobsterMessage.BUY);
        assertEquals("2=7 3=10", bids());
        assertEquals(2, rebuild.engineTrades());
        assertEquals(1, rebuild.oversizedEvents());
        assertEquals(0, rebuild.misdirectedFills());
    }

    @Test
    void anExecutionDropsBetterPricedOrdersAndRequeuesTheSamePricedOnesAheadOfIt()
    {
        apply(LobsterMessage.SUBMISSION, 1, 10, 502, LobsterMessage.BUY);
        apply(LobsterMessage.SUBMISSION, 2, 10, 501, LobsterMessage.BUY);
        apply(LobsterMessage.SUBMISSION, 3, 10, 501, LobsterMessage.BUY);
        // Executing 3 at 501: nothing better can have rested (it would have traded first), so 1 at 502 is stale and
        // dropped; 2 is ahead of 3 at 501 and goes behind it; 4 of 3 trades (10 - 4 = 6).
        apply(LobsterMessage.VISIBLE_EXECUTION, 3, 4, 501, LobsterMessage.BUY);
        assertEquals("3=6 2=10", bids());
        assertEquals(1, rebuild.queueDiffers());
        assertEquals(1, rebuild.engineTrades());
        assertEquals(0, rebuild.misdirectedFills());
        BookAgreement.assertViewMatchesCore(rebuild);
    }

    @Test
    void aDeletionOfAnIdTheRebuildAlreadyTookOffStillTakesItsSizeFromThatPrice()
    {
        apply(LobsterMessage.SUBMISSION, 1, 10, 500, LobsterMessage.BUY);
        apply(LobsterMessage.SUBMISSION, 2, 10, 500, LobsterMessage.BUY);
        // A correction chose order 2 (the youngest) to take 10 off the level.
        rebuild.removeAt(Side.BUY, 500, 10);
        assertEquals("1=10", bids());
        // The file then deletes order 2: the level still loses 10, from the order left.
        apply(LobsterMessage.DELETION, 2, 10, 500, LobsterMessage.BUY);
        assertEquals("", bids());
        assertEquals(1, rebuild.goneIdEvents());
    }
}
