package org.mmwinter.quoting.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mmwinter.quoting.journal.DecisionSamples.assertSameDecision;

final class DecisionJournalTest
{
    @TempDir
    Path temp;

    @Test
    void manyDecisionsComeBackEqualAfterReopening()
    {
        final Path directory = temp.resolve("bot").resolve("decisions");
        final List<Decision> written = DecisionSamples.generate(20_240_315L, 5_000);
        try (DecisionJournal journal = DecisionJournal.open(directory))
        {
            assertTrue(Files.isDirectory(directory), "open creates the directory and its parents");
            // The bot's way: one flyweight refilled for every decision.
            final Decision reused = new Decision();
            for (final Decision d : written)
            {
                reused.copyFrom(d);
                journal.append(reused);
            }
            assertEquals(5_000, journal.appended());
        }

        try (DecisionReader reader = DecisionReader.open(directory))
        {
            final Decision read = new Decision();
            for (int i = 0; i < written.size(); i++)
            {
                assertTrue(reader.next(read), "decision " + i + " is there");
                assertSameDecision(written.get(i), read, "decision " + i);
            }
            assertFalse(reader.next(read), "nothing after the last decision");
        }
    }

    @Test
    void theSamplesCoverFullAndEmptyLaddersNaNAndNegatives()
    {
        final List<Decision> samples = DecisionSamples.generate(20_240_315L, 10);
        assertEquals(Decision.MAX_LEVELS, samples.get(0).bidLevels);
        assertEquals(Decision.MAX_LEVELS, samples.get(0).askLevels);
        assertEquals(0, samples.get(1).bidLevels + samples.get(1).askLevels);
        assertTrue(Double.isNaN(samples.get(2).mid) && Double.isNaN(samples.get(2).drawdown));
        assertTrue(samples.get(3).nowNs < 0 && samples.get(3).commandsSent < 0 && samples.get(3).equity < 0);
    }

    @Test
    void aDecisionWithFewerLevelsLeavesNoStaleLevelsInTheReusedFlyweight()
    {
        final Path directory = temp.resolve("decisions");
        final Decision full = new Decision();
        for (int level = 0; level < Decision.MAX_LEVELS; level++)
        {
            full.addBid(1_000 - level, 7);
            full.addAsk(1_001 + level, 9);
        }
        final Decision oneBid = new Decision();
        oneBid.addBid(990, 3);
        try (DecisionJournal journal = DecisionJournal.open(directory))
        {
            journal.append(full);
            journal.append(oneBid);
        }
        try (DecisionReader reader = DecisionReader.open(directory))
        {
            final Decision read = new Decision();
            assertTrue(reader.next(read));
            assertEquals(991, read.bidTicks[9], "level 9 of the full bid ladder: 1000 - 9");
            assertTrue(reader.next(read));
            assertEquals(1, read.bidLevels);
            assertEquals(990, read.bidTicks[0]);
            assertEquals(3, read.bidLots[0]);
            assertEquals(0, read.bidTicks[1]);
            assertEquals(0, read.askLevels);
            assertEquals(0, read.askTicks[0]);
            assertEquals(0, read.askLots[9]);
        }
    }

    @Test
    void aClearedDecisionRoundTripsAsNoValues()
    {
        final Path directory = temp.resolve("decisions");
        final Decision cleared = new Decision();
        try (DecisionJournal journal = DecisionJournal.open(directory))
        {
            journal.append(cleared);
        }
        try (DecisionReader reader = DecisionReader.open(directory))
        {
            final Decision read = new Decision();
            read.nowNs = 5;
            read.mid = 1;
            assertTrue(reader.next(read));
            assertEquals(0, read.nowNs);
            assertEquals(DecisionReason.NONE, read.reason);
            assertTrue(Double.isNaN(read.mid));
            assertEquals(Decision.NO_PRICE, read.bestBidTicks);
        }
    }

    @Test
    void instrumentRecordsBuildTheTableAndTheLatestDefinitionWins()
    {
        final Path directory = temp.resolve("decisions");
        final Decision d = new Decision();
        try (DecisionJournal journal = DecisionJournal.open(directory))
        {
            journal.defineInstrument(1, "BTC-USD", 0.5, 0.001);
            journal.defineInstrument(2, "ETH-USD", 0.01, 0.1);
            d.instrumentId = 1;
            d.nowNs = 10;
            journal.append(d);
            // A restart that changed the tick size of instrument 2, and a symbol outside ASCII.
            journal.defineInstrument(2, "ETH-USD", 0.05, 0.1);
            journal.defineInstrument(3, "ÉTÉ-€", 1, 1);
            d.instrumentId = 2;
            d.nowNs = 20;
            journal.append(d);
            assertEquals(2, journal.appended(), "instrument records are not decisions");
        }
        try (DecisionReader reader = DecisionReader.open(directory))
        {
            final Decision read = new Decision();
            assertTrue(reader.next(read));
            assertEquals(10, read.nowNs);
            assertEquals("BTC-USD", reader.symbol(1));
            assertEquals(0.5, reader.tickSize(1));
            assertEquals(0.001, reader.lotSize(1));
            assertEquals(0.01, reader.tickSize(2), "the first definition, before the restart's");
            assertTrue(reader.next(read));
            assertEquals(20, read.nowNs);
            assertEquals(0.05, reader.tickSize(2), "the later definition");
            assertEquals(0.1, reader.lotSize(2));
            assertEquals("ÉTÉ-€", reader.symbol(3));
            assertEquals("#9", reader.symbol(9), "an instrument never defined");
            assertTrue(Double.isNaN(reader.tickSize(9)));
            assertTrue(Double.isNaN(reader.lotSize(9)));
            assertFalse(reader.next(read));
        }
    }

    @Test
    void reopeningAppendsAfterWhatIsThere()
    {
        final Path directory = temp.resolve("decisions");
        final Decision d = new Decision();
        try (DecisionJournal journal = DecisionJournal.open(directory))
        {
            for (int i = 1; i <= 3; i++)
            {
                d.nowNs = i;
                journal.append(d);
            }
        }
        try (DecisionJournal journal = DecisionJournal.open(directory))
        {
            for (int i = 4; i <= 5; i++)
            {
                d.nowNs = i;
                journal.append(d);
            }
            assertEquals(2, journal.appended(), "counted since this open");
        }
        try (DecisionReader reader = DecisionReader.open(directory))
        {
            final Decision read = new Decision();
            for (int i = 1; i <= 5; i++)
            {
                assertTrue(reader.next(read));
                assertEquals(i, read.nowNs);
            }
            assertFalse(reader.next(read));
        }
    }

    @Test
    void aReaderFollowsAJournalThatIsStillBeingWritten()
    {
        final Path directory = temp.resolve("decisions");
        final Decision d = new Decision();
        try (DecisionJournal journal = DecisionJournal.open(directory))
        {
            d.nowNs = 1;
            journal.append(d);
            try (DecisionReader reader = DecisionReader.open(directory))
            {
                final Decision read = new Decision();
                assertTrue(reader.next(read));
                assertFalse(reader.next(read), "the end so far");
                d.nowNs = 2;
                journal.append(d);
                assertTrue(reader.next(read), "the decision written since");
                assertEquals(2, read.nowNs);
            }
        }
    }

    @Test
    void tooManyLevelsIsACallerBugAndWritesNothing()
    {
        final Path directory = temp.resolve("decisions");
        final Decision d = new Decision();
        try (DecisionJournal journal = DecisionJournal.open(directory))
        {
            d.askLevels = 11;
            final IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> journal.append(d));
            assertEquals("Decision.askLevels is 11, outside 0 to 10", error.getMessage());
            d.askLevels = 0;
            d.bidLevels = -1;
            assertThrows(IllegalArgumentException.class, () -> journal.append(d));
            assertEquals(0, journal.appended());
        }
        try (DecisionReader reader = DecisionReader.open(directory))
        {
            assertFalse(reader.next(new Decision()));
        }
    }

    @Test
    void badInstrumentDefinitionsAreRefusedNamingTheField()
    {
        try (DecisionJournal journal = DecisionJournal.open(temp.resolve("decisions")))
        {
            assertEquals("tickSize of instrument 4 is 0.0, not a positive number",
                assertThrows(IllegalArgumentException.class,
                    () -> journal.defineInstrument(4, "X", 0, 1)).getMessage());
            assertEquals("lotSize of instrument 4 is NaN, not a positive number",
                assertThrows(IllegalArgumentException.class,
                    () -> journal.defineInstrument(4, "X", 1, Double.NaN)).getMessage());
            assertEquals("symbol of instrument 4 is empty",
                assertThrows(IllegalArgumentException.class,
                    () -> journal.defineInstrument(4, "", 1, 1)).getMessage());
            final String longSymbol = "S".repeat(65);
            assertThrows(IllegalArgumentException.class, () -> journal.defineInstrument(4, longSymbol, 1, 1));
            journal.defineInstrument(4, "S".repeat(64), 1, 1);
        }
    }

    @Test
    void addingPastTheLastLevelIsRefused()
    {
        final Decision d = new Decision();
        for (int level = 0; level < Decision.MAX_LEVELS; level++)
        {
            assertTrue(d.addAsk(100 + level, 1));
        }
        assertFalse(d.addAsk(200, 1));
        assertEquals(Decision.MAX_LEVELS, d.askLevels);
        assertEquals(109, d.askTicks[9]);
    }
}
