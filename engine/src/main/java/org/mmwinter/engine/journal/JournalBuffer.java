package org.mmwinter.engine.journal;

import java.util.zip.CRC32;

/**
 * A growable byte array with the encodings both journals use: zig-zag varints and a closing CRC32.
 */
final class JournalBuffer
{
    private final CRC32 crc = new CRC32();
    byte[] bytes;
    int position;
    int limit;
    private int countPosition;

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
     * Checks a document of {@code length} bytes (checksum, layout version) and reads its record count.
     *
     * @throws JournalCorruptException naming {@code where}.
     */
    int openFrame(final int length, final int minimumBody, final int version, final String where)
    {
        open(length, minimumBody, where);
        try
        {
            final int found = readByte();
            if (found != version)
            {
                throw new JournalCorruptException("unknown journal layout version " + found);
            }
            return (int)readVarLong();
        }
        catch (final JournalCorruptException ex)
        {
            throw new JournalCorruptException(where + ": " + ex.getMessage(), ex);
        }
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
