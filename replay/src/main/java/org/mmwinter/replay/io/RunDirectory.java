package org.mmwinter.replay.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A run's data directory (its engine journals, the bot's decisions) made empty before the run: a journal left from
 * an earlier run in the same place would be recovered into this one and change its result.
 */
public final class RunDirectory
{
    private RunDirectory()
    {
    }

    /** Deletes {@code dir} and everything below it, if it exists; returns {@code dir}. */
    public static Path cleared(final Path dir) throws IOException
    {
        if (Files.exists(dir))
        {
            try (Stream<Path> paths = Files.walk(dir))
            {
                for (final Path path : paths.sorted((a, b) -> b.compareTo(a)).toList())
                {
                    Files.delete(path);
                }
            }
        }
        return dir;
    }
}
