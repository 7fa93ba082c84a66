package org.mmwinter.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The golden flow ({@code src/test/resources/golden/flow.csv}) touches every feature of the order-flow contract:
 * three symbols, sweeps over several levels, every time in force, MARKET IOC and FOK, every self-trade prevention
 * mode, amends that keep or lose priority or cross, mass cancels and every kind of bad line. Its expected outputs
 * were derived by hand from the contract's rules, line by line; the outputs' formatting is canonical, so they are
 * compared byte for byte.
 */
final class GoldenFileTest
{
    private static final Path GOLDEN = CsvOutputs.resource("golden");

    @Test
    void goldenFlowGivesTheGoldenOutputs(@TempDir final Path out) throws IOException
    {
        final MatchRun.Result result = new MatchRun().run(GOLDEN.resolve("flow.csv"), out, Long.MAX_VALUE);

        final Path expected = GOLDEN.resolve("expected");
        CsvOutputs.assertIdentical(expected, out);
        assertEquals(CsvOutputs.dataRows(expected.resolve(CsvOutputs.EVENTS)), result.lines());
        assertEquals(CsvOutputs.dataRows(expected.resolve(CsvOutputs.TRADES)), result.trades());
        assertEquals(CsvOutputs.rejectedRows(expected.resolve(CsvOutputs.EVENTS)), result.rejects());
    }

    @Test
    void windowsLineEndingsAndByteOrderMarkGiveTheSameOutputs(@TempDir final Path dir) throws IOException
    {
        final String flow = CsvOutputs.text(GOLDEN.resolve("flow.csv"));
        final Path windowsFlow = dir.resolve("flow-crlf.csv");
        Files.writeString(windowsFlow, '\uFEFF' + flow.replace("\n", "\r\n"), StandardCharsets.UTF_8);
        final Path out = dir.resolve("out");

        new MatchRun().run(windowsFlow, out, Long.MAX_VALUE);

        CsvOutputs.assertIdentical(GOLDEN.resolve("expected"), out);
    }

    @Test
    void sameFlowGivesTheSameDigest(@TempDir final Path dir) throws IOException
    {
        final long first = new MatchRun().run(GOLDEN.resolve("flow.csv"), dir.resolve("a"), Long.MAX_VALUE).digest();
        final long second = new MatchRun().run(GOLDEN.resolve("flow.csv"), dir.resolve("b"), Long.MAX_VALUE).digest();

        assertEquals(first, second);
    }
}
