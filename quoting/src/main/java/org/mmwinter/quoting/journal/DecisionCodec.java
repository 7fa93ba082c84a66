package org.mmwinter.quoting.journal;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import org.agrona.concurrent.UnsafeBuffer;
import org.mmwinter.engine.journal.JournalCorruptException;

/**
 * The binary layout of the decision journal's records, written and read by the same class so that the two cannot
 * drift apart. One Chronicle document holds one record:
 *
 * <pre>
 *   u8  layout version (1)
 *   u8  record type: 1 decision, 2 instrument
 *   ... body
 *   u32 CRC32 of everything before it
 * </pre>
 *
 * A decision body (version 1): {@code nowNs} as 8 fixed bytes (event times are always large, a varint would take
 * 9); {@code commandSequence}, {@code instrumentId}, {@code reason}, {@code flags} as zig-zag varints; the ten
 * doubles {@code mid, sigma, k, a, inventory, reservation, bidHalfSpread, askHalfSpread, equity, drawdown} as their
 * raw IEEE bits (NaN payloads survive); the bid and ask level counts as varints, then each level's ticks as the
 * zig-zag varint of its distance from the level before (the first from 0: neighbouring levels are a few ticks apart,
 * so most take one byte) and its lots as a zig-zag varint, bids then asks; {@code commandsSent},
 * {@code bestBidTicks}, {@code bestAskTicks} as zig-zag varints.
 *
 * An instrument body: the id as a zig-zag varint, tick size and lot size as raw doubles, the symbol's UTF-8 length
 * as a varint and its bytes.
 *
 * Fixed-width fields are little-endian. Zig-zag everywhere, even where negatives make no sense, because a journal
 * kept for post-mortems must record a wrong value as it was, not refuse it. The version byte leads every record so
 * that a later layout can add a version and still read this one.
 */
final class DecisionCodec
{
    static final int VERSION = 1;
    static final int OLDEST_READABLE_VERSION = 1;

    static final int DECISION = 1;
    static final int INSTRUMENT = 2;

    /** Longest symbol an instrument record takes, in UTF-8 bytes. */
    static final int MAX_SYMBOL_BYTES = 64;

    private static final int HEADER_LENGTH = 2;
    private static final int CHECKSUM_LENGTH = 4;
    private static final int MAX_VARINT_LENGTH = 10;
    private static final int DOUBLES = 10;
    /**
     * Longest decision record: header, the fixed time, four varints, the doubles, two counts, two full ladders of
     * two varints a level, three varints, the checksum (under 600 bytes).
     */
    static final int MAX_DECISION_LENGTH = HEADER_LENGTH + 8 + 4 * MAX_VARINT_LENGTH + DOUBLES * 8 +
        2 * MAX_VARINT_LENGTH + 2 * Decision.MAX_LEVELS * 2 * MAX_VARINT_LENGTH + 3 * MAX_VARINT_LENGTH +
        CHECKSUM_LENGTH;
    private static final int MAX_INSTRUMENT_LENGTH = HEADER_LENGTH + MAX_VARINT_LENGTH + 2 * 8 + MAX_VARINT_LENGTH +
        MAX_SYMBOL_BYTES + CHECKSUM_LENGTH;
    private static final int CAPACITY = Math.max(MAX_DECISION_LENGTH, MAX_INSTRUMENT_LENGTH);
    private static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    private final CRC32 crc = new CRC32();
    private byte[] bytes = new byte[CAPACITY];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    private int position;
    private int limit;
    private int recordType;

    private int instrumentId;
    private String symbol;
    private double tickSize;
    private double lotSize;

    byte[] bytes()
    {
        return bytes;
    }

    /**
     * Writes {@code d} as a decision record from offset 0.
     *
     * @return its length.
     * @throws IllegalArgumentException when a level count is outside 0 to {@link Decision#MAX_LEVELS}.
     */
    int encodeDecision(final Decision d)
    {
        checkLevels("bidLevels", d.bidLevels);
        checkLevels("askLevels", d.askLevels);
        beginRecord(DECISION);
        putFixedLong(d.nowNs);
        writeZigZag(d.commandSequence);
        writeZigZag(d.instrumentId);
        writeZigZag(d.reason);
        writeZigZag(d.flags);
        putDouble(d.mid);
        putDouble(d.sigma);
        putDouble(d.k);
        putDouble(d.a);
        putDouble(d.inventory);
        putDouble(d.reservation);
        putDouble(d.bidHalfSpread);
        putDouble(d.askHalfSpread);
        putDouble(d.equity);
        putDouble(d.drawdown);
        writeVarLong(d.bidLevels);
        writeVarLong(d.askLevels);
        writeLadder(d.bidTicks, d.bidLots, d.bidLevels);
        writeLadder(d.askTicks, d.askLots, d.askLevels);
        writeZigZag(d.commandsSent);
        writeZigZag(d.bestBidTicks);
        writeZigZag(d.bestAskTicks);
        return seal();
    }

    /**
     * Writes an instrument record from offset 0.
     *
     * @return its length.
     * @throws IllegalArgumentException for an empty or too long symbol, or a tick or lot size that is not a positive
     *     number.
     */
    int encodeInstrument(final int instrumentId, final String symbol, final double tickSize, final double lotSize)
    {
        if (symbol == null || symbol.isEmpty())
        {
            throw new IllegalArgumentException("symbol of instrument " + instrumentId + " is empty");
        }
        final byte[] text = symbol.getBytes(StandardCharsets.UTF_8);
        if (text.length > MAX_SYMBOL_BYTES)
        {
            throw new IllegalArgumentException("symbol '" + symbol + "' of instrument " + instrumentId + " takes " +
                text.length + " bytes, more than " + MAX_SYMBOL_BYTES);
        }
        checkSize("tickSize", instrumentId, tickSize);
        checkSize("lotSize", instrumentId, lotSize);
        beginRecord(INSTRUMENT);
        writeZigZag(instrumentId);
        putDouble(tickSize);
        putDouble(lotSize);
        writeVarLong(text.length);
        System.arraycopy(text, 0, bytes, position, text.length);
        position += text.length;
        return seal();
    }

    private static void checkLevels(final String field, final int levels)
    {
        if (levels < 0 || levels > Decision.MAX_LEVELS)
        {
            throw new IllegalArgumentException("Decision." + field + " is " + levels + ", outside 0 to " +
                Decision.MAX_LEVELS);
        }
    }

    private static void checkSize(final String field, final int instrumentId, final double size)
    {
        if (!(size > 0) || Double.isInfinite(size))
        {
            throw new IllegalArgumentException(field + " of instrument " + instrumentId + " is " + size +
                ", not a positive number");
        }
    }

    private void beginRecord(final int type)
    {
        bytes[0] = (byte)VERSION;
        bytes[1] = (byte)type;
        position = HEADER_LENGTH;
    }

    private void writeLadder(final long[] ticks, final long[] lots, final int levels)
    {
        long previous = 0;
        for (int i = 0; i < levels; i++)
        {
            writeZigZag(ticks[i] - previous);
            writeZigZag(lots[i]);
            previous = ticks[i];
        }
    }

    private int seal()
    {
        crc.reset();
        crc.update(bytes, 0, position);
        buffer.putInt(position, (int)crc.getValue(), ORDER);
        position += CHECKSUM_LENGTH;
        return position;
    }

    private void putFixedLong(final long value)
    {
        buffer.putLong(position, value, ORDER);
        position += 8;
    }

    private void putDouble(final double value)
    {
        putFixedLong(Double.doubleToRawLongBits(value));
    }

    private void writeZigZag(final long value)
    {
        writeVarLong((value << 1) ^ (value >> 63));
    }

    private void writeVarLong(final long value)
    {
        final byte[] bytes = this.bytes;
        long v = value;
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
     * Room for a document of {@code length} bytes copied in from the queue.
     */
    byte[] wrapForDecode(final int length)
    {
        if (bytes.length < length)
        {
            bytes = new byte[length];
            buffer.wrap(bytes);
        }
        return bytes;
    }

    /**
     * Checks the record of {@code length} bytes copied into {@link #wrapForDecode}'s array: length, checksum,
     * version, type.
     *
     * @return its record type, {@link #DECISION} or {@link #INSTRUMENT}; an instrument record is decoded already.
     * @throws JournalCorruptException saying which check failed.
     */
    int open(final int length)
    {
        if (length < HEADER_LENGTH + CHECKSUM_LENGTH)
        {
            throw new JournalCorruptException("record of " + length + " bytes is too short for a header and a " +
                "checksum");
        }
        limit = length - CHECKSUM_LENGTH;
        crc.reset();
        crc.update(bytes, 0, limit);
        if ((int)crc.getValue() != buffer.getInt(limit, ORDER))
        {
            throw new JournalCorruptException("record of " + length + " bytes fails its checksum");
        }
        final int version = bytes[0] & 0xFF;
        if (version < OLDEST_READABLE_VERSION || version > VERSION)
        {
            throw new JournalCorruptException("record layout version " + version + " is not readable here, which " +
                "reads versions " + OLDEST_READABLE_VERSION + " to " + VERSION);
        }
        recordType = bytes[1] & 0xFF;
        position = HEADER_LENGTH;
        if (recordType == INSTRUMENT)
        {
            decodeInstrument();
        }
        else if (recordType != DECISION)
        {
            throw new JournalCorruptException("unknown record type " + recordType);
        }
        return recordType;
    }

    /**
     * Fills {@code into} from the decision record last {@link #open opened}; ladder slots past the level counts are
     * zeroed so that nothing of an earlier record lingers.
     */
    void decodeDecision(final Decision into)
    {
        into.nowNs = getFixedLong();
        into.commandSequence = readZigZag();
        into.instrumentId = readInt("instrumentId");
        into.reason = readInt("reason");
        into.flags = readInt("flags");
        into.mid = getDouble();
        into.sigma = getDouble();
        into.k = getDouble();
        into.a = getDouble();
        into.inventory = getDouble();
        into.reservation = getDouble();
        into.bidHalfSpread = getDouble();
        into.askHalfSpread = getDouble();
        into.equity = getDouble();
        into.drawdown = getDouble();
        into.bidLevels = readLevels("bid");
        into.askLevels = readLevels("ask");
        readLadder(into.bidTicks, into.bidLots, into.bidLevels);
        readLadder(into.askTicks, into.askLots, into.askLevels);
        into.commandsSent = readInt("commandsSent");
        into.bestBidTicks = readZigZag();
        into.bestAskTicks = readZigZag();
        expectEnd();
    }

    private void decodeInstrument()
    {
        instrumentId = readInt("instrumentId");
        tickSize = getDouble();
        lotSize = getDouble();
        final long length = readVarLong();
        if (length < 1 || length > MAX_SYMBOL_BYTES || position + length > limit)
        {
            throw new JournalCorruptException("instrument " + instrumentId + " has a symbol of " + length + " bytes");
        }
        symbol = new String(bytes, position, (int)length, StandardCharsets.UTF_8);
        position += (int)length;
        expectEnd();
    }

    int instrumentId()
    {
        return instrumentId;
    }

    String symbol()
    {
        return symbol;
    }

    double tickSize()
    {
        return tickSize;
    }

    double lotSize()
    {
        return lotSize;
    }

    private void readLadder(final long[] ticks, final long[] lots, final int levels)
    {
        long previous = 0;
        for (int i = 0; i < levels; i++)
        {
            previous += readZigZag();
            ticks[i] = previous;
            lots[i] = readZigZag();
        }
        for (int i = levels; i < Decision.MAX_LEVELS; i++)
        {
            ticks[i] = 0;
            lots[i] = 0;
        }
    }

    private int readLevels(final String side)
    {
        final long levels = readVarLong();
        if (levels < 0 || levels > Decision.MAX_LEVELS)
        {
            throw new JournalCorruptException(side + " ladder of " + levels + " levels, more than " +
                Decision.MAX_LEVELS);
        }
        return (int)levels;
    }

    private int readInt(final String field)
    {
        final long value = readZigZag();
        if (value != (int)value)
        {
            throw new JournalCorruptException(field + " " + value + " does not fit an int");
        }
        return (int)value;
    }

    private void expectEnd()
    {
        if (position != limit)
        {
            throw new JournalCorruptException("record has " + (limit - position) + " bytes past its last field");
        }
    }

    private long getFixedLong()
    {
        if (position + 8 > limit)
        {
            throw new JournalCorruptException("record cut short at byte " + position);
        }
        final long value = buffer.getLong(position, ORDER);
        position += 8;
        return value;
    }

    private double getDouble()
    {
        return Double.longBitsToDouble(getFixedLong());
    }

    private long readZigZag()
    {
        final long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    private long readVarLong()
    {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (position >= limit)
            {
                throw new JournalCorruptException("record cut short at byte " + position);
            }
            final byte b = bytes[position++];
            result |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }
        throw new JournalCorruptException("varint longer than 10 bytes at byte " + position);
    }
}
