package org.mmwinter.replay.crash;

import java.util.List;
import java.util.function.ToIntFunction;

import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.TradingStatus;

/**
 * The seeded agent model that makes a crash day's order flow, one command at a time, against the book the engine
 * holds: noise traders (Poisson arrivals, market and resting limit orders, Pareto sizes), liquidity providers who
 * keep a ladder of levels around the mid they see and re-centre it, widening and thinning as the volatility they
 * measure rises (and leaving when the phase has fewer of them), and one-sided informed flow whose intensity follows
 * the phase's pressure. Nothing here sets a price: the providers quote around the book's mid and the informed flow
 * eats through them, so the path comes out of the matching.
 * <p>
 * Agents' arrivals are competing Poisson processes in event time, rates piecewise constant by phase; control events
 * come at their times. A provider's refresh (mass cancel, then its ladder) and a noise trader's cancel-then-post
 * are short bursts, queued and handed out one command per {@link #next} call at one microsecond apart. The same
 * scenario, seed and sequence of market views give the same commands.
 */
public final class CrashFlow
{
    private static final long BURST_STEP_NS = 1_000;
    private static final double BPS = 1e-4;
    private static final long MINUTE_NS = 60L * Scenario.NS_PER_S;
    private static final int AGENT_NOISE = 0;
    private static final int AGENT_INFORMED = 1;
    private static final int AGENT_PROVIDER = 2;

    private final Scenario scenario;
    private final List<ScenarioPhase> phases;
    private final List<ControlEvent> events;
    private final FlowRandom random;
    private final int instrumentId;
    private final double scale;
    private final double informedScale;
    private final double depthScale;
    private final double tick;
    private final double lot;
    private final long maxLots;
    private final int ordersKept;
    private final long startNs;
    private final long endNs;
    private final long[] phaseEndNs;
    private final long[] eventNs;

    private final int[] noiseAccounts;
    private final int[] informedAccounts;
    private final int[] providerAccounts;
    private final long[] noiseNextId;
    private final long[] informedNextId;
    private final long[] providerNextId;
    private final long[] noiseKept;
    private final int[] noiseKeptCount;
    private final int[] noiseKeptHead;
    private final boolean[] providerQuoting;

    private final int[] pendingType;
    private final int[] pendingAccount;
    private final long[] pendingId;
    private final int[] pendingSide;
    private final int[] pendingOrderType;
    private final long[] pendingPrice;
    private final long[] pendingQty;
    private int pendingHead;
    private int pendingCount;

    private long nowNs;
    private int phase;
    private int nextEvent;
    private boolean halted;
    private long generated;

    private double mid;
    private long sampleNs;
    private double sampleMid;
    private double variance1m;

    /**
     * @param accounts     gives each agent's account name its engine account id; called once per agent, here.
     * @param instrumentId the engine's id of the scenario's instrument.
     */
    public CrashFlow(
        final Scenario scenario,
        final long seed,
        final boolean full,
        final ToIntFunction<String> accounts,
        final int instrumentId)
    {
        this.scenario = scenario;
        this.phases = scenario.phases();
        this.events = scenario.events();
        this.random = new FlowRandom(seed);
        this.instrumentId = instrumentId;
        // A full day is the compressed one with full_scale times the events, each minute's drift and variance kept:
        // noise and refresh rates times F; a resting level sqrt(F) times deeper, so that F noise orders of the same
        // size add up to the same variance (F (s / (sqrt(F) D))^2 = (s / D)^2); the informed flow sqrt(F) times
        // faster, so that its push against the deeper book is the same (sqrt(F) s / (sqrt(F) D) = s / D).
        this.scale = full ? scenario.fullScale() : 1.0;
        this.informedScale = Math.sqrt(scale);
        this.depthScale = Math.sqrt(scale);
        this.tick = scenario.tickSize();
        this.lot = scenario.lotSize();
        // An order at most a thousandth of what the engine can hold, so that a side's total never overflows.
        this.maxLots = scenario.instrument().toInstrument(instrumentId).maxQtyLots() / 1024;
        this.startNs = scenario.startNs();
        this.endNs = startNs + scenario.durationNs(full);
        phaseEndNs = new long[phases.size()];
        double at = 0;
        for (int i = 0; i < phaseEndNs.length; i++)
        {
            at += phases.get(i).durationS();
            phaseEndNs[i] = i == phaseEndNs.length - 1 ? endNs : startNs + Math.round(at * Scenario.NS_PER_S);
        }
        eventNs = new long[events.size()];
        for (int i = 0; i < eventNs.length; i++)
        {
            eventNs[i] = Math.min(endNs, startNs + Math.round(events.get(i).atS() * Scenario.NS_PER_S));
        }
        int providers = 0;
        for (final ScenarioPhase p : phases)
        {
            providers = Math.max(providers, p.lpCount());
        }
        noiseAccounts = register(accounts, "noise-", scenario.noise().accounts());
        informedAccounts = register(accounts, "informed-", scenario.informed().accounts());
        providerAccounts = register(accounts, "lp-", providers);
        noiseNextId = new long[noiseAccounts.length];
        informedNextId = new long[informedAccounts.length];
        providerNextId = new long[providerAccounts.length];
        // The noise traders' resting orders are part of the book's depth, and on a full day they are fresher (F times
        // the arrivals). Their number grows with the fourth root of F: tried on terra (seed 7) with 1, F^(1/4),
        // F^(1/2) and F times as many, the fourth root follows the record's closes through 10 May, the others fall
        // too fast (1) or too slowly (the square root and F).
        ordersKept = (int)Math.min(1 << 20, Math.round(scenario.noise().ordersKept() * Math.sqrt(depthScale)));
        final int kept = ordersKept;
        noiseKept = new long[noiseAccounts.length * kept];
        noiseKeptCount = new int[noiseAccounts.length];
        noiseKeptHead = new int[noiseAccounts.length];
        providerQuoting = new boolean[providers];
        final int burst = Math.max(2 * scenario.liquidity().levels() + 1, 2) * Math.max(1, providers);
        pendingType = new int[burst];
        pendingAccount = new int[burst];
        pendingId = new long[burst];
        pendingSide = new int[burst];
        pendingOrderType = new int[burst];
        pendingPrice = new long[burst];
        pendingQty = new long[burst];
        nowNs = startNs;
        mid = scenario.startPrice() / tick;
        sampleNs = startNs;
        sampleMid = mid;
        final double sigma = scenario.liquidity().referenceSigma1mPct() / 100;
        variance1m = sigma * sigma;
    }

    private static int[] register(final ToIntFunction<String> accounts, final String prefix, final int count)
    {
        final int[] ids = new int[count];
        for (int i = 0; i < count; i++)
        {
            ids[i] = accounts.applyAsInt(prefix + i);
        }
        return ids;
    }

    /** Event time of the first command. */
    public long startNs()
    {
        return startNs;
    }

    /** Event time at which the day ends: no command is later. */
    public long endNs()
    {
        return endNs;
    }

    /** Commands handed out so far. */
    public long generated()
    {
        return generated;
    }

    /** The volatility the providers currently measure, as a 1-minute standard deviation (fraction). */
    public double measuredSigma1m()
    {
        return Math.sqrt(variance1m);
    }

    /**
     * The next command of the day, with its event time in {@code nowNs} and {@code clientTsNs}.
     *
     * @param market the engine's public book after every command so far.
     * @return false when the day is over (then {@code out} holds no command).
     */
    public boolean next(final MarketView market, final CommandEvent out)
    {
        observe(market);
        while (pendingCount == 0)
        {
            if (!advance(out))
            {
                return false;
            }
            if (out.type != 0)
            {
                generated++;
                return true;
            }
        }
        emitPending(out);
        generated++;
        return true;
    }

    /**
     * Moves event time to the next arrival or control event. Fills {@code out} for a control event, queues an agent's
     * commands for an arrival, and answers false at the end of the day.
     */
    private boolean advance(final CommandEvent out)
    {
        out.type = 0;
        while (true)
        {
            final ScenarioPhase p = phases.get(phase);
            final double rate = rate(p);
            final long limit = Math.min(phaseEndNs[phase], nextEvent < eventNs.length ? eventNs[nextEvent] : endNs);
            final long candidate = rate <= 0 ? Long.MAX_VALUE :
                nowNs + Math.max(1, Math.round(random.exponential(rate) * Scenario.NS_PER_S));
            if (candidate >= limit)
            {
                nowNs = Math.max(nowNs, limit);
                if (nextEvent < eventNs.length && eventNs[nextEvent] == limit)
                {
                    control(events.get(nextEvent++).type(), out);
                    return true;
                }
                if (phase == phases.size() - 1)
                {
                    return false;
                }
                phase++;
                leave(phases.get(phase).lpCount());
                if (pendingCount > 0)
                {
                    return true;
                }
                continue;
            }
            nowNs = candidate;
            if (!halted)
            {
                arrive(p, rate);
                if (pendingCount > 0)
                {
                    return true;
                }
            }
        }
    }

    private double rate(final ScenarioPhase p)
    {
        return scale * (p.noiseRate() + p.lpRefreshRate() * p.lpCount()) +
            informedScale * p.informedRate() * Math.abs(p.pressure());
    }

    private void arrive(final ScenarioPhase p, final double rate)
    {
        final double noise = scale * p.noiseRate();
        final double informed = informedScale * p.informedRate() * Math.abs(p.pressure());
        final double draw = random.nextDouble() * rate;
        final int agent = draw < noise ? AGENT_NOISE : draw < noise + informed ? AGENT_INFORMED : AGENT_PROVIDER;
        if (agent == AGENT_NOISE)
        {
            noiseOrder();
        }
        else if (agent == AGENT_INFORMED)
        {
            informedOrder(p.pressure() < 0 ? Side.SELL : Side.BUY);
        }
        else
        {
            refresh(random.nextInt(p.lpCount()), p);
        }
    }

    private void noiseOrder()
    {
        final NoiseTraders noise = scenario.noise();
        final int trader = random.nextInt(noiseAccounts.length);
        final int side = random.nextDouble() < 0.5 ? Side.BUY : Side.SELL;
        final double notional = random.pareto(noise.sizeNotional(), noise.sizeAlpha(), noise.sizeCap());
        final long id = ++noiseNextId[trader];
        if (random.nextDouble() < noise.marketShare())
        {
            queue(CommandType.NEW, noiseAccounts[trader], id, side, OrderType.MARKET, MatchingEngine.NO_PRICE,
                lots(notional, mid));
            return;
        }
        final double offset = random.nextDouble() * noise.limitDepthBps() * BPS;
        final long price = side == Side.BUY ? Math.max(1, (long)Math.floor(mid * (1 - offset))) :
            Math.max(1, (long)Math.ceil(mid * (1 + offset)));
        final int kept = ordersKept;
        final int base = trader * kept;
        if (noiseKeptCount[trader] == kept)
        {
            final int head = noiseKeptHead[trader];
            queue(CommandType.CANCEL, noiseAccounts[trader], noiseKept[base + head], 0, 0, 0, 0);
            noiseKeptHead[trader] = (head + 1) % kept;
            noiseKeptCount[trader]--;
        }
        noiseKept[base + (noiseKeptHead[trader] + noiseKeptCount[trader]) % kept] = id;
        noiseKeptCount[trader]++;
        queue(CommandType.NEW, noiseAccounts[trader], id, side, OrderType.LIMIT, price, lots(notional, price));
    }

    private void informedOrder(final int side)
    {
        final NoiseTraders noise = scenario.noise();
        final int trader = random.nextInt(informedAccounts.length);
        final double notional = random.pareto(scenario.informed().sizeNotional(), noise.sizeAlpha(), noise.sizeCap());
        queue(CommandType.NEW, informedAccounts[trader], ++informedNextId[trader], side, OrderType.MARKET,
            MatchingEngine.NO_PRICE, lots(notional, mid));
    }

    /**
     * Provider {@code lp} pulls its ladder and posts a new one around the mid it sees, wider and thinner the higher
     * the volatility it measures.
     */
    private void refresh(final int lp, final ScenarioPhase p)
    {
        final LiquidityResponse response = scenario.liquidity();
        final int account = providerAccounts[lp];
        if (providerQuoting[lp])
        {
            queue(CommandType.MASS_CANCEL, account, 0, 0, 0, 0, 0);
        }
        final double excess = Math.min(LiquidityResponse.MAX_EXCESS,
            Math.max(0, measuredSigma1m() * 100 / response.referenceSigma1mPct() - 1));
        final double widen = 1 + response.widen() * excess;
        final double depth = depthScale * p.lpLevelNotional() / (1 + response.thin() * excess);
        // Providers differ a little (each its own spread and size), so that the book has more than one price a level.
        final double jitter = 0.75 + 0.5 * random.nextDouble();
        final double half = 0.5 * p.lpSpreadBps() * BPS * widen * jitter;
        final double step = p.lpStepBps() * BPS * widen * jitter;
        for (int k = 0; k < response.levels(); k++)
        {
            final double away = half + k * step;
            final long bid = (long)Math.floor(mid * (1 - away));
            final long ask = (long)Math.ceil(mid * (1 + away));
            if (bid >= 1)
            {
                queue(CommandType.NEW, account, ++providerNextId[lp], Side.BUY, OrderType.LIMIT, bid,
                    lots(depth * jitter, bid));
            }
            queue(CommandType.NEW, account, ++providerNextId[lp], Side.SELL, OrderType.LIMIT, Math.max(ask, bid + 1),
                lots(depth * jitter, ask));
        }
        providerQuoting[lp] = true;
    }

    /** Providers beyond the phase's count pull everything and stop quoting. */
    private void leave(final int lpCount)
    {
        for (int lp = lpCount; lp < providerQuoting.length; lp++)
        {
            if (providerQuoting[lp])
            {
                queue(CommandType.MASS_CANCEL, providerAccounts[lp], 0, 0, 0, 0, 0);
                providerQuoting[lp] = false;
            }
        }
    }

    private void control(final String type, final CommandEvent out)
    {
        out.clear();
        switch (type)
        {
            case "HALT":
                out.type = CommandType.HALT;
                out.instrumentId = instrumentId;
                halted = true;
                break;
            case "RESUME":
                out.type = CommandType.RESUME;
                out.instrumentId = instrumentId;
                halted = false;
                break;
            default:
                out.setVenueStatus(TradingStatus.venueStatusOf(type));
                break;
        }
        out.nowNs = nowNs;
        out.clientTsNs = nowNs;
    }

    /** Lots worth {@code notional} USD at {@code priceTicks}, at least one. */
    private long lots(final double notional, final double priceTicks)
    {
        final double units = notional / (Math.max(1.0, priceTicks) * tick) / lot;
        return Math.max(1, Math.min((long)units, maxLots));
    }

    private void queue(
        final int type,
        final int account,
        final long id,
        final int side,
        final int orderType,
        final long price,
        final long qty)
    {
        final int slot = (pendingHead + pendingCount) % pendingType.length;
        pendingType[slot] = type;
        pendingAccount[slot] = account;
        pendingId[slot] = id;
        pendingSide[slot] = side;
        pendingOrderType[slot] = orderType;
        pendingPrice[slot] = price;
        pendingQty[slot] = qty;
        pendingCount++;
    }

    private void emitPending(final CommandEvent out)
    {
        final int slot = pendingHead;
        pendingHead = (pendingHead + 1) % pendingType.length;
        pendingCount--;
        out.clear();
        out.type = pendingType[slot];
        out.accountId = pendingAccount[slot];
        out.instrumentId = instrumentId;
        if (out.type == CommandType.NEW || out.type == CommandType.CANCEL)
        {
            out.clientOrderId.setDecimal(pendingId[slot]);
        }
        if (out.type == CommandType.NEW)
        {
            out.side = pendingSide[slot];
            out.orderType = pendingOrderType[slot];
            out.tif = pendingOrderType[slot] == OrderType.MARKET ? TimeInForce.IOC : TimeInForce.GTC;
            out.price = pendingPrice[slot];
            out.qty = pendingQty[slot];
        }
        out.nowNs = nowNs;
        out.clientTsNs = nowNs;
        // The rest of a burst follows a microsecond apart, never past the end of the day.
        if (pendingCount > 0)
        {
            nowNs = Math.min(endNs, nowNs + BURST_STEP_NS);
        }
    }

    /** Reads the book's mid (or what is left of it) and updates the providers' 1-minute volatility estimate. */
    private void observe(final MarketView market)
    {
        final long bid = market.bestBid();
        final long ask = market.bestAsk();
        if (bid != MarketView.NONE && ask != MarketView.NONE)
        {
            mid = 0.5 * (bid + ask);
        }
        else if (bid != MarketView.NONE || ask != MarketView.NONE)
        {
            // One side swept away: the last trade (where the sweep stopped) is a better centre than the side that
            // is left, which would pull the providers' ladder towards it, against the sweep.
            final long last = market.lastTrade();
            mid = bid != MarketView.NONE ? Math.max(bid, last) : last == MarketView.NONE ? ask : Math.min(ask, last);
        }
        else if (market.lastTrade() != MarketView.NONE)
        {
            mid = market.lastTrade();
        }
        final long elapsed = nowNs - sampleNs;
        if (elapsed >= MINUTE_NS)
        {
            final double r = Math.log(mid / sampleMid);
            final double minutes = elapsed / (double)MINUTE_NS;
            final double halfLives = elapsed / (scenario.liquidity().volHalfLifeS() * Scenario.NS_PER_S);
            final double weight = 1 - Math.pow(0.5, halfLives);
            variance1m += weight * (r * r / minutes - variance1m);
            sampleNs = nowNs;
            sampleMid = mid;
        }
    }
}
