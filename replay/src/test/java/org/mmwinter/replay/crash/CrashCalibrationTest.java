package org.mmwinter.replay.crash;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each built-in scenario's compressed flow, run through a bare matching core without market makers, against the
 * public record its file cites and within the bands its file states. The figures of the record are in the scenario
 * file and, as computed from the raw data, in {@code record/}.
 */
final class CrashCalibrationTest
{
    private static final long SEED = 7;

    @Test
    void terraFallsByOrdersOfMagnitudeDayByDay()
    {
        final BareCoreRun run = check("terra");
        // The shape the record has: every day closes lower than the one before, and the last close is below a
        // ten-thousandth of the start.
        for (int d = 1; d < 6; d++)
        {
            assertTrue(run.closes.get(d) < run.closes.get(d - 1), "terra day " + d + " closes lower");
        }
        assertTrue(run.closes.get(5) < 77.3e-4, "terra 12 May close below 77.3 / 10^4: " + run.closes.get(5));
    }

    @Test
    void ftxFallsMostlyOnTheEighth()
    {
        final BareCoreRun run = check("ftx");
        // FTT fell from 25.47 (5 Nov open) to 2.09 (12 Nov close), 23.38 USD, of which 22.14 - 5.52 = 16.62 (71 %) on
        // 8 Nov: the day of the halt carries more than half of the week's fall, and the week loses 75-95 %.
        final double before = run.closes.get(2);
        final double crash = run.closes.get(3);
        final double end = run.closes.get(run.closes.size() - 1);
        assertTrue((before - crash) / (run.open - end) > 0.5, "8 Nov carries most of the fall:\n" + run.describe());
        assertTrue(end / run.open < 0.25 && end / run.open > 0.05, "ftx loses 75-95 %: " + end / run.open);
    }

    @Test
    void exodusThinsWithoutACrash()
    {
        check("exodus");
    }

    private static BareCoreRun check(final String name)
    {
        final Scenario scenario = Scenario.builtIn(name);
        final BareCoreRun run = BareCoreRun.run(scenario, SEED);
        final String report = run.describe();
        System.out.println(report);
        final Calibration cal = scenario.calibration();
        final List<CalibrationDay> days = cal.days();
        double recordTrades = 0;
        double simTrades = 0;
        for (final CalibrationDay day : days)
        {
            final int d = dayIndex(scenario, day);
            recordTrades += Math.max(0, day.trades());
            simTrades += run.trades.get(d);
        }
        for (final CalibrationDay day : days)
        {
            final int d = dayIndex(scenario, day);
            final double closeBand = day.closeLog() != Calibration.NO_BAND ? day.closeLog() : cal.closeLog();
            if (closeBand != Calibration.NO_BAND)
            {
                final double off = Math.abs(Math.log(run.closes.get(d) / day.close()));
                assertTrue(off <= closeBand, name + " " + day.date() + " close " + run.closes.get(d) +
                    " vs record " + day.close() + ": |ln| " + off + " > " + closeBand + "\n" + report);
            }
            if (cal.sigmaLog() != Calibration.NO_BAND && day.sigma1mPct() != CalibrationDay.NO_FIGURE)
            {
                final double sigma = 100 * run.sigma1m.get(d);
                final double off = Math.abs(Math.log(sigma / day.sigma1mPct()));
                assertTrue(off <= cal.sigmaLog(), name + " " + day.date() + " 1-minute sigma " + sigma +
                    " % vs record " + day.sigma1mPct() + " %: |ln| " + off + " > " + cal.sigmaLog() + "\n" + report);
            }
            if (cal.tradesLog() != Calibration.NO_BAND && day.trades() != CalibrationDay.NO_FIGURE)
            {
                final double share = run.trades.get(d) / simTrades;
                final double recordShare = day.trades() / recordTrades;
                final double off = Math.abs(Math.log(share / recordShare));
                assertTrue(off <= cal.tradesLog(), name + " " + day.date() + " share of trades " + share +
                    " vs record " + recordShare + ": |ln| " + off + " > " + cal.tradesLog() + "\n" + report);
            }
        }
        if (cal.drawdownMin() != Calibration.NO_BAND)
        {
            assertTrue(run.drawdown >= cal.drawdownMin() && run.drawdown <= cal.drawdownMax(), name +
                " drawdown " + run.drawdown + " outside [" + cal.drawdownMin() + ", " + cal.drawdownMax() + "]");
        }
        final int last = run.phaseSpread.length - 1;
        if (cal.spreadRatioMin() != Calibration.NO_BAND)
        {
            final double ratio = run.phaseSpread[last] / run.phaseSpread[0];
            assertTrue(ratio >= cal.spreadRatioMin(), name + " spread ratio " + ratio + "\n" + report);
        }
        if (cal.depthRatioMax() != Calibration.NO_BAND)
        {
            final double ratio = run.phaseDepth[last] / run.phaseDepth[0];
            assertTrue(ratio <= cal.depthRatioMax(), name + " depth ratio " + ratio + "\n" + report);
        }
        return run;
    }

    private static int dayIndex(final Scenario scenario, final CalibrationDay day)
    {
        final long startDay = scenario.startNs() / (86_400L * Scenario.NS_PER_S);
        return (int)(LocalDate.parse(day.date()).toEpochDay() - startDay);
    }
}
