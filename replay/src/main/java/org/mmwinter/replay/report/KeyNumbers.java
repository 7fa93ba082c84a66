package org.mmwinter.replay.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header's key numbers: the caller's first (one under the label of a count derived here takes that count's
 * place instead, e.g. "pulls" when each marker stands for a burst of them), then what a reader looks for first on a
 * crash day, read off the series at full resolution: how far the mid fell, where each strategy's PnL ended, its
 * largest inventory (the peak the run tracked, {@link ReportData#inventoryPeak}, when it gave one), how many halts
 * and kills there were, and the latency percentiles.
 */
final class KeyNumbers
{
    private KeyNumbers()
    {
    }

    static Map<String, String> of(final ReportData data)
    {
        final Map<String, String> keys = new LinkedHashMap<>(data.keyNumbers());
        final ReportChart price = data.charts().get(ReportData.PRICE);
        if (!price.series().isEmpty())
        {
            final ReportSeries mid = price.series().get(0);
            final double first = firstFinite(mid.values());
            final double last = lastFinite(mid.values());
            final double low = lowest(mid.values());
            keys.put(mid.name() + " first → last", NumberText.format(first) + " → " + NumberText.format(last) +
                " (" + NumberText.percentChange(first, last) + ")");
            keys.put(mid.name() + " low", NumberText.format(low) + " (" + NumberText.percentChange(first, low) + ")");
        }
        final List<ReportSeries> pnl = data.charts().get(ReportData.PNL).series();
        for (int i = 0; i < pnl.size(); i++)
        {
            keys.put("final PnL " + pnl.get(i).name(), NumberText.format(lastFinite(pnl.get(i).values())));
        }
        final List<ReportSeries> inventory = data.charts().get(ReportData.INVENTORY).series();
        for (int i = 0; i < inventory.size(); i++)
        {
            final Double tracked = data.inventoryPeak(inventory.get(i).name());
            keys.put("max |inventory| " + inventory.get(i).name(),
                NumberText.format(tracked != null ? tracked : largestMagnitude(inventory.get(i).values())));
        }
        putCount(keys, data, ReportData.HALT, "halts");
        putCount(keys, data, ReportData.KILL, "kill switches");
        putCount(keys, data, ReportData.PULL, "pulls");
        putLatency(keys, "latency p50", data.p50Ns());
        putLatency(keys, "latency p99", data.p99Ns());
        putLatency(keys, "latency p99.9", data.p999Ns());
        return keys;
    }

    static double firstFinite(final double[] values)
    {
        for (int i = 0; i < values.length; i++)
        {
            if (Double.isFinite(values[i]))
            {
                return values[i];
            }
        }
        return Double.NaN;
    }

    static double lastFinite(final double[] values)
    {
        for (int i = values.length - 1; i >= 0; i--)
        {
            if (Double.isFinite(values[i]))
            {
                return values[i];
            }
        }
        return Double.NaN;
    }

    static double lowest(final double[] values)
    {
        double low = Double.NaN;
        for (int i = 0; i < values.length; i++)
        {
            if (Double.isFinite(values[i]) && !(values[i] >= low))
            {
                low = values[i];
            }
        }
        return low;
    }

    private static double largestMagnitude(final double[] values)
    {
        double largest = Double.NaN;
        for (int i = 0; i < values.length; i++)
        {
            final double magnitude = Math.abs(values[i]);
            if (Double.isFinite(magnitude) && !(magnitude <= largest))
            {
                largest = magnitude;
            }
        }
        return largest;
    }

    private static void putCount(final Map<String, String> keys, final ReportData data, final String kind,
        final String label)
    {
        final String given = data.keyNumbers().get(label);
        if (given != null)
        {
            keys.remove(label);
            keys.put(label, given);
            return;
        }
        int count = 0;
        for (final ReportMarker marker : data.markers())
        {
            if (marker.kind().equals(kind))
            {
                count++;
            }
        }
        if (count > 0)
        {
            keys.put(label, Integer.toString(count));
        }
    }

    private static void putLatency(final Map<String, String> keys, final String label, final long ns)
    {
        if (ns != ReportData.NO_PERCENTILE)
        {
            keys.put(label, NumberText.nanos(ns));
        }
    }
}
