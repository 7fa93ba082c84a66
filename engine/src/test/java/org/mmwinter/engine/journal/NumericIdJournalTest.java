package org.mmwinter.engine.journal;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Journals written before string client order ids (layout version 1, order ids as numbers) still read: input
 * journals recover with each id as the decimal text it was written as, output journals export the same way. A
 * layout this engine does not know is refused by name.
 */
final class NumericIdJournalTest
{
    @Test
    void versionOneDocumentsDecodeWithTheirIdsAsDecimalText()
    {
        final JournalBuffer b = new JournalBuffer(256);
        b.beginFrame(1);
        b.writeVarLong(7);
        // NEW: type, time deltas, source, correlation, then account, order id as a number, instrument, fields.
        b.writeByte(CommandType.NEW);
        b.writeZigZag(100);
        b.writeZigZag(5);
        b.writeZigZag(1);
        b.writeZigZag(1);
        b.writeZigZag(3);
        b.writeZigZag(4_242);
        b.writeZigZag(0);
        b.writeZigZag(0);
        b.writeZigZag(1);
        b.writeZigZag(0);
        b.writeZigZag(0);
        b.writeZigZag(1_000);
        b.writeZigZag(2);
        // CANCEL of order 0 by account 3.
        b.writeByte(CommandType.CANCEL);
        b.writeZigZag(1);
        b.writeZigZag(1);
        b.writeZigZag(1);
        b.writeZigZag(1);
        b.writeZigZag(3);
        b.writeZigZag(0);
        b.writeZigZag(-1);
        b.endFrame(2);

        final BatchCodec codec = new BatchCodec(256);
        System.arraycopy(b.bytes, 0, codec.wrapForDecode(b.position), 0, b.position);
        final List<String> records = new ArrayList<>();
        assertEquals(2, codec.decode(b.position, new CommandEvent(), e -> records.add(
            e.sequence + " " + CommandType.name(e.type) + " " + e.accountId + "/" + e.clientOrderId + " " + e.price +
            "x" + e.qty), "test"));
        assertEquals(List.of("7 NEW 3/4242 1000x2", "8 CANCEL 3/0 " + Long.MIN_VALUE + "x0"), records);
    }

    @Test
    void versionOneResultsDecodeWithTheirIdsAsTextAndNoEngineIds()
    {
        final JournalBuffer b = new JournalBuffer(256);
        b.beginFrame(1);
        // FILL: header (type, sequence, command type, source, correlation, times, instrument), then the taker's
        // account and order id, side, price, qty, remaining, and the maker's account, order id and remaining.
        b.writeByte(ResultType.FILL);
        for (final long value : new long[]{12, CommandType.NEW, 1, 5, 100, 200, 0, 4, 77, 0, 1_000, 3, 0, 2, 15, 7})
        {
            b.writeZigZag(value);
        }
        b.endFrame(1);
        final ResultCodec codec = new ResultCodec(256);
        System.arraycopy(b.bytes, 0, codec.wrapForDecode(b.position), 0, b.position);
        final List<String> results = new ArrayList<>();
        assertEquals(1, codec.decode(b.position, new ResultEvent(), r -> results.add(
            ResultType.name(r.type) + " taker " + r.accountId + "/" + r.clientOrderId + "#" + r.orderId + " maker " +
            r.makerAccountId + "/" + r.makerClientOrderId + "#" + r.makerOrderId + " " + r.price + "x" + r.qty),
            "test"));
        assertEquals(List.of("FILL taker 4/77#0 maker 2/15#0 1000x3"), results);
    }

    @Test
    void anUnknownLayoutIsRefusedByItsVersion()
    {
        final JournalBuffer b = new JournalBuffer(64);
        b.beginFrame(9);
        b.writeVarLong(1);
        b.endFrame(0);
        final BatchCodec codec = new BatchCodec(64);
        System.arraycopy(b.bytes, 0, codec.wrapForDecode(b.position), 0, b.position);
        final JournalCorruptException refused = assertThrows(JournalCorruptException.class,
            () -> codec.decode(b.position, new CommandEvent(), NumericIdJournalTest::ignore, "input journal doc 3"));
        assertTrue(refused.getMessage().contains("input journal doc 3") &&
            refused.getMessage().contains("layout version 9"), refused.getMessage());
    }

    private static void ignore(final CommandEvent event)
    {
        // These tests are about the refusal, not about the records.
    }
}
