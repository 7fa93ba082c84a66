package org.mmwinter.engine.flow;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The byte reader splits lines as {@code BufferedReader.readLine} does, whatever falls on a buffer's end: each
 * text is read with buffers from one byte up, and through an input that hands out one byte a read.
 */
final class ByteLineReaderTest
{
    private static final int[] CAPACITIES = {1, 2, 3, 4, 5, 7, 8, 13, 64, 1 << 16};

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {
        "",
        "a",
        "a\n",
        "a\nb",
        "a\nb\n",
        "\n",
        "\n\n",
        "a\n\nb\n\n",
        "a\r\nb\r\n",
        "a\r\nb",
        "a\rb\r",
        "a\r\rb",
        "a\r\r\n\nb",
        "\r",
        "\r\n",
        "\n\r",
        "a\r",
        "ts_ns,action\r\n1,NEW,a,7,BTC,BUY,LIMIT,GTC,12.5,1\r\n2,NEW,b,8,BTC,SELL,LIMIT,GTC,12.5,1",
        "zoë,ä\n账户,1\r\n\uD83D\uDE00\rend",
        "\uFEFFts_ns\nx",
    })
    void splitsAsBufferedReaderDoes(final String text) throws IOException
    {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        final List<String> expected = readLines(bytes);
        for (final int capacity : CAPACITIES)
        {
            assertEquals(expected, byteLines(new ByteArrayInputStream(bytes), capacity), "capacity " + capacity);
            assertEquals(expected, byteLines(new OneByteAtATime(bytes), capacity), "one byte a read, " + capacity);
        }
    }

    @Test
    void randomTextsOfTerminatorsAndLongLinesSplitAsBufferedReaderDoes() throws IOException
    {
        final Random random = new Random(42);
        final String[] pieces = {"\n", "\r", "\r\n", "a", "bc", ",", "é", "\uD83D\uDE00", "x".repeat(100)};
        for (int round = 0; round < 300; round++)
        {
            final StringBuilder text = new StringBuilder();
            final int count = random.nextInt(40);
            for (int i = 0; i < count; i++)
            {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            final byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
            final List<String> expected = readLines(bytes);
            for (final int capacity : CAPACITIES)
            {
                assertEquals(expected, byteLines(new ByteArrayInputStream(bytes), capacity),
                    "round " + round + ", capacity " + capacity);
            }
        }
    }

    @Test
    void aLineLongerThanTheBufferGrowsIt() throws IOException
    {
        final String longLine = "7".repeat(10_000);
        final byte[] bytes = ("head\n" + longLine + "\r\ntail").getBytes(StandardCharsets.UTF_8);

        assertEquals(List.of("head", longLine, "tail"), byteLines(new ByteArrayInputStream(bytes), 16));
    }

    @Test
    void theLineIsARangeOfTheBufferWithoutItsTerminator() throws IOException
    {
        final ByteLineReader reader = new ByteLineReader(
            new ByteArrayInputStream("ab\r\ncd".getBytes(StandardCharsets.US_ASCII)), 64);

        reader.next();
        assertEquals("ab", text(reader));
        reader.next();
        assertEquals("cd", text(reader), "the last line, without a terminator");
        assertFalse(reader.next());
        assertFalse(reader.next(), "and stays at the end");
    }

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"ok\nbad \u00FF here\nok", "bad end \u00E2\u0082", "\u00C3(\n", "ok\n\u00ED\u00A0\u0080"})
    void bytesThatAreNotUtf8AreRefusedAsFilesNewBufferedReaderRefusesThem(final String latin1)
    {
        final byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(CharacterCodingException.class, () -> readLinesStrictly(bytes));
        for (final int capacity : CAPACITIES)
        {
            assertThrows(CharacterCodingException.class,
                () -> byteLines(new ByteArrayInputStream(bytes), capacity), "capacity " + capacity);
        }
    }

    @Test
    void aCapacityBelowOneIsRefused()
    {
        assertThrows(IllegalArgumentException.class, () -> new ByteLineReader(InputStream.nullInputStream(), 0));
    }

    private static List<String> byteLines(final InputStream in, final int capacity) throws IOException
    {
        final ByteLineReader reader = new ByteLineReader(in, capacity);
        final List<String> lines = new ArrayList<>();
        while (reader.next())
        {
            lines.add(new String(reader.buffer(), reader.start(), reader.end() - reader.start(),
                StandardCharsets.UTF_8));
        }
        return lines;
    }

    private static String text(final ByteLineReader reader)
    {
        return new String(reader.buffer(), reader.start(), reader.end() - reader.start(), StandardCharsets.US_ASCII);
    }

    private static List<String> readLines(final byte[] bytes) throws IOException
    {
        try (BufferedReader reader = new BufferedReader(
            new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)))
        {
            final List<String> lines = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null)
            {
                lines.add(line);
            }
            return lines;
        }
    }

    private static void readLinesStrictly(final byte[] bytes) throws IOException
    {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes),
            StandardCharsets.UTF_8.newDecoder())))
        {
            while (reader.readLine() != null)
            {
                // Only whether it throws matters.
                continue;
            }
        }
    }

    /** An input that returns a single byte a read, the shortest reads a stream may give. */
    private static final class OneByteAtATime extends InputStream
    {
        private final byte[] bytes;
        private int position;

        OneByteAtATime(final byte[] bytes)
        {
            this.bytes = bytes;
        }

        public int read()
        {
            return position < bytes.length ? bytes[position++] & 0xFF : -1;
        }

        public int read(final byte[] into, final int offset, final int length)
        {
            if (position == bytes.length)
            {
                return -1;
            }
            into[offset] = bytes[position++];
            return 1;
        }
    }
}
