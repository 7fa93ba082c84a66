package org.mmwinter.engine.flow;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The ids of names the parser has resolved, found from a line's bytes in place: a flow repeats a few symbols and
 * at most some thousands of accounts, and cutting a {@code String} out of every line for each (to look it up in a
 * map keyed by {@code String}) was most of what parsing a line allocated. Direct-mapped by the text's
 * {@link String#hashCode} (computed over the bytes, which for ASCII are the characters, so a name put and the same
 * text found in a line agree): one name a slot, a newer name taking an older one's. Only ASCII names are kept; any
 * other is always a miss, left to the resolver. Only ids that never change may be put (an account's, an
 * instrument's), since a hit skips the resolver.
 */
final class NameCache
{
    /** A {@link #find} that missed. */
    static final int MISS = -1;

    /** The names put, as ASCII bytes (null for a non-ASCII name, which is never found). */
    private final byte[][] asciiNames;
    private final int[] ids;
    private final int mask;

    /**
     * @param slots a power of two.
     */
    NameCache(final int slots)
    {
        if (Integer.bitCount(slots) != 1)
        {
            throw new IllegalArgumentException("slots must be a power of two: " + slots);
        }
        asciiNames = new byte[slots][];
        ids = new int[slots];
        mask = slots - 1;
    }

    /**
     * @return the id put for the ASCII bytes {@code text[from, to)}, or {@link #MISS}; a name with any other byte is
     *     always a miss (the caller then decodes it and asks its resolver, which is right whatever the cache holds).
     */
    int find(final byte[] text, final int from, final int to)
    {
        int hash = 0;
        for (int i = from; i < to; i++)
        {
            // For ASCII bytes this is String.hashCode of the decoded text, so names put as Strings are found.
            hash = 31 * hash + text[i];
        }
        final int slot = spread(hash) & mask;
        final byte[] name = asciiNames[slot];
        // Only ASCII names have their bytes kept, so a non-ASCII text never matches.
        return name != null && Arrays.equals(name, 0, name.length, text, from, to) ? ids[slot] : MISS;
    }

    /**
     * Remembers {@code id} for {@code name}; a negative id (a name the resolver refused) is not kept.
     */
    void put(final String name, final int id)
    {
        if (id < 0)
        {
            return;
        }
        final int slot = spread(name.hashCode()) & mask;
        asciiNames[slot] = isAscii(name) ? name.getBytes(StandardCharsets.US_ASCII) : null;
        ids[slot] = id;
    }

    private static boolean isAscii(final String name)
    {
        for (int i = 0; i < name.length(); i++)
        {
            if (name.charAt(i) >= 0x80)
            {
                return false;
            }
        }
        return true;
    }

    /** The high bits into the low ones, as {@code HashMap} does: the slot is taken from the low bits. */
    private static int spread(final int hash)
    {
        return hash ^ (hash >>> 16);
    }
}
