package org.mmwinter.replay;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.FixedPoint;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.flow.DefaultInstruments;
import org.mmwinter.engine.flow.FlowAction;
import org.mmwinter.engine.flow.OrderFlowParser;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.state.AccountRegistry;

/**
 * Writes a realistic, seeded order flow in the contract's CSV: BTC-USD, ETH-USD and SOL-USD around a drifting mid,
 * a few market makers and many traders, mostly passive limit orders with cancels, amends, aggressive IOC/FOK and
 * market orders, and a handful of bad lines at fixed places. The same seed and length give the same bytes.
 * <p>
 * Every line is also run through a matching engine as it is written, so that cancels and amends name orders that
 * are still live and post-only orders do not cross: the only rejected lines are the deliberately bad ones.
 * {@code samples/sample-flow.csv} is {@code replay sample-flow --out samples/sample-flow.csv} with the defaults;
 * the benchmarks time {@code replay match} on the same generator's million lines.
 */
public final class SampleFlowGenerator
{
    /** Seed of the committed sample. */
    public static final long SAMPLE_SEED = 20240501L;
    /** Data lines of the committed sample. */
    public static final int SAMPLE_LINES = 5000;

    private static final long START_TS_NS = 1_714_521_600_000_000_000L;
    private static final int SCALE = Instrument.DEFAULT_SCALE;
    private static final long ONE = 100_000_000L;
    private static final int BAD_KINDS = 10;
    private static final int MAKERS = 4;
    private static final int TRADERS = 120;

    /**
     * What a generation produced.
     */
    public record Summary(long lines, long badLines, long liveOrdersAtEnd)
    {
    }

    private final SplittableRandom random;
    private final Writer out;
    private final Market[] markets = {
        new Market("BTC-USD", units("0.5"), units("0.0001"), 128_000, 1, 5_000, 0.45),
        new Market("ETH-USD", units("0.01"), units("0.001"), 340_000, 10, 5_000, 0.35),
        new Market("SOL-USD", units("0.001"), units("0.01"), 145_000, 10, 10_000, 0.20),
    };

    private final Tracker tracker = new Tracker();
    private final MatchingEngine engine = new MatchingEngine(tracker);
    private final AccountRegistry accounts = new AccountRegistry();
    private final DefaultInstruments instruments = new DefaultInstruments(engine, true);
    private final OrderFlowParser parser = new OrderFlowParser(instruments, instruments, accounts::register);
    private final CommandEvent command = new CommandEvent();
    private final StringBuilder line = new StringBuilder(128);

    private long tsNs = START_TS_NS;
    private long nextOrderId = 1;

    private SampleFlowGenerator(final Writer out, final long seed)
    {
        this.out = out;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Writes the header and {@code lines} data lines.
     */
    public static Summary generate(final Writer out, final int lines, final long seed) throws IOException
    {
        return new SampleFlowGenerator(out, seed).run(lines);
    }

    private Summary run(final int lines) throws IOException
    {
        out.write(OrderFlowParser.HEADER_WITH_STP);
        out.write('\n');
        final int badEvery = lines / (BAD_KINDS + 1);
        long bad = 0;
        for (int n = 1; n <= lines; n++)
        {
            tsNs += 1 + random.nextInt(2_000_000);
            drift();
            line.setLength(0);
            final boolean badLine = badEvery > 0 && n % badEvery == 0 && n / badEvery <= BAD_KINDS;
            if (badLine)
            {
                badLine(n / badEvery - 1);
                bad++;
            }
            else
            {
                goodLine();
            }
            apply(n, badLine);
            out.append(line).append('\n');
        }
        return new Summary(lines, bad, tracker.live.size());
    }

    private void drift()
    {
        if (random.nextInt(20) == 0)
        {
            final Market market = markets[random.nextInt(markets.length)];
            market.midTicks += random.nextBoolean() ? 1 : -1;
        }
    }

    private void goodLine()
    {
        final int live = tracker.live.size();
        final double cancelShare = live < 400 ? 0.12 : live < 2_000 ? 0.28 : 0.5;
        final double r = random.nextDouble();
        if (r < cancelShare && live > 0)
        {
            cancel(tracker.live.get(random.nextInt(live)));
        }
        else if (r < cancelShare + 0.07 && live > 0)
        {
            amend(tracker.live.get(random.nextInt(live)));
        }
        else if (r < cancelShare + 0.072)
        {
            massCancel();
        }
        else
        {
            newOrder();
        }
    }

    private void newOrder()
    {
        final Market market = pickMarket();
        final int side = random.nextBoolean() ? Side.BUY : Side.SELL;
        final double r = random.nextDouble();
        if (r < 0.70)
        {
            final boolean maker = random.nextInt(2) == 0;
            final String account = maker ? maker() : trader();
            final String tif = random.nextInt(10) == 0 ? "POST_ONLY" : random.nextInt(4) == 0 ? "" : "GTC";
            long price = passivePrice(market, side, 1 + (long)(-StrictMath.log(1 - random.nextDouble()) * 4));
            if ("POST_ONLY".equals(tif))
            {
                price = behindOpposite(market, side, price);
            }
            final long qty = qty(market, maker ? 4 : 1);
            newLine(account, market, side, "LIMIT", tif, price, qty, maker ? "CANCEL_OLDEST" : traderStp());
        }
        else if (r < 0.85)
        {
            final String tif = random.nextInt(10) < 5 ? "GTC" : random.nextInt(5) == 0 ? "FOK" : "IOC";
            final long cross = random.nextInt(4);
            final long price = side == Side.BUY ? market.midTicks + cross : market.midTicks - cross;
            newLine(trader(), market, side, "LIMIT", tif, price, qty(market, 1), traderStp());
        }
        else if (r < 0.95)
        {
            final String tif = random.nextInt(10) == 0 ? "FOK" : "IOC";
            newLine(trader(), market, side, "MARKET", tif, MatchingEngine.NO_PRICE, qty(market, 1), traderStp());
        }
        else
        {
            final long price = passivePrice(market, side, 20 + random.nextInt(80));
            newLine(trader(), market, side, "LIMIT", "GTC", price, qty(market, 2), "");
        }
    }

    private void cancel(final Live order)
    {
        line.append(tsNs).append(",CANCEL,").append(order.account).append(',').append(order.orderId).append(',');
        if (random.nextInt(10) < 7)
        {
            line.append(order.market.symbol);
        }
        line.append(",,,,,,");
    }

    private void amend(final Live order)
    {
        final Market market = order.market;
        final long lots = order.qtyUnits / market.lotUnits;
        long priceTicks = order.priceUnits / market.tickUnits;
        long newLots = lots;
        final int kind = random.nextInt(10);
        if (kind < 5 && lots > 1)
        {
            newLots = 1 + random.nextLong(lots - 1);
        }
        else if (kind < 8)
        {
            final long move = 1 + random.nextInt(3);
            priceTicks += random.nextBoolean() ? move : -move;
            if (order.postOnly)
            {
                priceTicks = behindOpposite(market, order.side, priceTicks);
            }
        }
        else
        {
            newLots = lots + 1 + random.nextLong(Math.max(1, lots));
        }
        line.append(tsNs).append(",AMEND,").append(order.account).append(',').append(order.orderId).append(',')
            .append(market.symbol).append(",,,,");
        FixedPoint.append(line, priceTicks * market.tickUnits, SCALE).append(',');
        FixedPoint.append(line, newLots * market.lotUnits, SCALE).append(',');
    }

    private void massCancel()
    {
        line.append(tsNs).append(",MASS_CANCEL,").append(random.nextBoolean() ? maker() : trader()).append(",,");
        if (random.nextBoolean())
        {
            line.append(pickMarket().symbol);
        }
        line.append(",,,,,,");
    }

    private void newLine(
        final String account,
        final Market market,
        final int side,
        final String type,
        final String tif,
        final long priceTicks,
        final long lots,
        final String stp)
    {
        line.append(tsNs).append(",NEW,").append(account).append(',').append(nextOrderId++).append(',')
            .append(market.symbol).append(',').append(Side.name(side)).append(',').append(type).append(',')
            .append(tif).append(',');
        if (priceTicks != MatchingEngine.NO_PRICE)
        {
            FixedPoint.append(line, priceTicks * market.tickUnits, SCALE);
        }
        line.append(',');
        FixedPoint.append(line, lots * market.lotUnits, SCALE).append(',').append(stp);
    }

    /**
     * One line that the contract rejects whatever the state; {@code kind} picks which rule it breaks.
     */
    private void badLine(final int kind)
    {
        final Market market = markets[kind % markets.length];
        final String account = trader();
        final long id = nextOrderId++;
        final String price = FixedPoint.format(market.midTicks * market.tickUnits, SCALE);
        final String qty = FixedPoint.format(market.lotUnits, SCALE);
        final String head = tsNs + ",NEW," + account + "," + id + "," + market.symbol + ",";
        switch (kind)
        {
            case 0 -> line.append(tsNs).append(",REPLACE,").append(account).append(',').append(id).append(',')
                .append(market.symbol).append(",BUY,LIMIT,GTC,").append(price).append(',').append(qty).append(',');
            case 1 -> line.append(head).append("BUY,LIMIT,GTC,").append(market.midTicks * market.tickUnits / ONE)
                .append(".123456789,").append(qty).append(',');
            case 2 -> line.append(tsNs).append(",NEW,,").append(id).append(',').append(market.symbol)
                .append(",SELL,LIMIT,GTC,").append(price).append(',').append(qty).append(',');
            case 3 -> line.append(head).append("BUY,MARKET,IOC,").append(price).append(',').append(qty).append(',');
            case 4 -> line.append(head).append("SELL,LIMIT,GTC,").append(price).append(",0,");
            case 5 -> line.append(head).append("BID,LIMIT,GTC,").append(price).append(',').append(qty).append(',');
            case 6 -> line.append(tsNs).append(",CANCEL,acct-999,").append(id).append(",,,,,,,");
            case 7 ->
            {
                if (tracker.live.isEmpty())
                {
                    line.append(head).append("BUY,LIMIT,GTC,").append(price).append(',').append(qty)
                        .append(",SOMETIMES");
                }
                else
                {
                    final Live live = tracker.live.get(random.nextInt(tracker.live.size()));
                    line.append(tsNs).append(",NEW,").append(live.account).append(',').append(live.orderId)
                        .append(',').append(live.market.symbol).append(",BUY,LIMIT,GTC,").append(price).append(',')
                        .append(qty).append(',');
                }
            }
            case 8 -> line.append(head).append("SELL,LIMIT,GTC,").append(price).append("k,").append(qty).append(',');
            default -> line.append(tsNs).append(",NEW,").append(account).append(',').append(id)
                .append(",,BUY,LIMIT,GTC,").append(price).append(',').append(qty).append(',');
        }
    }

    /**
     * Runs the line through the engine so that the generator knows what is live; a line meant to be good that the
     * engine refuses is a generator bug.
     */
    private void apply(final int n, final boolean meantBad)
    {
        final String text = line.toString();
        int reason = parser.parse(text, command);
        if (reason == RejectReason.NONE)
        {
            tracker.begin(command);
            reason = command.applyTo(engine);
            if (reason == RejectReason.NONE)
            {
                tracker.end(command);
            }
        }
        if (meantBad != (reason != RejectReason.NONE))
        {
            throw new IllegalStateException("line " + n + " meant " + (meantBad ? "bad" : "good") + " but " +
                (reason == RejectReason.NONE ? "accepted" : RejectReason.describe(reason)) + ": " + text);
        }
    }

    private Market pickMarket()
    {
        final double r = random.nextDouble();
        double cumulative = 0;
        for (final Market market : markets)
        {
            cumulative += market.weight;
            if (r < cumulative)
            {
                return market;
            }
        }
        return markets[markets.length - 1];
    }

    private static long passivePrice(final Market market, final int side, final long offsetTicks)
    {
        final long price = side == Side.BUY ? market.midTicks - offsetTicks : market.midTicks + offsetTicks;
        return Math.max(1, price);
    }

    /**
     * A price that does not cross the opposite best, so that a post-only order rests.
     */
    private long behindOpposite(final Market market, final int side, final long priceTicks)
    {
        final int instrumentId = engine.instrumentId(market.symbol);
        if (instrumentId < 0)
        {
            return priceTicks;
        }
        final long best = engine.bestPrice(instrumentId, Side.opposite(side));
        if (best == MatchingEngine.NO_PRICE)
        {
            return priceTicks;
        }
        final long bestTicks = best / market.tickUnits;
        return side == Side.BUY ? Math.min(priceTicks, bestTicks - 1) : Math.max(priceTicks, bestTicks + 1);
    }

    /**
     * Log-uniform size between the market's bounds, times {@code multiple}.
     */
    private long qty(final Market market, final int multiple)
    {
        final double low = StrictMath.log(market.minLots);
        final double high = StrictMath.log(market.maxLots);
        final long lots = Math.round(StrictMath.exp(low + random.nextDouble() * (high - low)));
        return Math.max(1, lots) * multiple;
    }

    private String maker()
    {
        return "mm-" + (1 + random.nextInt(MAKERS));
    }

    private String trader()
    {
        return String.format("acct-%03d", 1 + random.nextInt(TRADERS));
    }

    private String traderStp()
    {
        final int r = random.nextInt(100);
        return r < 5 ? "DECREMENT" : r < 8 ? "CANCEL_NEWEST" : r < 10 ? "CANCEL_BOTH" : "";
    }

    private static long units(final String decimal)
    {
        final FixedPoint parser = new FixedPoint();
        if (parser.parse(decimal, 0, decimal.length(), SCALE) != FixedPoint.OK)
        {
            throw new IllegalArgumentException(decimal);
        }
        return parser.value();
    }

    /**
     * One symbol's definition in the generator's own ticks and lots, on top of the 10^-8 instrument its tracking
     * engine creates on first use (it reads prices and quantities back in 10^-8 units). The ticks and lots are
     * multiples of the engine's built-in ones, so every line meant to be valid is valid there too: SampleFlowTest
     * runs the sample against the built-in instruments.
     */
    private static final class Market
    {
        final String symbol;
        final long tickUnits;
        final long lotUnits;
        final long minLots;
        final long maxLots;
        final double weight;
        long midTicks;

        Market(
            final String symbol,
            final long tickUnits,
            final long lotUnits,
            final long midTicks,
            final long minLots,
            final long maxLots,
            final double weight)
        {
            this.symbol = symbol;
            this.tickUnits = tickUnits;
            this.lotUnits = lotUnits;
            this.midTicks = midTicks;
            this.minLots = minLots;
            this.maxLots = maxLots;
            this.weight = weight;
        }
    }

    /**
     * A live order as the generator knows it. Its quantity can be larger than the engine's after a self-trade
     * decrement (which reports no order id for the shrunk order); the generator only uses it to shape amends.
     */
    private static final class Live
    {
        String account;
        long orderId;
        Market market;
        int side;
        boolean postOnly;
        long priceUnits;
        long qtyUnits;
        int index;
    }

    /**
     * Follows the engine's reports to keep the set of live orders: those that rested and have not yet been filled,
     * cancelled or expired.
     */
    private final class Tracker implements MatchingListener
    {
        final List<Live> live = new ArrayList<>();
        private final Map<Long, Live> byKey = new HashMap<>();
        private long currentKey;
        private boolean ended;
        private long remaining;
        private long price;

        void begin(final CommandEvent command)
        {
            currentKey = key(command.accountId, command.clientOrderId.decimalValue());
            ended = false;
            remaining = 0;
            price = MatchingEngine.NO_PRICE;
        }

        void end(final CommandEvent command)
        {
            final long key = currentKey;
            if (command.type == FlowAction.NEW)
            {
                if (!ended && command.orderType == OrderType.LIMIT &&
                    (command.tif == TimeInForce.GTC ||
                    command.tif == TimeInForce.POST_ONLY))
                {
                    final Live order = new Live();
                    order.account = accounts.name(command.accountId);
                    order.orderId = command.clientOrderId.decimalValue();
                    order.market = marketOf(command.instrumentId);
                    order.side = command.side;
                    order.postOnly = command.tif == TimeInForce.POST_ONLY;
                    order.priceUnits = command.price;
                    order.qtyUnits = remaining;
                    order.index = live.size();
                    live.add(order);
                    byKey.put(key, order);
                }
            }
            else if (command.type == FlowAction.AMEND)
            {
                final Live order = byKey.get(key);
                if (order != null)
                {
                    if (ended)
                    {
                        remove(key);
                    }
                    else
                    {
                        order.priceUnits = price;
                        order.qtyUnits = remaining;
                    }
                }
            }
        }

        @Override
        public void onAccepted(
            final int instrumentId, final int accountId, final long orderId, final ClientOrderId clientOrderId,
            final int side, final long price, final long qty)
        {
            this.remaining = qty;
        }

        @Override
        public void onFill(
            final int instrumentId,
            final long price,
            final long qty,
            final int takerSide,
            final int makerAccountId,
            final long makerOrderId,
            final ClientOrderId makerClientOrderId,
            final long makerRemaining,
            final int takerAccountId,
            final long takerOrderId,
            final ClientOrderId takerClientOrderId,
            final long takerRemaining)
        {
            final long makerKey = key(makerAccountId, makerClientOrderId.decimalValue());
            if (makerRemaining == 0)
            {
                remove(makerKey);
            }
            else
            {
                byKey.get(makerKey).qtyUnits = makerRemaining;
            }
            remaining = takerRemaining;
            if (takerRemaining == 0)
            {
                ended = true;
            }
        }

        @Override
        public void onCanceled(
            final int instrumentId, final int accountId, final long orderId, final ClientOrderId clientOrderId,
            final long qty, final int reason)
        {
            // A resting order (cancel, mass cancel, self-trade prevention) or the incoming order itself.
            final long key = key(accountId, clientOrderId.decimalValue());
            remove(key);
            if (key == currentKey)
            {
                ended = true;
            }
        }

        @Override
        public void onExpired(
            final int instrumentId, final int accountId, final long orderId, final ClientOrderId clientOrderId,
            final long qty)
        {
            ended = true;
        }

        @Override
        public void onAmended(
            final int instrumentId, final int accountId, final long orderId, final ClientOrderId clientOrderId,
            final long price, final long qty, final boolean priorityKept)
        {
            this.price = price;
            this.remaining = qty;
        }

        private void remove(final long key)
        {
            final Live order = byKey.remove(key);
            if (order == null)
            {
                return;
            }
            final Live last = live.remove(live.size() - 1);
            if (last != order)
            {
                last.index = order.index;
                live.set(order.index, last);
            }
        }

        private Market marketOf(final int instrumentId)
        {
            final String symbol = engine.instrument(instrumentId).symbol();
            for (final Market market : markets)
            {
                if (market.symbol.equals(symbol))
                {
                    return market;
                }
            }
            throw new IllegalStateException("not a generated symbol: " + symbol);
        }

        private static long key(final int accountId, final long orderId)
        {
            return ((long)accountId << 40) | orderId;
        }
    }
}
