package org.mmwinter.quoting.model;

import org.junit.jupiter.api.Test;
import org.mmwinter.quoting.model.QuoteLadder.SizeShape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class QuoteLadderTest
{
    private static QuoteResult quote(final double bid, final double ask)
    {
        final QuoteResult quote = new QuoteResult();
        quote.reservation = 0.5 * (bid + ask);
        quote.bidHalfSpread = quote.reservation - bid;
        quote.askHalfSpread = ask - quote.reservation;
        quote.bidPrice = bid;
        quote.askPrice = ask;
        return quote;
    }

    private static long[] bids(final Ladder ladder)
    {
        final long[] ticks = new long[ladder.bidLevels];
        System.arraycopy(ladder.bidTicks, 0, ticks, 0, ladder.bidLevels);
        return ticks;
    }

    private static long[] bidLots(final Ladder ladder)
    {
        final long[] lots = new long[ladder.bidLevels];
        System.arraycopy(ladder.bidLots, 0, lots, 0, ladder.bidLevels);
        return lots;
    }

    private static long[] asks(final Ladder ladder)
    {
        final long[] ticks = new long[ladder.askLevels];
        System.arraycopy(ladder.askTicks, 0, ticks, 0, ladder.askLevels);
        return ticks;
    }

    private static long[] askLots(final Ladder ladder)
    {
        final long[] lots = new long[ladder.askLevels];
        System.arraycopy(ladder.askLots, 0, lots, 0, ladder.askLevels);
        return lots;
    }

    @Test
    void roundsBidsDownAsksUpAndSizesDown()
    {
        // Tick 0.01: bid 100.019 = 10001.9 ticks -> 10001 (100.01), ask 100.031 = 10003.1 ticks -> 10004 (100.04).
        // Lot 0.01: size 0.0257 = 2.57 lots -> 2.
        final QuoteLadder ladder = new QuoteLadder(1, 1.0, SizeShape.FLAT, 0.0257, 0.0, 1);
        final Ladder out = ladder.newLadder();
        ladder.build(quote(100.019, 100.031), 0.01, 0.01, 1, 0.0, 1.0, 1.0, out);

        assertArrayEquals(new long[] {10001}, bids(out));
        assertArrayEquals(new long[] {10004}, asks(out));
        assertArrayEquals(new long[] {2}, bidLots(out));
        assertArrayEquals(new long[] {2}, askLots(out));
    }

    @Test
    void pricesAndSizesOnAWholeTickOrLotStayThere()
    {
        // 30000.0 / 0.5 = 60000 and 30000.5 / 0.5 = 60001 exactly; 0.3 / 0.1 = 2.9999999999999996 in doubles, which
        // is 3 lots, not 2.
        final QuoteLadder ladder = new QuoteLadder(1, 1.0, SizeShape.FLAT, 0.3, 0.0, 1);
        final Ladder out = ladder.newLadder();
        ladder.build(quote(30000.0, 30000.5), 0.5, 0.1, 1, 0.0, 1.0, 1.0, out);

        assertArrayEquals(new long[] {60000}, bids(out));
        assertArrayEquals(new long[] {60001}, asks(out));
        assertArrayEquals(new long[] {3}, bidLots(out));
    }

    @Test
    void aLevelOfNoWholeLotIsDropped()
    {
        // GEOMETRIC 0.5 from 1.0: sizes 1, 0.5, 0.25, 0.125; lot 0.2: 5, 2, 1 and 0.625 -> 0 lots, dropped.
        // Tick 0.5: bid 99.5 = tick 199, ask 100.5 = tick 201, one tick between levels.
        final QuoteLadder ladder = new QuoteLadder(4, 1.0, SizeShape.GEOMETRIC, 1.0, 0.5, 4);
        final Ladder out = ladder.newLadder();
        ladder.build(quote(99.5, 100.5), 0.5, 0.2, 1, 0.0, 1.0, 1.0, out);

        assertArrayEquals(new long[] {199, 198, 197}, bids(out));
        assertArrayEquals(new long[] {5, 2, 1}, bidLots(out));
        assertArrayEquals(new long[] {201, 202, 203}, asks(out));
        assertArrayEquals(new long[] {5, 2, 1}, askLots(out));
    }

    @Test
    void aDroppedInnerLevelDoesNotPullTheOuterOnesIn()
    {
        // GEOMETRIC 2 from 0.15, lot 0.2: 0.15 (0 lots, dropped), 0.3 (1), 0.6 (3), 1.2 (6). Index 0 of the arrays is
        // the innermost level kept, at its own tick 198.
        final QuoteLadder ladder = new QuoteLadder(4, 1.0, SizeShape.GEOMETRIC, 0.15, 2.0, 4);
        final Ladder out = ladder.newLadder();
        ladder.build(quote(99.5, 100.5), 0.5, 0.2, 1, 0.0, 1.0, 1.0, out);

        assertArrayEquals(new long[] {198, 197, 196}, bids(out));
        assertArrayEquals(new long[] {1, 3, 6}, bidLots(out));
        assertArrayEquals(new long[] {202, 203, 204}, asks(out));
    }

    @Test
    void feeFloorWidensUntilARoundTripDoesNotLose()
    {
        // Maker fee 2 bps both ways around a midpoint of 30000: the break-even half width is f x m = 0.0002 x 30000
        // = 6. Quotes 29999.5 / 30000.5 are too tight, so bid = 29994.0 (tick 59988), ask = 30006.0 (tick 60012).
        // Round trip: 30006 x (1 - 0.0002) - 29994 x (1 + 0.0002) = 29999.9988 - 29999.9988 = 0, no loss; one tick
        // less on the ask, 30005.5 x 0.9998 - 29999.9988 = 29999.49989 - 29999.9988 = -0.49891, would lose.
        final QuoteLadder ladder = new QuoteLadder(1, 1.0, SizeShape.FLAT, 1.0, 0.0, 1);
        final Ladder out = ladder.newLadder();
        ladder.build(quote(29999.5, 30000.5), 0.5, 0.001, 1, 0.0002, 1.0, 1.0, out);

        assertArrayEquals(new long[] {59988}, bids(out));
        assertArrayEquals(new long[] {60012}, asks(out));
        final double bid = out.bidTicks[0] * 0.5;
        final double ask = out.askTicks[0] * 0.5;
        assertTrue(ask * (1 - 0.0002) - bid * (1 + 0.0002) > -1e-9, bid + " / " + ask);
    }

    @Test
    void quotesAlreadyWiderThanTheFeeFloorStay()
    {
        // 29990 / 30010: 20 x 2 = 40 ticks apart, more than the 24 the fee needs.
        final QuoteLadder ladder = new QuoteLadder(1, 1.0, SizeShape.FLAT, 1.0, 0.0, 1);
        final Ladder out = ladder.newLadder();
        ladder.build(quote(29990.0, 30010.0), 0.5, 0.001, 1, 0.0002, 1.0, 1.0, out);

        assertArrayEquals(new long[] {59980}, bids(out));
        assertArrayEquals(new long[] {60020}, asks(out));
    }

    @Test
    void aRebateLeavesOnlyTheTickFloor()
    {
        // f = -1 bp (a rebate): 29999.5 / 30000.5 are two ticks apart, which minSpreadTicks = 2 accepts.
        final QuoteLadder ladder = new QuoteLadder(1, 1.0, SizeShape.FLAT, 1.0, 0.0, 1);
        final Ladder out = ladder.newLadder();
        ladder.build(quote(29999.5, 30000.5), 0.5, 0.001, 2, -0.0001, 1.0, 1.0, out);
        assertArrayEquals(new long[] {59999}, bids(out));
        assertArrayEquals(new long[] {60001}, asks(out));

        // minSpreadTicks = 4: half width 4 x 0.5 / 2 = 1 around 30000: 29999.0 / 30001.0 = ticks 59998 / 60002.
        ladder.build(quote(29999.5, 30000.5), 0.5, 0.001, 4, -0.0001, 1.0, 1.0, out);
        assertArrayEquals(new long[] {59998}, bids(out));
        assertArrayEquals(new long[] {60002}, asks(out));
    }

    @Test
    void minSpreadTicksWidensAroundTheMidpoint()
    {
        // 100.00 / 100.01 with tick 0.01 are one tick apart; minSpreadTicks = 3: midpoint 100.005, half width
        // 3 x 0.01 / 2 = 0.015, bid 99.99 (tick 9999), ask 100.02 (tick 10002).
        final QuoteLadder ladder = new QuoteLadder(1, 1.0, SizeShape.FLAT, 1.0, 0.0, 1);
        final Ladder out = ladder.newLadder();
        ladder.build(quote(100.00, 100.01), 0.01, 0.001, 3, 0.0, 1.0, 1.0, out);

        assertArrayEquals(new long[] {9999}, bids(out));
        assertArrayEquals(new long[] {10002}, asks(out));
    }

    @Test
    void bidStaysStrictlyBelowAsk()
    {
        // A zero-width quote at 100.00 and minSpreadTicks = 0: at least one tick is kept. Midpoint 100, half width
        // 0.005: 99.995 rounds down to 9999, 100.005 up to 10001.
        final QuoteLadder ladder = new QuoteLadder(1, 1.0, SizeShape.FLAT, 1.0, 0.0, 1);
        final Ladder out = ladder.newLadder();
        ladder.build(quote(100.0, 100.0), 0.01, 0.001, 0, 0.0, 1.0, 1.0, out);

        assertArrayEquals(new long[] {9999}, bids(out));
        assertArrayEquals(new long[] {10001}, asks(out));
    }

    @Test
    void sideScaleShrinksOrRemovesASide()
    {
        // Base 1.0, lot 0.1: 10 lots a level. Bid scale 0: no bids. Ask scale 0.55: 5.5 lots -> 5.
        final QuoteLadder ladder = new QuoteLadder(2, 1.0, SizeShape.FLAT, 1.0, 0.0, 2);
        final Ladder out = ladder.newLadder();
        ladder.build(quote(99.5, 100.5), 0.5, 0.1, 1, 0.0, 0.0, 0.55, out);
        assertEquals(0, out.bidLevels);
        assertArrayEquals(new long[] {5, 5}, askLots(out));

        // A scale above 1 is 1; NaN is 0.
        ladder.build(quote(99.5, 100.5), 0.5, 0.1, 1, 0.0, 1.7, Double.NaN, out);
        assertArrayEquals(new long[] {10, 10}, bidLots(out));
        assertEquals(0, out.askLevels);
    }

    @Test
    void shapesAndSpacing()
    {
        // 4 levels, spacing 2.5 ticks -> 3. Tick 0.01: bid 99.995 -> 9999, ask 100.005 -> 10001. Base 0.1, lot 0.01.
        final QuoteResult quote = quote(99.995, 100.005);

        // FLAT: 0.1 each = 10 lots.
        final QuoteLadder flat = new QuoteLadder(4, 2.5, SizeShape.FLAT, 0.1, 7.0, 4);
        final Ladder out = flat.newLadder();
        flat.build(quote, 0.01, 0.01, 1, 0.0, 1.0, 1.0, out);
        assertArrayEquals(new long[] {9999, 9996, 9993, 9990}, bids(out));
        assertArrayEquals(new long[] {10001, 10004, 10007, 10010}, asks(out));
        assertArrayEquals(new long[] {10, 10, 10, 10}, bidLots(out));

        // LINEAR 0.5: 0.1 x (1 + 0.5 i) = 0.1, 0.15, 0.2, 0.25 = 10, 15, 20, 25 lots.
        final QuoteLadder linear = new QuoteLadder(4, 2.5, SizeShape.LINEAR, 0.1, 0.5, 4);
        linear.build(quote, 0.01, 0.01, 1, 0.0, 1.0, 1.0, out);
        assertArrayEquals(new long[] {10, 15, 20, 25}, bidLots(out));
        assertArrayEquals(new long[] {10, 15, 20, 25}, askLots(out));

        // GEOMETRIC 2: 0.1 x 2^i = 0.1, 0.2, 0.4, 0.8 = 10, 20, 40, 80 lots.
        final QuoteLadder geometric = new QuoteLadder(4, 2.5, SizeShape.GEOMETRIC, 0.1, 2.0, 4);
        geometric.build(quote, 0.01, 0.01, 1, 0.0, 1.0, 1.0, out);
        assertArrayEquals(new long[] {10, 20, 40, 80}, bidLots(out));
        assertEquals(3, geometric.spacingTicks());
    }

    @Test
    void bidsBelowTickOneAreDropped()
    {
        // Tick 0.01: bid 0.015 -> tick 1, the next level would be tick 0. Ask 0.05 -> 5, 6, 7.
        final QuoteLadder ladder = new QuoteLadder(3, 1.0, SizeShape.FLAT, 1.0, 0.0, 3);
        final Ladder out = ladder.newLadder();
        ladder.build(quote(0.015, 0.05), 0.01, 0.001, 1, 0.0, 1.0, 1.0, out);

        assertArrayEquals(new long[] {1}, bids(out));
        assertArrayEquals(new long[] {5, 6, 7}, asks(out));
    }

    @Test
    void noQuoteOrImpossibleMarketGivesAnEmptyLadder()
    {
        final QuoteLadder ladder = new QuoteLadder(2, 1.0, SizeShape.FLAT, 1.0, 0.0, 2);
        final Ladder out = ladder.newLadder();
        ladder.build(quote(99.5, 100.5), 0.5, 0.1, 1, 0.0, 1.0, 1.0, out);
        assertEquals(2, out.bidLevels);

        final QuoteResult cleared = new QuoteResult();
        ladder.build(cleared, 0.5, 0.1, 1, 0.0, 1.0, 1.0, out);
        assertEquals(0, out.bidLevels);
        assertEquals(0, out.askLevels);
        assertEquals(0L, out.bidTicks[0], "stale levels are zeroed");

        ladder.build(quote(99.5, 100.5), 0.0, 0.1, 1, 0.0, 1.0, 1.0, out);
        assertEquals(0, out.bidLevels + out.askLevels, "tick 0");
        ladder.build(quote(99.5, 100.5), 0.5, 0.1, 1, 1.0, 1.0, 1.0, out);
        assertEquals(0, out.bidLevels + out.askLevels, "a fee of 100%");
    }

    @Test
    void callerAndConfigurationErrorsNameTheField()
    {
        final QuoteLadder ladder = new QuoteLadder(3, 1.0, SizeShape.FLAT, 1.0, 0.0, 3);
        final IllegalArgumentException capacity = assertThrows(IllegalArgumentException.class,
            () -> ladder.build(quote(99.5, 100.5), 0.5, 0.1, 1, 0.0, 1.0, 1.0, new Ladder(2)));
        assertTrue(capacity.getMessage().contains("capacity"), capacity.getMessage());

        assertMessage("levels", () -> new QuoteLadder(5, 1.0, SizeShape.FLAT, 1.0, 0.0, 4));
        assertMessage("levelSpacingTicks", () -> new QuoteLadder(2, 0.0, SizeShape.FLAT, 1.0, 0.0, 2));
        assertMessage("baseSize", () -> new QuoteLadder(2, 1.0, SizeShape.FLAT, -1.0, 0.0, 2));
        assertMessage("shapeFactor", () -> new QuoteLadder(2, 1.0, SizeShape.GEOMETRIC, 1.0, 0.0, 2));
        assertMessage("shapeFactor", () -> new QuoteLadder(3, 1.0, SizeShape.LINEAR, 1.0, -0.6, 3));
    }

    private static void assertMessage(final String field, final Runnable construction)
    {
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, construction::run);
        assertTrue(error.getMessage().contains(field), error.getMessage());
    }
}
