package org.mmwinter.quoting.journal;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class DecisionReasonTest
{
    /** The codes and names the brief pins, written out here rather than read from the class under test. */
    private static final String[] PINNED =
    {
        "NONE", "REQUOTE", "HOLD", "INVENTORY_SOFT", "INVENTORY_HARD", "NOTIONAL_CAP", "VOLATILITY_PULL", "HALT",
        "KILL_SWITCH", "VENUE_STRESS", "WITHDRAWALS_HALTED", "PAUSED", "RESUMED", "COOL_DOWN", "BOOK_RESYNC", "FILL",
        "STARTED", "KILL_RESET", "NO_MARKET", "THIN_BOOK",
    };

    @Test
    void everyCodeHasItsPinnedNameAndParsesBack()
    {
        assertEquals(19, DecisionReason.MAX_REASON);
        for (int code = 0; code < PINNED.length; code++)
        {
            assertEquals(PINNED[code], DecisionReason.name(code), "name of " + code);
            assertEquals(code, DecisionReason.parse(PINNED[code]), "parse of " + PINNED[code]);
        }
    }

    @Test
    void constantsHaveTheirPinnedNumbers()
    {
        assertEquals(1, DecisionReason.REQUOTE);
        assertEquals(2, DecisionReason.HOLD);
        assertEquals(4, DecisionReason.INVENTORY_HARD);
        assertEquals(10, DecisionReason.WITHDRAWALS_HALTED);
        assertEquals(15, DecisionReason.FILL);
        assertEquals(17, DecisionReason.KILL_RESET);
        assertEquals(18, DecisionReason.NO_MARKET);
        assertEquals(19, DecisionReason.THIN_BOOK);
    }

    @Test
    void parseIgnoresCaseAndRejectsUnknownNamesNamingThem()
    {
        assertEquals(DecisionReason.COOL_DOWN, DecisionReason.parse("cool_down"));
        final IllegalArgumentException error =
            assertThrows(IllegalArgumentException.class, () -> DecisionReason.parse("REQUOTED"));
        assertTrue(error.getMessage().contains("'REQUOTED'"), error.getMessage());
        assertTrue(error.getMessage().contains("NO_MARKET"), error.getMessage());
    }

    @Test
    void codesOutsideTheTableAreUnknown()
    {
        assertEquals("UNKNOWN", DecisionReason.name(20));
        assertEquals("UNKNOWN", DecisionReason.name(-1));
    }

    @Test
    void flagsAreOneBitPerReason()
    {
        // FILL is 15: 1 << 15 = 32768; with HALT (7, 128) the set is 32896.
        assertEquals(32_768, DecisionReason.flag(DecisionReason.FILL));
        final int flags = DecisionReason.flag(DecisionReason.FILL) | DecisionReason.flag(DecisionReason.HALT);
        assertEquals(32_896, flags);
        assertTrue(DecisionReason.hasFlag(flags, DecisionReason.HALT));
        assertFalse(DecisionReason.hasFlag(flags, DecisionReason.PAUSED));
    }
}
