package org.mmwinter.engine.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.aeron.cluster.RecordingLog;
import io.aeron.cluster.client.AeronCluster;
import io.aeron.cluster.codecs.MessageHeaderDecoder;
import io.aeron.cluster.codecs.NewLeadershipTermEventDecoder;
import io.aeron.cluster.codecs.SessionMessageHeaderDecoder;
import io.aeron.cluster.service.ClusterClock;
import io.aeron.logbuffer.FrameDescriptor;
import io.aeron.protocol.DataHeaderFlyweight;
import org.agrona.BitUtil;
import org.agrona.ExpandableArrayBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.mmwinter.engine.journal.BatchCodec;
import org.mmwinter.engine.state.EngineState;

/**
 * What a stopped member's directory says its state is, without starting Aeron: the member's replicated log, as its
 * archive recorded it ({@code archive/<recording>-<segment base>.rec}, the recording named by the last term of
 * {@code cluster/recording.log}), read from position 0 and applied through a fresh {@link EngineClusteredService},
 * the same code a running member applies it with. The log is whole from 0 because nothing here purges it: a snapshot
 * shortens a restart, not the log. Nothing is written to the directory; the segments are read as the archive
 * wrote them (frames of the term layout; only session messages carry commands).
 * <p>
 * The log is read to its last whole frame. A member that stopped cleanly has applied all of it; a member killed
 * with frames appended but not yet committed would show them here too (the cluster may have dropped them).
 */
public final class ClusterLogReplay
{
    private static final String SEGMENT_SUFFIX = ".rec";

    private final MessageHeaderDecoder messageHeader = new MessageHeaderDecoder();
    private final SessionMessageHeaderDecoder sessionHeader = new SessionMessageHeaderDecoder();
    private final NewLeadershipTermEventDecoder newTerm = new NewLeadershipTermEventDecoder();
    private final ExpandableArrayBuffer message = new ExpandableArrayBuffer(1 << 12);
    private final EngineClusteredService service;
    private TimeUnit timeUnit = TimeUnit.NANOSECONDS;
    private int messageLength;

    private ClusterLogReplay(final int expectedLiveOrders)
    {
        service = new EngineClusteredService(expectedLiveOrders);
    }

    /** Whether {@code dataDir} is a cluster member's directory ({@code engine.jar cluster --data}). */
    public static boolean isMemberDirectory(final Path dataDir)
    {
        return Files.isRegularFile(dataDir.resolve("cluster").resolve(RecordingLog.RECORDING_LOG_FILE_NAME));
    }

    /**
     * Rebuilds a stopped member's state from its archived log.
     *
     * @throws IllegalArgumentException when the directory is not a member's or its log does not start at 0.
     */
    public static EngineState rebuild(final Path dataDir, final int expectedLiveOrders)
    {
        final ClusterLogReplay replay = new ClusterLogReplay(expectedLiveOrders);
        replay.read(dataDir);
        return replay.service.state();
    }

    /**
     * As {@link #rebuild(Path, int)}, telling {@code applied} of every command the log applied, in the log's order,
     * after it is applied (its sequence, engine time and result set); a re-send the log did not apply again is not
     * told.
     */
    public static EngineState rebuild(final Path dataDir, final int expectedLiveOrders,
        final BatchCodec.RecordHandler applied)
    {
        final ClusterLogReplay replay = new ClusterLogReplay(expectedLiveOrders);
        replay.service.appliedListener(applied);
        replay.read(dataDir);
        return replay.service.state();
    }

    private void read(final Path dataDir)
    {
        if (!isMemberDirectory(dataDir))
        {
            throw new IllegalArgumentException("no cluster recording log under " + dataDir.toAbsolutePath() +
                " (expected cluster/" + RecordingLog.RECORDING_LOG_FILE_NAME + ")");
        }
        final long recordingId;
        try (RecordingLog log = new RecordingLog(dataDir.resolve("cluster").toFile(), false))
        {
            final RecordingLog.Entry last = log.findLastTerm();
            if (last == null)
            {
                throw new IllegalArgumentException("cluster recording log under " + dataDir.toAbsolutePath() +
                    " names no log recording (the member never joined a term)");
            }
            recordingId = last.recordingId;
        }
        final Map<Long, Path> segments = segments(dataDir.resolve("archive"), recordingId);
        if (segments.isEmpty() || segments.keySet().iterator().next() != 0)
        {
            throw new IllegalArgumentException("log recording " + recordingId + " under " +
                dataDir.resolve("archive").toAbsolutePath() + " does not start at position 0");
        }
        for (final Path segment : segments.values())
        {
            final byte[] bytes;
            try
            {
                bytes = Files.readAllBytes(segment);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("reading log segment " + segment, ex);
            }
            if (!readFrames(new UnsafeBuffer(bytes)))
            {
                break;
            }
        }
    }

    /**
     * @return whether the segment was read to its end (the log may go on in the next segment).
     */
    private boolean readFrames(final UnsafeBuffer segment)
    {
        int at = 0;
        while (at + DataHeaderFlyweight.HEADER_LENGTH <= segment.capacity())
        {
            final int frameLength = segment.getInt(at + DataHeaderFlyweight.FRAME_LENGTH_FIELD_OFFSET);
            if (frameLength < DataHeaderFlyweight.HEADER_LENGTH || at + frameLength > segment.capacity())
            {
                return false;
            }
            if (segment.getShort(at + DataHeaderFlyweight.TYPE_FIELD_OFFSET) == DataHeaderFlyweight.HDR_TYPE_DATA)
            {
                fragment(segment, at + DataHeaderFlyweight.HEADER_LENGTH,
                    frameLength - DataHeaderFlyweight.HEADER_LENGTH,
                    segment.getByte(at + DataHeaderFlyweight.FLAGS_FIELD_OFFSET));
            }
            at += BitUtil.align(frameLength, FrameDescriptor.FRAME_ALIGNMENT);
        }
        return true;
    }

    private void fragment(final UnsafeBuffer segment, final int offset, final int length, final byte flags)
    {
        if ((flags & FrameDescriptor.BEGIN_FRAG_FLAG) != 0)
        {
            messageLength = 0;
        }
        message.putBytes(messageLength, segment, offset, length);
        messageLength += length;
        if ((flags & FrameDescriptor.END_FRAG_FLAG) != 0)
        {
            onMessage(messageLength);
            messageLength = 0;
        }
    }

    private void onMessage(final int length)
    {
        if (length < MessageHeaderDecoder.ENCODED_LENGTH)
        {
            return;
        }
        messageHeader.wrap(message, 0);
        if (messageHeader.schemaId() != MessageHeaderDecoder.SCHEMA_ID)
        {
            return;
        }
        final int templateId = messageHeader.templateId();
        if (templateId == SessionMessageHeaderDecoder.TEMPLATE_ID && length >= AeronCluster.SESSION_HEADER_LENGTH)
        {
            sessionHeader.wrapAndApplyHeader(message, 0, messageHeader);
            service.replay(timeUnit.toNanos(sessionHeader.timestamp()), message, AeronCluster.SESSION_HEADER_LENGTH,
                length - AeronCluster.SESSION_HEADER_LENGTH);
        }
        else if (templateId == NewLeadershipTermEventDecoder.TEMPLATE_ID)
        {
            newTerm.wrapAndApplyHeader(message, 0, messageHeader);
            timeUnit = ClusterClock.map(newTerm.timeUnit());
        }
    }

    private static Map<Long, Path> segments(final Path archiveDir, final long recordingId)
    {
        final Map<Long, Path> segments = new TreeMap<>();
        final String prefix = recordingId + "-";
        final File[] files = archiveDir.toFile().listFiles();
        if (files == null)
        {
            return segments;
        }
        for (final File file : files)
        {
            final String name = file.getName();
            if (name.startsWith(prefix) && name.endsWith(SEGMENT_SUFFIX))
            {
                try
                {
                    segments.put(Long.parseLong(name.substring(prefix.length(),
                        name.length() - SEGMENT_SUFFIX.length())), file.toPath());
                }
                catch (final NumberFormatException ex)
                {
                    // Not a segment of this recording (another file that happens to share the prefix).
                }
            }
        }
        return segments;
    }
}
