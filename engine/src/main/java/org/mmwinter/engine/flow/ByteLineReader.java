package org.mmwinter.engine.flow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a UTF-8 file as ranges of one reused byte buffer, split exactly as {@code BufferedReader.readLine}
 * splits the decoded text ({@code \n}, {@code \r} or {@code \r\n}; a last line without a terminator counts; nothing
 * after a final terminator does). A reader that made a {@code String} of every line cost a decode, a copy and an
 * allocation a line for text the flow parser reads byte by byte anyway.
 * <p>
 * Like {@code Files.newBufferedReader}, it refuses bytes that are not UTF-8 with a {@link CharacterCodingException};
 * it checks them only on lines that hold a non-ASCII byte, the rare case. A line longer than the buffer grows it.
 */
public final class ByteLineReader
{
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buffer;
    /** Bytes {@code [position, limit)} of the buffer are read and not yet returned. */
    private int position;
    private int limit;
    private boolean endOfInput;
    /** The last line ended with {@code \r}: a {@code \n} right after it belongs to that terminator. */
    private boolean skipLineFeed;
    private int lineStart;
    private int lineEnd;

    /**
     * @param capacity the buffer's first size in bytes; it grows for a longer line.
     */
    public ByteLineReader(final InputStream in, final int capacity)
    {
        if (capacity < 1)
        {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.in = in;
        this.buffer = new byte[capacity];
    }

    /**
     * Moves to the next line.
     *
     * @return false at the end of the input; otherwise the line is {@link #buffer()}{@code [start(), end())},
     *     without its terminator, valid until the next call.
     * @throws CharacterCodingException if the line is not UTF-8.
     */
    public boolean next() throws IOException
    {
        if (skipLineFeed)
        {
            skipLineFeed = false;
            if (position == limit && !endOfInput)
            {
                fill();
            }
            if (position < limit && buffer[position] == '\n')
            {
                position++;
            }
        }
        int scanned = 0;
        int seen = 0;
        while (true)
        {
            final byte[] bytes = buffer;
            final int end = limit;
            int i = position + scanned;
            while (i < end)
            {
                final byte b = bytes[i];
                // One comparison for almost every byte: only control characters and non-ASCII bytes are <= '\r'.
                if (b <= '\r' && (b == '\n' || b == '\r'))
                {
                    break;
                }
                seen |= b;
                i++;
            }
            if (i < end)
            {
                lineStart = position;
                lineEnd = i;
                if (bytes[i] == '\n')
                {
                    position = i + 1;
                }
                else if (i + 1 < end)
                {
                    position = bytes[i + 1] == '\n' ? i + 2 : i + 1;
                }
                else
                {
                    position = i + 1;
                    skipLineFeed = true;
                }
                checkText(seen, i + 1);
                return true;
            }
            if (endOfInput)
            {
                if (position == end)
                {
                    return false;
                }
                lineStart = position;
                lineEnd = end;
                position = end;
                checkText(seen, end);
                return true;
            }
            scanned = end - position;
            fill();
        }
    }

    /** The buffer that holds the current line. */
    public byte[] buffer()
    {
        return buffer;
    }

    /** Where the current line starts in {@link #buffer()}. */
    public int start()
    {
        return lineStart;
    }

    /** Where the current line ends (exclusive, before its terminator) in {@link #buffer()}. */
    public int end()
    {
        return lineEnd;
    }

    /**
     * Keeps the unreturned bytes, moved to the buffer's start (doubling it if they fill it), and reads more after
     * them; sets {@link #endOfInput} when the input has no more.
     */
    private void fill() throws IOException
    {
        final int pending = limit - position;
        if (pending == buffer.length)
        {
            final byte[] larger = new byte[2 * buffer.length];
            System.arraycopy(buffer, position, larger, 0, pending);
            buffer = larger;
        }
        else if (position > 0)
        {
            System.arraycopy(buffer, position, buffer, 0, pending);
        }
        position = 0;
        limit = pending;
        final int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0)
        {
            endOfInput = true;
        }
        else
        {
            limit += read;
        }
    }

    /**
     * Refuses a line that is not UTF-8; {@code seen} is the OR of its bytes, negative when any is not ASCII. The
     * terminator, when there is one, is decoded with the line, as a reader of the whole text would see it.
     */
    private void checkText(final int seen, final int through) throws CharacterCodingException
    {
        if (seen >= 0)
        {
            return;
        }
        decoder.reset();
        decoder.decode(ByteBuffer.wrap(buffer, lineStart, Math.min(through, limit) - lineStart));
    }
}
