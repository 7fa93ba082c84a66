package org.mmwinter.quoting.journal;

import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The layout pinned byte by byte: a change to it must come with a new version number, and this test says so.
 */
final class DecisionCodecTest
{
    @Test
    void anInstrumentRecordIsLaidOutAsDocumented()
    {
        final DecisionCodec codec = new DecisionCodec();
        final int length = codec.encodeInstrument(1, "BTC", 0.5, 1.0);

        // version 1, type 2, id 1 as zig-zag 2, 0.5 = 0x3FE0000000000000 and 1.0 = 0x3FF0000000000000
        // little-endian, symbol length 3, "BTC", then the CRC32 of those 24 bytes, little-endian.
        final byte[] body =
        {
            1, 2, 2,
            0, 0, 0, 0, 0, 0, (byte)0xE0, 0x3F,
            0, 0, 0, 0, 0, 0, (byte)0xF0, 0x3F,
            3, 'B', 'T', 'C',
        };
        assertEquals(body.length + 4, length);
        assertArrayEquals(withCrc(body), copy(codec.bytes(), length));
    }

    @Test
    void aDecisionRecordIsLaidOutAsDocumented()
    {
        final Decision d = new Decision();
        d.nowNs = 0x0102030405060708L;
        d.commandSequence = 300;
        d.instrumentId = 1;
        d.reason = DecisionReason.REQUOTE;
        d.flags = DecisionReason.flag(DecisionReason.FILL);
        d.mid = 2.0;
        d.sigma = 0;
        d.k = 0;
        d.a = 0;
        d.inventory = -0.0;
        d.reservation = 0;
        d.bidHalfSpread = 0;
        d.askHalfSpread = 0;
        d.equity = 0;
        d.drawdown = 0;
        d.addBid(100, 1);
        d.addBid(98, 2);
        d.addAsk(101, 1);
        d.commandsSent = 3;
        d.bestBidTicks = 100;
        d.bestAskTicks = Decision.NO_PRICE;

        final DecisionCodec codec = new DecisionCodec();
        final int length = codec.encodeDecision(d);

        // nowNs little-endian; seq 300 zig-zag 600 = 0xD8 0x04 as a varint; id 1 -> 2; reason 1 -> 2;
        // flags 1 << 15 = 32768 -> 65536 = 0x80 0x80 0x04; mid 2.0 = 0x4000000000000000; -0.0 = 0x8000000000000000;
        // 2 bids, 1 ask; bid 100 -> 200 = 0xC8 0x01, lots 1 -> 2; bid 98 is -2 from 100 -> 3, lots 2 -> 4;
        // ask 101 -> 202 = 0xCA 0x01, lots 1 -> 2; sent 3 -> 6; best bid 100 -> 0xC8 0x01; no ask 0 -> 0.
        final byte[] body =
        {
            1, 1,
            8, 7, 6, 5, 4, 3, 2, 1,
            (byte)0xD8, 0x04, 2, 2, (byte)0x80, (byte)0x80, 0x04,
            0, 0, 0, 0, 0, 0, 0, 0x40,
            0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, (byte)0x80,
            0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0, 0, 0,
            2, 1,
            (byte)0xC8, 0x01, 2, 3, 4,
            (byte)0xCA, 0x01, 2,
            6, (byte)0xC8, 0x01, 0,
        };
        assertEquals(body.length + 4, length);
        assertArrayEquals(withCrc(body), copy(codec.bytes(), length));
    }

    @Test
    void aClearedDecisionTakesAHundredAndThreeBytes()
    {
        // header 2, time 8, four one-byte varints, ten doubles 80, two counts, sent and the book one byte each,
        // checksum 4: 2 + 8 + 4 + 80 + 2 + 3 + 4 = 103.
        assertEquals(103, new DecisionCodec().encodeDecision(new Decision()));
    }

    private static byte[] copy(final byte[] bytes, final int length)
    {
        final byte[] copy = new byte[length];
        System.arraycopy(bytes, 0, copy, 0, length);
        return copy;
    }

    private static byte[] withCrc(final byte[] body)
    {
        final CRC32 crc = new CRC32();
        crc.update(body, 0, body.length);
        final int value = (int)crc.getValue();
        final byte[] record = new byte[body.length + 4];
        System.arraycopy(body, 0, record, 0, body.length);
        for (int i = 0; i < 4; i++)
        {
            record[body.length + i] = (byte)(value >>> (8 * i));
        }
        return record;
    }
}
