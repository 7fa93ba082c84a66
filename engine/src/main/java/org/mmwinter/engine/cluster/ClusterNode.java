package org.mmwinter.engine.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.aeron.archive.Archive;
import io.aeron.archive.ArchiveThreadingMode;
import io.aeron.archive.client.AeronArchive;
import io.aeron.cluster.ClusteredMediaDriver;
import io.aeron.cluster.ConsensusModule;
import io.aeron.cluster.NanosecondClusterClock;
import io.aeron.cluster.service.ClusteredServiceContainer;
import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import org.agrona.CloseHelper;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.NoOpLock;

/**
 * One member of the engine's cluster in this process: an embedded media driver, archive and consensus module
 * ({@link ClusteredMediaDriver}) and the container running {@link EngineClusteredService}, all under one data
 * directory ({@code aeron/}, {@code archive/}, {@code cluster/}). Sized for a small machine: every agent shares its
 * component's single thread (driver SHARED, archive SHARED) and idles by backing off to 1 ms sleeps, small terms.
 * Closing it stops the member; reopening on the same directory recovers from its snapshot and log.
 */
public final class ClusterNode implements AutoCloseable
{
    /** A leader silent this long is replaced; Aeron's default is 10 s, too slow for a venue. */
    public static final long LEADER_HEARTBEAT_TIMEOUT_NS = TimeUnit.MILLISECONDS.toNanos(2_000);
    public static final long LEADER_HEARTBEAT_INTERVAL_NS = TimeUnit.MILLISECONDS.toNanos(100);
    /** The longest park of an idle agent unless told otherwise. */
    public static final long DEFAULT_MAX_PARK_NS = TimeUnit.MILLISECONDS.toNanos(1);
    /** Term of the replicated log: 2 MiB (a message may be an eighth of it). */
    private static final String LOG_CHANNEL = "aeron:udp?term-length=2m";
    private static final String LOCAL_CONTROL_CHANNEL = "aeron:ipc?term-length=64k";
    private static final int TERM_LENGTH = 1 << 21;
    private static final String LOCK_FILE = "member.lock";
    private static final String ACTIVE_MARK_FILE = "active mark file detected";
    /** Aeron's mark file liveness timeout (archive and cluster, 10 s) and a margin. */
    private static final long STALE_MARK_FILE_WAIT_MS = 12_000;
    private static final long MARK_FILE_RETRY_MS = 250;

    private final int nodeId;
    private final Path dataDir;
    private final EngineClusteredService service;
    private final ClusteredMediaDriver driver;
    private final ClusteredServiceContainer container;
    private final FileChannel lock;

    private ClusterNode(final int nodeId, final Path dataDir, final EngineClusteredService service,
        final ClusteredMediaDriver driver, final ClusteredServiceContainer container, final FileChannel lock)
    {
        this.lock = lock;
        this.nodeId = nodeId;
        this.dataDir = dataDir;
        this.service = service;
        this.driver = driver;
        this.container = container;
    }

    /**
     * Starts member {@code nodeId} of {@code members}, its state under {@code dataDir}.
     *
     * @throws IllegalArgumentException when the node id is not one of the members.
     */
    public static ClusterNode launch(final int nodeId, final ClusterMembers members, final Path dataDir,
        final EngineClusteredService service)
    {
        return launch(nodeId, members, dataDir, service, DEFAULT_MAX_PARK_NS);
    }

    /**
     * As {@link #launch(int, ClusterMembers, Path, EngineClusteredService)}, its agents idling by parks of up to
     * {@code maxParkNs} ({@link #idleStrategy(long)}).
     */
    public static ClusterNode launch(final int nodeId, final ClusterMembers members, final Path dataDir,
        final EngineClusteredService service, final long maxParkNs)
    {
        if (nodeId < 0 || nodeId >= members.size())
        {
            throw new IllegalArgumentException("--node " + nodeId + " is not one of the " + members.size() +
                " members (0.." + (members.size() - 1) + ")");
        }
        final FileChannel lock = lock(dataDir);
        try
        {
            for (int attempt = 1; ; attempt++)
            {
                try
                {
                    return launchOnce(nodeId, members, dataDir, service, lock, maxParkNs);
                }
                catch (final IllegalStateException ex)
                {
                    if (ex.getMessage() == null || !ex.getMessage().startsWith(ACTIVE_MARK_FILE) ||
                        attempt * MARK_FILE_RETRY_MS > STALE_MARK_FILE_WAIT_MS)
                    {
                        throw ex;
                    }
                }
                Thread.sleep(MARK_FILE_RETRY_MS);
            }
        }
        catch (final InterruptedException ex)
        {
            CloseHelper.quietClose(lock);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for a dead member's mark files to age", ex);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(lock);
            throw ex;
        }
    }

    /**
     * One start of the member's components on a directory this process holds. A member killed with SIGKILL leaves
     * its archive and cluster mark files marked active; Aeron refuses them as another live process's until their
     * activity timestamp is 10 s old. Holding the directory's lock proves there is no such process, so
     * {@link #launch} tries again until they age (up to {@link #STALE_MARK_FILE_WAIT_MS}), keeping the files (the
     * consensus module's carries its election state) instead of failing a restart right after a crash.
     */
    private static ClusterNode launchOnce(final int nodeId, final ClusterMembers members, final Path dataDir,
        final EngineClusteredService service, final FileChannel lock, final long maxParkNs)
    {
        final String host = members.host(nodeId);
        final File base = dataDir.toAbsolutePath().toFile();
        final String aeronDir = new File(base, "aeron").getPath();
        final File clusterDir = new File(base, "cluster");
        final Supplier<IdleStrategy> idle = () -> idleStrategy(maxParkNs);

        final MediaDriver.Context driverContext = new MediaDriver.Context()
            .aeronDirectoryName(aeronDir)
            .threadingMode(ThreadingMode.SHARED)
            .sharedIdleStrategy(idleStrategy(maxParkNs))
            .publicationTermBufferLength(TERM_LENGTH)
            .ipcTermBufferLength(TERM_LENGTH)
            .dirDeleteOnStart(true)
            .dirDeleteOnShutdown(true);

        final Archive.Context archiveContext = new Archive.Context()
            .aeronDirectoryName(aeronDir)
            .archiveDir(new File(base, "archive"))
            .archiveId(nodeId)
            .controlChannel("aeron:udp?endpoint=" + members.endpoint(nodeId, ClusterMembers.ARCHIVE_OFFSET))
            .localControlChannel(LOCAL_CONTROL_CHANNEL)
            .replicationChannel("aeron:udp?endpoint=" + host + ":0")
            .archiveClientContext(new AeronArchive.Context()
                .controlResponseChannel("aeron:udp?endpoint=" + host + ":0"))
            .recordingEventsEnabled(false)
            .threadingMode(ArchiveThreadingMode.SHARED)
            .idleStrategySupplier(idle);

        final AeronArchive.Context localArchive = new AeronArchive.Context()
            .lock(NoOpLock.INSTANCE)
            .controlRequestChannel(LOCAL_CONTROL_CHANNEL)
            .controlRequestStreamId(archiveContext.localControlStreamId())
            .controlResponseChannel(LOCAL_CONTROL_CHANNEL)
            .aeronDirectoryName(aeronDir);

        final ConsensusModule.Context consensusContext = new ConsensusModule.Context()
            .clusterMemberId(nodeId)
            .clusterMembers(members.consensusMembers())
            .clusterDir(clusterDir)
            .aeronDirectoryName(aeronDir)
            .archiveContext(localArchive.clone())
            .serviceCount(1)
            .ingressChannel("aeron:udp")
            .logChannel(LOG_CHANNEL)
            .replicationChannel("aeron:udp?endpoint=" + host + ":0")
            .clusterClock(new NanosecondClusterClock())
            .leaderHeartbeatTimeoutNs(LEADER_HEARTBEAT_TIMEOUT_NS)
            .leaderHeartbeatIntervalNs(LEADER_HEARTBEAT_INTERVAL_NS)
            .idleStrategySupplier(idle);

        final ClusteredServiceContainer.Context containerContext = new ClusteredServiceContainer.Context()
            .aeronDirectoryName(aeronDir)
            .archiveContext(localArchive.clone())
            .clusterDir(clusterDir)
            .clusteredService(service)
            .serviceId(0)
            .idleStrategySupplier(idle);

        ClusteredMediaDriver driver = null;
        try
        {
            driver = ClusteredMediaDriver.launch(driverContext, archiveContext, consensusContext);
            final ClusteredServiceContainer container = ClusteredServiceContainer.launch(containerContext);
            return new ClusterNode(nodeId, dataDir, service, driver, container, lock);
        }
        catch (final RuntimeException ex)
        {
            CloseHelper.quietClose(driver);
            throw ex;
        }
    }

    /**
     * Takes the data directory for this process: the lock file's lock is released by the operating system when the
     * process ends, however it ends, so holding it means no other member runs on the directory.
     *
     * @throws IllegalStateException when another process holds it.
     */
    private static FileChannel lock(final Path dataDir)
    {
        try
        {
            Files.createDirectories(dataDir);
            final FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
            if (channel.tryLock() == null)
            {
                channel.close();
                throw new IllegalStateException("--data " + dataDir + " is in use by another member process");
            }
            return channel;
        }
        catch (final OverlappingFileLockException ex)
        {
            throw new IllegalStateException("--data " + dataDir + " is in use by another member in this process", ex);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("locking --data " + dataDir, ex);
        }
    }

    /**
     * Spins briefly, then yields, then parks from 1 µs up to {@code maxParkNs}: an idle agent costs little CPU, a
     * busy one answers in microseconds, and one woken from idle answers within about {@code maxParkNs}. A message
     * crosses several agents on each member it touches (driver, consensus module, service), so a light load pays
     * a few of these wake-ups per command: the default 1 ms keeps an idle member near 9 % of a core on 2 cores.
     */
    public static IdleStrategy idleStrategy(final long maxParkNs)
    {
        return new BackoffIdleStrategy(10, 20, TimeUnit.MICROSECONDS.toNanos(1), maxParkNs);
    }

    public int nodeId()
    {
        return nodeId;
    }

    public Path dataDir()
    {
        return dataDir;
    }

    public EngineClusteredService service()
    {
        return service;
    }

    /** The consensus module's directory ({@code ClusterTool} works on it). */
    public File clusterDir()
    {
        return dataDir.toAbsolutePath().resolve("cluster").toFile();
    }

    public void close()
    {
        CloseHelper.closeAll(container, driver, lock);
    }
}
