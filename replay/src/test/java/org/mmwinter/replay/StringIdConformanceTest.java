package org.mmwinter.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.process.PipelineFlowRun;
import org.mmwinter.engine.state.StateDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 42 conformance cases again with every order id rewritten to a string, as traders name orders (letters,
 * punctuation, 36 characters): {@code replay match} and the engine must produce the peers' expected trades, books
 * and events with the ids rewritten the same way, so string ids trade exactly as the numbers did.
 */
final class StringIdConformanceTest
{
    private static final int ORDER_ID = 3;
    private static final int BOOK_ORDER_ID = 5;
    private static final int TRADE_MAKER_ORDER_ID = 7;
    private static final int TRADE_TAKER_ORDER_ID = 9;

    static List<String> cases() throws IOException
    {
        return ConformanceTest.cases();
    }

    /**
     * One-to-one: each style keeps the original id inside a prefix no other style starts with.
     */
    static String rewrite(final String id)
    {
        if (id.isEmpty())
        {
            return id;
        }
        switch (Math.floorMod(id.hashCode(), 3))
        {
            case 0:
                return "bid." + id + ":x_y";
            case 1:
            {
                final StringBuilder padded = new StringBuilder("ord/").append(id).append('-');
                while (padded.length() < ClientOrderId.MAX_LENGTH)
                {
                    padded.append('Z');
                }
                return padded.toString();
            }
            default:
                return "Q" + id;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void casesWithStringIdsGiveThePeersOutputsThroughBothFrontEnds(final String name, @TempDir final Path tmp)
        throws IOException
    {
        final Path source = CsvOutputs.resource("conformance/" + name);
        final Path flow = rewriteColumns(source.resolve("flow.csv"), tmp.resolve("flow.csv"), ORDER_ID);
        final Path expected = Files.createDirectories(tmp.resolve("expected"));
        rewriteColumns(source.resolve("expected").resolve(CsvOutputs.TRADES), expected.resolve(CsvOutputs.TRADES),
            TRADE_MAKER_ORDER_ID, TRADE_TAKER_ORDER_ID);
        rewriteColumns(source.resolve("expected").resolve(CsvOutputs.BOOK), expected.resolve(CsvOutputs.BOOK),
            BOOK_ORDER_ID);
        Files.copy(source.resolve("expected").resolve(CsvOutputs.EVENTS), expected.resolve(CsvOutputs.EVENTS));

        final MatchRun.Result replay = new MatchRun().run(flow, tmp.resolve("replay"), Long.MAX_VALUE);
        CsvOutputs.assertEquivalent(expected, tmp.resolve("replay"));
        final PipelineFlowRun.Result engine = PipelineFlowRun.run(
            EngineConfig.defaults().dataDir(tmp.resolve("data")).ringSize(1024), flow, tmp.resolve("engine"),
            Long.MAX_VALUE);
        CsvOutputs.assertIdentical(tmp.resolve("replay"), tmp.resolve("engine"));
        assertEquals(StateDigest.toHex(replay.digest()), StateDigest.toHex(engine.digest()));
    }

    @Test
    void theRewriteIsOneToOneAndUsesEveryStyle() throws IOException
    {
        final Set<String> originals = new HashSet<>();
        for (final String name : cases())
        {
            for (final String[] row : CsvOutputs.read(CsvOutputs.resource("conformance/" + name + "/flow.csv")))
            {
                if (row.length > ORDER_ID && !row[ORDER_ID].equals("order_id"))
                {
                    originals.add(row[ORDER_ID]);
                }
            }
        }
        final Set<String> rewritten = new HashSet<>();
        boolean longest = false;
        boolean punctuated = false;
        for (final String id : originals)
        {
            final String text = rewrite(id);
            ClientOrderId.of(text);
            rewritten.add(text);
            longest |= text.length() == ClientOrderId.MAX_LENGTH;
            punctuated |= text.contains(".") && text.contains(":");
        }
        assertEquals(originals.size(), rewritten.size());
        assertTrue(longest && punctuated, "ids of 36 characters and with punctuation: " + rewritten);
    }

    private static Path rewriteColumns(final Path from, final Path to, final int... columns) throws IOException
    {
        final List<String> out = new ArrayList<>();
        final List<String> lines = Files.readAllLines(from, StandardCharsets.UTF_8);
        out.add(lines.get(0));
        for (final String line : lines.subList(1, lines.size()))
        {
            final String[] fields = line.split(",", -1);
            for (final int column : columns)
            {
                if (column < fields.length)
                {
                    fields[column] = rewrite(fields[column]);
                }
            }
            out.add(String.join(",", fields));
        }
        Files.write(to, out, StandardCharsets.UTF_8);
        return to;
    }
}
