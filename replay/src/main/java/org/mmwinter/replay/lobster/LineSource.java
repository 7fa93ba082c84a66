package org.mmwinter.replay.lobster;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;

import org.mmwinter.replay.io.RecordedFile;

/**
 * The data lines of a LOBSTER file, plain or gzip (told by its first two bytes, whatever its name), with a header
 * line skipped when there is one: a first line whose first field is not a number. Raw LOBSTER files have no header;
 * copies passed around often have one.
 */
final class LineSource implements Closeable
{
    private final Path path;
    private final BufferedReader reader;
    private final boolean header;
    private String first;
    private long lineNumber;

    private LineSource(final Path path, final BufferedReader reader, final String first, final boolean header)
    {
        this.path = path;
        this.reader = reader;
        this.first = first;
        this.header = header;
        this.lineNumber = header ? 1 : 0;
    }

    /**
     * @throws IOException when the file cannot be opened or read (a damaged gzip stream included).
     */
    static LineSource open(final Path path) throws IOException
    {
        final BufferedReader reader = RecordedFile.open(path);
        try
        {
            String first = reader.readLine();
            boolean header = false;
            if (first != null && !new CsvFields(4096).firstFieldNumeric(first))
            {
                header = true;
                first = reader.readLine();
            }
            return new LineSource(path, reader, first, header);
        }
        catch (final IOException ex)
        {
            reader.close();
            throw ex;
        }
    }

    /** The next data line, or null at the end. */
    String next() throws IOException
    {
        final String line;
        if (first != null)
        {
            line = first;
            first = null;
        }
        else
        {
            line = reader.readLine();
        }
        if (line != null)
        {
            lineNumber++;
        }
        return line;
    }

    /** Line number in the file (the header counts) of the last line returned. */
    long lineNumber()
    {
        return lineNumber;
    }

    boolean hadHeader()
    {
        return header;
    }

    Path path()
    {
        return path;
    }

    public void close() throws IOException
    {
        reader.close();
    }
}
