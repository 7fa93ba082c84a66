package org.mmwinter.engine.gateway;

import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

import org.mmwinter.engine.pipeline.Publication;

/**
 * One client connection of the {@link OrderFlowGateway}, touched by the gateway thread only: its socket, a
 * fixed-size buffer of the bytes read and not yet cut into lines, a buffer of acknowledgements not yet sent, and its
 * own publication, so that the journal names the session behind each command.
 * <p>
 * A session object and its publication outlive the connection: they go back to the gateway's pool, and their source
 * id to another connection, only once every command of the connection has been acknowledged, so a late
 * acknowledgement can never reach the wrong client.
 */
final class GatewaySession
{
    /** Reading and answering. */
    static final int OPEN = 0;
    /** Reads no more (input ended, no header, the engine stopped); closes once its acknowledgements are sent. */
    static final int FINISHING = 1;
    /** The connection is closed; commands of it are still in the engine, their acknowledgements are dropped. */
    static final int DRAINING = 2;
    /** In the pool, waiting for a connection. */
    static final int FREE = 3;

    /** The longest acknowledgement line, with room to spare: reason texts and field names are short. */
    static final int MAX_ACK_LINE = 256;
    private static final int FIRST_OUTPUT_CAPACITY = 4096;
    private static final int LONG_DIGITS = 20;

    /** Index of the session in the gateway's table, carried in the high bits of each command's correlation id. */
    final int slot;
    final Publication publication;
    final ByteBuffer in;
    private final byte[] digits = new byte[LONG_DIGITS];
    ByteBuffer out = ByteBuffer.allocate(FIRST_OUTPUT_CAPACITY);

    SocketChannel channel;
    SelectionKey key;
    int state = FREE;
    /** Data lines read so far; the header is line 0. */
    long lines;
    boolean headerSeen;
    /** Bytes up to the next newline are the rest of a line refused as too long. */
    boolean skipping;
    /** End of input was read; what is left in {@link #in} is the last line. */
    boolean inputEnded;
    /** Complete lines wait in {@link #in} for room in the engine (the gateway's in-flight limit). */
    boolean stalled;
    /** Queued to be flushed at the end of the duty cycle. */
    boolean dirty;
    /** Commands offered and not yet acknowledged. */
    long inFlight;

    GatewaySession(final int slot, final Publication publication, final int lineLimit)
    {
        this.slot = slot;
        this.publication = publication;
        // Twice the line limit: after cutting lines, at most a limit's worth is kept, so a read always has room.
        this.in = ByteBuffer.allocate(2 * lineLimit + 2);
    }

    /**
     * Takes a new connection: everything else starts over, the buffers are reused.
     */
    GatewaySession open(final SocketChannel channel)
    {
        this.channel = channel;
        key = null;
        state = OPEN;
        lines = 0;
        headerSeen = false;
        skipping = false;
        inputEnded = false;
        stalled = false;
        dirty = false;
        in.clear();
        out.clear();
        return this;
    }

    int sourceId()
    {
        return publication.sourceId();
    }

    /** Bytes waiting to be sent. */
    int pending()
    {
        return out.position();
    }

    /**
     * Makes room for one more acknowledgement line, growing the buffer up to {@code limit} bytes.
     *
     * @return false when the line would take the unsent bytes past {@code limit}: the client does not read.
     */
    boolean reserve(final int limit)
    {
        final ByteBuffer out = this.out;
        if (out.remaining() >= MAX_ACK_LINE)
        {
            return true;
        }
        if (out.position() + MAX_ACK_LINE > limit)
        {
            return false;
        }
        // Only a client that reads slower than it sends gets here: the buffer grows, by doubling, to the bound.
        final ByteBuffer bigger = ByteBuffer.allocate(Math.min(limit, Math.max(out.capacity() * 2,
            out.position() + MAX_ACK_LINE)));
        out.flip();
        bigger.put(out);
        this.out = bigger;
        return true;
    }

    GatewaySession append(final byte[] bytes)
    {
        out.put(bytes);
        return this;
    }

    GatewaySession append(final byte b)
    {
        out.put(b);
        return this;
    }

    /** ASCII text (field names, symbols): one byte per char, anything else as '?'. */
    GatewaySession appendAscii(final CharSequence text)
    {
        final ByteBuffer out = this.out;
        final int length = text.length();
        for (int i = 0; i < length; i++)
        {
            final char c = text.charAt(i);
            out.put(c < 0x80 ? (byte)c : (byte)'?');
        }
        return this;
    }

    /** A non-negative number in decimal, without a String. */
    GatewaySession appendDigits(final long value)
    {
        final byte[] digits = this.digits;
        long rest = value;
        int at = digits.length;
        do
        {
            digits[--at] = (byte)('0' + rest % 10);
            rest /= 10;
        }
        while (rest > 0);
        out.put(digits, at, digits.length - at);
        return this;
    }
}
