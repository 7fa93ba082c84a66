package org.mmwinter.engine.cluster;

import java.nio.file.Files;
import java.nio.file.Path;

import io.aeron.Aeron;
import io.aeron.ConcurrentPublication;
import io.aeron.Subscription;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.BufferUtil;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Aeron 1.51.0 is built against Agrona 2.4.1; the project ships Agrona 2.6.0 (Aeron's own is excluded in the pom).
 * These check that the Agrona on the class path is the pinned one and that an embedded media driver and a client
 * run on it (the cluster tests then run the whole stack on it).
 */
final class AeronOnPinnedAgronaTest
{
    @TempDir
    Path dir;

    @Test
    void agronaOnTheClassPathIsThePinnedOne()
    {
        final String location = BufferUtil.class.getProtectionDomain().getCodeSource().getLocation().toString();
        assertTrue(location.endsWith("agrona-2.6.0.jar"), location);
    }

    @Test
    void anEmbeddedDriverCarriesAMessageOnIt() throws Exception
    {
        final Path aeronDir = Files.createDirectories(dir.resolve("aeron"));
        final MediaDriver.Context driverContext = new MediaDriver.Context()
            .aeronDirectoryName(aeronDir.toString())
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(new SleepingMillisIdleStrategy(1))
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true);
        try (MediaDriver driver = MediaDriver.launchEmbedded(driverContext);
            Aeron aeron = Aeron.connect(new Aeron.Context().aeronDirectoryName(driver.aeronDirectoryName()));
            Subscription subscription = aeron.addSubscription("aeron:ipc", 7);
            ConcurrentPublication publication = aeron.addPublication("aeron:ipc", 7))
        {
            final UnsafeBuffer message = new UnsafeBuffer(new byte[8]);
            message.putLong(0, 42L);
            final SleepingMillisIdleStrategy idle = new SleepingMillisIdleStrategy(1);
            while (publication.offer(message, 0, 8) < 0)
            {
                idle.idle();
            }
            final long[] received = {0};
            while (subscription.poll((buffer, offset, length, header) -> received[0] = buffer.getLong(offset), 1) == 0)
            {
                idle.idle();
            }
            assertEquals(42L, received[0]);
        }
    }
}
