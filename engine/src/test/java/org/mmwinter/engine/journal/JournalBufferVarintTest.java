package org.mmwinter.engine.journal;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Varints of every length read back, whether far from a document's end or within its last ten bytes, and a varint
 * cut by the end or longer than ten bytes is refused in both places.
 */
final class JournalBufferVarintTest
{
    /** Values whose zig-zag varints take 1 to 10 bytes, both signs, and the edges of each length. */
    private static final long[] VALUES = valuesOfEveryLength();

    private static long[] valuesOfEveryLength()
    {
        final long[] values = new long[4 * 10 + 4];
        int n = 0;
        for (int bits = 6; bits < 63; bits += 7)
        {
            values[n++] = (1L << bits) - 1;
            values[n++] = 1L << bits;
            values[n++] = -(1L << bits);
            values[n++] = -(1L << bits) - 1;
        }
        values[n++] = 0;
        values[n++] = Long.MAX_VALUE;
        values[n++] = Long.MIN_VALUE;
        values[n++] = -1;
        return Arrays.copyOf(values, n);
    }

    @Test
    void everyLengthReadsBackFarFromAndNearTheEnd()
    {
        final JournalBuffer b = new JournalBuffer(1024);
        b.position = 0;
        for (final long value : VALUES)
        {
            b.writeZigZag(value);
        }
        b.seal();
        b.open(b.position, 0, "test");
        // The first values are read far from the end, the last ten bytes' worth right before it.
        for (final long value : VALUES)
        {
            assertEquals(value, b.readZigZag());
        }
        assertTrue(b.fullyRead());
    }

    @Test
    void eachValueAloneInADocumentReadsBack()
    {
        for (final long value : VALUES)
        {
            final JournalBuffer b = new JournalBuffer(64);
            b.position = 0;
            b.writeZigZag(value);
            b.seal();
            b.open(b.position, 0, "test");
            assertEquals(value, b.readZigZag());
        }
    }

    @Test
    void aVarintCutByTheEndIsRefused()
    {
        final JournalBuffer b = new JournalBuffer(64);
        b.position = 0;
        b.writeByte(0x80);
        b.writeByte(0x80);
        b.seal();
        b.open(b.position, 0, "test");
        assertEquals("varint cut short", assertThrows(JournalCorruptException.class, b::readVarLong).getMessage());
    }

    @Test
    void aVarintLongerThanTenBytesIsRefusedOnBothPaths()
    {
        for (final int padding : new int[]{0, 20})
        {
            final JournalBuffer b = new JournalBuffer(64);
            b.position = 0;
            for (int i = 0; i < 11; i++)
            {
                b.writeByte(0x80);
            }
            b.writeByte(0x01);
            for (int i = 0; i < padding; i++)
            {
                b.writeByte(0);
            }
            b.seal();
            b.open(b.position, 0, "test");
            assertEquals("varint cut short", assertThrows(JournalCorruptException.class, b::readVarLong).getMessage(),
                "padding " + padding);
        }
    }
}
