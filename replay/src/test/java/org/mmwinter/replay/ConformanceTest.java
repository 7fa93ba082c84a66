package org.mmwinter.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every case transcribed from exchange-core's and parity's own order-book tests (see
 * {@code src/test/resources/conformance/README.md}) through {@code replay match} and compares the three outputs
 * with what those engines assert.
 */
final class ConformanceTest
{
    private static final String ROOT = "conformance";
    private static final int EXPECTED_CASES = 42;

    static List<String> cases() throws IOException
    {
        try (Stream<Path> children = Files.list(CsvOutputs.resource(ROOT)))
        {
            return children
                .filter(Files::isDirectory)
                .map(dir -> dir.getFileName().toString())
                .sorted()
                .collect(Collectors.toList());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void producesThePeersExpectedOutputs(final String name, @TempDir final Path out) throws IOException
    {
        final Path dir = CsvOutputs.resource(ROOT + "/" + name);
        final MatchRun.Result result = new MatchRun().run(dir.resolve("flow.csv"), out, Long.MAX_VALUE);

        CsvOutputs.assertEquivalent(dir.resolve("expected"), out);
        assertEquals(CsvOutputs.dataRows(dir.resolve("expected").resolve(CsvOutputs.EVENTS)), result.lines());
    }

    @Test
    void everyCaseIsPresent() throws IOException
    {
        final List<String> cases = cases();
        assertEquals(EXPECTED_CASES, cases.size(), "conformance cases on the classpath: " + cases);
        for (final String name : cases)
        {
            final Path dir = CsvOutputs.resource(ROOT + "/" + name);
            for (final String file : new String[]{"flow.csv", "SOURCE", "expected/trades.csv", "expected/book.csv",
                "expected/events.csv"})
            {
                assertTrue(Files.isRegularFile(dir.resolve(file)), name + " lacks " + file);
            }
        }
    }
}
