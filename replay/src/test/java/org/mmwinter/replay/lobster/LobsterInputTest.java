package org.mmwinter.replay.lobster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.process.EngineConsole;
import org.mmwinter.replay.ReplayMain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the command does with imperfect input: malformed lines reported and skipped, files that do not line up,
 * unreadable files and bad arguments, file names that are not LOBSTER's.
 */
final class LobsterInputTest
{
    @TempDir
    Path dir;

    private EngineConsole lobster(final Path messages, final Path book, final String... more)
    {
        final String[] args = new String[6 + (book == null ? 0 : 2) + more.length];
        int i = 0;
        args[i++] = "lobster";
        args[i++] = "--messages";
        args[i++] = messages.toString();
        if (book != null)
        {
            args[i++] = "--book";
            args[i++] = book.toString();
        }
        args[i++] = "--out";
        args[i++] = dir.resolve("out").toString();
        System.arraycopy(more, 0, args, i, more.length);
        return replay(Arrays.copyOf(args, i + more.length));
    }

    @Test
    void malformedLinesAreReportedWithFileLineAndFieldAndSkipped() throws IOException
    {
        // Line 1 is the header. Line 3: unknown type 9; line 4: a price that is not a number; line 5: 5 columns;
        // line 6: direction 0. Lines 2 and 7 are good: a bid of 10 at 1000, then 4 of it executed.
        final Path messages = LobsterEventTypesTest.write(dir.resolve("m.csv"), String.join("\n",
            "Time,Type,OrderId,Size,Price,Direction",
            "34200.5,1,1,10,1000,1",
            "34200.6,9,2,10,1000,1",
            "34200.7,1,3,10,10x0,1",
            "34200.8,1,4,10,1000",
            "34200.9,1,5,10,1000,0",
            "34201.0,4,1,4,1000,1"));
        final EngineConsole run = lobster(messages, null);
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.err.contains(messages + ":3: malformed line skipped: field type: unknown event type '9'"),
            run.err);
        assertTrue(run.err.contains(messages + ":4: malformed line skipped: field price: not a number '10x0'"),
            run.err);
        assertTrue(run.err.contains(messages + ":5: malformed line skipped: expected 6 columns, found 5"), run.err);
        assertTrue(run.err.contains(messages + ":6: malformed line skipped: field direction: '0' is neither"),
            run.err);
        assertEquals(4, run.err.split("\n").length, run.err);
        assertTrue(run.out.startsWith("replay lobster: symbol=LOBSTER events=2 malformed=4 "), run.out);
        assertTrue(run.out.contains(" trades=1 "), run.out);
        assertFalse(run.out.contains("level="), run.out);
        assertFalse(Files.exists(dir.resolve("out/lobster-match.csv")));
    }

    @Test
    void aMalformedBookRowIsReportedAndNotCompared() throws IOException
    {
        final Path messages = LobsterEventTypesTest.write(dir.resolve("m.csv"),
            "34200.5,1,1,10,1000,1\n34200.6,1,2,5,1010,-1\n34200.7,3,2,5,1010,-1\n");
        final Path book = LobsterEventTypesTest.write(dir.resolve("b.csv"),
            "9999999999,0,1000,10\n1010,5,1000,oops\n9999999999,0,1000,10\n");
        final EngineConsole run = lobster(messages, book);
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.err.contains(book + ":2: malformed line skipped: column 4 (bid size 1): not a number 'oops'"),
            run.err);
        assertTrue(run.out.startsWith("level=1 rows=2 matched=2 share=100.00%\n"), run.out);
        assertTrue(run.out.contains(" malformed=1 "), run.out);
    }

    @Test
    void filesOfDifferentLengthsAreComparedOnTheCommonPrefixAndSaidSo() throws IOException
    {
        final Path messages = LobsterEventTypesTest.write(dir.resolve("m.csv"),
            "34200.5,1,1,10,1000,1\n34200.6,1,2,5,1010,-1\n34200.7,3,2,5,1010,-1\n");
        final Path book = LobsterEventTypesTest.write(dir.resolve("b.csv"), "9999999999,0,1000,10\n1010,5,1000,10\n");
        final EngineConsole run = lobster(messages, book);
        assertEquals(0, run.exitCode, run.err);
        assertTrue(run.err.contains("the book file has 2 rows and the message file 3: compared the first 2"),
            run.err);
        assertTrue(run.out.startsWith("level=1 rows=2 matched=2 share=100.00%\n"), run.out);
        assertTrue(run.out.contains(" events=3 "), run.out);

        final Path longBook = LobsterEventTypesTest.write(dir.resolve("b2.csv"),
            "9999999999,0,1000,10\n1010,5,1000,10\n9999999999,0,1000,10\n9999999999,0,1000,10\n");
        final EngineConsole longer = lobster(messages, longBook);
        assertTrue(longer.err.contains("the book file has 4 rows and the message file 3: compared the first 3"),
            longer.err);
        assertTrue(longer.out.startsWith("level=1 rows=3 matched=3 share=100.00%\n"), longer.out);
    }

    @Test
    void anUnreadableFileExitsOneAndBadArgumentsExitTwo() throws IOException
    {
        final Path messages = LobsterEventTypesTest.write(dir.resolve("m.csv"), "34200.5,1,1,10,1000,1\n");
        final Path book = LobsterEventTypesTest.write(dir.resolve("b.csv"), "9999999999,0,1000,10\n");

        final EngineConsole missing = lobster(dir.resolve("absent.csv"), null);
        assertEquals(LobsterCommand.DATA_ERROR, missing.exitCode);
        assertTrue(missing.err.contains("cannot read " + dir.resolve("absent.csv")), missing.err);

        final EngineConsole missingBook = lobster(messages, dir.resolve("absent-book.csv"));
        assertEquals(LobsterCommand.DATA_ERROR, missingBook.exitCode);

        final Path brokenGzip = dir.resolve("broken.csv.gz");
        Files.write(brokenGzip, new byte[] {0x1f, (byte)0x8b, 1, 2, 3});
        assertEquals(LobsterCommand.DATA_ERROR, lobster(brokenGzip, null).exitCode);

        final Path oddBook = LobsterEventTypesTest.write(dir.resolve("odd.csv"), "1,2,3\n");
        final EngineConsole odd = lobster(messages, oddBook);
        assertEquals(LobsterCommand.DATA_ERROR, odd.exitCode);
        assertTrue(odd.err.contains("3 columns, not a multiple of 4"), odd.err);

        final EngineConsole tooDeep = lobster(messages, book, "--levels", "2");
        assertEquals(LobsterCommand.USAGE, tooDeep.exitCode);
        assertTrue(tooDeep.err.contains("--levels 2 but " + book + " has 1"), tooDeep.err);
        assertEquals(LobsterCommand.USAGE, lobster(messages, book, "--levels", "0").exitCode);
        assertEquals(LobsterCommand.USAGE, lobster(messages, null, "--levels", "1").exitCode);
        assertEquals(LobsterCommand.USAGE, replay("lobster", "--out", dir.toString()).exitCode);
    }

    @Test
    void helpPrintsCleanly()
    {
        final EngineConsole help = replay("lobster", "--help");
        assertEquals(0, help.exitCode);
        assertTrue(help.out.contains("level=K rows=N matched=M share=P%."), help.out);
        assertFalse(help.err.contains("WARN"), help.err);
    }

    @Test
    void theInstrumentIsNamedFromALobsterFileNameElseLobster()
    {
        assertEquals("AMZN", LobsterRun.symbolOf(Path.of("x/AMZN_2012-06-21_34200000_57600000_message_1.csv")));
        assertEquals("MSFT", LobsterRun.symbolOf(Path.of("MSFT_2012-06-21_34200000_57600000_message_50.csv.gz")));
        assertEquals("BRK.B", LobsterRun.symbolOf(Path.of("BRK.B_2019-01-02_34200000_57600000_message_5.csv")));
        assertEquals(LobsterRun.DEFAULT_SYMBOL, LobsterRun.symbolOf(Path.of("messages.csv")));
        assertEquals(LobsterRun.DEFAULT_SYMBOL,
            LobsterRun.symbolOf(Path.of("AMZN_2012-06-21_34200000_57600000_orderbook_1.csv")));
    }

    /** {@code replay ARGS} in this JVM. */
    private static EngineConsole replay(final String... args)
    {
        return EngineConsole.capture(new ReplayMain(), args);
    }
}
