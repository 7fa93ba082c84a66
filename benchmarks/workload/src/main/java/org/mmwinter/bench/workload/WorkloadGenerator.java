package org.mmwinter.bench.workload;

import java.util.SplittableRandom;


/**
 * The one deterministic generator both sides replay: the same seed gives the same arrays, on any JVM.
 * <p>
 * Passive orders are spread uniformly over a window of {@link WorkloadConfig#windowTicks()} ticks behind the touch
 * (the best opposite price), which is what spreads 1,000 orders over about 750 levels. A move is a short random
 * walk of one or two ticks inside that window, so the book keeps its shape; a small share of GTC orders and moves
 * are priced through the touch, and IOC orders are capped a whole window through it, which together make the few
 * percent of commands that trade. The book size is held near its target by turning a cancel into a GTC when the
 * book is short and a GTC into a cancel when it is long.
 */
public final class WorkloadGenerator
{
    private static final int SAMPLE_EVERY = 64;

    private final WorkloadConfig config;
    private final SplittableRandom random;
    private final ModelBook book = new ModelBook();
    private long nextOrderId = 1;

    private WorkloadGenerator(final WorkloadConfig config)
    {
        this.config = config;
        this.random = new SplittableRandom(config.seed());
    }

    public static Workload generate(final WorkloadConfig config)
    {
        return new WorkloadGenerator(config).run();
    }

    private Workload run()
    {
        final int target = config.restingOrders();
        final CommandArrays fill = new CommandArrays(target);
        for (int i = 0; i < target; i++)
        {
            placeGtc(fill, randomSide(), false);
        }
        if (book.fills() != 0 || book.liveCount() != target)
        {
            throw new IllegalStateException("fill phase must not trade: fills=" + book.fills());
        }
        final int ordersAfterFill = book.liveCount();
        final int levelsAfterFill = book.levelCount();

        final int mixCommands = config.mixCommands();
        final CommandArrays mix = new CommandArrays(mixCommands);
        final long fillsBefore = book.fills();
        final int gtcEnd = config.gtcPermille();
        final int iocEnd = gtcEnd + config.iocPermille();
        final int cancelEnd = iocEnd + config.cancelPermille();
        final int low = target - Math.max(1, target / 100);
        final int high = target + Math.max(1, target / 100);
        int trading = 0;
        double orderSum = 0;
        double levelSum = 0;
        int samples = 0;
        for (int i = 0; i < mixCommands; i++)
        {
            final int draw = random.nextInt(1000);
            final int live = book.liveCount();
            final int fills;
            if (live == 0 || (draw < gtcEnd && live <= high) || (draw >= iocEnd && draw < cancelEnd && live < low))
            {
                fills = placeGtc(mix, randomSide(), random.nextInt(1000) < config.aggressivePermille());
            }
            else if (draw < gtcEnd || draw >= iocEnd && draw < cancelEnd)
            {
                fills = cancelRandom(mix);
            }
            else if (draw < iocEnd)
            {
                fills = placeIoc(mix, randomSide());
            }
            else
            {
                fills = moveRandom(mix);
            }
            if (fills > 0)
            {
                trading++;
            }
            if (i % SAMPLE_EVERY == 0)
            {
                orderSum += book.liveCount();
                levelSum += book.levelCount();
                samples++;
            }
        }
        mix.trim();

        final int ordersAfterMix = book.liveCount();
        final int levelsAfterMix = book.levelCount();
        final CommandArrays drain = new CommandArrays(ordersAfterMix);
        while (book.liveCount() > 0)
        {
            final ModelOrder order = book.liveAt(book.liveCount() - 1);
            drain.add(CommandType.CANCEL, order.account, order.orderId, order.side, 0, 0);
            book.cancel(order);
        }

        final WorkloadStats stats = new WorkloadStats(
            mixCommands,
            mix.countOf(CommandType.GTC),
            mix.countOf(CommandType.IOC),
            mix.countOf(CommandType.CANCEL),
            mix.countOf(CommandType.MOVE),
            trading,
            book.fills() - fillsBefore,
            ordersAfterFill,
            levelsAfterFill,
            ordersAfterMix,
            levelsAfterMix,
            samples == 0 ? ordersAfterFill : orderSum / samples,
            samples == 0 ? levelsAfterFill : levelSum / samples,
            nextOrderId - 1);
        return new Workload(config, fill.trim(), mix, drain.trim(), stats);
    }

    private byte randomSide()
    {
        return random.nextBoolean() ? OrderSide.BUY : OrderSide.SELL;
    }

    private int placeGtc(final CommandArrays out, final byte side, final boolean aggressive)
    {
        final long price = aggressive ? throughTouch(side, 1 + random.nextInt(3)) : passivePrice(side);
        final ModelOrder order = new ModelOrder(nextOrderId++, randomAccount(), side, price, randomSize());
        out.add(CommandType.GTC, order.account, order.orderId, side, price, order.remaining);
        return book.submit(order, true);
    }

    private int placeIoc(final CommandArrays out, final byte side)
    {
        final long price = throughTouch(side, config.windowTicks());
        final ModelOrder order = new ModelOrder(nextOrderId++, randomAccount(), side, price, randomSize());
        out.add(CommandType.IOC, order.account, order.orderId, side, price, order.remaining);
        return book.submit(order, false);
    }

    private int cancelRandom(final CommandArrays out)
    {
        final ModelOrder order = book.randomLive(random);
        out.add(CommandType.CANCEL, order.account, order.orderId, order.side, 0, 0);
        book.cancel(order);
        return 0;
    }

    private int moveRandom(final CommandArrays out)
    {
        final ModelOrder order = book.randomLive(random);
        final long newPrice = random.nextInt(1000) < config.aggressivePermille() ?
            throughTouch(order.side, 1 + random.nextInt(3)) : walk(order);
        out.add(CommandType.MOVE, order.account, order.orderId, order.side, newPrice, order.remaining);
        return book.move(order, newPrice);
    }

    /**
     * A price {@code ticks - 1} ticks through the touch: it crosses whenever the opposite side is not empty.
     */
    private long throughTouch(final byte side, final int ticks)
    {
        return side == OrderSide.BUY ? touch(side) + ticks - 1 : Math.max(1, touch(side) - ticks + 1);
    }

    /**
     * The best opposite price, or one tick past the own side's best (or the mid) when the opposite side is empty.
     */
    private long touch(final byte side)
    {
        if (side == OrderSide.BUY)
        {
            final long ask = book.bestAsk();
            if (ask != ModelBook.NO_PRICE)
            {
                return ask;
            }
            final long bid = book.bestBid();
            return (bid != ModelBook.NO_PRICE ? bid : config.midPrice()) + 1;
        }
        final long bid = book.bestBid();
        if (bid != ModelBook.NO_PRICE)
        {
            return bid;
        }
        final long ask = book.bestAsk();
        return (ask != ModelBook.NO_PRICE ? ask : config.midPrice()) - 1;
    }

    private long passivePrice(final byte side)
    {
        return priceAtDepth(side, random.nextInt(config.windowTicks()));
    }

    /**
     * Price {@code depth} ticks behind the first price that does not cross (depth 0 is one tick off the touch).
     */
    private long priceAtDepth(final byte side, final long depth)
    {
        return side == OrderSide.BUY ? touch(side) - 1 - depth : touch(side) + 1 + depth;
    }

    private long walk(final ModelOrder order)
    {
        final long inside = priceAtDepth(order.side, 0);
        final long depth = order.side == OrderSide.BUY ? inside - order.price : order.price - inside;
        final int step = 1 + random.nextInt(2);
        long newDepth = random.nextBoolean() ? depth + step : depth - step;
        if (newDepth < 0)
        {
            newDepth = depth + step;
        }
        else if (newDepth >= config.windowTicks())
        {
            newDepth = Math.max(0, depth - step);
        }
        long price = priceAtDepth(order.side, newDepth);
        if (price == order.price || price < 1)
        {
            price = order.side == OrderSide.BUY ? order.price - 1 : order.price + 1;
        }
        return price;
    }

    private int randomAccount()
    {
        return 1 + random.nextInt(config.accounts());
    }

    /**
     * exchange-core's size distribution: 1 + a product of three draws in [0, 6), mean about 16.6 lots.
     */
    private long randomSize()
    {
        return 1 + random.nextInt(6) * random.nextInt(6) * random.nextInt(6);
    }
}
