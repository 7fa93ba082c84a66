package org.mmwinter.engine.flow;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The parser's cache of names: a name put is found from any line that holds exactly its text, a longer, shorter or
 * different text is a miss, a newer name in the same slot replaces the older one, and refused names are not kept.
 */
final class NameCacheTest
{
    @Test
    void aNamePutIsFoundInALinesBytesAndOnlyItsExactText()
    {
        final NameCache cache = new NameCache(8);
        cache.put("acct-7", 3);
        final byte[] line = "1,NEW,acct-7,9,BTC".getBytes(StandardCharsets.US_ASCII);
        assertEquals(3, cache.find(line, 6, 12));
        assertEquals(NameCache.MISS, cache.find(line, 6, 11), "a prefix");
        assertEquals(NameCache.MISS, cache.find("1,NEW,acct-70,9".getBytes(StandardCharsets.US_ASCII), 6, 13),
            "a longer name");
        assertEquals(NameCache.MISS, cache.find("1,NEW,acct-8,9".getBytes(StandardCharsets.US_ASCII), 6, 12),
            "another name");
    }

    @Test
    void aNonAsciiNameIsNeverFound()
    {
        final NameCache cache = new NameCache(8);
        cache.put("zoë", 5);
        final byte[] utf8 = "1,zoë,".getBytes(StandardCharsets.UTF_8);
        assertEquals(NameCache.MISS, cache.find(utf8, 2, 6), "left to the resolver, which knows the name");
    }

    @Test
    void aNewerNameInTheSameSlotReplacesTheOlder()
    {
        final NameCache cache = new NameCache(1);
        cache.put("a", 1);
        cache.put("b", 2);
        assertEquals(NameCache.MISS, cache.find(ascii("a"), 0, 1));
        assertEquals(2, cache.find(ascii("b"), 0, 1));
    }

    @Test
    void aRefusedNameIsNotKept()
    {
        final NameCache cache = new NameCache(8);
        cache.put("too-long", -1);
        assertEquals(NameCache.MISS, cache.find(ascii("too-long"), 0, 8));
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void slotsArePowersOfTwo()
    {
        assertThrows(IllegalArgumentException.class, () -> new NameCache(12));
    }
}
