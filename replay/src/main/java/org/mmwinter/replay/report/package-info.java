/**
 * The crash-day report: one self-contained HTML page ({@code DIR/report.html} from {@code replay crash}) that a
 * person reads in a minute to see what a crash day did to a market maker's book.
 *
 * <p>The replay fills a {@link org.mmwinter.replay.report.ReportData} off the hot path (title, scenario, seed; line
 * series for the charts {@code price}, {@code inventory}, {@code pnl}, {@code spread}, {@code quoted_size}, {@code
 * book_spread}, {@code book_depth}, {@code slippage}, {@code markouts} and any chart it declares with {@code chart(id,
 * title, units)}, each with an optional note under its units line; markers of kind {@code halt}, {@code resume}, {@code
 * venue}, {@code kill}, {@code pull}; a latency histogram with p50/p99/p99.9; key numbers; a nested summary map) and
 * {@link org.mmwinter.replay.report.ReportWriter} writes the page. Top to bottom the page shows: a header (scenario,
 * seed, the caller's key numbers, then ones read off the full-resolution data: how far the mid fell, each strategy's
 * final PnL and largest inventory, counts of halts, kills and pulls, the latency percentiles, and which charts had no
 * data); the time charts, sharing one time axis (dragging zooms them all, double-click zooms out, the cursor is
 * synced), each with a legend and a line stating its units and scale; the price chart carries the markers as labelled
 * dashed lines, the others faintly; the latency histogram as bars on a logarithmic axis with the percentiles drawn; a
 * table of the events; the summary table with dotted keys.
 *
 * <p>Decisions: uPlot 1.6.30 and its style are inlined verbatim from the WebJar, with the page's own script and
 * style from {@code report/} resources, and the page references nothing outside itself (the only URL in it is
 * uPlot's banner comment). The data are embedded once as JSON by a small writer (locale-free numbers, NaN and the
 * infinities as {@code null}, which uPlot draws as a gap; {@code <} escaped so the data cannot close their script
 * element). Series longer than the limit (default 4,000 points) are thinned by
 * {@link org.mmwinter.replay.report.Downsampler}, which keeps every bucket's first, lowest, highest, first gap and
 * last point, so a 99.99 % fall and a halt stay visible. The mid's axis turns logarithmic when every value is
 * positive and the range spans a factor of 100 or more (the book's spread, depth and slippage charts likewise). The
 * elapsed-time axis keeps its labels at least 90 px apart and, on a run longer than a day, labels whole days
 * {@code +N d} with the hour of the day between. The page is a pure function of the data: the same data
 * render the same bytes. After drawing, the script sets {@code data-rendered} on {@code <body>} to the number of
 * charts drawn ({@link org.mmwinter.replay.report.ReportData#chartCount()}) and, when something failed,
 * {@code data-error} to the message, for a headless-browser check.
 */
package org.mmwinter.replay.report;
