package org.mmwinter.engine.journal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

import org.mmwinter.engine.core.ClientOrderId;

/**
 * A growable byte array with the encodings both journals and the snapshots use: zig-zag varints, client order ids
 * and a closing CRC32.
 */
final class JournalBuffer
{
    /** Bytes {@link #writeClientOrderId} takes at most. */
    static final int MAX_CLIENT_ORDER_ID_LENGTH = 1 + ClientOrderId.MAX_LENGTH;
    /**
     * Tag of a client order id written as the varint of its value: ids that are canonical decimals (what numeric
     * flows and generators send) take a byte or two less than their text. Any other tag is the text's length.
     */
    private static final int DECIMAL_ID_TAG = 0x40;
    /**
     * Tags of a client order id that is a UUID in its canonical 8-4-4-4-12 form, lower or upper case hex (Coinbase's
     * {@code client_oid}): its 16 bytes instead of its 36 characters.
     */
    private static final int LOWER_UUID_TAG = 0x41;
    private static final int UPPER_UUID_TAG = 0x42;
    private static final VarHandle LONG_LITTLE_ENDIAN =
        MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    /** Bytes of the longest varint: 64 bits, seven a byte. */
    private static final int MAX_VARINT_BYTES = 10;

    private final byte[] idText = new byte[ClientOrderId.MAX_LENGTH];

    private final CRC32 crc = new CRC32();
    byte[] bytes;
    int position;
    int limit;
    private int countPosition;
    private int frameVersion;

    JournalBuffer(final int capacity)
    {
        bytes = new byte[Math.max(capacity, 1024)];
    }

    void ensure(final int extra)
    {
        if (position + extra > bytes.length)
        {
            final byte[] bigger = new byte[Math.max(bytes.length * 2, position + extra)];
            System.arraycopy(bytes, 0, bigger, 0, position);
            bytes = bigger;
        }
    }

    /**
     * Reads {@code source} in place, without copying it: the caller leaves it alone while this buffer reads it.
     */
    void wrap(final byte[] source)
    {
        bytes = source;
    }

    /**
     * Room for reading a document of {@code length} bytes copied in from outside.
     */
    byte[] wrapForDecode(final int length)
    {
        if (bytes.length < length)
        {
            bytes = new byte[Math.max(length, bytes.length * 2)];
        }
        return bytes;
    }

    void writeByte(final int value)
    {
        bytes[position++] = (byte)value;
    }

    void writeZigZag(final long value)
    {
        writeVarLong((value << 1) ^ (value >> 63));
    }

    void writeVarLong(final long value)
    {
        long v = value;
        final byte[] bytes = this.bytes;
        int p = position;
        while ((v & ~0x7FL) != 0)
        {
            bytes[p++] = (byte)((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[p++] = (byte)v;
        position = p;
    }

    /**
     * Starts a document of either journal: its layout version, then room for its record count.
     */
    void beginFrame(final int version)
    {
        position = 0;
        ensure(16);
        writeByte(version);
        countPosition = position;
        position += 5;
    }

    /**
     * Closes the document begun by {@link #beginFrame}: its record count, then its checksum.
     */
    void endFrame(final int count)
    {
        patchFixedVarInt(countPosition, count);
        seal();
    }

    /**
     * Checks a document of {@code length} bytes (checksum, layout version from {@code oldest} to {@code newest}) and
     * reads its record count; {@link #frameVersion} then tells which layout it is.
     *
     * @throws JournalCorruptException naming {@code where}.
     */
    int openFrame(final int length, final int minimumBody, final int oldest, final int newest, final String where)
    {
        open(length, minimumBody, where);
        try
        {
            final int found = readByte();
            if (found < oldest || found > newest)
            {
                throw new JournalCorruptException("journal layout version " + found + " is not readable by this " +
                    "engine, which reads versions " + oldest + " to " + newest);
            }
            frameVersion = found;
            return (int)readVarLong();
        }
        catch (final JournalCorruptException ex)
        {
            throw new JournalCorruptException(where + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Reads the start of a document's frame without its checksum: the first {@code available} bytes of a document
     * copied in (a look at its header, not a check of the document), its layout version from {@code oldest} to
     * {@code newest}; the record count is read and returned, the header's fields after it can be read next.
     *
     * @throws JournalCorruptException naming {@code where}.
     */
    int openHeader(final int available, final int oldest, final int newest, final String where)
    {
        position = 0;
        limit = available;
        try
        {
            final int found = readByte();
            if (found < oldest || found > newest)
            {
                throw new JournalCorruptException("journal layout version " + found + " is not readable by this " +
                    "engine, which reads versions " + oldest + " to " + newest);
            }
            return (int)readVarLong();
        }
        catch (final JournalCorruptException ex)
        {
            throw new JournalCorruptException(where + ": " + ex.getMessage(), ex);
        }
    }

    /**
     * Layout version of the document last opened by {@link #openFrame}.
     */
    int frameVersion()
    {
        return frameVersion;
    }

    /**
     * Writes {@code value} as a varint of exactly five bytes at {@code at}, so that it can be patched in place.
     */
    private void patchFixedVarInt(final int at, final int value)
    {
        int p = at;
        int v = value;
        for (int i = 0; i < 4; i++)
        {
            bytes[p++] = (byte)((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[p] = (byte)(v & 0x7F);
    }

    /**
     * A client order id: one tag byte, then the varint of a canonical decimal id, the 16 bytes of a canonical UUID, or
     * the id's ASCII characters.
     */
    void writeClientOrderId(final ClientOrderId id)
    {
        ensure(MAX_CLIENT_ORDER_ID_LENGTH);
        final long decimal = id.decimalValue();
        if (decimal >= 0)
        {
            bytes[position++] = DECIMAL_ID_TAG;
            writeVarLong(decimal);
            return;
        }
        final int uuid = id.writeUuid(bytes, position + 1);
        if (uuid != ClientOrderId.NOT_A_UUID)
        {
            bytes[position] = (byte)(uuid == ClientOrderId.UUID_UPPER_CASE ? UPPER_UUID_TAG : LOWER_UUID_TAG);
            position += 17;
            return;
        }
        final byte[] text = idText;
        final int length = id.writeAscii(text, 0);
        bytes[position] = (byte)length;
        System.arraycopy(text, 0, bytes, position + 1, length);
        position += 1 + length;
    }

    void readClientOrderId(final ClientOrderId id)
    {
        final int tag = readByte();
        if (tag == DECIMAL_ID_TAG)
        {
            final long value = readVarLong();
            if (value < 0)
            {
                throw new JournalCorruptException("negative decimal order id " + value);
            }
            id.setDecimal(value);
            return;
        }
        if (tag == 0)
        {
            id.clear();
            return;
        }
        if (tag == LOWER_UUID_TAG || tag == UPPER_UUID_TAG)
        {
            readUuid(id, tag == UPPER_UUID_TAG);
            return;
        }
        if (tag < 0 || tag > ClientOrderId.MAX_LENGTH || position + tag > limit ||
            id.parse(bytes, position, tag) != ClientOrderId.OK)
        {
            throw new JournalCorruptException("bad client order id (tag " + tag + ")");
        }
        position += tag;
    }

    private void readUuid(final ClientOrderId id, final boolean upperCase)
    {
        if (position + 16 > limit)
        {
            throw new JournalCorruptException("UUID order id cut short");
        }
        id.setUuid(bytes, position, upperCase);
        position += 16;
    }

    /**
     * A client order id as layout version 1 wrote it, a zig-zag number: its decimal text, or empty if negative.
     */
    void readNumericClientOrderId(final ClientOrderId id)
    {
        final long number = readZigZag();
        if (number >= 0)
        {
            id.setDecimal(number);
        }
        else
        {
            id.clear();
        }
    }

    void write(final byte[] source, final int length)
    {
        ensure(length);
        System.arraycopy(source, 0, bytes, position, length);
        position += length;
    }

    /**
     * Appends a CRC32 of everything written so far.
     */
    void seal()
    {
        ensure(4);
        crc.reset();
        crc.update(bytes, 0, position);
        final int checksum = (int)crc.getValue();
        bytes[position++] = (byte)(checksum >>> 24);
        bytes[position++] = (byte)(checksum >>> 16);
        bytes[position++] = (byte)(checksum >>> 8);
        bytes[position++] = (byte)checksum;
    }

    /**
     * Checks the closing CRC32 of a document of {@code length} bytes and prepares to read its body.
     */
    void open(final int length, final int minimumBody, final String where)
    {
        if (length < minimumBody + 4)
        {
            throw new JournalCorruptException(where + ": document of " + length + " bytes is too short");
        }
        crc.reset();
        crc.update(bytes, 0, length - 4);
        final int expected = ((bytes[length - 4] & 0xFF) << 24) | ((bytes[length - 3] & 0xFF) << 16) |
            ((bytes[length - 2] & 0xFF) << 8) | (bytes[length - 1] & 0xFF);
        if ((int)crc.getValue() != expected)
        {
            throw new JournalCorruptException(where + ": checksum mismatch (damaged or partly written document)");
        }
        position = 0;
        limit = length - 4;
    }

    boolean fullyRead()
    {
        return position == limit;
    }

    int remaining()
    {
        return limit - position;
    }

    int readByte()
    {
        if (position >= limit)
        {
            throw new JournalCorruptException("record cut short");
        }
        return bytes[position++];
    }

    long readZigZag()
    {
        final long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    long readVarLong()
    {
        if (limit - position < MAX_VARINT_BYTES)
        {
            return readVarLongByteByByte();
        }
        // At least the longest varint is left, so eight bytes can be read as one little-endian word: the first byte
        // with its high bit clear ends the varint, and the seven-bit groups before it are packed without a branch
        // per byte (the loop this replaced was a third of the decoder's time in async-profiler).
        final int p = position;
        final long word = (long)LONG_LITTLE_ENDIAN.get(bytes, p);
        final long ends = ~word & 0x8080808080808080L;
        if (ends == 0)
        {
            return readVarLongByteByByte();
        }
        long x = word & (ends ^ (ends - 1)) & 0x7F7F7F7F7F7F7F7FL;
        x = ((x & 0x7F007F007F007F00L) >>> 1) | (x & 0x007F007F007F007FL);
        x = ((x & 0x3FFF00003FFF0000L) >>> 2) | (x & 0x00003FFF00003FFFL);
        x = ((x & 0x0FFFFFFF00000000L) >>> 4) | (x & 0x000000000FFFFFFFL);
        position = p + (Long.numberOfTrailingZeros(ends) >>> 3) + 1;
        return x;
    }

    /**
     * A varint a byte at a time, checking each against the document's end: within its last ten bytes, and for the
     * nine- and ten-byte varints (values of 56 bits or more) the one-word read cannot hold.
     */
    private long readVarLongByteByByte()
    {
        long result = 0;
        int shift = 0;
        while (true)
        {
            if (position >= limit || shift > 63)
            {
                throw new JournalCorruptException("varint cut short");
            }
            final byte b = bytes[position++];
            result |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
            shift += 7;
        }
    }

    void read(final byte[] destination, final int length)
    {
        if (position + length > limit)
        {
            throw new JournalCorruptException("field cut short");
        }
        System.arraycopy(bytes, position, destination, 0, length);
        position += length;
    }
}
