package org.mmwinter.engine.journal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Every result type through the output journal's layout and back, with the fields each type carries set and the
 * others as the publisher leaves them; and a damaged batch is refused. A command's results after its first leave out
 * the header they repeat, and documents of the version before, with every header, still read.
 */
class ResultCodecTest
{
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42})
    void everyResultTypeRoundTrips(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final List<String> written = new ArrayList<>();
        final ResultCodec codec = new ResultCodec(64);
        codec.beginBatch();
        long sequence = random.nextLong(1, 1_000_000);
        ResultEvent before = null;
        for (int i = 0; i < 500; i++)
        {
            final boolean next = random.nextInt(3) == 0;
            if (next)
            {
                sequence++;
            }
            final ResultEvent r = result(random, 1 + random.nextInt(ResultType.STATUS), sequence);
            if (!next && before != null && random.nextInt(4) != 0)
            {
                // Mostly the same command's results (one header, written once); sometimes one field differs, as the
                // instrument of a mass cancel's results does.
                copyHeader(before, r);
            }
            before = r;
            written.add(r.toString() + " maker=" + r.makerRemaining + " count=" + r.orderCount + " ts=" +
                r.clientTsNs + "/" + r.nowNs + " type=" + r.commandType);
            codec.add(r);
        }
        codec.endBatch();

        final byte[] bytes = Arrays.copyOf(codec.buffer(), codec.length());
        final ResultCodec reader = new ResultCodec(16);
        System.arraycopy(bytes, 0, reader.wrapForDecode(bytes.length), 0, bytes.length);
        final List<String> read = new ArrayList<>();
        assertEquals(500, reader.decode(bytes.length, new ResultEvent(), r -> read.add(r.toString() + " maker=" +
            r.makerRemaining + " count=" + r.orderCount + " ts=" + r.clientTsNs + "/" + r.nowNs + " type=" +
            r.commandType), "test"));
        assertEquals(written, read);

        bytes[bytes.length / 2] ^= 0x10;
        System.arraycopy(bytes, 0, reader.wrapForDecode(bytes.length), 0, bytes.length);
        assertThrows(JournalCorruptException.class,
            () -> reader.decode(bytes.length, new ResultEvent(), ResultCodecTest::ignore, "test"));
    }

    @Test
    void aCommandsResultsAfterItsFirstAreWrittenWithoutTheirHeader()
    {
        final ResultEvent accepted = orderResult(ResultType.ACCEPTED, 12);
        final ResultEvent level = orderResult(ResultType.LEVEL, 12);
        final ResultEvent done = orderResult(ResultType.DONE, 12);
        final ResultEvent otherInstrument = orderResult(ResultType.LEVEL, 12);
        otherInstrument.instrumentId = 4;

        final byte[] three = encode(accepted, level, done);
        assertEquals(encode(accepted).length + 1 + body(level) + 1 + body(done), three.length,
            "the LEVEL and the DONE are a type byte and a body each");
        assertEquals(ResultType.LEVEL | RecordLayout.REPEATED_HEADER,
            three[encode(accepted).length - FRAME + 1 + 5] & 0xFF, "the LEVEL's type byte says its header repeats");
        assertEquals(List.of(accepted.toString(), level.toString(), done.toString()), decode(three));

        // One field of the header differs: the whole header is written again (seven fields, here a byte each: the
        // deltas are 0), and so is the next, whose instrument differs again; the DONE after it repeats that one.
        final byte[] four = encode(accepted, otherInstrument, level, done);
        assertEquals(encode(accepted).length + 2 * (1 + 7 + body(level)) + 1 + body(done), four.length);
        assertEquals(List.of(accepted.toString(), otherInstrument.toString(), level.toString(), done.toString()),
            decode(four));
    }

    @Test
    void aVersionThreeDocumentWithEveryHeaderStillDecodes()
    {
        final ResultEvent accepted = orderResult(ResultType.ACCEPTED, 12);
        final ResultEvent done = orderResult(ResultType.DONE, 12);
        final JournalBuffer b = new JournalBuffer(256);
        b.beginFrame(3);
        final long[] last = new long[RecordLayout.MAX_FIELDS];
        final long[] numbers = new long[RecordLayout.MAX_FIELDS];
        ResultLayouts.EVERY_HEADER.write(b, accepted.type, accepted, ResultLayouts.ACCESS, last, numbers);
        ResultLayouts.EVERY_HEADER.write(b, done.type, done, ResultLayouts.ACCESS, last, numbers);
        b.endFrame(2);
        final byte[] bytes = Arrays.copyOf(b.bytes, b.position);
        assertEquals(encode(accepted, done).length + 7, bytes.length, "version 3 writes the DONE's header too");
        assertEquals(List.of(accepted.toString(), done.toString()), decode(bytes));
    }

    /** Bytes of a document's frame around its records: version, record count, checksum. */
    private static final int FRAME = 1 + 5 + 4;

    /** An execution report of command {@code sequence}, with a header of its own. */
    private static ResultEvent orderResult(final int type, final long sequence)
    {
        final ResultEvent r = new ResultEvent();
        r.type = type;
        r.commandSequence = sequence;
        r.commandType = 1;
        r.sourceId = 3;
        r.correlationId = 900 + sequence;
        r.clientTsNs = 1_700_000_000_000_000_000L;
        r.nowNs = 1_700_000_000_000_500_000L;
        r.instrumentId = 2;
        r.accountId = 7;
        r.orderId = 40;
        r.clientOrderId.setDecimal(1234);
        r.side = 1;
        r.price = 10_000;
        r.qty = 5;
        r.remaining = 5;
        r.makerAccountId = -1;
        r.makerOrderId = MatchingEngine.NO_ORDER_ID;
        r.orderCount = type == ResultType.LEVEL ? 1 : 0;
        if (type == ResultType.LEVEL)
        {
            r.accountId = -1;
            r.orderId = MatchingEngine.NO_ORDER_ID;
            r.clientOrderId.clear();
            r.remaining = 0;
        }
        if (type == ResultType.DONE)
        {
            // A DONE names its order and its command's outcome, nothing else.
            r.side = 0;
            r.price = 0;
            r.qty = 0;
            r.remaining = 0;
        }
        return r;
    }

    /**
     * Bytes of a result's body: a document of it alone with an all-zero header (which its first record repeats, since
     * nothing comes before it) less the frame and the type byte. No body field is written as a delta, so a body's
     * bytes do not depend on the records around it.
     */
    private static int body(final ResultEvent r)
    {
        return encode(zeroHeader(r)).length - FRAME - 1;
    }

    private static ResultEvent zeroHeader(final ResultEvent r)
    {
        final ResultEvent zero = new ResultEvent().copyFrom(r);
        zero.commandSequence = 0;
        zero.commandType = 0;
        zero.sourceId = 0;
        zero.correlationId = 0;
        zero.clientTsNs = 0;
        zero.nowNs = 0;
        zero.instrumentId = 0;
        return zero;
    }

    private static byte[] encode(final ResultEvent... results)
    {
        final ResultCodec codec = new ResultCodec(64);
        codec.beginBatch();
        for (final ResultEvent r : results)
        {
            codec.add(r);
        }
        codec.endBatch();
        return Arrays.copyOf(codec.buffer(), codec.length());
    }

    private static List<String> decode(final byte[] bytes)
    {
        final ResultCodec reader = new ResultCodec(16);
        System.arraycopy(bytes, 0, reader.wrapForDecode(bytes.length), 0, bytes.length);
        final List<String> read = new ArrayList<>();
        reader.decode(bytes.length, new ResultEvent(), r -> read.add(r.toString()), "test");
        return read;
    }

    private static void copyHeader(final ResultEvent from, final ResultEvent to)
    {
        to.commandType = from.commandType;
        to.sourceId = from.sourceId;
        to.correlationId = from.correlationId;
        to.clientTsNs = from.clientTsNs;
        to.nowNs = from.nowNs;
        to.instrumentId = from.instrumentId;
    }

    /**
     * A result as the publisher fills it: only its type's fields set.
     */
    private static ResultEvent result(final SplittableRandom random, final int type, final long sequence)
    {
        final ResultEvent r = new ResultEvent();
        r.type = type;
        r.commandSequence = sequence;
        r.commandType = 1 + random.nextInt(4);
        r.sourceId = random.nextInt(2_000);
        r.correlationId = random.nextLong(0, 1L << 40);
        r.clientTsNs = random.nextLong();
        r.nowNs = random.nextLong(0, Long.MAX_VALUE);
        r.instrumentId = random.nextInt(50);
        r.accountId = -1;
        r.orderId = MatchingEngine.NO_ORDER_ID;
        r.makerAccountId = -1;
        r.makerOrderId = MatchingEngine.NO_ORDER_ID;
        final long price = random.nextLong(1, Long.MAX_VALUE);
        final long qty = random.nextLong(1, Long.MAX_VALUE);
        switch (type)
        {
            case ResultType.TRADE:
            case ResultType.LEVEL:
            case ResultType.BOOK_LEVEL:
                r.side = random.nextInt(2);
                r.price = price;
                r.qty = type == ResultType.LEVEL && random.nextBoolean() ? 0 : qty;
                r.orderCount = type == ResultType.TRADE ? 0 : random.nextInt(100);
                return r;
            case ResultType.STATUS:
                r.instrumentId = random.nextBoolean() ? MatchingEngine.ANY_INSTRUMENT : r.instrumentId;
                r.status = random.nextInt(3);
                return r;
            default:
                break;
        }
        r.accountId = random.nextInt(10_000);
        r.orderId = random.nextLong(0, Long.MAX_VALUE);
        randomId(random, r.clientOrderId);
        switch (type)
        {
            case ResultType.ACCEPTED:
                r.side = random.nextInt(2);
                r.price = price;
                r.qty = qty;
                r.remaining = qty;
                break;
            case ResultType.FILL:
                r.side = random.nextInt(2);
                r.price = price;
                r.qty = qty;
                r.remaining = random.nextLong(0, Long.MAX_VALUE);
                r.makerAccountId = random.nextInt(10_000);
                r.makerOrderId = random.nextLong(0, Long.MAX_VALUE);
                randomId(random, r.makerClientOrderId);
                r.makerRemaining = random.nextLong(0, Long.MAX_VALUE);
                r.takerFee = random.nextBoolean() ? 0 : random.nextLong();
                r.makerFee = random.nextBoolean() ? 0 : random.nextLong();
                break;
            case ResultType.AMENDED:
                r.price = price;
                r.qty = qty;
                r.remaining = qty;
                r.priorityKept = random.nextBoolean();
                break;
            case ResultType.CANCELED:
            case ResultType.REDUCED:
                r.qty = qty;
                r.remaining = type == ResultType.REDUCED ? random.nextLong(1, Long.MAX_VALUE) : 0;
                r.cancelReason = 1 + random.nextInt(3);
                break;
            case ResultType.EXPIRED:
                r.qty = qty;
                break;
            default:
                r.rejectReason = random.nextInt(400);
                break;
        }
        return r;
    }

    /**
     * A client order id of every shape the codec distinguishes: canonical decimals (stored as a varint, up to 18
     * digits), numbers with leading zeros or too long for a varint (stored as text), UUIDs (16 bytes when all one
     * case), and text of any length.
     */
    static void randomId(final SplittableRandom random, final ClientOrderId id)
    {
        final String alphabet = "-./0123456789:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
        switch (random.nextInt(7))
        {
            case 5:
            case 6:
            {
                // UUIDs: all lower case and all upper case hex are stored in 16 bytes, mixed case as text.
                final StringBuilder uuid = new StringBuilder();
                final boolean lower = random.nextBoolean();
                final boolean mixed = random.nextInt(4) == 0;
                for (int i = 0; i < 36; i++)
                {
                    final boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
                    final String hex = lower ^ (mixed && random.nextBoolean()) ? "0123456789abcdef" :
                        "0123456789ABCDEF";
                    uuid.append(dash ? '-' : hex.charAt(random.nextInt(16)));
                }
                id.parse(uuid, 0, 36);
                break;
            }
            case 0:
                id.setDecimal(random.nextLong(0, Long.MAX_VALUE));
                break;
            case 1:
                id.setDecimal(random.nextInt(1_000));
                break;
            case 2:
            {
                final int length = 1 + random.nextInt(ClientOrderId.MAX_LENGTH);
                final StringBuilder digits = new StringBuilder();
                for (int i = 0; i < length; i++)
                {
                    digits.append((char)('0' + random.nextInt(10)));
                }
                id.parse(digits, 0, length);
                break;
            }
            default:
            {
                final int length = 1 + random.nextInt(ClientOrderId.MAX_LENGTH);
                final StringBuilder text = new StringBuilder();
                for (int i = 0; i < length; i++)
                {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                id.parse(text, 0, length);
                break;
            }
        }
    }

    private static void ignore(final ResultEvent event)
    {
        // These tests are about the refusal, not about the records.
    }
}
