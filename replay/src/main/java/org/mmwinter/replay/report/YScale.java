package org.mmwinter.replay.report;

/**
 * How a chart's value axis is scaled. A crash from 80 to 0.0001 is a cliff and a flat line on a linear axis and a
 * readable path on a logarithmic one; inventory and PnL cross zero and need a linear axis.
 */
public enum YScale
{
    /** A linear axis. */
    LINEAR,
    /** A base-10 logarithmic axis; only for values that stay above zero. */
    LOG,
    /** Logarithmic when every value is above zero and the highest is at least 100 times the lowest, else linear. */
    AUTO
}
