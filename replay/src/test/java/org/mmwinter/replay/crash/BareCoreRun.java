package org.mmwinter.replay.crash;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;

/**
 * Runs a scenario's flow through a bare matching core (no pipeline, no market makers) and measures what the
 * calibration compares with the record: each UTC day's close (last trade), the 1-minute volatility of the last-trade
 * price, trade counts, the deepest drawdown, and per phase the mean quoted spread and depth within 1 % of mid.
 */
final class BareCoreRun
{
    private static final long MINUTE_NS = 60L * Scenario.NS_PER_S;
    private static final long DAY_NS = 86_400L * Scenario.NS_PER_S;

    final Scenario scenario;
    final double tick;
    final List<Double> closes = new ArrayList<>();
    final List<Double> sigma1m = new ArrayList<>();
    final List<Long> trades = new ArrayList<>();
    final double[] phaseSpread;
    final double[] phaseDepth;
    final Map<Integer, Long> rejects = new HashMap<>();
    long commands;
    long totalTrades;
    double open;
    double low = Double.MAX_VALUE;
    double close;
    double drawdown;
    long elapsedNs;

    private final MatchingEngine engine;
    private final int[] phaseSamples;
    private long dayTrades;

    private BareCoreRun(final Scenario scenario)
    {
        this.scenario = scenario;
        this.tick = scenario.tickSize();
        final int phases = scenario.phases().size();
        phaseSpread = new double[phases];
        phaseDepth = new double[phases];
        phaseSamples = new int[phases];
        engine = new MatchingEngine(new MatchingListener()
        {
            @Override
            public void onTrade(final int instrumentId, final long price, final long qty, final int takerSide)
            {
                dayTrades++;
                totalTrades++;
            }
        }, 1 << 16);
        engine.addInstrument(scenario.instrument().toInstrument(0));
    }

    static BareCoreRun run(final Scenario scenario, final long seed)
    {
        return run(scenario, seed, false);
    }

    static BareCoreRun run(final Scenario scenario, final long seed, final boolean full)
    {
        final BareCoreRun run = new BareCoreRun(scenario);
        run.drive(seed, full);
        return run;
    }

    private void drive(final long seed, final boolean full)
    {
        final Map<String, Integer> accounts = new HashMap<>();
        final CrashFlow flow = new CrashFlow(scenario, seed, full, name -> accounts.computeIfAbsent(name,
            key -> accounts.size()), 0);
        final MarketView view = new EngineMarketView(engine, 0);
        final CommandEvent command = new CommandEvent();
        final List<Double> minuteLog = new ArrayList<>();
        final long start = flow.startNs();
        long nextMinute = start + MINUTE_NS;
        long nextDay = start + DAY_NS;
        open = scenario.startPrice();
        double price = open;
        double peak = open;
        final long began = System.nanoTime();
        while (flow.next(view, command))
        {
            while (command.nowNs >= nextMinute)
            {
                minuteLog.add(Math.log(price));
                sample(nextMinute - start);
                if (nextMinute >= nextDay)
                {
                    endDay(price, minuteLog);
                    nextDay += DAY_NS;
                }
                nextMinute += MINUTE_NS;
            }
            commands++;
            final int reason;
            if (command.type == CommandType.HALT || command.type == CommandType.RESUME)
            {
                reason = engine.halt(0, command.type == CommandType.HALT);
            }
            else if (command.type == CommandType.VENUE_STATUS)
            {
                reason = engine.setVenueStatus(command.status);
            }
            else
            {
                reason = command.applyTo(engine);
            }
            if (reason != RejectReason.NONE)
            {
                rejects.merge(reason, 1L, Long::sum);
            }
            final long last = engine.lastTradePrice(0);
            if (last != MatchingEngine.NO_PRICE)
            {
                price = last * tick;
                peak = Math.max(peak, price);
                low = Math.min(low, price);
                drawdown = Math.max(drawdown, 1 - price / peak);
            }
        }
        elapsedNs = System.nanoTime() - began;
        minuteLog.add(Math.log(price));
        endDay(price, minuteLog);
        close = price;
        for (int i = 0; i < phaseSpread.length; i++)
        {
            phaseSpread[i] /= Math.max(1, phaseSamples[i]);
            phaseDepth[i] /= Math.max(1, phaseSamples[i]);
        }
    }

    private void endDay(final double price, final List<Double> minuteLog)
    {
        closes.add(price);
        trades.add(dayTrades);
        dayTrades = 0;
        double sum = 0;
        double sumSq = 0;
        final int n = minuteLog.size() - 1;
        for (int i = 1; i < minuteLog.size(); i++)
        {
            final double r = minuteLog.get(i) - minuteLog.get(i - 1);
            sum += r;
            sumSq += r * r;
        }
        sigma1m.add(n < 2 ? 0.0 : Math.sqrt((sumSq - sum * sum / n) / (n - 1)));
        final double last = minuteLog.get(minuteLog.size() - 1);
        minuteLog.clear();
        minuteLog.add(last);
    }

    /** Spread and depth within 1 % of mid at one minute mark, added to that phase's sums. */
    private void sample(final long offsetNs)
    {
        final long bid = engine.bestPrice(0, Side.BUY);
        final long ask = engine.bestPrice(0, Side.SELL);
        if (bid == MatchingEngine.NO_PRICE || ask == MatchingEngine.NO_PRICE)
        {
            return;
        }
        final double mid = 0.5 * (bid + ask);
        final double[] depth = new double[1];
        engine.forEachOrder(0, (instrumentId, side, px, qty, accountId, clientOrderId, orderId) ->
        {
            if (Math.abs(px - mid) <= 0.01 * mid)
            {
                depth[0] += px * tick * qty * scenario.lotSize();
            }
        });
        final int phase = phaseAt(offsetNs);
        phaseSpread[phase] += (ask - bid) / mid;
        phaseDepth[phase] += depth[0];
        phaseSamples[phase]++;
    }

    private int phaseAt(final long offsetNs)
    {
        double at = 0;
        for (int i = 0; i < scenario.phases().size(); i++)
        {
            at += scenario.phases().get(i).durationS();
            if (offsetNs < at * Scenario.NS_PER_S)
            {
                return i;
            }
        }
        return scenario.phases().size() - 1;
    }

    String describe()
    {
        final StringBuilder sb = new StringBuilder();
        sb.append(scenario.name()).append(": commands=").append(commands).append(" trades=").append(totalTrades)
            .append(" ms=").append(elapsedNs / 1_000_000).append(" low=").append(low).append(" drawdown=")
            .append(drawdown).append(" rejects=").append(rejects).append('\n');
        for (int d = 0; d < closes.size(); d++)
        {
            sb.append(String.format("  day %d close %.6g sigma1m %.3f%% trades %d%n", d, closes.get(d),
                100 * sigma1m.get(d), trades.get(d)));
        }
        for (int p = 0; p < phaseSpread.length; p++)
        {
            sb.append(String.format("  phase %d spread %.1f bps depth1%% %.0f%n", p, 1e4 * phaseSpread[p],
                phaseDepth[p]));
        }
        return sb.toString();
    }
}
