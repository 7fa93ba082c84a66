package org.mmwinter.replay.lobster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both LOBSTER samples rebuilt through the core. The match shares are pinned as floors (the value reached, rounded
 * down to two decimals), so a change can only keep or raise them. The counts that do not depend on the rebuild are
 * the files' own (data/SOURCES.md section 1): AMZN has 57,515 rows, 2,445 hidden executions and 7,467 events on ids
 * no submission introduced; AAPL has 999 rows, 98 visible and 61 hidden executions.
 */
final class LobsterSamplesTest
{
    /** AMZN level 1 reached 57,427 of 57,515 rows (99.846...%). */
    private static final double AMZN_LEVEL_1_FLOOR = 99.84;
    /** AMZN level 1 with the naive rebuild (first-row seed, nothing else from the book): 2,083 rows, 3.62%. */
    private static final double AMZN_NAIVE_FLOOR = 3.62;
    /** AAPL: every level matched on all 999 rows. */
    private static final double[] AAPL_FLOORS = {100, 100, 100, 100, 100, 100, 100, 100, 100, 100};
    /** AAPL naive: 955, 901, 790, 684, 531, 453, 408, 293, 191, 124 of 999 rows. */
    private static final double[] AAPL_NAIVE_FLOORS = {95.59, 90.19, 79.07, 68.46, 53.15, 45.34, 40.84, 29.32,
        19.11, 12.41};

    @TempDir
    Path out;

    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    private LobsterResult run(final String messages, final String book, final boolean naive) throws IOException
    {
        return new LobsterRun(new PrintStream(errors, true, StandardCharsets.UTF_8), naive)
            .run(LobsterSamples.resource(messages), LobsterSamples.resource(book), LobsterRun.LEVELS_FROM_FILE, out);
    }

    @Test
    void amznWholeDayMatchesTheTopOfBookOnAtLeastThePinnedShare() throws IOException
    {
        final LobsterResult result = run(LobsterSamples.AMZN_MESSAGES, LobsterSamples.AMZN_BOOK, false);
        assertEquals("AMZN", result.symbol());
        assertEquals(57_515, result.rows());
        assertEquals(57_515, result.events());
        assertEquals(0, result.malformed());
        assertEquals(57_515, result.comparedRows());
        assertEquals(1, result.tally().levels());
        assertEquals(57_515, result.tally().rows(0));
        assertTrue(result.tally().sharePct(0) >= AMZN_LEVEL_1_FLOOR, result.tally().line(0));
        assertEquals(7_467, result.rebuild().unknownIdEvents());
        assertEquals(2_445, result.rebuild().hiddenPrints());
        assertEquals(0, result.rebuild().crossPrints());
        assertEquals(0, result.rebuild().misdirectedFills());
        assertEquals("", errors.toString(StandardCharsets.UTF_8));
        BookAgreement.assertViewMatchesCore(result.rebuild());
    }

    @Test
    void aaplTenLevelsMatchOnAtLeastThePinnedSharesAndEveryVisibleExecutionIsOneCoreTrade() throws IOException
    {
        final LobsterResult result = run(LobsterSamples.AAPL_MESSAGES, LobsterSamples.AAPL_BOOK, false);
        assertEquals("AAPL", result.symbol());
        assertEquals(999, result.events());
        assertEquals(10, result.tally().levels());
        for (int k = 0; k < 10; k++)
        {
            assertEquals(999, result.tally().rows(k));
            assertTrue(result.tally().sharePct(k) >= AAPL_FLOORS[k], result.tally().line(k));
        }
        // 98 type-4 rows, each against an order at the front of its level: one fill each.
        assertEquals(98, result.rebuild().engineTrades());
        assertEquals(61, result.rebuild().hiddenPrints());
        assertEquals(0, result.rebuild().unmatchedPrints());
        BookAgreement.assertViewMatchesCore(result.rebuild());
    }

    @Test
    void naiveRebuildsArePinnedTooSoTheCorrectionsShowWhatTheyAdd() throws IOException
    {
        final LobsterResult amzn = run(LobsterSamples.AMZN_MESSAGES, LobsterSamples.AMZN_BOOK, true);
        assertTrue(amzn.tally().sharePct(0) >= AMZN_NAIVE_FLOOR, amzn.tally().line(0));
        assertEquals(0, amzn.resyncs());
        final LobsterResult aapl = run(LobsterSamples.AAPL_MESSAGES, LobsterSamples.AAPL_BOOK, true);
        for (int k = 0; k < 10; k++)
        {
            assertTrue(aapl.tally().sharePct(k) >= AAPL_NAIVE_FLOORS[k], aapl.tally().line(k));
        }
        assertEquals(0, aapl.resyncs());
    }
}
