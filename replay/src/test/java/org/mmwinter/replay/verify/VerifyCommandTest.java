package org.mmwinter.replay.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.replay.ReplayMain;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code replay verify} as a user runs it, on data directories the real engine wrote: a clean one passes, one whose
 * output journal was altered in one place fails at exactly that command with both results printed, {@code --limit}
 * checks a prefix, and a missing journal exits 2 with a message.
 */
final class VerifyCommandTest
{
    private static final String MARKER = "MARKER-ID-TO-DAMAGE";

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

    /*
     * The crossing pair's journal, worked out from the engine's contract (execution reports, then market data, in
     * the order they happen; every command ends with its DONE):
     *   command 1 ADD_INSTRUMENT X-USD       DONE                                   results 0
     *   command 2 NEW sell s1 3 @ 10000      ACCEPTED, LEVEL sell 3, DONE           results 1-3
     *   command 3 NEW buy b1 2 @ 10000       ACCEPTED, FILL 2, TRADE 2, LEVEL sell 1, DONE   results 4-8
     * 3 commands, 9 results; the FILL is result 5, with taker fee 20,000 cents x 500 / 10^6 = 10 and maker fee
     * 20,000 x 100 / 10^6 = 2.
     */

    @Test
    void aCleanJournalPasses()
    {
        final Path data = RecordedDirectories.crossingPair(dir.resolve("data"));
        assertEquals(0, verify("--data", data.toString()), stderr.toString());
        assertEquals("verify: commands=3 results=9 ok\n", stdout.toString());
    }

    @Test
    void aFillAlteredInOneFieldFailsAtItsCommandWithBothValuesPrinted() throws IOException
    {
        final Path data = RecordedDirectories.crossingPair(dir.resolve("data"));
        final List<ResultEvent> results = RecordedDirectories.recorded(data);
        final ResultEvent fill = results.get(5);
        assertEquals(ResultType.FILL, fill.type);
        assertEquals(10, fill.takerFee);
        fill.takerFee = 11;
        RecordedDirectories.rewrite(data, results);

        assertEquals(1, verify("--data", data.toString()));
        final String[] lines = stdout.toString().split("\n");
        // Five results agreed before it (0-4); the divergence is in command 3, the NEW it names.
        assertEquals("verify: commands=3 results=5 divergence at command sequence 3", lines[0]);
        assertTrue(lines[1].startsWith("  command:  CommandEvent{seq=3 NEW"), lines[1]);
        assertTrue(lines[1].contains("order=b1"), lines[1]);
        assertTrue(lines[2].startsWith("  expected: type=FILL(3) command=3 "), lines[2]);
        assertTrue(lines[2].contains(" price=10000 qty=2 remaining=0 "), lines[2]);
        assertTrue(lines[2].contains(" taker_fee=11 maker_fee=2 "), lines[2]);
        assertTrue(lines[3].startsWith("  actual:   type=FILL(3) command=3 "), lines[3]);
        assertTrue(lines[3].contains(" taker_fee=10 maker_fee=2 "), lines[3]);
        assertEquals("  differs:  taker_fee: expected 11, actual 10", lines[4]);
        assertEquals(5, lines.length);
    }

    @Test
    void limitChecksOnlyThePrefix() throws IOException
    {
        final Path data = RecordedDirectories.crossingPair(dir.resolve("data"));
        final List<ResultEvent> results = RecordedDirectories.recorded(data);
        results.get(5).price = 10_001;
        RecordedDirectories.rewrite(data, results);

        // Commands 1 and 2 made results 0-3: four results, all as recorded.
        assertEquals(0, verify("--data", data.toString(), "--limit", "2"));
        assertEquals("verify: commands=2 results=4 ok\n", stdout.toString());
        stdout.reset();
        assertEquals(0, verify("--data", data.toString(), "--limit", "0"));
        assertEquals("verify: commands=0 results=0 ok\n", stdout.toString());
        stdout.reset();
        assertEquals(1, verify("--data", data.toString(), "--limit", "3"));
        assertTrue(stdout.toString().startsWith("verify: commands=3 results=5 divergence at command sequence 3\n"),
            stdout.toString());
        assertTrue(stdout.toString().contains("  differs:  price: expected 10001, actual 10000\n"),
            stdout.toString());
    }

    @Test
    void aResultMissingFromTheEndOfTheOutputJournalIsADivergence() throws IOException
    {
        final Path data = RecordedDirectories.crossingPair(dir.resolve("data"));
        final List<ResultEvent> results = RecordedDirectories.recorded(data);
        results.remove(8);
        RecordedDirectories.rewrite(data, results);

        assertEquals(1, verify("--data", data.toString()));
        final String[] lines = stdout.toString().split("\n");
        assertEquals("verify: commands=3 results=8 divergence at command sequence 3", lines[0]);
        assertEquals("  expected: (none: the output journal ends after 8 results)", lines[2]);
        assertTrue(lines[3].startsWith("  actual:   type=DONE(9) command=3 "), lines[3]);
    }

    @Test
    void aRecordedResultTheReplayDoesNotMakeIsADivergence() throws IOException
    {
        final Path data = RecordedDirectories.crossingPair(dir.resolve("data"));
        final List<ResultEvent> results = RecordedDirectories.recorded(data);
        results.add(new ResultEvent().copyFrom(results.get(8)));
        RecordedDirectories.rewrite(data, results);

        assertEquals(1, verify("--data", data.toString()));
        final String[] lines = stdout.toString().split("\n");
        assertEquals("verify: commands=3 results=9 divergence at command sequence 3", lines[0]);
        assertTrue(lines[1].startsWith("  expected: type=DONE(9) command=3 "), lines[1]);
        assertEquals("  actual:   (none: the replay made no more results; the input journal ends after 3 commands)",
            lines[2]);
        // With --limit 3 the extra result still belongs to a command that was checked.
        stdout.reset();
        assertEquals(1, verify("--data", data.toString(), "--limit", "3"));
        assertTrue(stdout.toString().contains("(none: the replay made no more results for the 3 commands checked)"),
            stdout.toString());
    }

    @Test
    void aGeneratedFlowPassesAndFailsAtExactlyTheCommandWhosePriceWasAltered() throws IOException
    {
        final Path data = RecordedDirectories.generatedFlow(dir.resolve("data"), 5, 3_000);
        final long commands = RecordedDirectories.commands(data);
        final List<ResultEvent> results = RecordedDirectories.recorded(data);
        assertEquals(0, verify("--data", data.toString()), stderr.toString());
        assertEquals("verify: commands=" + commands + " results=" + results.size() + " ok\n", stdout.toString());

        int altered = results.size() / 2;
        while (results.get(altered).type != ResultType.FILL)
        {
            altered++;
        }
        final ResultEvent fill = results.get(altered);
        final long price = fill.price;
        final long sequence = fill.commandSequence;
        fill.price = price + 1;
        RecordedDirectories.rewrite(data, results);
        stdout.reset();
        assertEquals(1, verify("--data", data.toString()));
        final String[] lines = stdout.toString().split("\n");
        // Sequences start at 1 and every command is replayed in order: the divergence is in the sequence-th.
        assertEquals("verify: commands=" + sequence + " results=" + altered + " divergence at command sequence " +
            sequence, lines[0]);
        assertTrue(lines[1].startsWith("  command:  CommandEvent{seq=" + sequence + " "), lines[1]);
        assertTrue(lines[2].contains(" price=" + (price + 1) + " "), lines[2]);
        assertTrue(lines[3].contains(" price=" + price + " "), lines[3]);
        assertEquals("  differs:  price: expected " + (price + 1) + ", actual " + price, lines[4]);

        // The commands before it still agree.
        long before = 0;
        for (final ResultEvent r : results)
        {
            before += r.commandSequence < sequence ? 1 : 0;
        }
        stdout.reset();
        assertEquals(0, verify("--data", data.toString(), "--limit", Long.toString(sequence - 1)));
        assertEquals("verify: commands=" + (sequence - 1) + " results=" + before + " ok\n", stdout.toString());
    }

    @Test
    void aMissingDirectoryOrJournalExitsTwoWithAMessage() throws IOException
    {
        assertEquals(2, verify("--data", dir.resolve("nowhere").toString()));
        assertTrue(stderr.toString().startsWith("verify: no data directory "), stderr.toString());
        assertEquals("", stdout.toString());

        final Path data = RecordedDirectories.crossingPair(dir.resolve("data"));
        final List<ResultEvent> results = RecordedDirectories.recorded(data);
        RecordedDirectories.rewrite(data, results);
        Files.move(data.resolve("output"), dir.resolve("moved"));
        stderr.reset();
        assertEquals(2, verify("--data", data.toString()));
        assertTrue(stderr.toString().startsWith("verify: no output journal under "), stderr.toString());

        stderr.reset();
        assertEquals(2, verify("--data", data.toString(), "--limit", "-1"));
        assertEquals("verify: --limit must not be negative, not -1\n", stderr.toString());
    }

    @Test
    void aDamagedOutputJournalExitsTwoWithTheDocumentNamed() throws IOException
    {
        final Path data = RecordedDirectories.crossingPair(dir.resolve("data"));
        final List<ResultEvent> results = RecordedDirectories.recorded(data);
        // A recorded id to find in the file: the buy's ACCEPTED (result 4) renamed, then one of its bytes flipped.
        results.get(4).clientOrderId.parse(MARKER, 0, MARKER.length());
        RecordedDirectories.rewrite(data, results);
        final Path file;
        try (Stream<Path> files = Files.list(data.resolve("output")))
        {
            file = files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        final byte[] bytes = Files.readAllBytes(file);
        final int at = indexOf(bytes, MARKER.getBytes(StandardCharsets.US_ASCII));
        assertTrue(at > 0, "marker found in " + file);
        bytes[at + 3] ^= 0x20;
        Files.write(file, bytes);

        assertEquals(2, verify("--data", data.toString()));
        assertTrue(stderr.toString().startsWith("verify: output journal "), stderr.toString());
        assertTrue(stderr.toString().contains("checksum mismatch"), stderr.toString());
        assertEquals("", stdout.toString());
    }

    @Test
    void anEngineRunWithTheOutputJournalOffHasNothingToVerify()
    {
        final Path data = dir.resolve("data");
        try (EnginePipeline pipeline = new EnginePipeline(EngineConfig.defaults().clearInstruments().dataDir(data)
            .outputJournalEnabled(false)))
        {
            pipeline.start();
            pipeline.directory().define(new Instrument(0, "X-USD", 2, 1, 0, 1, Instrument.NO_BAND));
            assertTrue(pipeline.awaitIdle(60, TimeUnit.SECONDS));
        }
        assertEquals(2, verify("--data", data.toString()));
        assertTrue(stderr.toString().startsWith("verify: no output journal under "), stderr.toString());
        assertTrue(stderr.toString().contains("was the engine run with the output journal off?"), stderr.toString());
    }

    private static int indexOf(final byte[] haystack, final byte[] needle)
    {
        for (int i = 0; i <= haystack.length - needle.length; i++)
        {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length))
            {
                return i;
            }
        }
        return -1;
    }

    private static int verify(final String... args)
    {
        final String[] all = new String[args.length + 1];
        all[0] = "verify";
        System.arraycopy(args, 0, all, 1, args.length);
        return new CommandLine(new ReplayMain()).execute(all);
    }
}
