package org.mmwinter.quoting.bot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.quoting.host.LockstepHost;
import org.mmwinter.quoting.host.OrderEntryLatency;

/**
 * A market maker in lockstep with a hand-written flow on the real pipeline, for the scenario tests: one instrument
 * (BTC-USD, tick 0.5, lot 0.001, maker rebate 0.25 bps, taker fee 2.5 bps), a background liquidity provider and
 * whoever the test makes trade, in event time (one second = 1e9).
 */
final class BotRun implements AutoCloseable
{
    static final String SYMBOL = "BTC-USD";
    static final double TICK = 0.5;
    static final double LOT = 0.001;
    static final long SECOND = 1_000_000_000L;
    static final long START = 1_700_000_000L * SECOND;
    static final long LATENCY = 1_000_000L;

    final Path dataDir;
    final EnginePipeline pipeline;
    final LockstepHost host;
    final MarketMaker bot;
    final int instrument;
    private final CommandEvent command = new CommandEvent();
    private final Map<String, Integer> accounts = new HashMap<>();
    private long t = START;
    private long ids;

    BotRun(final Path dataDir, final Map<String, String> botKeys)
    {
        this.dataDir = dataDir;
        final EngineConfig config = EngineConfig.defaults().clearInstruments().dataDir(dataDir)
            .waitStrategy("yielding").commandTime(true)
            .addInstrument(new EngineConfig.InstrumentSpec(SYMBOL, "0.5", "0.001", 0, -25, 250));
        pipeline = new EnginePipeline(config);
        pipeline.start();
        instrument = pipeline.directory().resolve(SYMBOL, false);
        final Map<String, String> keys = new HashMap<>();
        keys.put("bot.order_notional", "300");
        keys.put("bot.levels", "2");
        keys.putAll(botKeys);
        host = new LockstepHost(pipeline, BotConfig.parse(keys, List.of(SYMBOL)), dataDir,
            OrderEntryLatency.fixed(LATENCY));
        bot = host.bot();
    }

    /** Keys for a run: pairs of name (without {@code bot.}) and value. */
    static Map<String, String> keys(final String... pairs)
    {
        final Map<String, String> keys = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2)
        {
            keys.put("bot." + pairs[i], pairs[i + 1]);
        }
        return keys;
    }

    /** Moves event time on by {@code ns} and runs the bot's commands due by then. */
    void after(final long ns)
    {
        t += ns;
        host.advanceTo(t);
    }

    long now()
    {
        return t;
    }

    int account(final String name)
    {
        return accounts.computeIfAbsent(name, n -> pipeline.directory().resolve(n));
    }

    static long ticks(final double price)
    {
        return Math.round(price / TICK);
    }

    static long lots(final double qty)
    {
        return Math.round(qty / LOT);
    }

    int limit(final String account, final String id, final int side, final double price, final double qty)
    {
        return order(account, id, side, TimeInForce.GTC, ticks(price), lots(qty));
    }

    /** An immediate-or-cancel order: takes what it can at {@code price} or better. */
    int take(final String account, final int side, final double price, final double qty)
    {
        return order(account, "t" + (++ids), side, TimeInForce.IOC, ticks(price), lots(qty));
    }

    int takeLots(final String account, final int side, final long priceTicks, final long qtyLots)
    {
        return order(account, "t" + (++ids), side, TimeInForce.IOC, priceTicks, qtyLots);
    }

    int order(final String account, final String id, final int side, final int tif, final long priceTicks,
        final long qtyLots)
    {
        command.setLimitOrder(account(account), id, instrument, side, tif, priceTicks, qtyLots);
        return submit();
    }

    int cancel(final String account, final String id)
    {
        command.clear();
        command.type = CommandType.CANCEL;
        command.accountId = account(account);
        command.clientOrderId.parse(id, 0, id.length());
        command.instrumentId = instrument;
        return submit();
    }

    int halt(final boolean halted)
    {
        command.clear();
        command.type = halted ? CommandType.HALT : CommandType.RESUME;
        command.instrumentId = instrument;
        return submit();
    }

    int venue(final int status)
    {
        command.clear();
        command.setVenueStatus(status);
        return submit();
    }

    private int submit()
    {
        t += 1_000;
        command.nowNs = t;
        command.clientTsNs = t;
        return host.submit(command);
    }

    private String lpBid;
    private String lpAsk;
    private double lpHalfSpread;
    private double lpQty;

    /** A background market: a deep bid and ask of the liquidity provider {@code lp} around {@code mid}. */
    void market(final double mid, final double halfSpread, final double qty)
    {
        lpHalfSpread = halfSpread;
        lpQty = qty;
        lpBid = "lp-bid-" + (++ids);
        lpAsk = "lp-ask-" + (++ids);
        limit("lp", lpBid, Side.BUY, mid - halfSpread, qty);
        limit("lp", lpAsk, Side.SELL, mid + halfSpread, qty);
        after(5 * LATENCY);
    }

    /**
     * Moves the background market to a new mid: the side in the way first, so that the provider never crosses
     * the bot's quotes (the bot pulls while one side is missing: no market), with the bot's commands landing in
     * between.
     */
    void moveMarket(final double mid)
    {
        final boolean up = mid > mid();
        final String oldFirst = up ? lpAsk : lpBid;
        final String oldSecond = up ? lpBid : lpAsk;
        cancel("lp", oldFirst);
        after(5 * LATENCY);
        final String first = (up ? "lp-ask-" : "lp-bid-") + (++ids);
        limit("lp", first, up ? Side.SELL : Side.BUY, up ? mid + lpHalfSpread : mid - lpHalfSpread, lpQty);
        after(5 * LATENCY);
        cancel("lp", oldSecond);
        after(5 * LATENCY);
        final String second = (up ? "lp-bid-" : "lp-ask-") + (++ids);
        limit("lp", second, up ? Side.BUY : Side.SELL, up ? mid - lpHalfSpread : mid + lpHalfSpread, lpQty);
        after(5 * LATENCY);
        lpAsk = up ? first : second;
        lpBid = up ? second : first;
    }

    /** The mid the bot sees (others' best bid and ask). */
    double mid()
    {
        return bot.mid(instrument);
    }

    /** A seller hits the bot's best bid with exactly its size; false when the bot shows no bid. */
    boolean sellIntoBotBid(final String seller)
    {
        final List<long[]> bids = botOrders(Side.BUY);
        if (bids.isEmpty())
        {
            return false;
        }
        takeLots(seller, Side.SELL, bids.get(0)[0], bids.get(0)[1]);
        after(5 * LATENCY);
        return true;
    }

    /** The bot's open orders on a side: {price ticks, remaining lots} pairs, best first. */
    List<long[]> botOrders(final int side)
    {
        final List<long[]> orders = new ArrayList<>();
        bot.forEachOpenOrder(instrument, (number, s, price, remaining, state) ->
        {
            if (s == side)
            {
                orders.add(new long[]{price, remaining});
            }
        });
        orders.sort((a, b) -> side == Side.BUY ? Long.compare(b[0], a[0]) : Long.compare(a[0], b[0]));
        return orders;
    }

    long bestBotBid()
    {
        final List<long[]> bids = botOrders(Side.BUY);
        return bids.isEmpty() ? 0 : bids.get(0)[0];
    }

    long bestBotAsk()
    {
        final List<long[]> asks = botOrders(Side.SELL);
        return asks.isEmpty() ? 0 : asks.get(0)[0];
    }

    public void close()
    {
        host.close();
        pipeline.close();
    }
}
