package org.mmwinter.engine.journal;

import java.util.Arrays;

import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.message.ResultEvent;

/**
 * One output-journal document: a batch of results, each written as {@link ResultLayouts} describes, closed by a
 * CRC32. Version 4 leaves out the header of a result that repeats the one before (a command's results after its
 * first); version 3 documents, every result with its header, still decode. Version 3 added fill fees and STATUS
 * results; version 2 documents (before fees) decode with fees of 0.
 * Version 1 documents (written before string ids) still decode: their numeric order id reads as the client's id in
 * decimal text, and the engine order id, which they do not have, as {@link MatchingEngine#NO_ORDER_ID}.
 */
public final class ResultCodec
{
    public static final int VERSION = 4;
    private static final int EVERY_HEADER_VERSION = 3;
    private static final int WITHOUT_FEES_VERSION = 2;
    private static final int NUMERIC_ID_VERSION = 1;

    /**
     * Receives decoded results, one reused event at a time.
     */
    @FunctionalInterface
    public interface ResultHandler
    {
        void onResult(ResultEvent event);
    }

    private final JournalBuffer buffer;
    private final long[] last = new long[RecordLayout.MAX_FIELDS];
    /** A record's numbers while it is written ({@link RecordLayout.Access#numbers}). */
    private final long[] numbers = new long[RecordLayout.MAX_FIELDS];
    private int count;

    public ResultCodec(final int capacity)
    {
        buffer = new JournalBuffer(capacity);
    }

    public void beginBatch()
    {
        count = 0;
        Arrays.fill(last, 0);
        buffer.beginFrame(VERSION);
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

    /**
     * @throws IllegalArgumentException for a result type the journal does not know (an engine bug).
     */
    public void add(final ResultEvent r)
    {
        final RecordLayout layout = ResultLayouts.CURRENT;
        if (!layout.knows(r.type))
        {
            throw new IllegalArgumentException("cannot journal result type " + r.type);
        }
        layout.write(buffer, r.type, r, ResultLayouts.ACCESS, last, numbers);
        count++;
    }

    public void endBatch()
    {
        buffer.endFrame(count);
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
        final int results = b.openFrame(length, 6, NUMERIC_ID_VERSION, VERSION, where);
        final RecordLayout layout = layout(b.frameVersion());
        final long[] last = this.last;
        Arrays.fill(last, 0);
        try
        {
            for (int i = 0; i < results; i++)
            {
                final int typeByte = b.readByte() & 0xFF;
                final int type = layout.type(typeByte);
                if (!layout.knows(type))
                {
                    throw new JournalCorruptException("unknown result type " + typeByte + " at result " + i);
                }
                clear(r, type);
                layout.read(b, typeByte, r, ResultLayouts.ACCESS, last);
                ResultLayouts.implied(r);
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

    private static RecordLayout layout(final int version)
    {
        switch (version)
        {
            case NUMERIC_ID_VERSION: return ResultLayouts.NUMERIC_IDS;
            case WITHOUT_FEES_VERSION: return ResultLayouts.WITHOUT_FEES;
            case EVERY_HEADER_VERSION: return ResultLayouts.EVERY_HEADER;
            default: return ResultLayouts.CURRENT;
        }
    }

    /**
     * Fields a result of this type does not carry read as the publisher leaves them.
     */
    private static void clear(final ResultEvent r, final int type)
    {
        r.type = type;
        r.accountId = -1;
        r.orderId = MatchingEngine.NO_ORDER_ID;
        r.clientOrderId.clear();
        r.side = 0;
        r.price = 0;
        r.qty = 0;
        r.remaining = 0;
        r.makerAccountId = -1;
        r.makerOrderId = MatchingEngine.NO_ORDER_ID;
        r.makerClientOrderId.clear();
        r.makerRemaining = 0;
        r.rejectReason = 0;
        r.cancelReason = 0;
        r.priorityKept = false;
        r.orderCount = 0;
        r.takerFee = 0;
        r.makerFee = 0;
        r.status = 0;
    }
}
