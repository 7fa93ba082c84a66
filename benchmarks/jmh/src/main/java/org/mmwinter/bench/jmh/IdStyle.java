package org.mmwinter.bench.jmh;

import java.nio.charset.StandardCharsets;

import org.mmwinter.engine.core.ClientOrderId;

/**
 * How the benchmarks spell the workload's {@code long} order ids as client order ids, by the name the {@code ids}
 * parameter uses: the workload and exchange-core's side stay numeric, and our side measures what the text of an id
 * costs the engine. Each spelling is a deterministic function of the number, so a cancel or a move names the order
 * its NEW placed, and an injective one, so distinct numbers never collide in the engine's (account, id) index.
 * <p>
 * Writing an id allocates nothing but uses a scratch buffer of this instance: one instance per thread.
 */
public final class IdStyle
{
    /** The decimal text of the number, what today's flows send: the journal stores it as a varint. */
    public static final String NUMERIC = "numeric";
    /** Eight characters of {@code A-Z a-z 0-9}, the first a letter, so that it is never mistaken for a number. */
    public static final String ALNUM8 = "alnum8";
    /** 36 characters, UUID-like: 32 lowercase hex digits as 8-4-4-4-12 with dashes (Coinbase, many OMSs). */
    public static final String UUID36 = "uuid36";
    /** Numbers by their remainder modulo 3: numeric, alnum8, uuid36, so that one book holds ids of 1..36 chars. */
    public static final String MIXED = "mixed";

    /** Largest number {@link #ALNUM8} spells injectively: 8 characters hold 52 * 62^7 > 2^47 values. */
    public static final long ALNUM8_LIMIT = 1L << 47;

    private static final long MASK47 = ALNUM8_LIMIT - 1;
    private static final byte[] ALNUM =
        "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LETTERS =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private static final int KIND_NUMERIC = 0;
    private static final int KIND_ALNUM8 = 1;
    private static final int KIND_UUID36 = 2;
    private static final int KIND_MIXED = 3;

    private final String name;
    private final int kind;
    private final byte[] text = new byte[ClientOrderId.MAX_LENGTH];

    private IdStyle(final String name, final int kind)
    {
        this.name = name;
        this.kind = kind;
    }

    /**
     * @throws IllegalArgumentException for a name that is none of the styles.
     */
    public static IdStyle of(final String name)
    {
        switch (name)
        {
            case NUMERIC: return new IdStyle(name, KIND_NUMERIC);
            case ALNUM8: return new IdStyle(name, KIND_ALNUM8);
            case UUID36: return new IdStyle(name, KIND_UUID36);
            case MIXED: return new IdStyle(name, KIND_MIXED);
            default:
                throw new IllegalArgumentException(
                    "ids is numeric, alnum8, uuid36 or mixed, not " + name);
        }
    }

    public String name()
    {
        return name;
    }

    /**
     * Sets {@code out} to the spelling of {@code n} (0 or more; below {@link #ALNUM8_LIMIT} for alnum8) and
     * returns it.
     */
    public ClientOrderId write(final long n, final ClientOrderId out)
    {
        if (n < 0)
        {
            throw new IllegalArgumentException("negative order id " + n);
        }
        switch (kind)
        {
            case KIND_NUMERIC: return out.setDecimal(n);
            case KIND_ALNUM8: return alnum8(n, out);
            case KIND_UUID36: return uuid36(n, out);
            default:
            {
                final long third = n % 3;
                return third == 0 ? out.setDecimal(n) : third == 1 ? alnum8(n, out) : uuid36(n, out);
            }
        }
    }

    /** Longest id this style spells, in characters (numeric: a long's 19 digits). */
    public int maxTextLength()
    {
        return kind == KIND_NUMERIC ? 19 : kind == KIND_ALNUM8 ? 8 : ClientOrderId.MAX_LENGTH;
    }

    public String toString()
    {
        return name;
    }

    private ClientOrderId alnum8(final long n, final ClientOrderId out)
    {
        if (n >= ALNUM8_LIMIT)
        {
            throw new IllegalArgumentException("alnum8 spells numbers below 2^47, not " + n);
        }
        // A bijection of the 47-bit numbers (odd multipliers and xor-shifts), so that consecutive ids look random
        // (as exchange-issued or client-generated ids do) and still never collide.
        long x = (n * 0x5DEECE66DL) & MASK47;
        x ^= x >>> 23;
        x = (x * 0x9E3779B97F4A7C15L) & MASK47;
        x ^= x >>> 19;
        final byte[] text = this.text;
        for (int i = 7; i >= 1; i--)
        {
            text[i] = ALNUM[(int)(x % 62)];
            x /= 62;
        }
        text[0] = LETTERS[(int)x];
        return parsed(out, 8);
    }

    private ClientOrderId uuid36(final long n, final ClientOrderId out)
    {
        // The high half alone is a bijection of n (a SplitMix64 step), which makes the spelling injective.
        final long hi = mix64(n + 0x9E3779B97F4A7C15L);
        final long lo = mix64(n ^ 0x94D049BB133111EBL) * 0x9E3779B97F4A7C15L;
        final byte[] text = this.text;
        hex(hi, 60, text, 0, 8);
        text[8] = '-';
        hex(hi, 28, text, 9, 4);
        text[13] = '-';
        hex(hi, 12, text, 14, 4);
        text[18] = '-';
        hex(lo, 60, text, 19, 4);
        text[23] = '-';
        hex(lo, 44, text, 24, 12);
        return parsed(out, 36);
    }

    private ClientOrderId parsed(final ClientOrderId out, final int length)
    {
        final int result = out.parse(text, 0, length);
        if (result != ClientOrderId.OK)
        {
            throw new IllegalStateException(name + " spelt a bad id: " + ClientOrderId.describe(result));
        }
        return out;
    }

    /**
     * Writes {@code digits} hex digits of {@code value}, the first from bits {@code [shift, shift + 4)} down.
     */
    private static void hex(final long value, final int shift, final byte[] out, final int offset, final int digits)
    {
        for (int i = 0; i < digits; i++)
        {
            out[offset + i] = HEX[(int)((value >>> (shift - 4 * i)) & 0xF)];
        }
    }

    private static long mix64(final long value)
    {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
