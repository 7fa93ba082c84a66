package org.mmwinter.engine.journal;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The input journal keeps an AMEND's new client order id (layout version 4), so that recovery renames the order
 * as the live engine did; version 3 documents, written before amends could rename, still read, renaming nothing.
 */
final class AmendRenameJournalTest
{
    @Test
    void amendWithANewIdRoundTrips()
    {
        final BatchCodec codec = new BatchCodec(256);
        codec.beginBatch(11);
        final CommandEvent amend = new CommandEvent();
        amend.type = CommandType.AMEND;
        amend.accountId = 3;
        amend.clientOrderId.parse("first", 0, 5);
        amend.newClientOrderId.parse("second", 0, 6);
        amend.instrumentId = 0;
        amend.price = 1_000;
        amend.qty = 4;
        codec.add(amend);
        final CommandEvent plain = new CommandEvent().copyFrom(amend);
        plain.newClientOrderId.clear();
        codec.add(plain);
        codec.endBatch();
        assertEquals(BatchCodec.VERSION, codec.buffer()[0]);

        final List<String> records = decode(codec.buffer(), codec.length());
        assertEquals(List.of("11 AMEND 3/first->second 1000x4", "12 AMEND 3/first-> 1000x4"), records);
    }

    @Test
    void versionThreeAmendsReadWithoutANewId()
    {
        final JournalBuffer b = new JournalBuffer(256);
        b.beginFrame(3);
        b.writeVarLong(5);
        // AMEND: type, time deltas, source, correlation delta, then account, order id, instrument, price, qty.
        b.writeByte(CommandType.AMEND);
        for (final long value : new long[]{100, 0, 1, 1, 3})
        {
            b.writeZigZag(value);
        }
        b.writeClientOrderId(ClientOrderId.of("first"));
        for (final long value : new long[]{0, 1_000, 4})
        {
            b.writeZigZag(value);
        }
        b.endFrame(1);

        assertEquals(List.of("5 AMEND 3/first-> 1000x4"), decode(b.bytes, b.position));
    }

    private static List<String> decode(final byte[] bytes, final int length)
    {
        final BatchCodec codec = new BatchCodec(256);
        System.arraycopy(bytes, 0, codec.wrapForDecode(length), 0, length);
        final List<String> records = new ArrayList<>();
        codec.decode(length, new CommandEvent(), e -> records.add(e.sequence + " " + CommandType.name(e.type) + " " +
            e.accountId + "/" + e.clientOrderId + "->" + e.newClientOrderId + " " + e.price + "x" + e.qty), "test");
        return records;
    }
}
