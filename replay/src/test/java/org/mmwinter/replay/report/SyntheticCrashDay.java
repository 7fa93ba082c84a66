package org.mmwinter.replay.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A Terra-like day for the page tests: six hours at one point a second, the mid drifting near 80 and then
 * collapsing to 0.0001, a halt and a resume, venue stress, one bot's kill switch, a latency histogram, and the book
 * thinning (quoted size, market spread, depth, the slippage of a market order with gaps where it cannot fill).
 * Seeded, so every test sees the same numbers.
 */
final class SyntheticCrashDay
{
    static final int SECONDS = 6 * 3_600;
    static final double START_MID = 80.0;
    static final double BOTTOM_MID = 0.0001;
    static final int CRASH_START = 3 * 3_600;
    static final int CRASH_END = CRASH_START + 1_800;
    static final int HALT_START = CRASH_START + 600;
    static final int HALT_END = HALT_START + 300;

    private SyntheticCrashDay()
    {
    }

    static ReportData build(final long seed)
    {
        final SplittableRandom random = new SplittableRandom(seed);
        final double[] t = new double[SECONDS];
        final double[] mid = new double[SECONDS];
        final double[] spread = new double[SECONDS];
        final double[] refInventory = new double[SECONDS];
        final double[] fastInventory = new double[SECONDS];
        final double[] refPnl = new double[SECONDS];
        final double[] bidSize = new double[SECONDS];
        final double[] askSize = new double[SECONDS];
        final double[] bookSpread = new double[SECONDS];
        final double[] depth = new double[SECONDS];
        final double[] buySlippage = new double[SECONDS];
        final double[] sellSlippage = new double[SECONDS];
        final double[] fastPnl = new double[SECONDS];
        double level = START_MID;
        double invRef = 0;
        double invFast = 0;
        double cashRef = 0;
        double cashFast = 0;
        for (int i = 0; i < SECONDS; i++)
        {
            t[i] = i;
            if (i < CRASH_START)
            {
                level *= 1.0 + random.nextGaussian() * 0.0004;
            }
            else if (i < CRASH_END)
            {
                // Log-linear fall from wherever the drift left the mid to the bottom over the crash window.
                final double f = (double)(i - CRASH_START) / (CRASH_END - CRASH_START - 1);
                level = Math.exp(Math.log(mid[CRASH_START - 1]) * (1.0 - f) + Math.log(BOTTOM_MID) * f);
            }
            else
            {
                level = BOTTOM_MID * (1.0 + random.nextGaussian() * 0.02);
            }
            final boolean halted = i >= HALT_START && i < HALT_END;
            mid[i] = halted ? Double.NaN : level;
            spread[i] = halted ? Double.NaN : (i < CRASH_START ? 8.0 : 60.0) + random.nextDouble() * 4.0;
            if (!halted)
            {
                final double fillRef = random.nextInt(3) - 1;
                final double fillFast = (random.nextInt(5) - 2) + (i >= CRASH_START && i < CRASH_END ? 1 : 0);
                invRef = Math.max(-400, Math.min(400, invRef + fillRef * 10));
                invFast = invFast + fillFast * 25;
                cashRef -= fillRef * 10 * level;
                cashFast -= fillFast * 25 * level;
            }
            // Depth falls from 200,000 to 5,000 over the day; the market order slips as the inverse of it, and
            // after the crash the book cannot fill the buy one point in ten.
            final double thin = (double)i / SECONDS;
            depth[i] = halted ? Double.NaN : 200_000 * Math.pow(5_000.0 / 200_000, thin);
            bookSpread[i] = halted ? Double.NaN : 4 + 200 * thin * thin + random.nextDouble();
            buySlippage[i] = halted || (i > CRASH_END && i % 10 == 0) ? Double.NaN : 2e6 / depth[i];
            sellSlippage[i] = halted ? Double.NaN : 2.2e6 / depth[i];
            bidSize[i] = halted || i % 7 == 0 ? 0 : 10;
            askSize[i] = halted ? 0 : 10;
            refInventory[i] = invRef;
            fastInventory[i] = invFast;
            refPnl[i] = cashRef + invRef * level;
            fastPnl[i] = cashFast + invFast * level;
        }
        final double[] fillT = new double[400];
        final double[] markRef = new double[400];
        final double[] markFast = new double[400];
        double sumRef = 0;
        double sumFast = 0;
        for (int i = 0; i < fillT.length; i++)
        {
            fillT[i] = i * (SECONDS / fillT.length);
            sumRef += random.nextGaussian() * 2 + 0.3;
            sumFast += random.nextGaussian() * 3 - (fillT[i] >= CRASH_START ? 4 : 0);
            markRef[i] = sumRef;
            markFast[i] = sumFast;
        }
        final long[] bounds = new long[24];
        final long[] counts = new long[24];
        long bound = 1_000;
        for (int i = 0; i < bounds.length; i++)
        {
            bounds[i] = bound;
            bound = bound * 3 / 2;
            final double centre = 9.0 - i;
            counts[i] = Math.round(50_000 * Math.exp(-centre * centre / 6.0)) + (i > 18 ? 3 : 0);
        }
        final Map<String, Object> reference = new LinkedHashMap<>();
        reference.put("pnl", refPnl[SECONDS - 1]);
        reference.put("fills", 5_321L);
        reference.put("killed", "no");
        final Map<String, Object> fast = new LinkedHashMap<>();
        fast.put("pnl", fastPnl[SECONDS - 1]);
        fast.put("fills", 9_876L);
        fast.put("killed", "yes, at " + NumberText.elapsed(CRASH_START + 1_200));
        final Map<String, Object> bots = new LinkedHashMap<>();
        bots.put("reference", reference);
        bots.put("fast", fast);
        final Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scenario", "terra");
        summary.put("events", 1_234_567L);
        summary.put("bots", bots);

        return new ReportData()
            .title("LUNA crash day")
            .scenario("terra")
            .seed(seed)
            .chart(ReportData.PRICE, "LUNA/USD mid", "USD per LUNA")
            .addSeries(ReportData.PRICE, "mid", t, mid)
            .addSeries(ReportData.INVENTORY, "reference", t, refInventory)
            .addSeries(ReportData.INVENTORY, "fast", t, fastInventory)
            .addSeries(ReportData.PNL, "reference", t, refPnl)
            .addSeries(ReportData.PNL, "fast", t, fastPnl)
            .addSeries(ReportData.SPREAD, "reference", t, spread)
            .addSeries(ReportData.QUOTED_SIZE, "reference bid", t, bidSize)
            .addSeries(ReportData.QUOTED_SIZE, "reference ask", t, askSize)
            .addSeries(ReportData.BOOK_SPREAD, "market", t, bookSpread)
            .addSeries(ReportData.DEPTH, "bid + ask", t, depth)
            .addSeries(ReportData.SLIPPAGE, "buy", t, buySlippage)
            .addSeries(ReportData.SLIPPAGE, "sell", t, sellSlippage)
            .note(ReportData.SLIPPAGE, "Gaps where the book could not fill a 10,000 USD order.")
            .addSeries(ReportData.MARKOUTS, "reference 10 s", fillT, markRef)
            .addSeries(ReportData.MARKOUTS, "fast 10 s", fillT, markFast)
            .addMarker(CRASH_START - 1_200, "UST depeg: venue stress", ReportData.VENUE)
            .addMarker(CRASH_START + 300, "reference pulls", ReportData.PULL)
            .addMarker(HALT_START, "LUNA halted", ReportData.HALT)
            .addMarker(HALT_END, "LUNA resumes", ReportData.RESUME)
            .addMarker(CRASH_START + 1_200, "fast: kill switch", ReportData.KILL)
            .addMarker(CRASH_END + 1_800, "withdrawals halted", ReportData.VENUE)
            .latencyHistogram(bounds, counts)
            .latencyPercentiles(12_000, 48_000, 95_000)
            .addKeyNumber("fills", "15197")
            .summary(summary);
    }
}
