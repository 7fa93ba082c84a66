package org.mmwinter.engine.core;

import java.util.Arrays;

/**
 * A client order id as traders write it (FIX ClOrdID, Binance {@code newClientOrderId}, a Coinbase UUID): 1 to
 * {@value #MAX_LENGTH} characters from {@code A-Z a-z 0-9 . : / _ -}, compared as text ({@code 7} and {@code 007}
 * are two ids).
 * <p>
 * The text is packed into four longs, seven bits a character (codes 1..67, 0 = no character), nine characters a
 * word: 36 characters fit in 252 bits. A fixed-size value is what lets the hot path carry string ids without a
 * {@code String}: pooled orders, ring slots and results hold one of these, copying is four stores, equality four
 * compares, and the (account, id) index hashes four words. Because unused codes are zero the packing is canonical,
 * so equal texts have equal words. Mutable and reused, like the ring slots that hold it; a reference handed to a
 * listener is valid only during the callback.
 */
public final class ClientOrderId
{
    /** Longest id, in characters. */
    public static final int MAX_LENGTH = 36;

    /** {@link #parse} succeeded. */
    public static final int OK = 0;
    /** No characters. */
    public static final int EMPTY = 1;
    /** More than {@link #MAX_LENGTH} characters. */
    public static final int TOO_LONG = 2;
    /** A character outside {@code A-Z a-z 0-9 . : / _ -}. */
    public static final int BAD_CHARACTER = 3;

    private static final int BITS = 7;
    private static final int PER_WORD = 9;
    private static final long CODE_MASK = 0x7F;
    private static final String ALPHABET = "-./0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static final byte[] CODES = new byte[128];
    private static final byte[] ASCII = new byte[128];
    private static final long CODE_ZERO = ALPHABET.indexOf('0') + 1;
    /** {@link #writeUuid}: not a UUID in canonical form. */
    public static final int NOT_A_UUID = 0;
    /** {@link #writeUuid}: a UUID whose letters are lower case (or which has none). */
    public static final int UUID_LOWER_CASE = 1;
    /** {@link #writeUuid}: a UUID whose letters are upper case. */
    public static final int UUID_UPPER_CASE = 2;
    /** By character code: its hex value, with a flag for a letter's case; -1 for a character that is not hex. */
    private static final int[] HEX_OF_CODE = new int[128];
    private static final int LOWER_LETTER = 0x10;
    private static final int UPPER_LETTER = 0x20;
    /** By byte value: the codes of its two hex characters, the high nibble's in the low seven bits. */
    private static final long[] LOWER_HEX_PAIRS = new long[256];
    private static final long[] UPPER_HEX_PAIRS = new long[256];
    /** 10 to the power of its index, up to the largest power a long holds. */
    private static final long[] POWERS_OF_TEN = new long[19];

    static
    {
        for (int i = 0; i < ALPHABET.length(); i++)
        {
            CODES[ALPHABET.charAt(i)] = (byte)(i + 1);
            ASCII[i + 1] = (byte)ALPHABET.charAt(i);
        }
        final String lowerHex = "0123456789abcdef";
        final String upperHex = "0123456789ABCDEF";
        Arrays.fill(HEX_OF_CODE, -1);
        for (int d = 0; d < 16; d++)
        {
            HEX_OF_CODE[CODES[lowerHex.charAt(d)]] = d | (d >= 10 ? LOWER_LETTER : 0);
            HEX_OF_CODE[CODES[upperHex.charAt(d)]] = d | (d >= 10 ? UPPER_LETTER : 0);
        }
        for (int b = 0; b < 256; b++)
        {
            LOWER_HEX_PAIRS[b] = CODES[lowerHex.charAt(b >>> 4)] | (long)CODES[lowerHex.charAt(b & 0xF)] << BITS;
            UPPER_HEX_PAIRS[b] = CODES[upperHex.charAt(b >>> 4)] | (long)CODES[upperHex.charAt(b & 0xF)] << BITS;
        }
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private long w0;
    private long w1;
    private long w2;
    private long w3;

    /**
     * An id from text, for tests and the edges; throws on text that is not an id.
     */
    public static ClientOrderId of(final CharSequence text)
    {
        final ClientOrderId id = new ClientOrderId();
        final int result = id.parse(text, 0, text.length());
        if (result != OK)
        {
            throw new IllegalArgumentException("not a client order id (" + describe(result) + "): '" + text + "'");
        }
        return id;
    }

    /**
     * Whether {@code c} may appear in an id.
     */
    public static boolean isIdCharacter(final int c)
    {
        return c >= 0 && c < 128 && CODES[c] != 0;
    }

    /**
     * Text for a {@link #parse} result, for messages at the edges.
     */
    public static String describe(final int result)
    {
        switch (result)
        {
            case OK: return "";
            case EMPTY: return "empty";
            case TOO_LONG: return "longer than " + MAX_LENGTH + " characters";
            default: return "a character outside A-Z a-z 0-9 . : / _ -";
        }
    }

    /**
     * Reads {@code text[from, to)} as an id; on any result but {@link #OK} this id is unchanged.
     */
    public int parse(final CharSequence text, final int from, final int to)
    {
        final int length = to - from;
        if (length <= 0)
        {
            return EMPTY;
        }
        if (length > MAX_LENGTH)
        {
            return TOO_LONG;
        }
        for (int i = from; i < to; i++)
        {
            if (!isIdCharacter(text.charAt(i)))
            {
                return BAD_CHARACTER;
            }
        }
        clear();
        for (int i = 0; i < length; i++)
        {
            setCode(i, CODES[text.charAt(from + i)]);
        }
        return OK;
    }

    /**
     * Reads {@code length} ASCII bytes as an id (journal decoding); on any result but {@link #OK} this id is
     * unchanged.
     */
    public int parse(final byte[] bytes, final int offset, final int length)
    {
        if (length <= 0)
        {
            return EMPTY;
        }
        if (length > MAX_LENGTH)
        {
            return TOO_LONG;
        }
        // Word by word, seven bits a character, checking as it goes; assigned only once all are good.
        long a = 0;
        long b = 0;
        long c = 0;
        long d = 0;
        for (int word = 0, i = 0; i < length; word++)
        {
            long packed = 0;
            for (int shift = 0; shift < PER_WORD * BITS && i < length; shift += BITS, i++)
            {
                final int ch = bytes[offset + i];
                final long code = ch >= 0 ? CODES[ch] : 0;
                if (code == 0)
                {
                    return BAD_CHARACTER;
                }
                packed |= code << shift;
            }
            switch (word)
            {
                case 0: a = packed; break;
                case 1: b = packed; break;
                case 2: c = packed; break;
                default: d = packed; break;
            }
        }
        w0 = a;
        w1 = b;
        w2 = c;
        w3 = d;
        return OK;
    }

    /**
     * Sets the id to the decimal digits of {@code value} (no sign, no leading zeros).
     * <p>
     * Recovery sets one of these per journaled order command, so the words are built directly, nine digits a word,
     * rather than one character at a time: a long has at most 19 digits, so at most three words.
     */
    public ClientOrderId setDecimal(final long value)
    {
        if (value < 0)
        {
            throw new IllegalArgumentException("negative: " + value);
        }
        int digits = 1;
        while (digits < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[digits])
        {
            digits++;
        }
        if (digits <= PER_WORD)
        {
            w0 = decimalWord(value, digits);
            w1 = 0;
            w2 = 0;
        }
        else if (digits <= 2 * PER_WORD)
        {
            final long split = POWERS_OF_TEN[digits - PER_WORD];
            w0 = decimalWord(value / split, PER_WORD);
            w1 = decimalWord(value % split, digits - PER_WORD);
            w2 = 0;
        }
        else
        {
            final long split = POWERS_OF_TEN[digits - 2 * PER_WORD];
            final long head = value / split;
            w0 = decimalWord(head / POWERS_OF_TEN[PER_WORD], PER_WORD);
            w1 = decimalWord(head % POWERS_OF_TEN[PER_WORD], PER_WORD);
            w2 = decimalWord(value % split, digits - 2 * PER_WORD);
        }
        w3 = 0;
        return this;
    }

    /**
     * Sets the id to the canonical text of the UUID whose 16 bytes start at {@code offset}: 8-4-4-4-12 hex digits,
     * lower or upper case ({@code upperCase}). The journal keeps such ids as their bytes; building the four words
     * straight from the nibbles (36 characters are exactly four words of nine) skips spelling the text and checking
     * it character by character, which had made a UUID id cost more to decode than the rest of its record.
     */
    public ClientOrderId setUuid(final byte[] bytes, final int offset, final boolean upperCase)
    {
        // Each byte is two characters, their codes side by side in a table; a character's place in the words is
        // fixed by the 8-4-4-4-12 layout, so every word is a handful of table reads, shifts and ors.
        final long[] pair = upperCase ? UPPER_HEX_PAIRS : LOWER_HEX_PAIRS;
        final int o = offset;
        final long dash = CODES['-'];
        final long b11 = pair[bytes[o + 11] & 0xFF];
        w0 = pair[bytes[o] & 0xFF] | pair[bytes[o + 1] & 0xFF] << 14 | pair[bytes[o + 2] & 0xFF] << 28 |
            pair[bytes[o + 3] & 0xFF] << 42 | dash << 56;
        w1 = pair[bytes[o + 4] & 0xFF] | pair[bytes[o + 5] & 0xFF] << 14 | dash << 28 |
            pair[bytes[o + 6] & 0xFF] << 35 | pair[bytes[o + 7] & 0xFF] << 49;
        w2 = dash | pair[bytes[o + 8] & 0xFF] << 7 | pair[bytes[o + 9] & 0xFF] << 21 | dash << 35 |
            pair[bytes[o + 10] & 0xFF] << 42 | (b11 & CODE_MASK) << 56;
        w3 = b11 >>> BITS | pair[bytes[o + 12] & 0xFF] << 7 | pair[bytes[o + 13] & 0xFF] << 21 |
            pair[bytes[o + 14] & 0xFF] << 35 | pair[bytes[o + 15] & 0xFF] << 49;
        return this;
    }

    /**
     * If this id is a UUID in canonical form (8-4-4-4-12 hex digits, no letter of both cases), writes its 16 bytes at
     * {@code offset} and says which case its letters were ({@link #UUID_LOWER_CASE} when it has none); otherwise
     * writes nothing and returns {@link #NOT_A_UUID}. The inverse of {@link #setUuid}, read straight from the words.
     */
    public int writeUuid(final byte[] bytes, final int offset)
    {
        final long dash = CODES['-'];
        if ((w0 >>> 56 & CODE_MASK) != dash || (w1 >>> 28 & CODE_MASK) != dash || (w2 & CODE_MASK) != dash ||
            (w2 >>> 35 & CODE_MASK) != dash)
        {
            return NOT_A_UUID;
        }
        final int high11 = HEX_OF_CODE[(int)(w2 >>> 56 & CODE_MASK)];
        final int low11 = HEX_OF_CODE[(int)(w3 & CODE_MASK)];
        final int flags = hexPair(w0, 0) | hexPair(w0, 14) | hexPair(w0, 28) | hexPair(w0, 42) |
            hexPair(w1, 0) | hexPair(w1, 14) | hexPair(w1, 35) | hexPair(w1, 49) |
            hexPair(w2, 7) | hexPair(w2, 21) | hexPair(w2, 42) | high11 | low11 |
            hexPair(w3, 7) | hexPair(w3, 21) | hexPair(w3, 35) | hexPair(w3, 49);
        if (flags < 0 || (flags & (LOWER_LETTER | UPPER_LETTER)) == (LOWER_LETTER | UPPER_LETTER))
        {
            return NOT_A_UUID;
        }
        final int o = offset;
        bytes[o] = hexByte(w0, 0);
        bytes[o + 1] = hexByte(w0, 14);
        bytes[o + 2] = hexByte(w0, 28);
        bytes[o + 3] = hexByte(w0, 42);
        bytes[o + 4] = hexByte(w1, 0);
        bytes[o + 5] = hexByte(w1, 14);
        bytes[o + 6] = hexByte(w1, 35);
        bytes[o + 7] = hexByte(w1, 49);
        bytes[o + 8] = hexByte(w2, 7);
        bytes[o + 9] = hexByte(w2, 21);
        bytes[o + 10] = hexByte(w2, 42);
        bytes[o + 11] = (byte)((high11 & 0xF) << 4 | (low11 & 0xF));
        bytes[o + 12] = hexByte(w3, 7);
        bytes[o + 13] = hexByte(w3, 21);
        bytes[o + 14] = hexByte(w3, 35);
        bytes[o + 15] = hexByte(w3, 49);
        return (flags & UPPER_LETTER) != 0 ? UUID_UPPER_CASE : UUID_LOWER_CASE;
    }

    /** The hex values of the two characters at {@code shift} with their case flags or'ed; negative if not hex. */
    private static int hexPair(final long word, final int shift)
    {
        return HEX_OF_CODE[(int)(word >>> shift & CODE_MASK)] | HEX_OF_CODE[(int)(word >>> (shift + BITS) & CODE_MASK)];
    }

    private static byte hexByte(final long word, final int shift)
    {
        return (byte)((HEX_OF_CODE[(int)(word >>> shift & CODE_MASK)] & 0xF) << 4 |
            (HEX_OF_CODE[(int)(word >>> (shift + BITS) & CODE_MASK)] & 0xF));
    }

    /**
     * The word holding the {@code digits} decimal digits of {@code value} (leading zeros kept), most significant
     * first: digit codes are consecutive from {@code '0'}'s.
     */
    private static long decimalWord(final long value, final int digits)
    {
        long word = 0;
        long v = value;
        for (int i = digits - 1; i >= 0; i--)
        {
            word |= (CODE_ZERO + v % 10) << (i * BITS);
            v /= 10;
        }
        return word;
    }

    /**
     * The value of an id written as a canonical decimal (digits only, no leading zero unless it is {@code 0}, at
     * most 18 digits), or -1 for any other id: lets the journal store numeric ids as a varint.
     */
    public long decimalValue()
    {
        if (w0 == 0 || w2 != 0 || w3 != 0 || ((w0 & CODE_MASK) == CODE_ZERO && (w0 >>> BITS) != 0))
        {
            return -1;
        }
        long value = 0;
        for (long w = w0; w != 0; w >>>= BITS)
        {
            final long digit = (w & CODE_MASK) - CODE_ZERO;
            if (digit < 0 || digit > 9)
            {
                return -1;
            }
            value = value * 10 + digit;
        }
        for (long w = w1; w != 0; w >>>= BITS)
        {
            final long digit = (w & CODE_MASK) - CODE_ZERO;
            if (digit < 0 || digit > 9)
            {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    public ClientOrderId clear()
    {
        w0 = 0;
        w1 = 0;
        w2 = 0;
        w3 = 0;
        return this;
    }

    public ClientOrderId copyFrom(final ClientOrderId other)
    {
        w0 = other.w0;
        w1 = other.w1;
        w2 = other.w2;
        w3 = other.w3;
        return this;
    }

    public boolean isEmpty()
    {
        return w0 == 0;
    }

    /** Characters in the id, 0 when empty. */
    public int length()
    {
        if (w3 != 0)
        {
            return 3 * PER_WORD + codesIn(w3);
        }
        if (w2 != 0)
        {
            return 2 * PER_WORD + codesIn(w2);
        }
        if (w1 != 0)
        {
            return PER_WORD + codesIn(w1);
        }
        return codesIn(w0);
    }

    public char charAt(final int index)
    {
        return ALPHABET.charAt(code(index) - 1);
    }

    /**
     * Writes the id's characters as ASCII bytes at {@code offset}.
     *
     * @return the number of bytes written ({@link #length()}).
     */
    public int writeAscii(final byte[] bytes, final int offset)
    {
        int at = offset;
        at = writeWord(w0, bytes, at);
        if (w1 != 0)
        {
            at = writeWord(w1, bytes, at);
            if (w2 != 0)
            {
                at = writeWord(w2, bytes, at);
                if (w3 != 0)
                {
                    at = writeWord(w3, bytes, at);
                }
            }
        }
        return at - offset;
    }

    /**
     * Appends the id's text; edges only.
     */
    public StringBuilder appendTo(final StringBuilder out)
    {
        final int length = length();
        for (int i = 0; i < length; i++)
        {
            out.append(ALPHABET.charAt(code(i) - 1));
        }
        return out;
    }

    public boolean equalTo(final ClientOrderId other)
    {
        return w0 == other.w0 && w1 == other.w1 && w2 == other.w2 && w3 == other.w3;
    }

    /**
     * A well-mixed hash of the id with an account, for open-addressing tables.
     */
    public int hash(final int accountId)
    {
        long h = accountId * 0x9E3779B97F4A7C15L;
        h = (h ^ w0) * 0xD6E8FEB86659FD93L;
        h = (h ^ w1 ^ (h >>> 29)) * 0xD6E8FEB86659FD93L;
        h = (h ^ w2 ^ (h >>> 29)) * 0xD6E8FEB86659FD93L;
        h = (h ^ w3 ^ (h >>> 29)) * 0xD6E8FEB86659FD93L;
        return (int)(h ^ (h >>> 32));
    }

    public boolean equals(final Object other)
    {
        return other instanceof ClientOrderId && equalTo((ClientOrderId)other);
    }

    public int hashCode()
    {
        return hash(0);
    }

    /**
     * The id as text; allocates, so never on the hot path.
     */
    public String toString()
    {
        return appendTo(new StringBuilder(MAX_LENGTH)).toString();
    }

    private static int writeWord(final long word, final byte[] bytes, final int offset)
    {
        int at = offset;
        for (long w = word; w != 0; w >>>= BITS)
        {
            bytes[at++] = ASCII[(int)(w & CODE_MASK)];
        }
        return at;
    }

    private int code(final int index)
    {
        final long word;
        switch (index / PER_WORD)
        {
            case 0: word = w0; break;
            case 1: word = w1; break;
            case 2: word = w2; break;
            default: word = w3; break;
        }
        return (int)((word >>> ((index % PER_WORD) * BITS)) & CODE_MASK);
    }

    private void setCode(final int index, final long code)
    {
        final long bits = code << ((index % PER_WORD) * BITS);
        switch (index / PER_WORD)
        {
            case 0: w0 |= bits; break;
            case 1: w1 |= bits; break;
            case 2: w2 |= bits; break;
            default: w3 |= bits; break;
        }
    }

    private static int codesIn(final long word)
    {
        return (64 - Long.numberOfLeadingZeros(word) + BITS - 1) / BITS;
    }
}
