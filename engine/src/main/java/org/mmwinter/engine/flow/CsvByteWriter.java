package org.mmwinter.engine.flow;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.FixedPoint;

/**
 * A CSV file written as UTF-8 bytes through one reused buffer: what a {@code StringBuilder} row, copied to a
 * {@code Writer} and encoded there, writes, without the row, the copy or the encoder. Numbers are written straight
 * as digits; text is copied char by char when it is ASCII and encoded as a {@code Writer} would encode it otherwise.
 */
public final class CsvByteWriter implements Closeable
{
    /** Room for any number this class writes: a sign, 19 digits and a point. */
    private static final int NUMBER_ROOM = 24;
    private static final long[] POWERS_OF_TEN = new long[19];
    /** "00" to "99", two bytes each. */
    private static final byte[] DIGIT_PAIRS = new byte[200];

    static
    {
        for (int i = 0; i < 100; i++)
        {
            DIGIT_PAIRS[2 * i] = (byte)('0' + i / 10);
            DIGIT_PAIRS[2 * i + 1] = (byte)('0' + i % 10);
        }
        long power = 1;
        for (int i = 0; i < POWERS_OF_TEN.length; i++)
        {
            POWERS_OF_TEN[i] = power;
            power *= 10;
        }
    }

    private final OutputStream out;
    private final byte[] buffer;
    private int position;

    /**
     * @param capacity bytes buffered before a write to {@code out}; at least 64.
     */
    public CsvByteWriter(final OutputStream out, final int capacity)
    {
        if (capacity < 64)
        {
            throw new IllegalArgumentException("capacity must be at least 64: " + capacity);
        }
        this.out = out;
        this.buffer = new byte[capacity];
    }

    /**
     * Writes one ASCII character.
     */
    public CsvByteWriter put(final char c) throws IOException
    {
        if (position == buffer.length)
        {
            flushBuffer();
        }
        buffer[position++] = (byte)c;
        return this;
    }

    /**
     * Writes {@code text} in UTF-8, as {@code Writer.write(String)} on a UTF-8 writer would.
     */
    public CsvByteWriter put(final String text) throws IOException
    {
        final int length = text.length();
        if (length > buffer.length - position)
        {
            flushBuffer();
            if (length > buffer.length)
            {
                return putBytes(text.getBytes(StandardCharsets.UTF_8));
            }
        }
        final byte[] bytes = buffer;
        int at = position;
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            if (c >= 0x80)
            {
                // Rare (names only): let the JDK encode it, surrogates and replacements as a Writer does.
                return putBytes(text.getBytes(StandardCharsets.UTF_8));
            }
            bytes[at++] = (byte)c;
        }
        position = at;
        return this;
    }

    /**
     * Writes the decimal digits of {@code value}, as {@code StringBuilder.append(long)} would.
     */
    public CsvByteWriter put(final long value) throws IOException
    {
        if (value == Long.MIN_VALUE)
        {
            return put(Long.toString(value));
        }
        ensure(NUMBER_ROOM);
        long v = value;
        if (v < 0)
        {
            buffer[position++] = '-';
            v = -v;
        }
        position = putDigits(v, digitCount(v));
        return this;
    }

    /**
     * Writes {@code scaled / 10^scale} as {@link FixedPoint#append} does: no trailing zeros, no point for a whole
     * number.
     */
    public CsvByteWriter putDecimal(final long scaled, final int scale) throws IOException
    {
        if (scale == 0)
        {
            return put(scaled);
        }
        if (scaled == Long.MIN_VALUE)
        {
            return put(FixedPoint.format(scaled, scale));
        }
        ensure(NUMBER_ROOM);
        long abs = scaled;
        if (scaled < 0)
        {
            buffer[position++] = '-';
            abs = -scaled;
        }
        final long divisor = POWERS_OF_TEN[scale];
        final long whole = abs / divisor;
        long fraction = abs % divisor;
        position = putDigits(whole, digitCount(whole));
        if (fraction != 0)
        {
            int width = scale;
            while (fraction % 10 == 0)
            {
                fraction /= 10;
                width--;
            }
            buffer[position++] = '.';
            // Leading zeros of the fraction are its width less its own digits.
            position = putDigits(fraction, width);
        }
        return this;
    }

    /**
     * Writes a client order id's characters (always ASCII).
     */
    public CsvByteWriter put(final ClientOrderId id) throws IOException
    {
        ensure(ClientOrderId.MAX_LENGTH);
        position += id.writeAscii(buffer, position);
        return this;
    }

    /**
     * Writes what is buffered to the stream, and flushes it.
     */
    public void flush() throws IOException
    {
        flushBuffer();
        out.flush();
    }

    public void close() throws IOException
    {
        try
        {
            flushBuffer();
        }
        finally
        {
            out.close();
        }
    }

    private CsvByteWriter putBytes(final byte[] bytes) throws IOException
    {
        if (bytes.length > buffer.length - position)
        {
            flushBuffer();
            if (bytes.length > buffer.length)
            {
                out.write(bytes);
                return this;
            }
        }
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
        return this;
    }

    private void ensure(final int room) throws IOException
    {
        if (buffer.length - position < room)
        {
            flushBuffer();
        }
    }

    private void flushBuffer() throws IOException
    {
        if (position > 0)
        {
            out.write(buffer, 0, position);
            position = 0;
        }
    }

    /**
     * Writes non-negative {@code value} as exactly {@code width} digits (zero-padded), right to left.
     *
     * @return the position after them.
     */
    private int putDigits(final long value, final int width)
    {
        final byte[] bytes = buffer;
        final int start = position;
        final int end = start + width;
        long v = value;
        int i = end;
        // Two digits a division: a timestamp is 19 digits, and every trade row has one.
        while (i - start >= 2)
        {
            final int pair = 2 * (int)(v % 100);
            v /= 100;
            bytes[--i] = DIGIT_PAIRS[pair + 1];
            bytes[--i] = DIGIT_PAIRS[pair];
        }
        if (i > start)
        {
            bytes[--i] = (byte)('0' + (int)v);
        }
        return end;
    }

    private static int digitCount(final long value)
    {
        int digits = 1;
        while (digits < POWERS_OF_TEN.length && value >= POWERS_OF_TEN[digits])
        {
            digits++;
        }
        return digits;
    }
}
