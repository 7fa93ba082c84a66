package org.mmwinter.engine.journal;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.pipeline.CommandEvent;
import org.mmwinter.engine.pipeline.CommandType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Input journals written before string client order ids (layout version 1, order ids as numbers) still recover:
 * each id reads as the decimal text it was written as. A layout this engine does not know is refused by name.
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
    void anUnknownLayoutIsRefusedByItsVersion()
    {
        final JournalBuffer b = new JournalBuffer(64);
        b.beginFrame(9);
        b.writeVarLong(1);
        b.endFrame(0);
        final BatchCodec codec = new BatchCodec(64);
        System.arraycopy(b.bytes, 0, codec.wrapForDecode(b.position), 0, b.position);
        final JournalCorruptException refused = assertThrows(JournalCorruptException.class,
            () -> codec.decode(b.position, new CommandEvent(), e -> { }, "input journal doc 3"));
        assertTrue(refused.getMessage().contains("input journal doc 3") &&
            refused.getMessage().contains("layout version 9"), refused.getMessage());
    }
}
