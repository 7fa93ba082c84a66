package org.mmwinter.bench.jmh;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmwinter.engine.core.ClientOrderId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The id styles spell each number the same way every time (pinned values, so results stay comparable across
 * commits), never spell two numbers alike, have the advertised shape, and the table holds exactly the spellings.
 */
class IdStyleTest
{
    private static final int DISTINCT_CHECKED = 1_300_000;

    @ParameterizedTest
    @CsvSource({
        "numeric, 0, 0",
        "numeric, 1234567, 1234567",
        "alnum8, 0, A0000000",
        "alnum8, 1, nPeiCrt2",
        "uuid36, 0, e220a839-7b1d-cdaf-0947-a1266220f2d5",
        "uuid36, 1, 910a2dec-8902-5cc1-3693-efda2cecd422",
        "mixed, 3, 3",
        "mixed, 4, fsunomfr",
    })
    void spellingsArePinned(final String style, final long n, final String expected)
    {
        assertEquals(expected, IdStyle.of(style).write(n, new ClientOrderId()).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {IdStyle.NUMERIC, IdStyle.ALNUM8, IdStyle.UUID36, IdStyle.MIXED})
    void distinctNumbersGetDistinctIdsOfTheStylesShape(final String name)
    {
        final IdStyle style = IdStyle.of(name);
        final ClientOrderId id = new ClientOrderId();
        final Set<String> seen = new HashSet<>();
        final Set<Integer> lengths = new HashSet<>();
        for (long n = 0; n < DISTINCT_CHECKED; n++)
        {
            final String text = style.write(n, id).toString();
            assertTrue(seen.add(text), name + " spelt " + n + " as an earlier number's " + text);
            lengths.add(text.length());
            if (IdStyle.ALNUM8.equals(name))
            {
                assertTrue(text.matches("[A-Za-z][A-Za-z0-9]{7}"), text);
            }
            else if (IdStyle.UUID36.equals(name))
            {
                assertTrue(text.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), text);
            }
            assertTrue(text.length() <= style.maxTextLength(), text);
        }
        if (IdStyle.MIXED.equals(name))
        {
            assertTrue(lengths.containsAll(Set.of(1, 7, 8, 36)), "mixed lengths " + lengths);
        }
    }

    @Test
    void onlyNumericIdsAreCanonicalDecimals()
    {
        final ClientOrderId id = new ClientOrderId();
        for (long n = 0; n < 100_000; n++)
        {
            assertEquals(n, IdStyle.of(IdStyle.NUMERIC).write(n, id).decimalValue());
            assertEquals(-1, IdStyle.of(IdStyle.ALNUM8).write(n, id).decimalValue());
            assertEquals(-1, IdStyle.of(IdStyle.UUID36).write(n, id).decimalValue());
        }
    }

    @Test
    void tableHoldsTheSpellings()
    {
        final ClientOrderIdTable table = ClientOrderIdTable.of(IdStyle.UUID36, 10_000);
        final IdStyle style = IdStyle.of(IdStyle.UUID36);
        final ClientOrderId id = new ClientOrderId();
        assertEquals(10_000, table.maxOrderId());
        for (int n = 0; n <= 10_000; n++)
        {
            assertTrue(table.get(n).equalTo(style.write(n, id)), "order id " + n);
        }
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> table.get(10_001));
    }

    @Test
    void unknownStyleIsRefusedByName()
    {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> IdStyle.of("uuid"))
            .getMessage().contains("numeric, alnum8, uuid36"));
    }
}
