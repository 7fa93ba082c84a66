package org.mmwinter.replay.l2;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.mmwinter.quoting.host.OrderEntryLatency;

/**
 * A recorded order-entry latency series from a CSV of {@code timestamp_us,latency_us} rows (event time and the
 * latency measured then, both microseconds; a header line is allowed), for {@link OrderEntryLatency#interpolated}.
 */
final class LatencySeries
{
    private LatencySeries()
    {
    }

    static OrderEntryLatency load(final Path file) throws IOException
    {
        long[] at = new long[256];
        long[] latency = new long[256];
        int count = 0;
        try (CsvLines in = new CsvLines(file))
        {
            final String[] header = in.header();
            if (header.length >= 1 && !header[0].isEmpty() && Character.isDigit(header[0].charAt(0)))
            {
                throw new L2InputException(file + ":1: a latency series starts with a header line " +
                    "timestamp_us,latency_us");
            }
            while (in.next())
            {
                if (in.fieldCount() != 2)
                {
                    throw new L2InputException(file + ":" + in.lineNumber() + ": " + in.fieldCount() +
                        " fields, a latency series has 2 (timestamp_us,latency_us): " + in.line());
                }
                if (count == at.length)
                {
                    at = Arrays.copyOf(at, count * 2);
                    latency = Arrays.copyOf(latency, count * 2);
                }
                at[count] = in.longField(0, "timestamp_us") * 1_000;
                latency[count] = in.longField(1, "latency_us") * 1_000;
                if (latency[count] < 1_000)
                {
                    throw in.error("latency_us", "at least 1 microsecond (the lookahead needs a positive " +
                        "minimum), not " + in.field(1));
                }
                if (count > 0 && at[count] <= at[count - 1])
                {
                    throw in.error("timestamp_us", "not after the line before: " + in.field(0));
                }
                count++;
            }
        }
        if (count == 0)
        {
            throw new L2InputException(file + ": no latency rows after the header");
        }
        return OrderEntryLatency.interpolated(Arrays.copyOf(at, count), Arrays.copyOf(latency, count));
    }
}
