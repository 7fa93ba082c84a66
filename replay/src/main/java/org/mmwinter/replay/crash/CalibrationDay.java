package org.mmwinter.replay.crash;

/**
 * One UTC day of the public record a scenario is calibrated to.
 *
 * @param date       the day, {@code YYYY-MM-DD}; the scenario's day index is its distance from the start date.
 * @param close      the day's last price in USD.
 * @param sigma1mPct standard deviation of 1-minute log returns, in percent; {@link #NO_FIGURE} when the record has
 *                   no intraday data.
 * @param trades     trades in the day; {@link #NO_FIGURE} when the record does not count them.
 * @param closeLog   this day's own close band (|ln(simulated / recorded)|), wider than the scenario's where the
 *                   day's fall compounds the days before; {@link Calibration#NO_BAND}: the scenario's band.
 */
public record CalibrationDay(String date, double close, double sigma1mPct, double trades, double closeLog)
{
    /** The record has no such figure. */
    public static final double NO_FIGURE = -1.0;
}
