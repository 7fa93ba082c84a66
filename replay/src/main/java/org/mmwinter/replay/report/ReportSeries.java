package org.mmwinter.replay.report;

/**
 * One named line of a chart, at full resolution (the writer thins it for drawing).
 */
record ReportSeries(String name, double[] tSeconds, double[] values)
{
}
