package org.mmwinter.replay.io;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Opens a recorded-data file (a LOBSTER or a vendor CSV), plain or gzip. Gzip is told by the stream's first two
 * bytes, not by the name: downloads get renamed, and a `.csv` that is really gzip must still read.
 */
public final class RecordedFile
{
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int BUFFER = 1 << 16;

    private RecordedFile()
    {
    }

    /**
     * A reader of the file's text (UTF-8, which reads ASCII unchanged), decompressed when it is gzip.
     *
     * @throws IOException when the file cannot be opened or its first bytes read (a damaged gzip header included).
     */
    public static BufferedReader open(final Path path) throws IOException
    {
        final InputStream raw = new BufferedInputStream(Files.newInputStream(path), BUFFER);
        try
        {
            raw.mark(2);
            final int first = raw.read();
            final int second = raw.read();
            raw.reset();
            final InputStream in = first == GZIP_MAGIC_1 && second == GZIP_MAGIC_2 ?
                new GZIPInputStream(raw, BUFFER) : raw;
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), BUFFER);
        }
        catch (final IOException ex)
        {
            raw.close();
            throw ex;
        }
    }
}
