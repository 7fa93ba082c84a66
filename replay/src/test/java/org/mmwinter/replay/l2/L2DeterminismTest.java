package org.mmwinter.replay.l2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.quoting.host.OrderEntryLatency;
import org.mmwinter.replay.crash.BookMeasures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same recording, bot and parameters give the same run, whatever the machine's speed: the bot's figures, the
 * recorded flow's counters and the engine's final book are equal between two runs (the lookahead batches and the
 * mirror's reads of the engine depend on event time only).
 */
final class L2DeterminismTest
{
    @TempDir
    Path dir;

    private L2Run run(final Path book, final Path trades, final String name) throws IOException
    {
        final L2Run run = new L2Run(L2Inputs.open(book, trades, "0.5", null), true, Map.of(),
            QueueModel.PROBABILISTIC, OrderEntryLatency.fixed(500_000), Long.MAX_VALUE,
            BookMeasures.DEFAULT_ORDER_NOTIONAL);
        run.run(dir.resolve(name));
        return run;
    }

    @Test
    void twoRunsOfOneRecordingAreTheSame() throws IOException
    {
        final SyntheticL2Files files = new SyntheticL2Files(23);
        final Path book = dir.resolve("book.csv");
        final Path trades = dir.resolve("trades.csv");
        files.write(book, trades, 500);
        final L2Run first = run(book, trades, "first");
        final L2Run second = run(book, trades, "second");
        assertTrue((long)first.figures.get("quotes") > 0);
        assertEquals(first.figures, second.figures);
        assertEquals(first.recordedFigures, second.recordedFigures);
        assertEquals(first.finalBids, second.finalBids);
        assertEquals(first.finalAsks, second.finalAsks);
        assertEquals(first.commands, second.commands);
        assertEquals(first.trades, second.trades);
    }
}
