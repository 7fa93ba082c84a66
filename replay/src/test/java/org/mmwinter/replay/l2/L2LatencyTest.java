package org.mmwinter.replay.l2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.journal.InputJournal;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.quoting.host.OrderEntryLatency;
import org.mmwinter.replay.crash.BookMeasures;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bot's order-entry latency in event time, constant and from a recorded series, read off the run's input
 * journal: on the recorded snapshot at local_timestamp T0 = 1,000,000,000 us the bot asks for a book snapshot, which
 * reaches the engine one latency later, L(T0); on its answer the bot sends its first orders, which arrive a latency
 * after that, at T0 + L(T0) + L(T0 + L(T0)).
 */
final class L2LatencyTest
{
    private static final long T0_US = 1_000_000_000L;

    @TempDir
    Path dir;

    private Path book() throws IOException
    {
        final StringBuilder rows = new StringBuilder(L2TestFiles.BOOK_HEADER);
        rows.append("x,TEST,").append(T0_US).append(',').append(T0_US).append(",true,bid,99.5,40\n");
        rows.append("x,TEST,").append(T0_US).append(',').append(T0_US).append(",true,bid,99,40\n");
        rows.append("x,TEST,").append(T0_US).append(',').append(T0_US).append(",true,ask,100.5,40\n");
        rows.append("x,TEST,").append(T0_US).append(',').append(T0_US).append(",true,ask,101,40\n");
        for (int i = 1; i <= 20; i++)
        {
            final long t = T0_US + i * 100_000L;
            rows.append("x,TEST,").append(t).append(',').append(t).append(",false,bid,99,").append(40 + i)
                .append('\n');
        }
        return L2TestFiles.write(dir, "book.csv", rows.toString());
    }

    /** Event times of the bot's snapshot request and of its first order in the run's input journal. */
    private long[] firstBotCommandsNs(final OrderEntryLatency latency, final String name) throws IOException
    {
        final L2Inputs inputs = L2Inputs.open(book(), L2Inputs.NO_TRADES, "0.5", "1");
        final L2Run run = new L2Run(inputs, true, Map.of(), QueueModel.RISK_AVERSE, latency, Long.MAX_VALUE,
            BookMeasures.DEFAULT_ORDER_NOTIONAL);
        final Path data = dir.resolve(name);
        run.run(data);
        final int[] bot = {-1};
        final long[] first = {Long.MIN_VALUE, Long.MIN_VALUE};
        InputJournal.replayReadOnly(data.resolve("input"), command ->
        {
            if (command.type == CommandType.REGISTER_ACCOUNT && command.name().equals("MM1"))
            {
                bot[0] = command.accountId;
            }
            else if (command.type == CommandType.BOOK_SNAPSHOT && first[0] == Long.MIN_VALUE)
            {
                first[0] = command.nowNs;
            }
            else if (command.type == CommandType.NEW && command.accountId == bot[0] && first[1] == Long.MIN_VALUE)
            {
                first[1] = command.nowNs;
            }
        });
        assertEquals(first[1], run.firstBotOrderNs, "the run's own record of it");
        return first;
    }

    /** Constant 2,000 us: the request at T0 + 2 ms, the first order at T0 + 4 ms. */
    @Test
    void aConstantLatencyDelaysEachOfTheBotsCommandsByIt() throws IOException
    {
        final long[] first = firstBotCommandsNs(OrderEntryLatency.fixed(2_000_000), "constant");
        assertEquals(T0_US * 1_000 + 2_000_000, first[0]);
        assertEquals(T0_US * 1_000 + 4_000_000, first[1]);
    }

    /**
     * Series (T0 - 1 s, 1,000 us), (T0 + 1 s, 5,000 us), 4,000 us more over 2 s. At T0, halfway: 1,000 + 4,000 / 2
     * = 3,000 us, the request at T0 + 3 ms. At T0 + 3 ms, 1.003 s into the 2 s: 1,000 + 4,000 x 1.003 / 2 = 3,006
     * us, the first order at T0 + 3,000 + 3,006 = T0 + 6,006 us.
     */
    @Test
    void aRecordedSeriesIsInterpolatedAtTheDecisionTime() throws IOException
    {
        final Path series = L2TestFiles.write(dir, "latency.csv", "timestamp_us,latency_us\n" +
            (T0_US - 1_000_000) + ",1000\n" + (T0_US + 1_000_000) + ",5000\n");
        final long[] first = firstBotCommandsNs(LatencySeries.load(series), "series");
        assertEquals(T0_US * 1_000 + 3_000_000, first[0]);
        assertEquals(T0_US * 1_000 + 6_006_000, first[1]);
    }
}
