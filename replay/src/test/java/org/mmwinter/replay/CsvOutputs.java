package org.mmwinter.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares the three output files of {@code replay match} with expected ones, in the two ways the tests need:
 * by the contract (prices and quantities as decimals, free reason text) for cases written by hand from other
 * engines' tests, and byte for byte for our own golden files, whose formatting is canonical.
 */
final class CsvOutputs
{
    static final String TRADES = "trades.csv";
    static final String BOOK = "book.csv";
    static final String EVENTS = "events.csv";

    private static final String[] FILES = {TRADES, BOOK, EVENTS};

    private CsvOutputs()
    {
    }

    /**
     * A test resource as a file; resources live in a directory on the test classpath.
     */
    static Path resource(final String name)
    {
        final URL url = CsvOutputs.class.getClassLoader().getResource(name);
        if (url == null)
        {
            throw new IllegalStateException("test resource not found on the classpath: " + name);
        }
        try
        {
            return Path.of(url.toURI());
        }
        catch (final URISyntaxException ex)
        {
            throw new IllegalStateException("bad resource URL " + url, ex);
        }
    }

    /**
     * Rows of a CSV file of the contract (no quoting), header included.
     */
    static List<String[]> read(final Path file)
    {
        final List<String> lines;
        try
        {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
        final List<String[]> rows = new ArrayList<>(lines.size());
        for (final String line : lines)
        {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    /**
     * All three outputs in {@code actualDir} agree with {@code expectedDir} by the contract's rules.
     */
    static void assertEquivalent(final Path expectedDir, final Path actualDir)
    {
        final List<String> problems = new ArrayList<>();
        compareTable(expectedDir.resolve(TRADES), actualDir.resolve(TRADES), problems);
        compareTable(expectedDir.resolve(BOOK), actualDir.resolve(BOOK), problems);
        compareEvents(expectedDir.resolve(EVENTS), actualDir.resolve(EVENTS), problems);
        if (!problems.isEmpty())
        {
            fail(report(problems, expectedDir, actualDir));
        }
    }

    /**
     * All three outputs in {@code actualDir} are byte for byte those of {@code expectedDir}.
     */
    static void assertIdentical(final Path expectedDir, final Path actualDir)
    {
        for (final String file : FILES)
        {
            final String expected = text(expectedDir.resolve(file));
            final String actual = text(actualDir.resolve(file));
            if (!expected.equals(actual))
            {
                // The full texts go through assertEquals so that IDEs show a diff; the message points at the line.
                assertEquals(expected, actual, file + ": " + firstDifference(expected, actual));
            }
        }
    }

    /**
     * Number of data rows (header excluded) of an output file.
     */
    static int dataRows(final Path file)
    {
        return read(file).size() - 1;
    }

    /**
     * Number of rejected lines in an events file.
     */
    static int rejectedRows(final Path eventsFile)
    {
        int count = 0;
        for (final String[] row : read(eventsFile))
        {
            if (row.length > 1 && "REJECTED".equals(row[1]))
            {
                count++;
            }
        }
        return count;
    }

    static String text(final Path file)
    {
        try
        {
            return Files.readString(file, StandardCharsets.UTF_8);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
    }

    /**
     * Trades and book: the same header, the same rows in the same order; {@code price} and {@code qty} compared as
     * decimals, every other column as text.
     */
    private static void compareTable(final Path expectedFile, final Path actualFile, final List<String> problems)
    {
        final String file = expectedFile.getFileName().toString();
        final List<String[]> expected = read(expectedFile);
        final List<String[]> actual = read(actualFile);
        if (!compareHeaders(file, expected, actual, problems))
        {
            return;
        }
        final String[] columns = expected.get(0);
        final int rows = Math.min(expected.size(), actual.size());
        for (int r = 1; r < rows; r++)
        {
            final String[] want = expected.get(r);
            final String[] got = actual.get(r);
            if (want.length != got.length)
            {
                problems.add(file + " row " + r + ": " + got.length + " fields, expected " + want.length);
                continue;
            }
            for (int c = 0; c < want.length; c++)
            {
                final boolean numeric = "price".equals(columns[c]) || "qty".equals(columns[c]);
                if (numeric ? !sameDecimal(want[c], got[c]) : !want[c].equals(got[c]))
                {
                    problems.add(file + " row " + r + " column " + columns[c] + ": expected '" + want[c] +
                        "' but was '" + got[c] + "'");
                }
            }
        }
        compareRowCounts(file, expected, actual, problems);
    }

    /**
     * Events: {@code line} and {@code result} exactly; a rejection must carry a reason (any text), an OK line none.
     */
    private static void compareEvents(final Path expectedFile, final Path actualFile, final List<String> problems)
    {
        final String file = expectedFile.getFileName().toString();
        final List<String[]> expected = read(expectedFile);
        final List<String[]> actual = read(actualFile);
        if (!compareHeaders(file, expected, actual, problems))
        {
            return;
        }
        final int rows = Math.min(expected.size(), actual.size());
        for (int r = 1; r < rows; r++)
        {
            final String[] want = expected.get(r);
            final String[] got = actual.get(r);
            if (got.length < 3)
            {
                problems.add(file + " row " + r + ": " + got.length + " fields, expected 3");
                continue;
            }
            if (!want[0].equals(got[0]) || !want[1].equals(got[1]))
            {
                problems.add(file + " row " + r + ": expected line " + want[0] + " " + want[1] + " but was line " +
                    got[0] + " " + got[1] + (got[2].isEmpty() ? "" : " (" + got[2] + ")"));
            }
            else if ("REJECTED".equals(got[1]) && got[2].isBlank())
            {
                problems.add(file + " row " + r + ": REJECTED without a reason");
            }
            else if ("OK".equals(got[1]) && !got[2].isEmpty())
            {
                problems.add(file + " row " + r + ": OK with a reason '" + got[2] + "'");
            }
        }
        compareRowCounts(file, expected, actual, problems);
    }

    private static boolean compareHeaders(
        final String file, final List<String[]> expected, final List<String[]> actual, final List<String> problems)
    {
        if (actual.isEmpty())
        {
            problems.add(file + ": empty, expected a header");
            return false;
        }
        final String want = String.join(",", expected.get(0));
        final String got = String.join(",", actual.get(0));
        if (!want.equals(got))
        {
            problems.add(file + ": header '" + got + "', expected '" + want + "'");
            return false;
        }
        return true;
    }

    private static void compareRowCounts(
        final String file, final List<String[]> expected, final List<String[]> actual, final List<String> problems)
    {
        if (expected.size() != actual.size())
        {
            problems.add(file + ": " + (actual.size() - 1) + " data rows, expected " + (expected.size() - 1));
        }
    }

    private static boolean sameDecimal(final String expected, final String actual)
    {
        try
        {
            return new BigDecimal(expected).compareTo(new BigDecimal(actual)) == 0;
        }
        catch (final NumberFormatException ex)
        {
            return false;
        }
    }

    private static String firstDifference(final String expected, final String actual)
    {
        final String[] want = expected.split("\n", -1);
        final String[] got = actual.split("\n", -1);
        final int lines = Math.min(want.length, got.length);
        for (int i = 0; i < lines; i++)
        {
            if (!want[i].equals(got[i]))
            {
                return "first difference at line " + (i + 1) + ": expected '" + want[i] + "' but was '" + got[i] + "'";
            }
        }
        return "expected " + want.length + " lines but was " + got.length;
    }

    private static String report(final List<String> problems, final Path expectedDir, final Path actualDir)
    {
        final StringBuilder sb = new StringBuilder();
        sb.append(problems.size()).append(" difference(s) from ").append(expectedDir).append(":\n");
        for (final String problem : problems)
        {
            sb.append("  ").append(problem).append('\n');
        }
        for (final String file : FILES)
        {
            sb.append("--- actual ").append(file).append('\n').append(text(actualDir.resolve(file)));
        }
        return sb.toString();
    }
}
