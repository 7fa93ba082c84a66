package org.mmwinter.replay.l2;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.mmwinter.replay.io.RecordedFile;

/**
 * The lines of one vendor CSV file, plain or gzip (told apart by the gzip magic bytes, not the file name, so a
 * renamed download still reads), split at commas into fields without quoting: Tardis files quote nothing. Keeps
 * the line number for error messages.
 */
final class CsvLines implements AutoCloseable
{
    private final Path path;
    private final BufferedReader reader;
    private String[] header;
    private String line;
    private long lineNumber;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private int fieldCount;

    CsvLines(final Path path) throws IOException
    {
        this.path = path;
        this.reader = RecordedFile.open(path);
        final String head = reader.readLine();
        if (head == null)
        {
            reader.close();
            throw new L2InputException(path + ": empty file (a Tardis CSV starts with a header line)");
        }
        lineNumber = 1;
        header = stripBom(head).trim().split(",", -1);
        for (int i = 0; i < header.length; i++)
        {
            header[i] = header[i].trim();
        }
    }

    private static String stripBom(final String text)
    {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }

    Path path()
    {
        return path;
    }

    String[] header()
    {
        return header.clone();
    }

    /** Reads the next non-blank line. @return false at the end of the file. */
    boolean next() throws IOException
    {
        while (true)
        {
            final String read = reader.readLine();
            if (read == null)
            {
                line = null;
                return false;
            }
            lineNumber++;
            if (!read.isBlank())
            {
                line = read;
                split();
                return true;
            }
        }
    }

    private void split()
    {
        fieldCount = 0;
        int start = 0;
        final int length = line.length();
        for (int i = 0; i <= length; i++)
        {
            if (i == length || line.charAt(i) == ',')
            {
                if (fieldCount == starts.length)
                {
                    starts = Arrays.copyOf(starts, fieldCount * 2);
                    ends = Arrays.copyOf(ends, fieldCount * 2);
                }
                int from = start;
                int to = i;
                while (from < to && line.charAt(from) == ' ')
                {
                    from++;
                }
                while (to > from && (line.charAt(to - 1) == ' ' || line.charAt(to - 1) == '\r'))
                {
                    to--;
                }
                starts[fieldCount] = from;
                ends[fieldCount] = to;
                fieldCount++;
                start = i + 1;
            }
        }
    }

    long lineNumber()
    {
        return lineNumber;
    }

    int fieldCount()
    {
        return fieldCount;
    }

    String field(final int index)
    {
        return line.substring(starts[index], ends[index]);
    }

    /** The current line, for parsing a field in place ({@link #start}, {@link #end}) without a copy. */
    CharSequence text()
    {
        return line;
    }

    boolean isEmpty(final int index)
    {
        return starts[index] == ends[index];
    }

    int start(final int index)
    {
        return starts[index];
    }

    int end(final int index)
    {
        return ends[index];
    }

    boolean fieldEquals(final int index, final String text)
    {
        final int length = ends[index] - starts[index];
        return length == text.length() && line.regionMatches(true, starts[index], text, 0, length);
    }

    /** The whole current line, for messages. */
    String line()
    {
        return line;
    }

    /** A message that names this file, the current line and the field. */
    L2InputException error(final String field, final String problem)
    {
        return new L2InputException(path + ":" + lineNumber + ": field " + field + ": " + problem);
    }

    /** Parses a whole number field (timestamps), naming the field when it is not one. */
    long longField(final int index, final String name) throws L2InputException
    {
        final int from = starts[index];
        final int to = ends[index];
        if (from == to)
        {
            throw error(name, "empty");
        }
        long value = 0;
        for (int i = from; i < to; i++)
        {
            final char c = line.charAt(i);
            if (c < '0' || c > '9' || value > (Long.MAX_VALUE - 9) / 10)
            {
                throw error(name, "not a whole number of microseconds: '" + field(index) + "'");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    public void close() throws IOException
    {
        reader.close();
    }
}
