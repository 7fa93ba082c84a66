package org.mmwinter.replay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code replay match} as a user runs it: the picocli command in-process, with its exit code and what it prints.
 */
final class ReplayMainTest
{
    private static final Pattern SUMMARY = Pattern.compile(
        "^replay match: lines=(\\d+) commands=(\\d+) trades=(\\d+) rejects=(\\d+) .*digest=([0-9a-f]{16}) .*$");
    private static final String HEADER = "ts_ns,action,account,order_id,symbol,side,type,tif,price,qty,stp\n";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void captureConsole()
    {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole()
    {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void matchPrintsOneSummaryLineAndWritesTheThreeFilesIntoANewDirectory()
    {
        final Path out = dir.resolve("not/yet/there");

        final int exit = run("match", "--input", golden().toString(), "--out", out.toString());

        assertEquals(0, exit, stderr());
        final List<String> lines = stdout().lines().toList();
        assertEquals(1, lines.size(), stdout());
        final Matcher summary = SUMMARY.matcher(lines.get(0));
        assertTrue(summary.matches(), lines.get(0));
        assertEquals("75", summary.group(1));
        assertEquals("17", summary.group(3));
        assertEquals("27", summary.group(4));
        assertTrue(Files.isRegularFile(out.resolve(CsvOutputs.TRADES)));
        assertTrue(Files.isRegularFile(out.resolve(CsvOutputs.BOOK)));
        assertTrue(Files.isRegularFile(out.resolve(CsvOutputs.EVENTS)));
        assertEquals("", stderr());
    }

    @Test
    void digestDependsOnTheFlowOnly()
    {
        run("match", "--input", golden().toString(), "--out", dir.resolve("a").toString());
        run("match", "--input", golden().toString(), "--out", dir.resolve("b").toString());
        run("match", "--input", golden().toString(), "--out", dir.resolve("c").toString(), "--limit", "30");

        final List<String> lines = stdout().lines().toList();
        assertEquals(3, lines.size(), stdout());
        assertEquals(digest(lines.get(0)), digest(lines.get(1)));
        assertNotEquals(digest(lines.get(0)), digest(lines.get(2)));
    }

    @Test
    void missingInputFileIsAClearErrorAndWritesNothing()
    {
        final Path missing = dir.resolve("no-such-flow.csv");
        final Path out = dir.resolve("out");

        final int exit = run("match", "--input", missing.toString(), "--out", out.toString());

        assertNotEquals(0, exit);
        assertTrue(stderr().contains("cannot read input file") && stderr().contains(missing.toString()), stderr());
        assertEquals("", stdout());
        assertFalse(Files.exists(out));
    }

    @Test
    void directoryAsInputIsAClearError()
    {
        final int exit = run("match", "--input", dir.toString(), "--out", dir.resolve("out").toString());

        assertNotEquals(0, exit);
        assertTrue(stderr().contains("cannot read input file"), stderr());
    }

    @Test
    void missingHeaderIsAClearError() throws IOException
    {
        final Path flow = write("headless.csv", "1000,NEW,a,1,BTC-USD,BUY,LIMIT,GTC,100,1,\n");
        final Path out = dir.resolve("out");

        final int exit = run("match", "--input", flow.toString(), "--out", out.toString());

        assertNotEquals(0, exit);
        assertTrue(stderr().contains("missing header") && stderr().contains(flow.toString()), stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void emptyFileHasNoHeader() throws IOException
    {
        final Path empty = write("empty.csv", "");

        final int exit = run("match", "--input", empty.toString(), "--out", dir.resolve("out").toString());

        assertNotEquals(0, exit);
        assertTrue(stderr().contains("missing header"), stderr());
    }

    @Test
    void headerAloneGivesEmptyOutputs() throws IOException
    {
        final Path out = dir.resolve("out");

        final int exit = run("match", "--input", write("header.csv", HEADER).toString(), "--out", out.toString());

        assertEquals(0, exit, stderr());
        assertEquals(0, CsvOutputs.dataRows(out.resolve(CsvOutputs.TRADES)));
        assertEquals(0, CsvOutputs.dataRows(out.resolve(CsvOutputs.BOOK)));
        assertEquals(0, CsvOutputs.dataRows(out.resolve(CsvOutputs.EVENTS)));
    }

    @Test
    void limitStopsAfterNDataLines()
    {
        final Path out = dir.resolve("out");

        final int exit = run("match", "--input", golden().toString(), "--out", out.toString(), "--limit", "9");

        assertEquals(0, exit, stderr());
        assertEquals(9, CsvOutputs.dataRows(out.resolve(CsvOutputs.EVENTS)));
        // Lines 8 and 9 of the golden flow trade five times; line 11, beyond the limit, would trade again.
        assertEquals(5, CsvOutputs.dataRows(out.resolve(CsvOutputs.TRADES)));
        assertTrue(stdout().startsWith("replay match: lines=9 commands=9 trades=5 rejects=0 "), stdout());
    }

    @Test
    void limitZeroReadsOnlyTheHeader()
    {
        final Path out = dir.resolve("out");

        final int exit = run("match", "--input", golden().toString(), "--out", out.toString(), "--limit", "0");

        assertEquals(0, exit, stderr());
        assertEquals(0, CsvOutputs.dataRows(out.resolve(CsvOutputs.EVENTS)));
    }

    @Test
    void negativeLimitIsRefused()
    {
        final int exit = run("match", "--input", golden().toString(), "--out", dir.toString(), "--limit", "-1");

        assertNotEquals(0, exit);
        assertTrue(stderr().contains("--limit"), stderr());
    }

    @Test
    void missingOptionShowsUsage()
    {
        final int exit = run("match", "--input", golden().toString());

        assertNotEquals(0, exit);
        assertTrue(stderr().contains("--out"), stderr());
    }

    @Test
    void badLinesAreRecordedAndProcessingGoesOn() throws IOException
    {
        final Path flow = write("flow.csv", HEADER +
            "1000,NEW,a,1,BTC-USD,SELL,LIMIT,GTC,100,1,\n" +
            "garbage\n" +
            "\n" +
            "3000,NEW,b,1,BTC-USD,BUY,LIMIT,GTC,1e2,1,\n" +
            "4000,NEW,b,2,BTC-USD,BUY,LIMIT,GTC,100,0.4,\n" +
            "5000,NEW,b,3,BTC-USD,BUY,LIMIT,GTC,100,1,2,3\n" +
            "6000,NEW,b,4,BTC-USD,BUY,LIMIT,GTC,100,0.1,\n");
        final Path out = dir.resolve("out");

        final int exit = run("match", "--input", flow.toString(), "--out", out.toString());

        assertEquals(0, exit, stderr());
        final List<String[]> events = CsvOutputs.read(out.resolve(CsvOutputs.EVENTS));
        final String[] results = {"OK", "REJECTED", "REJECTED", "REJECTED", "OK", "REJECTED", "OK"};
        assertEquals(results.length + 1, events.size());
        for (int i = 0; i < results.length; i++)
        {
            final String[] row = events.get(i + 1);
            assertEquals(String.valueOf(i + 1), row[0]);
            assertEquals(results[i], row[1], "line " + (i + 1));
            assertEquals("REJECTED".equals(results[i]), !row[2].isEmpty(), "reason of line " + (i + 1));
        }
        assertEquals(2, CsvOutputs.dataRows(out.resolve(CsvOutputs.TRADES)));
        assertEquals(List.of("symbol,side,price,qty,account,order_id", "BTC-USD,SELL,100,0.5,a,1"),
            CsvOutputs.text(out.resolve(CsvOutputs.BOOK)).lines().toList());
        assertTrue(stdout().contains(" rejects=4 "), stdout());
    }

    @Test
    void configGivesTheRunThatFilesInstrumentsInsteadOfTheBuiltInOnes() throws IOException
    {
        final Path flow = write("flow.csv", HEADER +
            // On the built-in 0.01 tick of BTC-USD, off the 0.5 tick of the file below.
            "1000,NEW,a,1,BTC-USD,SELL,LIMIT,GTC,30000.25,1,\n" +
            "2000,NEW,a,2,BTC-USD,SELL,LIMIT,GTC,30000.5,1,\n");
        final Path config = write("half-dollar.conf", "instrument.BTC-USD.tick=0.5\ninstrument.BTC-USD.lot=0.001\n");

        final int builtIn = run("match", "--input", flow.toString(), "--out", dir.resolve("a").toString());
        final int withFile = run("match", "--input", flow.toString(), "--out", dir.resolve("b").toString(),
            "--config", config.toString());

        assertEquals(0, builtIn, stderr());
        assertEquals(0, withFile, stderr());
        final List<String> lines = stdout().lines().toList();
        assertTrue(lines.get(0).startsWith("replay match: lines=2 commands=2 trades=0 rejects=0 "), lines.get(0));
        assertTrue(lines.get(1).startsWith("replay match: lines=2 commands=1 trades=0 rejects=1 "), lines.get(1));
        assertEquals(List.of("line,result,reason", "1,REJECTED,price not a multiple of the tick size (price)",
            "2,OK,"), CsvOutputs.text(dir.resolve("b").resolve(CsvOutputs.EVENTS)).lines().toList());
    }

    @Test
    void configAcceptsTheKeysTheEngineAccepts() throws IOException
    {
        // The same file as engine.jar --config: engine keys and the hosted bot's keys are taken, only instruments
        // matter here.
        final Path config = write("engine.conf", "data.dir=/nonexistent\nring.size=1024\nbot.account=MM2\n");

        final int exit = run("match", "--input", golden().toString(), "--out", dir.resolve("out").toString(),
            "--config", config.toString());

        assertEquals(0, exit, stderr());
        assertTrue(stdout().startsWith("replay match: lines=75 "), stdout());
    }

    @Test
    void aBadConfigIsRefusedNamingTheFileAndKey() throws IOException
    {
        final Path config = write("bad.conf", "instrument.BTC-USD.tick=-1\n");
        final Path out = dir.resolve("out");

        final int exit = run("match", "--input", golden().toString(), "--out", out.toString(),
            "--config", config.toString());

        assertEquals(2, exit);
        assertTrue(stderr().startsWith("replay match: bad configuration: " + config + ": BTC-USD: tick"), stderr());
        assertFalse(Files.exists(out));
    }

    @Test
    void aMissingConfigIsAClearError()
    {
        final Path missing = dir.resolve("no-such.conf");

        final int exit = run("match", "--input", golden().toString(), "--out", dir.resolve("out").toString(),
            "--config", missing.toString());

        assertEquals(2, exit);
        assertTrue(stderr().startsWith("replay match: cannot read --config " + missing), stderr());
    }

    private static Path golden()
    {
        return CsvOutputs.resource("golden/flow.csv");
    }

    private Path write(final String name, final String content) throws IOException
    {
        final Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static int run(final String... args)
    {
        return new CommandLine(new ReplayMain()).execute(args);
    }

    private static String digest(final String summary)
    {
        final Matcher matcher = SUMMARY.matcher(summary);
        assertTrue(matcher.matches(), summary);
        return matcher.group(5);
    }

    private String stdout()
    {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    private String stderr()
    {
        return stderr.toString(StandardCharsets.UTF_8);
    }
}
