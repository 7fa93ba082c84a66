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
 * <p>
 * A row reserves its room first ({@link #room}) and the {@code put} methods then write without checking: one
 * check a row instead of one a field keeps the row's code small, and its flush branch taken often enough to be
 * profiled (a branch first taken after the JIT compiled the loop costs a deoptimization). Writing past the room
 * reserved is a caller bug and fails with an index exception; {@link #NUMBER_ROOM}, {@link #textRoom} and
 * {@link ClientOrderId#MAX_LENGTH} say what each value may take.
 */
public final class CsvByteWriter implements Closeable
{
    /** Most bytes a number written by this class takes: a sign, 19 digits, a point, with room to spare. */
    public static final int NUMBER_ROOM = 24;
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
    private byte[] buffer;
    private int position;

    /**
     * @param capacity bytes buffered before a write to {@code out}, at least 64; it grows for a larger room.
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
     * Most bytes {@code text} takes in UTF-8: three a char (a surrogate pair, two chars, takes four).
     */
    public static int textRoom(final String text)
    {
        return 3 * text.length();
    }

    /**
     * Makes sure the next {@code bytes} bytes can be put: flushes if they do not fit after what is buffered, and
     * grows the buffer if they do not fit in it at all.
     */
    public CsvByteWriter room(final int bytes) throws IOException
    {
        if (buffer.length - position < bytes)
        {
            flushBuffer();
            if (buffer.length < bytes)
            {
                buffer = new byte[bytes];
            }
        }
        return this;
    }

    /**
     * Puts one ASCII character (room: 1).
     */
    public CsvByteWriter put(final char c)
    {
        buffer[position++] = (byte)c;
        return this;
    }

    /**
     * Puts {@code text} in UTF-8, as {@code Writer.write(String)} on a UTF-8 writer would (room:
     * {@link #textRoom}).
     */
    public CsvByteWriter put(final String text)
    {
        final int length = text.length();
        final byte[] bytes = buffer;
        int at = position;
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            if (c >= 0x80)
            {
                // Rare (names only): let the JDK encode it, surrogates and replacements as a Writer does.
                final byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
                System.arraycopy(encoded, 0, bytes, position, encoded.length);
                position += encoded.length;
                return this;
            }
            bytes[at++] = (byte)c;
        }
        position = at;
        return this;
    }

    /**
     * Puts the decimal digits of {@code value}, as {@code StringBuilder.append(long)} would (room:
     * {@link #NUMBER_ROOM}).
     */
    public CsvByteWriter put(final long value)
    {
        if (value == Long.MIN_VALUE)
        {
            return put(Long.toString(value));
        }
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
     * Puts {@code scaled / 10^scale} as {@link FixedPoint#append} does: no trailing zeros, no point for a whole
     * number (room: {@link #NUMBER_ROOM}).
     */
    public CsvByteWriter putDecimal(final long scaled, final int scale)
    {
        if (scale == 0)
        {
            return put(scaled);
        }
        if (scaled == Long.MIN_VALUE)
        {
            return put(FixedPoint.format(scaled, scale));
        }
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
     * Puts a client order id's characters, always ASCII (room: {@link ClientOrderId#MAX_LENGTH}).
     */
    public CsvByteWriter put(final ClientOrderId id)
    {
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
