package org.mmwinter.replay.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The figures the built-in scenarios cite are the record's: each calibration day of terra and ftx against the
 * per-day summary copied into {@code record/} (where each file says where it came from).
 */
final class RecordFiguresTest
{
    @Test
    void terraCitesTheLunaKlines() throws IOException
    {
        final List<String[]> rows = rows("/record/luna-usdt-daily.csv");
        final List<CalibrationDay> days = Scenario.builtIn("terra").calibration().days();
        assertEquals(6, days.size());
        for (int i = 0; i < days.size(); i++)
        {
            final String[] row = rows.get(i);
            final CalibrationDay day = days.get(i);
            assertEquals(row[0], day.date());
            assertEquals(Double.parseDouble(row[5]), day.close(), 0.0, day.date());
            assertEquals(Double.parseDouble(row[6]), day.sigma1mPct(), 0.0, day.date());
            assertEquals(Double.parseDouble(row[7]), day.trades(), 0.0, day.date());
        }
        // The deepest fall: from the week's high, 77.50 on 7 May, to its low, 0.00004 on 13 May:
        // 1 - 0.00004 / 77.5 = 0.99999948...
        assertEquals(1 - 0.00004 / 77.5, Scenario.builtIn("terra").calibration().recordDrawdown(), 1e-8);
    }

    @Test
    void ftxCitesTheFttDailyBars() throws IOException
    {
        final List<String[]> rows = rows("/record/ftt-usd-daily.csv");
        final List<CalibrationDay> days = Scenario.builtIn("ftx").calibration().days();
        assertEquals(8, days.size());
        for (int i = 0; i < days.size(); i++)
        {
            assertEquals(rows.get(i)[0], days.get(i).date());
            assertEquals(Double.parseDouble(rows.get(i)[4]), days.get(i).close(), 0.0, days.get(i).date());
        }
        // From the week's high, 25.808643 (5 Nov), to its low, 1.900632 (12 Nov): 1 - 1.900632 / 25.808643 = 0.9264.
        assertEquals(1 - 1.900632 / 25.808643, Scenario.builtIn("ftx").calibration().recordDrawdown(), 1e-4);
    }

    private static List<String[]> rows(final String resource) throws IOException
    {
        final List<String[]> rows = new ArrayList<>();
        try (InputStream in = RecordFiguresTest.class.getResourceAsStream(resource);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)))
        {
            String line = reader.readLine();
            boolean header = true;
            while (line != null)
            {
                if (!line.startsWith("#"))
                {
                    if (!header)
                    {
                        rows.add(line.split(","));
                    }
                    header = false;
                }
                line = reader.readLine();
            }
        }
        return rows;
    }
}
