package org.mmwinter.bench.jmh.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A fresh temporary data directory for one pipeline run, deleted afterwards: a journaled run writes gigabytes, so
 * the directory is also deleted when the JVM exits without reaching {@link #delete()} (an interrupted soak, a fork
 * killed by JMH).
 */
public final class ScratchDirectory implements AutoCloseable
{
    private final Path path;
    private final Thread cleanUp;
    private boolean deleted;

    private ScratchDirectory(final Path path)
    {
        this.path = path;
        this.cleanUp = new Thread(() -> deleteTree(path), "scratch-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanUp);
    }

    /**
     * Creates a new directory under {@code java.io.tmpdir}, or under {@code parent} when it is not null.
     */
    public static ScratchDirectory create(final String prefix, final Path parent)
    {
        try
        {
            return new ScratchDirectory(parent == null ?
                Files.createTempDirectory(prefix) :
                Files.createTempDirectory(Files.createDirectories(parent), prefix));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot create a scratch directory for " + prefix, ex);
        }
    }

    public static ScratchDirectory create(final String prefix)
    {
        return create(prefix, null);
    }

    public Path path()
    {
        return path;
    }

    /** Sum of the lengths of the files under the directory (what the journals occupy, sparse files aside). */
    public long bytesOnDisk()
    {
        try (Stream<Path> files = Files.walk(path))
        {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot list " + path, ex);
        }
    }

    /** Bytes free on the file system that holds the directory. */
    public long usableSpace()
    {
        return path.toFile().getUsableSpace();
    }

    public synchronized void delete()
    {
        if (deleted)
        {
            return;
        }
        deleted = true;
        deleteTree(path);
        try
        {
            Runtime.getRuntime().removeShutdownHook(cleanUp);
        }
        catch (final IllegalStateException ex)
        {
            // Already shutting down: the hook is running or has run; the tree is gone either way.
        }
    }

    public void close()
    {
        delete();
    }

    private static void deleteTree(final Path root)
    {
        if (!Files.exists(root))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(root))
        {
            for (final Path p : (Iterable<Path>)paths.sorted(Comparator.reverseOrder())::iterator)
            {
                Files.deleteIfExists(p);
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot delete " + root, ex);
        }
    }
}
