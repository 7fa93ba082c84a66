package org.mmwinter.engine.journal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.StpMode;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.Publication;
import org.mmwinter.engine.process.ChildJvm;
import org.mmwinter.engine.process.EngineMain;
import org.mmwinter.engine.process.OfflineState;
import org.mmwinter.engine.state.EngineState;
import org.mmwinter.engine.state.StateDigest;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Damaged journals on real files: a flipped byte and a cut file are detected and refused with a message that says
 * where, a write torn by a dying process is recovered up to the last complete command.
 */
class JournalDamageTest
{
    private static final String MARKER = "damage-marker-account";

    @TempDir
    Path dir;

    private EngineConfig config()
    {
        return EngineConfig.defaults().clearInstruments().dataDir(dir.resolve("data"));
    }

    /**
     * Writes a journal: the marker account's registration, then {@code orders} resting orders in batches.
     */
    private long writeJournal(final int orders)
    {
        try (EnginePipeline pipeline = new EnginePipeline(config()))
        {
            pipeline.start();
            final int account = pipeline.directory().resolve(MARKER);
            final int instrument = pipeline.directory().resolve("BTC-USD", true);
            final Publication publication = pipeline.publication(1);
            final CommandEvent e = new CommandEvent();
            for (int i = 0; i < orders; i++)
            {
                e.clear();
                e.type = CommandType.NEW;
                e.accountId = account;
                e.clientOrderId.setDecimal(i);
                e.instrumentId = instrument;
                e.side = i % 2 == 0 ? Side.BUY : Side.SELL;
                e.orderType = OrderType.LIMIT;
                e.tif = TimeInForce.GTC;
                e.stp = StpMode.NONE;
                e.price = i % 2 == 0 ? 1_000 - i : 2_000 + i;
                e.qty = 5;
                publication.offerBlocking(e, i);
            }
            return pipeline.digest();
        }
    }

    private Path journalFile() throws Exception
    {
        try (Stream<Path> files = Files.list(dir.resolve("data").resolve("input")))
        {
            return files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
    }

    private static int indexOf(final byte[] haystack, final byte[] needle)
    {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++)
        {
            for (int j = 0; j < needle.length; j++)
            {
                if (haystack[i + j] != needle[j])
                {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void aFlippedByteIsDetectedAndTheEngineRefusesToStart() throws Exception
    {
        writeJournal(100);
        final Path file = journalFile();
        final byte[] bytes = Files.readAllBytes(file);
        final int at = indexOf(bytes, MARKER.getBytes(StandardCharsets.US_ASCII));
        assertTrue(at > 0, "marker found in " + file);
        bytes[at + 3] ^= 0x20;
        Files.write(file, bytes);
        // The shutdown snapshot covers the damaged document, and a restart from it does not read the journal before
        // it (InputJournalSeekTest): without the snapshot the restart must replay that document, and refuse it.
        try (Stream<Path> snapshots = Files.list(config().snapshotDir()))
        {
            for (final Path snapshot : (Iterable<Path>)snapshots::iterator)
            {
                Files.delete(snapshot);
            }
        }

        final JournalCorruptException refused = assertThrows(JournalCorruptException.class,
            () -> new EnginePipeline(config()).start());
        assertTrue(refused.getMessage().contains("checksum mismatch"), refused.getMessage());
        assertTrue(refused.getMessage().contains("document index"), refused.getMessage());

        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final PrintStream previous = System.err;
        final int exit;
        try
        {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new EngineMain()).execute("digest", "--data", dir.resolve("data").toString());
        }
        finally
        {
            System.setErr(previous);
        }
        assertEquals(1, exit);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("checksum mismatch"), err.toString());
    }

    @Test
    void aTruncatedFileIsRefusedWithAClearMessage() throws Exception
    {
        final long fullDigest = writeJournal(3_000);
        final EngineState full = OfflineState.rebuild(dir.resolve("data"));
        assertEquals(StateDigest.toHex(fullDigest), StateDigest.toHex(full.digest()));
        final Path file = journalFile();
        final byte[] bytes = Files.readAllBytes(file);
        // Cut inside the journal's data, past the first batches: the tail documents are incomplete.
        final int at = indexOf(bytes, MARKER.getBytes(StandardCharsets.US_ASCII));
        final int cut = at + 2_000;
        Files.write(file, Arrays.copyOf(bytes, cut));

        final JournalCorruptException refused = assertThrows(JournalCorruptException.class,
            () -> OfflineState.rebuild(dir.resolve("data")));
        // Where the cut lands decides how it shows: a page past the end of the file (the JVM's fault, "truncated") or
        // the zeros of the last page read as a document that fails its checksum. Either way: refused, and said where.
        assertTrue(refused.getMessage().startsWith("input journal "), refused.getMessage());
        assertTrue(refused.getMessage().contains("truncated") || refused.getMessage().contains("checksum mismatch"),
            refused.getMessage());
        assertThrows(JournalCorruptException.class, () -> new EnginePipeline(config()).start(),
            "the engine refuses to start on it too, rather than carrying on without the lost commands");
    }

    @Test
    void aWriteTornByADyingProcessIsRecoveredUpToTheLastCompleteCommand() throws Exception
    {
        final Path input = dir.resolve("data").resolve("input");
        Files.createDirectories(input);
        final Process child = ChildJvm.command(TornWriteChild.class, input.toString())
            .redirectErrorStream(true)
            .start();
        final String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.contains("torn"), out);

        final long[] records = new long[1];
        InputJournal.replayReadOnly(input, event -> records[0]++);
        assertEquals(1, records[0], "the complete batch is there, the torn one is not");

        // The engine starts on the torn journal, appends after it, and a later restart sees everything.
        final long digest;
        try (EnginePipeline pipeline = new EnginePipeline(config()))
        {
            final EnginePipeline.RecoveryReport report = pipeline.start();
            assertEquals(1, report.records());
            assertEquals(0, pipeline.directory().resolve("torn"), "recovered account keeps its id");
            final int account = pipeline.directory().resolve("after");
            final int instrument = pipeline.directory().resolve("ETH-USD", true);
            final CommandEvent e = new CommandEvent();
            e.type = CommandType.NEW;
            e.accountId = account;
            e.clientOrderId.setDecimal(1);
            e.instrumentId = instrument;
            e.side = Side.BUY;
            e.orderType = OrderType.LIMIT;
            e.price = 100;
            e.qty = 1;
            pipeline.publication(1).offerBlocking(e, 1);
            digest = pipeline.digest();
        }
        final EngineState again = OfflineState.rebuild(dir.resolve("data"));
        assertEquals(StateDigest.toHex(digest), StateDigest.toHex(again.digest()));
        assertEquals(1, again.engine().liveOrderCount());
        assertEquals(List.of("torn", "after"), List.of(again.accounts().name(0), again.accounts().name(1)));
    }
}
