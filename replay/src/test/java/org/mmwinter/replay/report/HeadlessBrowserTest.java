package org.mmwinter.replay.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens generated pages in headless Chromium and reads back what the page's script wrote on {@code <body>}: every
 * chart drew, nothing failed. Skipped where no Chromium is installed.
 */
final class HeadlessBrowserTest
{
    /** Only a bound against a hung browser, never an assertion on speed. */
    private static final long BROWSER_LIMIT_SECONDS = 180;
    private static final Pattern RENDERED = Pattern.compile("<body[^>]*\\sdata-rendered=\"(\\d+)\"");

    @TempDir
    Path dir;

    @Test
    void everyChartOfTheSyntheticCrashDayDraws() throws Exception
    {
        // price, inventory, pnl, spread, quoted size, market spread, depth, slippage, markouts and the latency
        // histogram.
        assertDrawn(SyntheticCrashDay.build(7), 10);
    }

    @Test
    void everyChartDrawsOnEpochTimesToo() throws Exception
    {
        final ReportData data = new ReportData().scenario("ftx").seed(3).epochTime(true)
            // 2022-11-08 00:00:00 UTC is 1,667,865,600 s since 1970; three points an hour apart.
            .addSeries(ReportData.PRICE, "mid", new double[] {1_667_865_600, 1_667_869_200, 1_667_872_800},
                new double[] {22.0, 5.0, 3.1})
            .addSeries(ReportData.PNL, "reference", new double[] {1_667_865_600, 1_667_872_800},
                new double[] {0.0, -12.5})
            .addMarker(1_667_869_200, "withdrawals halted", ReportData.VENUE);
        assertDrawn(data, 2);
    }

    @Test
    void aPageWithOneChartDrawsOne() throws Exception
    {
        final ReportData data = new ReportData().scenario("tiny")
            .addSeries(ReportData.SPREAD, "reference", new double[] {0, 1}, new double[] {5, Double.NaN});
        assertDrawn(data, 1);
    }

    private void assertDrawn(final ReportData data, final int charts) throws Exception
    {
        final String browser = findBrowser();
        assumeTrue(browser != null, "no chromium or chromium-browser on the PATH: headless smoke test skipped");
        assertEquals(charts, data.chartCount());
        final Path page = dir.resolve("report.html");
        ReportWriter.write(data, page);
        final String dom = dumpDom(browser, page);
        final Matcher rendered = RENDERED.matcher(dom);
        assertTrue(rendered.find(), "no data-rendered on <body>; the page's script did not run:\n" + head(dom));
        assertFalse(dom.contains("data-error="), "the page reported an error:\n" + bodyTag(dom));
        assertEquals(Integer.toString(charts), rendered.group(1), bodyTag(dom));
    }

    private String dumpDom(final String browser, final Path page) throws IOException, InterruptedException
    {
        final Path profile = Files.createDirectories(dir.resolve("profile"));
        final Path out = dir.resolve("dom.html");
        final Process process = new ProcessBuilder(List.of(browser, "--headless", "--no-sandbox", "--disable-gpu",
            "--user-data-dir=" + profile, "--dump-dom", page.toUri().toString()))
            .redirectOutput(out.toFile())
            .redirectError(dir.resolve("browser.err").toFile())
            .start();
        if (!process.waitFor(BROWSER_LIMIT_SECONDS, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            fail("chromium did not finish within " + BROWSER_LIMIT_SECONDS + " s");
        }
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String findBrowser()
    {
        final String path = System.getenv("PATH");
        if (path == null)
        {
            return null;
        }
        for (final String name : List.of("chromium", "chromium-browser"))
        {
            for (final String entry : path.split(File.pathSeparator))
            {
                final Path candidate = Paths.get(entry, name);
                if (Files.isExecutable(candidate))
                {
                    return candidate.toString();
                }
            }
        }
        return null;
    }

    private static String bodyTag(final String dom)
    {
        final int start = dom.indexOf("<body");
        return start < 0 ? head(dom) : dom.substring(start, Math.min(dom.length(), dom.indexOf('>', start) + 1));
    }

    private static String head(final String dom)
    {
        return dom.substring(0, Math.min(dom.length(), 2_000));
    }
}
