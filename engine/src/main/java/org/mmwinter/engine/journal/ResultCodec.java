package org.mmwinter.engine.journal;

import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;

/**
 * Binary layout of one output-journal document: a batch of results, each a shared header (type, command sequence,
 * command type, source, correlation, times; deltas where results of one command repeat them) and only the fields
 * its type carries, all zig-zag varints, closed by a CRC32. An execution report names its order both ways: the
 * engine's order id and the client's ({@link JournalBuffer#writeClientOrderId}), and a FILL its maker's too.
 * Version 1 documents (written before string ids) still decode: their numeric order id reads as the client's id
 * in decimal text, and the engine order id, which they do not have, as {@link MatchingEngine#NO_ORDER_ID}.
 */
public final class ResultCodec
{
    public static final int VERSION = 2;
    private static final int NUMERIC_ID_VERSION = 1;
    private static final int MAX_RECORD_LENGTH = 20 * 10 + 2 * JournalBuffer.MAX_CLIENT_ORDER_ID_LENGTH;

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
    private long lastSequence;
    private long lastClientTs;
    private long lastNowNs;
    private long lastCorrelation;

    public ResultCodec(final int capacity)
    {
        buffer = new JournalBuffer(capacity);
    }

    public void beginBatch()
    {
        count = 0;
        lastSequence = 0;
        lastClientTs = 0;
        lastNowNs = 0;
        lastCorrelation = 0;
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

    public void add(final ResultEvent r)
    {
        final JournalBuffer b = buffer;
        b.ensure(MAX_RECORD_LENGTH);
        final int type = r.type;
        b.writeByte(type);
        // Results of one command share their header: as deltas it costs a byte or two per result.
        b.writeZigZag(r.commandSequence - lastSequence);
        lastSequence = r.commandSequence;
        b.writeZigZag(r.commandType);
        b.writeZigZag(r.sourceId);
        b.writeZigZag(r.correlationId - lastCorrelation);
        lastCorrelation = r.correlationId;
        b.writeZigZag(r.clientTsNs - lastClientTs);
        lastClientTs = r.clientTsNs;
        b.writeZigZag(r.nowNs - lastNowNs);
        lastNowNs = r.nowNs;
        b.writeZigZag(r.instrumentId);
        switch (type)
        {
            case ResultType.TRADE:
                b.writeZigZag(r.side);
                b.writeZigZag(r.price);
                b.writeZigZag(r.qty);
                break;
            case ResultType.LEVEL:
            case ResultType.BOOK_LEVEL:
                b.writeZigZag(r.side);
                b.writeZigZag(r.price);
                b.writeZigZag(r.qty);
                b.writeZigZag(r.orderCount);
                break;
            default:
                b.writeZigZag(r.accountId);
                b.writeZigZag(r.orderId);
                b.writeClientOrderId(r.clientOrderId);
                writeOrderFields(b, r);
                break;
        }
        count++;
    }

    /**
     * The fields each execution report uses, after account and order id.
     */
    private static void writeOrderFields(final JournalBuffer b, final ResultEvent r)
    {
        switch (r.type)
        {
            case ResultType.ACCEPTED:
                b.writeZigZag(r.side);
                b.writeZigZag(r.price);
                b.writeZigZag(r.qty);
                break;
            case ResultType.FILL:
                b.writeZigZag(r.side);
                b.writeZigZag(r.price);
                b.writeZigZag(r.qty);
                b.writeZigZag(r.remaining);
                b.writeZigZag(r.makerAccountId);
                b.writeZigZag(r.makerOrderId);
                b.writeClientOrderId(r.makerClientOrderId);
                b.writeZigZag(r.makerRemaining);
                break;
            case ResultType.AMENDED:
                b.writeZigZag(r.price);
                b.writeZigZag(r.qty);
                b.writeZigZag(r.priorityKept ? 1 : 0);
                break;
            case ResultType.CANCELED:
            case ResultType.REDUCED:
                b.writeZigZag(r.qty);
                b.writeZigZag(r.remaining);
                b.writeZigZag(r.cancelReason);
                break;
            case ResultType.EXPIRED:
                b.writeZigZag(r.qty);
                break;
            default:
                // REJECTED and DONE: the reason.
                b.writeZigZag(r.rejectReason);
                break;
        }
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
        final boolean numericIds = b.frameVersion() == NUMERIC_ID_VERSION;
        try
        {
            long sequence = 0;
            long correlation = 0;
            long clientTs = 0;
            long nowNs = 0;
            for (int i = 0; i < results; i++)
            {
                final int type = b.readByte();
                clear(r, type);
                sequence += b.readZigZag();
                r.commandSequence = sequence;
                r.commandType = (int)b.readZigZag();
                r.sourceId = (int)b.readZigZag();
                correlation += b.readZigZag();
                r.correlationId = correlation;
                clientTs += b.readZigZag();
                r.clientTsNs = clientTs;
                nowNs += b.readZigZag();
                r.nowNs = nowNs;
                r.instrumentId = (int)b.readZigZag();
                switch (type)
                {
                    case ResultType.TRADE:
                        r.side = (int)b.readZigZag();
                        r.price = b.readZigZag();
                        r.qty = b.readZigZag();
                        break;
                    case ResultType.LEVEL:
                    case ResultType.BOOK_LEVEL:
                        r.side = (int)b.readZigZag();
                        r.price = b.readZigZag();
                        r.qty = b.readZigZag();
                        r.orderCount = (int)b.readZigZag();
                        break;
                    default:
                        r.accountId = (int)b.readZigZag();
                        r.orderId = readOrderIds(b, r.clientOrderId, numericIds);
                        readOrderFields(b, r, numericIds);
                        break;
                }
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

    /**
     * The engine order id and the client order id of a result; a version 1 document has one number, the client's.
     */
    private static long readOrderIds(final JournalBuffer b, final ClientOrderId clientOrderId, final boolean numeric)
    {
        if (numeric)
        {
            b.readNumericClientOrderId(clientOrderId);
            return MatchingEngine.NO_ORDER_ID;
        }
        final long orderId = b.readZigZag();
        b.readClientOrderId(clientOrderId);
        return orderId;
    }

    private static void readOrderFields(final JournalBuffer b, final ResultEvent r, final boolean numericIds)
    {
        switch (r.type)
        {
            case ResultType.ACCEPTED:
                r.side = (int)b.readZigZag();
                r.price = b.readZigZag();
                r.qty = b.readZigZag();
                r.remaining = r.qty;
                break;
            case ResultType.FILL:
                r.side = (int)b.readZigZag();
                r.price = b.readZigZag();
                r.qty = b.readZigZag();
                r.remaining = b.readZigZag();
                r.makerAccountId = (int)b.readZigZag();
                r.makerOrderId = readOrderIds(b, r.makerClientOrderId, numericIds);
                r.makerRemaining = b.readZigZag();
                break;
            case ResultType.AMENDED:
                r.price = b.readZigZag();
                r.qty = b.readZigZag();
                r.remaining = r.qty;
                r.priorityKept = b.readZigZag() != 0;
                break;
            case ResultType.CANCELED:
            case ResultType.REDUCED:
                r.qty = b.readZigZag();
                r.remaining = b.readZigZag();
                r.cancelReason = (int)b.readZigZag();
                break;
            case ResultType.EXPIRED:
                r.qty = b.readZigZag();
                break;
            default:
                r.rejectReason = (int)b.readZigZag();
                break;
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
    }
}
