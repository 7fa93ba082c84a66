package org.mmwinter.engine.journal;

import java.util.Arrays;

import org.mmwinter.engine.core.ClientOrderId;

/**
 * A journal record layout, described once as data: a header and, per record type, the fields in the order they are
 * written, each with how it is written. Encoding and decoding are the same walk over that description, so the two
 * directions cannot drift apart, and an older layout is the same description with some fields written another way.
 * <p>
 * A field is an int: the low byte names it (the {@link Access} of the message type maps names to its fields), the
 * next byte says how it is written: {@link #PLAIN} a zig-zag varint, {@link #DELTA} the zig-zag varint of its change
 * since the record before in the same document (times, sequences and correlation ids climb slowly), {@link #ID} a
 * client order id ({@link JournalBuffer#writeClientOrderId}), {@link #NUMERIC_ID} a client order id as layout
 * version 1 wrote it (a number), {@link #TEXT} a length and ASCII/UTF-8 bytes.
 * <p>
 * A layout that {@link #repeatingHeaders repeats headers} writes a record's header only when it differs from the
 * record before's in the same document; otherwise the type byte carries {@link #REPEATED_HEADER} and the header is
 * the one before. The results of one command share their command's header (sequence, sender, correlation id, times,
 * instrument), so all but the first of them are a type byte and a body: a third less to write per command, and the
 * seven fields not walked at all.
 */
final class RecordLayout
{
    static final int PLAIN = 0;
    static final int DELTA = 1 << 8;
    static final int ID = 2 << 8;
    static final int NUMERIC_ID = 3 << 8;
    static final int TEXT = 4 << 8;

    /** Bit of a record's type byte in a {@link #repeatingHeaders} layout: its header is the record before's. */
    static final int REPEATED_HEADER = 0x80;

    private static final int NAME_MASK = 0xFF;
    private static final int HOW_MASK = 0xFF00;
    /** Field names are below this, so that per-field delta state fits a small array. */
    static final int MAX_FIELDS = 64;

    /**
     * How a layout reads and writes the fields of one message type.
     *
     * @param <E> the message type.
     */
    interface Access<E>
    {
        /**
         * Every number field of {@code message}, each at its name: copied into {@code scratch} ({@link #MAX_FIELDS}
         * long), or the message's own array where it keeps its numbers in one. Encoding reads them from there: one
         * straight copy a record instead of a call and a switch a field, whose jump the field walk mispredicted
         * (the switch was a third of the output journal's encoding).
         */
        long[] numbers(E message, long[] scratch);

        void set(E message, int name, long value);

        /** The client order id field {@code name} of the message. */
        ClientOrderId id(E message, int name);

        /** Bytes of text field {@code name} (a symbol or account name), and {@link #textLength}. */
        byte[] text(E message, int name);

        int textLength(E message, int name);

        void setTextLength(E message, int name, int length);
    }

    private final int[] header;
    private final int[][] bodies;
    private final boolean repeatsHeaders;
    /** Bytes one record can take at most. */
    final int maxRecordLength;

    /**
     * @param header fields every record has, after its type byte.
     * @param bodies fields of each record type, indexed by type; null for a type the layout does not know.
     */
    RecordLayout(final int[] header, final int[][] bodies, final int maxTextLength)
    {
        this(header, bodies, maxTextLength, false);
    }

    private RecordLayout(final int[] header, final int[][] bodies, final int maxTextLength, final boolean repeats)
    {
        if (repeats && bodies.length > REPEATED_HEADER)
        {
            throw new IllegalArgumentException("record types must be below " + REPEATED_HEADER + " to repeat headers");
        }
        this.repeatsHeaders = repeats;
        this.header = header.clone();
        this.bodies = new int[bodies.length][];
        int longest = 0;
        for (int type = 0; type < bodies.length; type++)
        {
            if (bodies[type] != null)
            {
                this.bodies[type] = bodies[type].clone();
                longest = Math.max(longest, bodies[type].length);
            }
        }
        maxRecordLength = 1 + (header.length + longest) *
            Math.max(10, Math.max(JournalBuffer.MAX_CLIENT_ORDER_ID_LENGTH, 5 + maxTextLength));
    }

    static int name(final int field)
    {
        return field & NAME_MASK;
    }

    /**
     * This layout, writing a record's header only when it is not the record before's ({@link #REPEATED_HEADER}).
     * Each header field's last value is then kept by name, so no body field may have a header field's name.
     */
    RecordLayout repeatingHeaders(final int maxTextLength)
    {
        for (final int field : header)
        {
            if ((field & HOW_MASK) != PLAIN && (field & HOW_MASK) != DELTA)
            {
                throw new IllegalArgumentException("header field " + name(field) + " is not a number");
            }
        }
        for (final int[] body : bodies)
        {
            for (int i = 0; body != null && i < body.length; i++)
            {
                for (final int field : header)
                {
                    if (name(field) == name(body[i]))
                    {
                        throw new IllegalArgumentException("field " + name(field) + " is in the header and a body");
                    }
                }
            }
        }
        return new RecordLayout(header, bodies, maxTextLength, true);
    }

    /** The record type of a record's type byte: without {@link #REPEATED_HEADER} where this layout repeats headers. */
    int type(final int typeByte)
    {
        return repeatsHeaders ? typeByte & ~REPEATED_HEADER : typeByte;
    }

    /**
     * This layout with every field written {@code from} written {@code to} instead (how an older version differs).
     */
    RecordLayout rewrite(final int from, final int to, final int maxTextLength)
    {
        final int[][] older = new int[bodies.length][];
        for (int type = 0; type < bodies.length; type++)
        {
            if (bodies[type] != null)
            {
                older[type] = Arrays.stream(bodies[type]).map(f -> (f & HOW_MASK) == from ? name(f) | to : f)
                    .toArray();
            }
        }
        return new RecordLayout(header, older, maxTextLength, repeatsHeaders);
    }

    /**
     * This layout without the fields named in {@code names} (an older version that did not have them).
     */
    RecordLayout without(final int[] names, final int maxTextLength)
    {
        final int[][] older = new int[bodies.length][];
        for (int type = 0; type < bodies.length; type++)
        {
            if (bodies[type] != null)
            {
                older[type] = Arrays.stream(bodies[type])
                    .filter(f -> Arrays.stream(names).noneMatch(n -> n == name(f))).toArray();
            }
        }
        return new RecordLayout(header, older, maxTextLength, repeatsHeaders);
    }

    /**
     * This layout without the record types in {@code types} (an older version that had no such records).
     */
    RecordLayout withoutTypes(final int[] types, final int maxTextLength)
    {
        final int[][] older = bodies.clone();
        for (final int type : types)
        {
            older[type] = null;
        }
        return new RecordLayout(header, older, maxTextLength, repeatsHeaders);
    }

    boolean knows(final int type)
    {
        return type >= 0 && type < bodies.length && bodies[type] != null;
    }

    /**
     * Writes one record: its type byte, the header (unless repeated), its type's fields. The caller has checked
     * {@link #knows}.
     *
     * @param last    the document's last value of each delta-written (and repeatable header) field, kept up here.
     * @param scratch room for the record's numbers ({@link Access#numbers}); an access that keeps its own may get
     *                null.
     */
    <E> void write(
        final JournalBuffer b,
        final int type,
        final E message,
        final Access<E> access,
        final long[] last,
        final long[] scratch)
    {
        b.ensure(maxRecordLength);
        final long[] values = access.numbers(message, scratch);
        if (!repeatsHeaders)
        {
            b.writeByte(type);
            writeFields(b, header, message, access, values, last);
        }
        else if (isRepeatedHeader(values, last))
        {
            b.writeByte(type | REPEATED_HEADER);
        }
        else
        {
            b.writeByte(type);
            writeFields(b, header, message, access, values, last);
            keepHeader(values, last);
        }
        writeFields(b, bodies[type], message, access, values, last);
    }

    /**
     * Reads one record's header and fields into {@code message}, its type byte already read and its
     * {@link #type} known.
     */
    <E> void read(
        final JournalBuffer b, final int typeByte, final E message, final Access<E> access, final long[] last)
    {
        if (repeatsHeaders && (typeByte & REPEATED_HEADER) != 0)
        {
            for (final int field : header)
            {
                access.set(message, name(field), last[name(field)]);
            }
        }
        else
        {
            readFields(b, header, message, access, last, repeatsHeaders);
        }
        readFields(b, bodies[type(typeByte)], message, access, last, false);
    }

    /** Whether every header field of {@code message} is the one the record before had (all 0 before the first). */
    private boolean isRepeatedHeader(final long[] values, final long[] last)
    {
        for (final int field : header)
        {
            if (values[name(field)] != last[name(field)])
            {
                return false;
            }
        }
        return true;
    }

    /** Keeps each header field's value (delta fields already keep theirs) for the next record to repeat. */
    private void keepHeader(final long[] values, final long[] last)
    {
        for (final int field : header)
        {
            if ((field & HOW_MASK) != DELTA)
            {
                last[name(field)] = values[name(field)];
            }
        }
    }

    private static <E> void writeFields(
        final JournalBuffer b,
        final int[] fields,
        final E message,
        final Access<E> access,
        final long[] values,
        final long[] last)
    {
        for (final int field : fields)
        {
            final int name = field & NAME_MASK;
            final int how = field & HOW_MASK;
            if (how == PLAIN)
            {
                b.writeZigZag(values[name]);
                continue;
            }
            switch (how)
            {
                case DELTA:
                {
                    final long value = values[name];
                    b.writeZigZag(value - last[name]);
                    last[name] = value;
                    break;
                }
                case ID:
                    b.writeClientOrderId(access.id(message, name));
                    break;
                case TEXT:
                {
                    final int length = access.textLength(message, name);
                    b.writeZigZag(length);
                    b.write(access.text(message, name), length);
                    break;
                }
                case NUMERIC_ID:
                    throw new IllegalStateException("layout version 1 is read, never written");
                default:
                    b.writeZigZag(values[name]);
                    break;
            }
        }
    }

    /**
     * @param keepPlain also keep each plain field's value in {@code last} (delta fields always do): a header the
     *                  next record may repeat.
     */
    private static <E> void readFields(
        final JournalBuffer b,
        final int[] fields,
        final E message,
        final Access<E> access,
        final long[] last,
        final boolean keepPlain)
    {
        for (final int field : fields)
        {
            final int name = field & NAME_MASK;
            final int how = field & HOW_MASK;
            if (how == PLAIN)
            {
                final long value = b.readZigZag();
                access.set(message, name, value);
                if (keepPlain)
                {
                    last[name] = value;
                }
                continue;
            }
            switch (how)
            {
                case DELTA:
                {
                    final long value = last[name] + b.readZigZag();
                    last[name] = value;
                    access.set(message, name, value);
                    break;
                }
                case ID:
                    b.readClientOrderId(access.id(message, name));
                    break;
                case NUMERIC_ID:
                    b.readNumericClientOrderId(access.id(message, name));
                    break;
                case TEXT:
                {
                    final byte[] text = access.text(message, name);
                    final int length = (int)b.readZigZag();
                    if (length < 0 || length > text.length)
                    {
                        throw new JournalCorruptException("bad text length " + length);
                    }
                    b.read(text, length);
                    access.setTextLength(message, name, length);
                    break;
                }
                default:
                    access.set(message, name, b.readZigZag());
                    break;
            }
        }
    }
}
