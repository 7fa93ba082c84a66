package org.mmwinter.replay.crash;

import java.util.List;

/**
 * The public record a scenario is calibrated to (figures and where they come from) and the bands within which the
 * calibration test holds the simulated day to it. A band of {@link #NO_BAND} is not checked.
 *
 * @param source         where the figures come from, for people reading the file.
 * @param days           the record day by day.
 * @param recordDrawdown deepest peak-to-trough fall in the record, as a fraction (0.9 = -90 %).
 * @param closeLog       largest allowed |ln(simulated close / recorded close)| on each recorded day.
 * @param drawdownMin    smallest allowed simulated drawdown (fraction).
 * @param drawdownMax    largest allowed simulated drawdown (fraction).
 * @param sigmaLog       largest allowed |ln(simulated 1-minute sigma / recorded)| on each day with a figure.
 * @param tradesLog      largest allowed |ln| of the ratio of each day's share of all trades, simulated over recorded.
 * @param spreadRatioMin smallest allowed ratio of the quoted spread in the last phase to that in the first.
 * @param depthRatioMax  largest allowed ratio of the depth within 1 % of mid in the last phase to that in the first.
 */
public record Calibration(
    String source,
    List<CalibrationDay> days,
    double recordDrawdown,
    double closeLog,
    double drawdownMin,
    double drawdownMax,
    double sigmaLog,
    double tradesLog,
    double spreadRatioMin,
    double depthRatioMax)
{
    /** A band that is not checked. */
    public static final double NO_BAND = -1.0;

    public Calibration
    {
        days = List.copyOf(days);
    }
}
