package org.mmwinter.bench.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MaxRateSearchTest
{
    private static final long P99_BOUND_NS = 10_000_000;

    @Test
    void stopsAtTheFirstRateWhoseResultsFallBehind()
    {
        final List<Long> probed = new ArrayList<>();
        final MaxRateSearch.Outcome outcome = MaxRateSearch.search(rate ->
        {
            probed.add(rate);
            return result(rate, rate <= 1_000_000 ? rate : 900_000, 50_000);
        }, 400_000, P99_BOUND_NS);

        assertEquals(List.of(400_000L, 400_000L, 600_000L, 900_000L, 1_350_000L), probed,
            "a warm-up run at the start rate, then steps of 1.5x until one is not sustained");
        assertEquals(900_000, outcome.highestSustained().offeredRate());
        assertEquals(1_350_000, outcome.firstFailed().offeredRate());
    }

    @Test
    void aRateThatKeepsUpButWhoseP99ExceedsTheBoundIsNotSustained()
    {
        final MaxRateSearch.Outcome outcome = MaxRateSearch.search(
            rate -> result(rate, rate, rate >= 200_000 ? 20_000_000 : 50_000), 100_000, P99_BOUND_NS);

        assertEquals(150_000, outcome.highestSustained().offeredRate());
        assertEquals(225_000, outcome.firstFailed().offeredRate());
    }

    @Test
    void nothingSustainedWhenTheFirstRateFails()
    {
        final MaxRateSearch.Outcome outcome = MaxRateSearch.search(
            rate -> result(rate, rate / 2, 50_000), 100_000, P99_BOUND_NS);

        assertNull(outcome.highestSustained());
        assertEquals(100_000, outcome.firstFailed().offeredRate());
    }

    @Test
    void sustainedNeedsNinetyFivePercentOfTheOfferedRate()
    {
        assertTrue(MaxRateSearch.sustained(result(1_000_000, 950_000, 1_000), P99_BOUND_NS));
        assertFalse(MaxRateSearch.sustained(result(1_000_000, 949_000, 1_000), P99_BOUND_NS));
    }

    @Test
    void reportsTheHighestSustainedRateAndTheNextStep(@TempDir final Path dir) throws IOException
    {
        final Path out = dir.resolve("latency.jsonl");
        final LatencyOptions options = LatencyOptions.parse(
            new String[] {"--find-max", "--rates", "100000", "--out", out.toString()});

        MaxRateSearch.searchAndReport(rate -> result(rate, rate <= 150_000 ? rate : rate / 2, 1_000), "sut", options);

        final List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\"variant\":\"sut, highest sustained\",\"offeredRate\":150000"),
            lines.get(0));
        assertTrue(lines.get(1).contains("\"variant\":\"sut, first not sustained\",\"offeredRate\":225000"),
            lines.get(1));
    }

    @Test
    void aSearchUnderAnotherBoundNamesItsBound(@TempDir final Path dir) throws IOException
    {
        final Path out = dir.resolve("latency.jsonl");
        final LatencyOptions options = LatencyOptions.parse(
            new String[] {"--find-max", "--rates", "100000", "--max-p99-us", "1000", "--out", out.toString()});

        // A p99 of 1 us is within the 1 ms bound at every rate; 225,000/s is achieved only by half, so it fails.
        MaxRateSearch.searchAndReport(rate -> result(rate, rate <= 150_000 ? rate : rate / 2, 1_000), "sut", options);

        final List<String> lines = Files.readAllLines(out);
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).contains("\"variant\":\"sut (p99 <= 1000 us), highest sustained\""), lines.get(0));
        assertTrue(lines.get(1).contains("\"variant\":\"sut (p99 <= 1000 us), first not sustained\""),
            lines.get(1));
    }

    @Test
    void optionsTakeFindMaxAsAFlag()
    {
        final LatencyOptions options = LatencyOptions.parse(
            new String[] {"--find-max", "--rates", "250000", "--max-p99-us", "5000", "--variant", "journal-on"});

        assertTrue(options.findMax());
        assertEquals(250_000, options.rates()[0]);
        assertEquals(5_000_000, options.maxP99Ns());
        assertEquals("journal-on", options.variant());
        assertFalse(LatencyOptions.parse(new String[] {"--rates", "1000"}).findMax());
    }

    @Test
    void withVariantKeepsTheMeasurement()
    {
        final LatencyResult original = result(1_000, 990, 2_000);
        final LatencyResult renamed = original.withVariant("ours journal-on, highest sustained");

        assertEquals(original.percentileNs(99), renamed.percentileNs(99));
        assertEquals(original.offeredRate(), renamed.offeredRate());
        assertTrue(renamed.toJson().contains("\"variant\":\"ours journal-on, highest sustained\""), renamed.toJson());
    }

    private static LatencyResult result(final long offered, final double achieved, final long latencyNs)
    {
        final Histogram histogram = new Histogram(LatencyRecorder.HIGHEST_NS, 3);
        histogram.recordValueWithCount(latencyNs, 1_000);
        return new LatencyResult("probe", "test", offered, achieved, 1_000, 0, histogram);
    }
}
