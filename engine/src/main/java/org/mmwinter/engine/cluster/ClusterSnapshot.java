package org.mmwinter.engine.cluster;

import io.aeron.ExclusivePublication;
import io.aeron.Image;
import io.aeron.Publication;
import io.aeron.logbuffer.FragmentHandler;
import io.aeron.logbuffer.Header;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Carries one snapshot payload (the service's: the engine's {@code Snapshots.encode} bytes and its re-send table)
 * through Aeron's snapshot publication and back from its image: a header message with a magic number and the
 * length, then the bytes in chunks of at most one fragment's payload, so that each chunk arrives whole and in order
 * without reassembly. Writing and reading are the two halves of the same layout:
 * <pre>
 * header: i32 MAGIC | i32 length        chunk: bytes
 * </pre>
 */
final class ClusterSnapshot
{
    static final int MAGIC = 0x6D6D5331;
    private static final int HEADER_LENGTH = 8;

    private ClusterSnapshot()
    {
    }

    /**
     * @throws IllegalStateException when the publication closes before the snapshot is written (the consensus
     *                               module then does not record the snapshot).
     */
    static void write(
        final ExclusivePublication publication, final byte[] bytes, final int length, final IdleStrategy idle)
    {
        final UnsafeBuffer header = new UnsafeBuffer(new byte[HEADER_LENGTH]);
        header.putInt(0, MAGIC);
        header.putInt(4, length);
        offer(publication, header, 0, HEADER_LENGTH, idle);
        final UnsafeBuffer body = new UnsafeBuffer(bytes);
        final int chunk = publication.maxPayloadLength();
        for (int at = 0; at < length; at += chunk)
        {
            offer(publication, body, at, Math.min(chunk, length - at), idle);
        }
    }

    private static void offer(
        final ExclusivePublication publication, final DirectBuffer buffer, final int offset, final int length,
        final IdleStrategy idle)
    {
        idle.reset();
        while (true)
        {
            final long result = publication.offer(buffer, offset, length);
            if (result > 0)
            {
                return;
            }
            if (result == Publication.CLOSED || result == Publication.MAX_POSITION_EXCEEDED)
            {
                throw new IllegalStateException("snapshot publication refused a chunk: " + result);
            }
            idle.idle();
        }
    }

    /**
     * Reads a whole snapshot from the image.
     *
     * @return the snapshot's bytes (exactly its length).
     * @throws IllegalStateException when the image ends before the snapshot or does not start with its header.
     */
    static byte[] read(final Image image, final IdleStrategy idle)
    {
        final Reader reader = new Reader();
        idle.reset();
        while (!reader.complete())
        {
            final int fragments = image.poll(reader, 16);
            if (fragments == 0)
            {
                if (image.isClosed() || image.isEndOfStream())
                {
                    throw new IllegalStateException("snapshot image ended after " + reader.received + " of " +
                        reader.length() + " bytes");
                }
                idle.idle();
            }
            else
            {
                idle.reset();
            }
        }
        return reader.bytes;
    }

    /**
     * Collects the chunks; the first fragment must be the header.
     */
    private static final class Reader implements FragmentHandler
    {
        byte[] bytes;
        int received;

        int length()
        {
            return bytes == null ? -1 : bytes.length;
        }

        boolean complete()
        {
            return bytes != null && received == bytes.length;
        }

        public void onFragment(final DirectBuffer buffer, final int offset, final int length, final Header header)
        {
            if (bytes == null)
            {
                if (length != HEADER_LENGTH || buffer.getInt(offset) != MAGIC)
                {
                    throw new IllegalStateException("snapshot image does not start with an engine snapshot header");
                }
                bytes = new byte[buffer.getInt(offset + 4)];
                return;
            }
            if (received + length > bytes.length)
            {
                throw new IllegalStateException("snapshot image carries more than its " + bytes.length + " bytes");
            }
            buffer.getBytes(offset, bytes, received, length);
            received += length;
        }
    }
}
