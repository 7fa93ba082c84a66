package org.mmwinter.engine.journal;

import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;

/**
 * Binary layout of one input-journal document: a batch of sequenced commands, varint and delta encoded (about 20
 * bytes a NEW with a numeric id), closed by a CRC32 so that a damaged document is detected rather than replayed.
 * <pre>
 * u8 version | varint5 count | varint firstSequence | record* | i32 crc32(all bytes before it)
 * record: u8 type | zz nowNs-delta | zz clientTs-delta | zz source | zz correlation-delta | fields of the type
 * </pre>
 * Values are written as they came, even invalid ones, so that recovery makes the core refuse them again.
 * Version 2 carries client order ids as strings ({@link JournalBuffer#writeClientOrderId}); version 1 documents
 * (numeric order ids, written before string ids) still decode, their ids read as the decimal text they were.
 */
public final class BatchCodec
{
    public static final int VERSION = 2;
    private static final int NUMERIC_ID_VERSION = 1;
    private static final int MAX_RECORD_LENGTH =
        1 + 20 * 10 + JournalBuffer.MAX_CLIENT_ORDER_ID_LENGTH + CommandEvent.MAX_NAME_LENGTH + 10;

    /**
     * Receives the records of a decoded batch, one reused event at a time.
     */
    @FunctionalInterface
    public interface RecordHandler
    {
        void onRecord(CommandEvent event);
    }

    private final JournalBuffer buffer;
    private int count;
    private long lastNowNs;
    private long lastClientTs;
    private long lastCorrelation;

    public BatchCodec(final int capacity)
    {
        buffer = new JournalBuffer(capacity);
    }

    /**
     * Starts a batch whose first record will carry {@code firstSequence}.
     */
    public void beginBatch(final long firstSequence)
    {
        count = 0;
        lastNowNs = 0;
        lastClientTs = 0;
        lastCorrelation = 0;
        buffer.beginFrame(VERSION);
        buffer.writeVarLong(firstSequence);
    }

    public int count()
    {
        return count;
    }

    /** Bytes the batch takes so far (all of it after {@link #endBatch}). */
    public int length()
    {
        return buffer.position;
    }

    public byte[] buffer()
    {
        return buffer.bytes;
    }

    public void add(final CommandEvent event)
    {
        final JournalBuffer b = buffer;
        b.ensure(MAX_RECORD_LENGTH);
        final int type = event.type;
        b.writeByte(type);
        b.writeZigZag(event.nowNs - lastNowNs);
        lastNowNs = event.nowNs;
        b.writeZigZag(event.clientTsNs - lastClientTs);
        lastClientTs = event.clientTsNs;
        b.writeZigZag(event.sourceId);
        b.writeZigZag(event.correlationId - lastCorrelation);
        lastCorrelation = event.correlationId;
        switch (type)
        {
            case CommandType.NEW:
                b.writeZigZag(event.accountId);
                b.writeClientOrderId(event.clientOrderId);
                b.writeZigZag(event.instrumentId);
                b.writeZigZag(event.side);
                b.writeZigZag(event.orderType);
                b.writeZigZag(event.tif);
                b.writeZigZag(event.stp);
                b.writeZigZag(event.price);
                b.writeZigZag(event.qty);
                break;
            case CommandType.CANCEL:
                b.writeZigZag(event.accountId);
                b.writeClientOrderId(event.clientOrderId);
                b.writeZigZag(event.instrumentId);
                break;
            case CommandType.AMEND:
                b.writeZigZag(event.accountId);
                b.writeClientOrderId(event.clientOrderId);
                b.writeZigZag(event.instrumentId);
                b.writeZigZag(event.price);
                b.writeZigZag(event.qty);
                break;
            case CommandType.MASS_CANCEL:
                b.writeZigZag(event.accountId);
                b.writeZigZag(event.instrumentId);
                break;
            case CommandType.HALT:
            case CommandType.RESUME:
            case CommandType.BOOK_SNAPSHOT:
                b.writeZigZag(event.instrumentId);
                break;
            case CommandType.ADD_INSTRUMENT:
                b.writeZigZag(event.instrumentId);
                b.writeZigZag(event.priceScale);
                b.writeZigZag(event.tickUnits);
                b.writeZigZag(event.qtyScale);
                b.writeZigZag(event.lotUnits);
                b.writeZigZag(event.bandBps);
                b.writeZigZag(event.nameLength);
                b.write(event.name, event.nameLength);
                break;
            case CommandType.REGISTER_ACCOUNT:
                b.writeZigZag(event.accountId);
                b.writeZigZag(event.nameLength);
                b.write(event.name, event.nameLength);
                break;
            default:
                throw new IllegalArgumentException("cannot journal command type " + type);
        }
        count++;
    }

    /**
     * Closes the batch with its count and checksum.
     */
    public void endBatch()
    {
        buffer.endFrame(count);
    }

    /**
     * Room to copy a document of {@code length} bytes in before {@link #decode}.
     */
    public byte[] wrapForDecode(final int length)
    {
        return buffer.wrapForDecode(length);
    }

    /**
     * Checks and decodes a batch copied into {@link #wrapForDecode}, handing each record to {@code handler}.
     *
     * @param where names the document in error messages.
     * @return the number of records.
     * @throws JournalCorruptException when the checksum, version or layout is wrong.
     */
    public int decode(final int length, final CommandEvent event, final RecordHandler handler, final String where)
    {
        final JournalBuffer b = buffer;
        final int records = b.openFrame(length, 7, NUMERIC_ID_VERSION, VERSION, where);
        final boolean numericIds = b.frameVersion() == NUMERIC_ID_VERSION;
        try
        {
            long sequence = b.readVarLong();
            long nowNs = 0;
            long clientTs = 0;
            long correlation = 0;
            for (int i = 0; i < records; i++)
            {
                event.clear();
                final int type = b.readByte();
                event.type = type;
                event.sequence = sequence++;
                nowNs += b.readZigZag();
                event.nowNs = nowNs;
                clientTs += b.readZigZag();
                event.clientTsNs = clientTs;
                event.sourceId = (int)b.readZigZag();
                correlation += b.readZigZag();
                event.correlationId = correlation;
                switch (type)
                {
                    case CommandType.NEW:
                        event.accountId = (int)b.readZigZag();
                        readClientOrderId(b, event, numericIds);
                        event.instrumentId = (int)b.readZigZag();
                        event.side = (int)b.readZigZag();
                        event.orderType = (int)b.readZigZag();
                        event.tif = (int)b.readZigZag();
                        event.stp = (int)b.readZigZag();
                        event.price = b.readZigZag();
                        event.qty = b.readZigZag();
                        break;
                    case CommandType.CANCEL:
                        event.accountId = (int)b.readZigZag();
                        readClientOrderId(b, event, numericIds);
                        event.instrumentId = (int)b.readZigZag();
                        break;
                    case CommandType.AMEND:
                        event.accountId = (int)b.readZigZag();
                        readClientOrderId(b, event, numericIds);
                        event.instrumentId = (int)b.readZigZag();
                        event.price = b.readZigZag();
                        event.qty = b.readZigZag();
                        break;
                    case CommandType.MASS_CANCEL:
                        event.accountId = (int)b.readZigZag();
                        event.instrumentId = (int)b.readZigZag();
                        break;
                    case CommandType.HALT:
                    case CommandType.RESUME:
                    case CommandType.BOOK_SNAPSHOT:
                        event.instrumentId = (int)b.readZigZag();
                        break;
                    case CommandType.ADD_INSTRUMENT:
                        event.instrumentId = (int)b.readZigZag();
                        event.priceScale = (int)b.readZigZag();
                        event.tickUnits = b.readZigZag();
                        event.qtyScale = (int)b.readZigZag();
                        event.lotUnits = b.readZigZag();
                        event.bandBps = b.readZigZag();
                        readName(b, event);
                        break;
                    case CommandType.REGISTER_ACCOUNT:
                        event.accountId = (int)b.readZigZag();
                        readName(b, event);
                        break;
                    default:
                        throw new JournalCorruptException("unknown record type " + type + " at record " + i);
                }
                handler.onRecord(event);
            }
            if (!b.fullyRead())
            {
                throw new JournalCorruptException(b.remaining() + " unexpected bytes after the records");
            }
            return records;
        }
        catch (final JournalCorruptException ex)
        {
            throw new JournalCorruptException(where + ": " + ex.getMessage(), ex);
        }
    }

    private static void readClientOrderId(final JournalBuffer b, final CommandEvent event, final boolean numeric)
    {
        if (numeric)
        {
            // The core refused negative ids then and refuses an empty id now.
            b.readNumericClientOrderId(event.clientOrderId);
        }
        else
        {
            b.readClientOrderId(event.clientOrderId);
        }
    }

    private static void readName(final JournalBuffer b, final CommandEvent event)
    {
        final int length = (int)b.readZigZag();
        if (length < 0 || length > CommandEvent.MAX_NAME_LENGTH)
        {
            throw new JournalCorruptException("bad name length " + length);
        }
        b.read(event.name, length);
        event.nameLength = length;
    }
}
