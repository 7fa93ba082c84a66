package org.mmwinter.engine.flow;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.FixedPoint;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.Side;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The byte writer writes what a {@code StringBuilder} row written through a UTF-8 {@code Writer} writes: numbers as
 * {@code append(long)} and {@link FixedPoint#append}, text as the encoder, rows of {@link FlowCsv} alike, with
 * buffers small enough that every value straddles a flush.
 */
final class CsvByteWriterTest
{
    private static final int[] CAPACITIES = {64, 65, 100, 1 << 16};
    private static final long[] VALUES = {0, 1, 9, 10, 99, 100, 12_345, 1_000_000_007L, -1, -10, -987_654_321L,
        999_999_999_999_999_999L, 1_000_000_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1};

    @Test
    void longsAreWrittenAsStringBuilderAppendsThem() throws IOException
    {
        for (final int capacity : CAPACITIES)
        {
            final StringBuilder expected = new StringBuilder();
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (CsvByteWriter out = new CsvByteWriter(bytes, capacity))
            {
                for (final long value : VALUES)
                {
                    expected.append(value).append(',');
                    out.room(CsvByteWriter.NUMBER_ROOM + 1).put(value).put(',');
                }
            }
            assertEquals(expected.toString(), bytes.toString(StandardCharsets.UTF_8), "capacity " + capacity);
        }
    }

    @Test
    void decimalsAreWrittenAsFixedPointAppendsThem() throws IOException
    {
        final Random random = new Random(7);
        for (final int capacity : CAPACITIES)
        {
            final StringBuilder expected = new StringBuilder();
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (CsvByteWriter out = new CsvByteWriter(bytes, capacity))
            {
                for (int scale = 0; scale <= 18; scale++)
                {
                    for (final long value : VALUES)
                    {
                        FixedPoint.append(expected, value, scale).append(',');
                        out.room(CsvByteWriter.NUMBER_ROOM + 1).putDecimal(value, scale).put(',');
                    }
                    for (int i = 0; i < 200; i++)
                    {
                        final long value = random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(1_000_000);
                        FixedPoint.append(expected, value, scale).append(',');
                        out.room(CsvByteWriter.NUMBER_ROOM + 1).putDecimal(value, scale).put(',');
                    }
                }
            }
            assertEquals(expected.toString(), bytes.toString(StandardCharsets.UTF_8), "capacity " + capacity);
        }
    }

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"", "acct-7", "zoë", "账户", "a\uD83D\uDE00b", "lone \uD83D surrogate", "end \uDE00",
        "a somewhat longer name than the smallest buffer of sixty-four bytes holds at once, to see it split"})
    void textIsEncodedAsAUtf8WriterEncodesIt(final String text) throws IOException
    {
        for (final int capacity : CAPACITIES)
        {
            final ByteArrayOutputStream expected = new ByteArrayOutputStream();
            try (Writer writer = new OutputStreamWriter(expected, StandardCharsets.UTF_8))
            {
                writer.write("x,");
                writer.write(text);
                writer.write(",y\n");
            }
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (CsvByteWriter out = new CsvByteWriter(bytes, capacity))
            {
                out.room(2).put("x,");
                out.room(CsvByteWriter.textRoom(text)).put(text);
                out.room(3).put(",y\n");
            }
            assertArrayEquals(expected.toByteArray(), bytes.toByteArray(), "capacity " + capacity);
        }
    }

    @Test
    void tradeAndEventRowsAreTheRowsOfFlowCsv() throws IOException
    {
        final Instrument btc = Instrument.createDefault(0, "BTC-USD");
        final Instrument coarse = new Instrument(1, "TCK", 2, 5, 3, 10, Instrument.NO_BAND);
        final ClientOrderId maker = ClientOrderId.of("mk-1.a:b/c_d");
        final ClientOrderId taker = ClientOrderId.of("123456789012345678901234567890123456");
        for (final int capacity : CAPACITIES)
        {
            final StringBuilder expected = new StringBuilder();
            final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (CsvByteWriter out = new CsvByteWriter(bytes, capacity))
            {
                for (int i = 0; i < 50; i++)
                {
                    final Instrument instrument = i % 2 == 0 ? btc : coarse;
                    final int side = i % 3 == 0 ? Side.BUY : Side.SELL;
                    final String makerAccount = i % 5 == 0 ? "zoë" : "mm-" + i;
                    expectedTrade(expected, i + 1, 1_714_521_600_000_000_000L + i, instrument, 1 + 37L * i,
                        1 + 3L * i, side, makerAccount, maker, "acct-" + i, taker);
                    FlowCsv.writeTrade(out, i + 1, 1_714_521_600_000_000_000L + i, instrument, 1 + 37L * i,
                        1 + 3L * i, side, makerAccount, maker, "acct-" + i, taker);
                    final int reason = i % 4 == 0 ? RejectReason.NONE : i % 4 == 1 ? RejectReason.BAD_NUMBER :
                        RejectReason.OFF_TICK;
                    final String field = i % 4 == 1 ? "price" : "";
                    expectedEvent(expected, i + 1, reason, field);
                    FlowCsv.writeEvent(out, i + 1, reason, field);
                }
            }
            assertEquals(expected.toString(), bytes.toString(StandardCharsets.UTF_8), "capacity " + capacity);
        }
    }

    /**
     * The trades.csv row as the contract spells it, built the plain way (this was the engine's own writer until
     * every writer of these rows went to bytes).
     */
    private static void expectedTrade(
        final StringBuilder row,
        final long seq,
        final long tsNs,
        final Instrument instrument,
        final long price,
        final long qty,
        final int takerSide,
        final String makerAccount,
        final ClientOrderId makerOrderId,
        final String takerAccount,
        final ClientOrderId takerOrderId)
    {
        row.append(seq).append(',').append(tsNs).append(',').append(instrument.symbol()).append(',');
        FixedPoint.append(row, price * instrument.tickUnits(), instrument.priceScale()).append(',');
        FixedPoint.append(row, qty * instrument.lotUnits(), instrument.qtyScale()).append(',');
        row.append(Side.name(takerSide)).append(',').append(makerAccount).append(',');
        makerOrderId.appendTo(row).append(',').append(takerAccount).append(',');
        takerOrderId.appendTo(row).append('\n');
    }

    private static void expectedEvent(final StringBuilder row, final long line, final int reason, final String field)
    {
        row.append(line);
        if (reason == RejectReason.NONE)
        {
            row.append(",OK,\n");
            return;
        }
        row.append(",REJECTED,").append(RejectReason.describe(reason));
        if (!field.isEmpty())
        {
            row.append(" (").append(field).append(')');
        }
        row.append('\n');
    }

    @Test
    void aRoomLargerThanTheBufferGrowsItAndWritingPastTheRoomIsABug() throws IOException
    {
        final String longText = "n".repeat(1000);
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvByteWriter out = new CsvByteWriter(bytes, 64))
        {
            out.room(3).put("ab,");
            out.room(CsvByteWriter.textRoom(longText)).put(longText);
            out.room(64);
            assertThrows(IndexOutOfBoundsException.class, () -> out.put("x".repeat(CsvByteWriter.textRoom(longText)
                + 1)));
        }
        assertEquals("ab," + longText, bytes.toString(StandardCharsets.UTF_8).substring(0, 3 + longText.length()));
    }

    @Test
    void aCapacityBelowSixtyFourIsRefused()
    {
        assertThrows(IllegalArgumentException.class, () -> new CsvByteWriter(new ByteArrayOutputStream(), 63));
    }
}
