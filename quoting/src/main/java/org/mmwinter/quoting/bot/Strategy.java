package org.mmwinter.quoting.bot;

import org.mmwinter.engine.message.ExecutionReport;

/**
 * A trading strategy as the hosts drive it: events in (public market data, its own reports, the passing of event
 * time), then one call to decide, whose commands leave through the {@link OrderEntry} it was built with. The
 * reference {@link MarketMaker} is one; the crash-day replay hosts simpler ones the same way, for comparison.
 */
public interface Strategy
{
    void onMarketData(ExecutionReport update);

    void onReport(ExecutionReport report);

    void onTime(long eventNowNs);

    /** Decides on what the events since the last call changed. */
    void decide();
}
