package org.mmwinter.engine.journal;

import org.mmwinter.engine.pipeline.ResultEvent;

/**
 * Binary layout of one output-journal document: a batch of results, every field a zig-zag varint (sequence and
 * times as deltas), closed by a CRC32.
 */
public final class ResultCodec
{
    public static final int VERSION = 1;
    private static final int MAX_RECORD_LENGTH = 20 * 10;

    /**
     * Receives decoded results, one reused event at a time.
     */
    @FunctionalInterface
    public interface ResultHandler
    {
        void onResult(ResultEvent event);
    }

    private final JournalBuffer buffer;
    private int count;
    private int countPosition;
    private long lastSequence;
    private long lastClientTs;
    private long lastNowNs;

    public ResultCodec(final int capacity)
    {
        buffer = new JournalBuffer(capacity);
    }

    public void beginBatch()
    {
        final JournalBuffer b = buffer;
        b.reset();
        count = 0;
        lastSequence = 0;
        lastClientTs = 0;
        lastNowNs = 0;
        b.ensure(8);
        b.writeByte(VERSION);
        countPosition = b.position;
        b.position += 5;
    }

    public int count()
    {
        return count;
    }

    public int length()
    {
        return buffer.position;
    }

    public byte[] buffer()
    {
        return buffer.bytes;
    }

    public void add(final ResultEvent r)
    {
        final JournalBuffer b = buffer;
        b.ensure(MAX_RECORD_LENGTH);
        b.writeByte(r.type);
        b.writeZigZag(r.commandSequence - lastSequence);
        lastSequence = r.commandSequence;
        b.writeZigZag(r.commandType);
        b.writeZigZag(r.sourceId);
        b.writeZigZag(r.correlationId);
        b.writeZigZag(r.clientTsNs - lastClientTs);
        lastClientTs = r.clientTsNs;
        b.writeZigZag(r.nowNs - lastNowNs);
        lastNowNs = r.nowNs;
        b.writeZigZag(r.instrumentId);
        b.writeZigZag(r.accountId);
        b.writeZigZag(r.orderId);
        b.writeZigZag(r.side);
        b.writeZigZag(r.price);
        b.writeZigZag(r.qty);
        b.writeZigZag(r.remaining);
        b.writeZigZag(r.makerAccountId);
        b.writeZigZag(r.makerOrderId);
        b.writeZigZag(r.makerRemaining);
        b.writeZigZag(r.reason);
        b.writeZigZag(r.orderCount);
        count++;
    }

    public void endBatch()
    {
        buffer.patchFixedVarInt(countPosition, count);
        buffer.seal();
    }

    public byte[] wrapForDecode(final int length)
    {
        return buffer.wrapForDecode(length);
    }

    /**
     * Checks and decodes a batch copied into {@link #wrapForDecode}.
     *
     * @return the number of results.
     */
    public int decode(final int length, final ResultEvent r, final ResultHandler handler, final String where)
    {
        final JournalBuffer b = buffer;
        b.open(length, 6, where);
        try
        {
            final int version = b.readByte();
            if (version != VERSION)
            {
                throw new JournalCorruptException("unknown output journal layout version " + version);
            }
            final int results = (int)b.readVarLong();
            long sequence = 0;
            long clientTs = 0;
            long nowNs = 0;
            for (int i = 0; i < results; i++)
            {
                r.type = b.readByte();
                sequence += b.readZigZag();
                r.commandSequence = sequence;
                r.commandType = (int)b.readZigZag();
                r.sourceId = (int)b.readZigZag();
                r.correlationId = b.readZigZag();
                clientTs += b.readZigZag();
                r.clientTsNs = clientTs;
                nowNs += b.readZigZag();
                r.nowNs = nowNs;
                r.instrumentId = (int)b.readZigZag();
                r.accountId = (int)b.readZigZag();
                r.orderId = b.readZigZag();
                r.side = (int)b.readZigZag();
                r.price = b.readZigZag();
                r.qty = b.readZigZag();
                r.remaining = b.readZigZag();
                r.makerAccountId = (int)b.readZigZag();
                r.makerOrderId = b.readZigZag();
                r.makerRemaining = b.readZigZag();
                r.reason = (int)b.readZigZag();
                r.orderCount = (int)b.readZigZag();
                handler.onResult(r);
            }
            if (!b.fullyRead())
            {
                throw new JournalCorruptException(b.remaining() + " unexpected bytes after the results");
            }
            return results;
        }
        catch (final JournalCorruptException ex)
        {
            throw new JournalCorruptException(where + ": " + ex.getMessage(), ex);
        }
    }
}
