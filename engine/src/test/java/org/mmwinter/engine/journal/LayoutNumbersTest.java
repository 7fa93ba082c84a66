package org.mmwinter.engine.journal;

import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.ResultEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Encoding reads a record's numbers from {@link RecordLayout.Access#numbers}, decoding writes them with
 * {@link RecordLayout.Access#set}: the two lists of fields must be the same, or a field would be journaled as 0 and
 * read back as 0 without any round trip of the field's default noticing. Every name that {@code set} takes must read
 * back from {@code numbers}, and leave every other name as it was.
 */
class LayoutNumbersTest
{
    @Test
    void everyCommandNumberThatDecodingSetsIsOneThatEncodingReads()
    {
        assertTrue(check(CommandLayouts.ACCESS, CommandEvent::new) >= 20);
    }

    @Test
    void everyResultNumberThatDecodingSetsIsOneThatEncodingReads()
    {
        assertTrue(check(ResultLayouts.ACCESS, ResultEvent::new) >= 23);
    }

    /** @return the number of fields checked. */
    private static <E> int check(final RecordLayout.Access<E> access, final Supplier<E> messages)
    {
        int numbers = 0;
        for (int name = 0; name < RecordLayout.MAX_FIELDS; name++)
        {
            final E message = messages.get();
            final long[] before = access.numbers(message, new long[RecordLayout.MAX_FIELDS]).clone();
            try
            {
                // 1 fits every field, a boolean's too.
                access.set(message, name, 1);
            }
            catch (final IllegalArgumentException notANumber)
            {
                continue;
            }
            numbers++;
            final long[] after = access.numbers(message, new long[RecordLayout.MAX_FIELDS]);
            for (int other = 0; other < RecordLayout.MAX_FIELDS; other++)
            {
                assertEquals(other == name ? 1 : before[other], after[other],
                    "number " + other + " after setting number " + name);
            }
        }
        return numbers;
    }
}
