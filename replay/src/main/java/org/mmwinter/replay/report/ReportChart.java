package org.mmwinter.replay.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart's heading, the units of its value axis, its scale and its series, in the order they were added.
 */
final class ReportChart
{
    private final String id;
    private final List<ReportSeries> series = new ArrayList<>();
    private String title;
    private String units;
    private YScale yScale;
    private String note = "";

    ReportChart(final String id, final String title, final String units, final YScale yScale)
    {
        this.id = id;
        this.title = title;
        this.units = units;
        this.yScale = yScale;
    }

    String id()
    {
        return id;
    }

    String title()
    {
        return title;
    }

    String units()
    {
        return units;
    }

    YScale yScale()
    {
        return yScale;
    }

    List<ReportSeries> series()
    {
        return series;
    }

    void describe(final String title, final String units)
    {
        this.title = title;
        this.units = units;
    }

    /** The sentence under the units line, empty when there is none. */
    String note()
    {
        return note;
    }

    void note(final String note)
    {
        this.note = note;
    }

    void yScale(final YScale yScale)
    {
        this.yScale = yScale;
    }

    boolean hasSeries(final String name)
    {
        for (int i = 0; i < series.size(); i++)
        {
            if (series.get(i).name().equals(name))
            {
                return true;
            }
        }
        return false;
    }
}
