package org.mmwinter.replay.report;

/**
 * One venue event drawn as a vertical line: a halt, a resume, a venue status change, the bot's kill switch, a pull.
 */
record ReportMarker(double tSeconds, String label, String kind)
{
}
