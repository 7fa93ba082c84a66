package org.mmwinter.engine.fix.marketdata;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.core.Side;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The aggregated book: each side best first, one entry per price with its total quantity and order count, and
 * each change reported as new, change or delete at the level's index from the best.
 */
final class LevelBookTest
{
    private final LevelBook book = new LevelBook();

    /** A side as text, best first: {@code price x quantity #orders}. */
    private String levels(final int side)
    {
        final LevelLadder ladder = book.side(side);
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ladder.size(); i++)
        {
            sb.append(i > 0 ? " " : "").append(ladder.price(i)).append('x').append(ladder.quantity(i))
                .append('#').append(ladder.orderCount(i));
        }
        return sb.toString();
    }

    private void expect(final int action, final int index, final int side, final long price, final long quantity,
        final int orders)
    {
        assertEquals(action, book.apply(side, price, quantity, orders), "action at " + price);
        assertEquals(index, book.lastIndex(side), "index of " + price);
    }

    @Test
    void bidsAreHighestFirstAndOffersLowestFirst()
    {
        expect(LevelBook.NEW, 0, Side.BUY, 100, 5, 1);
        // 102 is a better bid than 100: it goes in front.
        expect(LevelBook.NEW, 0, Side.BUY, 102, 3, 1);
        // 101 falls between them.
        expect(LevelBook.NEW, 1, Side.BUY, 101, 7, 2);
        expect(LevelBook.NEW, 0, Side.SELL, 105, 2, 1);
        // 103 is a better offer than 105.
        expect(LevelBook.NEW, 0, Side.SELL, 103, 4, 3);
        expect(LevelBook.NEW, 2, Side.SELL, 110, 1, 1);

        assertEquals("102x3#1 101x7#2 100x5#1", levels(Side.BUY));
        assertEquals("103x4#3 105x2#1 110x1#1", levels(Side.SELL));
    }

    @Test
    void aLevelTakesItsNewStateAndGoesWhenEmpty()
    {
        book.apply(Side.BUY, 100, 5, 1);
        book.apply(Side.BUY, 101, 7, 2);
        book.apply(Side.BUY, 102, 3, 1);

        // Two orders of 7 lots at 101, one of them (4 lots) fills: the engine says 3 lots, 1 order.
        expect(LevelBook.CHANGE, 1, Side.BUY, 101, 3, 1);
        // The best level empties.
        expect(LevelBook.DELETE, 0, Side.BUY, 102, 0, 0);
        // An empty level that was never there changes nothing; it would have sat after 100.
        expect(LevelBook.NO_CHANGE, 2, Side.BUY, 99, 0, 0);
        // The same state twice is a change that changes nothing (updates are states, not differences).
        expect(LevelBook.CHANGE, 1, Side.BUY, 100, 5, 1);

        assertEquals("101x3#1 100x5#1", levels(Side.BUY));
        assertEquals("", levels(Side.SELL));
    }

    @Test
    void aSideGrowsPastItsFirstCapacityAndStaysSorted()
    {
        // 200 offers at prices 1..200, inserted in the order 7k mod 200 (7 and 200 are coprime, so each once).
        for (int k = 0; k < 200; k++)
        {
            final long price = (7L * k) % 200 + 1;
            assertEquals(LevelBook.NEW, book.apply(Side.SELL, price, price * 10, 1));
        }
        final LevelLadder offers = book.side(Side.SELL);
        assertEquals(200, offers.size());
        for (int i = 0; i < 200; i++)
        {
            assertEquals(i + 1, offers.price(i));
            assertEquals((i + 1) * 10L, offers.quantity(i));
        }
        // Delete every other level from the best: 1, 3, 5, ... leaves 2, 4, ..., 200.
        for (long price = 1; price <= 200; price += 2)
        {
            assertEquals(LevelBook.DELETE, book.apply(Side.SELL, price, 0, 0));
        }
        assertEquals(100, offers.size());
        assertEquals(2, offers.price(0));
        assertEquals(200, offers.price(99));
    }

    @Test
    void clearEmptiesBothSides()
    {
        book.apply(Side.BUY, 100, 5, 1);
        book.apply(Side.SELL, 101, 5, 1);
        book.clear();
        assertEquals("", levels(Side.BUY));
        assertEquals("", levels(Side.SELL));
        expect(LevelBook.NEW, 0, Side.BUY, 100, 1, 1);
    }
}
