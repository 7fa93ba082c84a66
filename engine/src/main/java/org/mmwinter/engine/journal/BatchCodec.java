package org.mmwinter.engine.journal;

import java.util.Arrays;

import org.mmwinter.engine.message.CommandEvent;

/**
 * One input-journal document: a batch of sequenced commands, each written as {@link CommandLayouts} describes
 * (zig-zag varints, deltas for times and correlation ids: about 19 bytes a command with numeric ids, 33 with UUIDs),
 * closed by a CRC32 so that a damaged document is detected rather than replayed.
 * <pre>
 * u8 version | varint5 count | varint firstSequence | record* | i32 crc32(all bytes before it)
 * record: u8 type | header fields | fields of the type
 * </pre>
 * Version 4 adds an AMEND's new client order id (empty: the order keeps its id) to version 3, whose documents still
 * decode, their amends renaming nothing.
 * Version 3 adds an instrument's fee rates and the venue's status to version 2, whose documents (written before
 * fees) still decode, their instruments without fees. Version 2 carries client order ids as strings
 * ({@link JournalBuffer#writeClientOrderId}); version 1 documents (numeric order ids, written before string ids)
 * still decode, their ids read as the decimal text they were.
 */
public final class BatchCodec
{
    public static final int VERSION = 4;
    /** A batch's header at most: its version, its five-byte record count and its first sequence's varint. */
    public static final int HEADER_BYTES = 1 + 5 + 10;
    private static final int WITHOUT_RENAME_VERSION = 3;
    private static final int WITHOUT_FEES_VERSION = 2;
    private static final int NUMERIC_ID_VERSION = 1;

    /**
     * Receives the records of a decoded batch, one reused event at a time.
     */
    @FunctionalInterface
    public interface RecordHandler
    {
        void onRecord(CommandEvent event);
    }

    private final JournalBuffer buffer;
    private final long[] last = new long[RecordLayout.MAX_FIELDS];
    /** A record's numbers while it is written ({@link RecordLayout.Access#numbers}). */
    private final long[] numbers = new long[RecordLayout.MAX_FIELDS];
    private int count;

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
        Arrays.fill(last, 0);
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

    /**
     * @throws IllegalArgumentException for a command type the journal does not know (a producer bug: the
     *                                  {@code Publication} refuses those before they reach a slot).
     */
    public void add(final CommandEvent event)
    {
        final RecordLayout layout = CommandLayouts.CURRENT;
        if (!layout.knows(event.type))
        {
            throw new IllegalArgumentException("cannot journal command type " + event.type);
        }
        layout.write(buffer, event.type, event, CommandLayouts.ACCESS, last, numbers);
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
        final RecordLayout layout = layout(b.frameVersion());
        final long[] last = this.last;
        Arrays.fill(last, 0);
        try
        {
            long sequence = b.readVarLong();
            for (int i = 0; i < records; i++)
            {
                event.clear();
                final int type = b.readByte();
                if (!layout.knows(type))
                {
                    throw new JournalCorruptException("unknown record type " + type + " at record " + i);
                }
                event.type = type;
                event.sequence = sequence++;
                layout.read(b, type, event, CommandLayouts.ACCESS, last);
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

    /**
     * Reads the first sequence of a batch from the first {@code available} bytes of its document, copied into
     * {@link #wrapForDecode}: {@link #HEADER_BYTES} are enough, the rest of the document is neither read nor checked.
     *
     * @throws JournalCorruptException when the header is not one of a batch.
     */
    public long firstSequence(final int available, final String where)
    {
        final JournalBuffer b = buffer;
        b.openHeader(available, NUMERIC_ID_VERSION, VERSION, where);
        try
        {
            return b.readVarLong();
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
            case NUMERIC_ID_VERSION: return CommandLayouts.NUMERIC_IDS;
            case WITHOUT_FEES_VERSION: return CommandLayouts.WITHOUT_FEES;
            case WITHOUT_RENAME_VERSION: return CommandLayouts.WITHOUT_RENAME;
            default: return CommandLayouts.CURRENT;
        }
    }
}
