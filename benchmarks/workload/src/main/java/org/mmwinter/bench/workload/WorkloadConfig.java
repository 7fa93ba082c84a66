package org.mmwinter.bench.workload;

/**
 * What to generate. The defaults are the shape exchange-core publishes for its own order-book benchmark: one
 * symbol, about 9 % GTC, 3 % IOC, 6 % cancel and 82 % move, 1,000 accounts, 1,000 resting orders over about 750
 * price levels, a few percent of commands trading. Immutable; the {@code with*} methods return a copy.
 */
public final class WorkloadConfig
{
    /** Price the book starts around, in ticks: far enough from 0 that no window ever reaches it. */
    public static final long DEFAULT_MID_PRICE = 1_000_000;
    /** Price window of the 1,000-order book: 1,000 orders spread over it occupy about 730-750 levels. */
    public static final int BASE_WINDOW_TICKS = 880;
    public static final int BASE_RESTING_ORDERS = 1_000;

    private final long seed;
    private final int restingOrders;
    private final int accounts;
    private final int mixCommands;
    private final int windowTicks;
    private final long midPrice;
    private final int gtcPermille;
    private final int iocPermille;
    private final int cancelPermille;
    private final int aggressivePermille;

    private WorkloadConfig(
        final long seed,
        final int restingOrders,
        final int accounts,
        final int mixCommands,
        final int windowTicks,
        final long midPrice,
        final int gtcPermille,
        final int iocPermille,
        final int cancelPermille,
        final int aggressivePermille)
    {
        if (restingOrders < 0 || accounts <= 0 || mixCommands < 0 || windowTicks <= 0 || midPrice <= 2L * windowTicks)
        {
            throw new IllegalArgumentException("bad workload config: orders=" + restingOrders + " accounts=" +
                accounts + " mix=" + mixCommands + " window=" + windowTicks + " mid=" + midPrice);
        }
        if (gtcPermille < 0 || iocPermille < 0 || cancelPermille < 0 || aggressivePermille < 0 ||
            gtcPermille + iocPermille + cancelPermille > 1000 || aggressivePermille > 1000)
        {
            throw new IllegalArgumentException("bad workload mix: gtc=" + gtcPermille + " ioc=" + iocPermille +
                " cancel=" + cancelPermille + " aggressive=" + aggressivePermille);
        }
        this.seed = seed;
        this.restingOrders = restingOrders;
        this.accounts = accounts;
        this.mixCommands = mixCommands;
        this.windowTicks = windowTicks;
        this.midPrice = midPrice;
        this.gtcPermille = gtcPermille;
        this.iocPermille = iocPermille;
        this.cancelPermille = cancelPermille;
        this.aggressivePermille = aggressivePermille;
    }

    /**
     * exchange-core's shape with {@code restingOrders} in the book. Bigger books get a wider price window (growing
     * with the square root of the size) so that they have both more levels and longer queues, as real books do.
     */
    public static WorkloadConfig exchangeCoreShape(final long seed, final int restingOrders, final int mixCommands)
    {
        return new WorkloadConfig(
            seed, restingOrders, 1_000, mixCommands, windowFor(restingOrders), DEFAULT_MID_PRICE, 90, 30, 60, 12);
    }

    static int windowFor(final int restingOrders)
    {
        final double scale = Math.sqrt(Math.max(restingOrders, BASE_RESTING_ORDERS) / (double)BASE_RESTING_ORDERS);
        return (int)Math.round(BASE_WINDOW_TICKS * scale);
    }

    public WorkloadConfig withSeed(final long seed)
    {
        return new WorkloadConfig(seed, restingOrders, accounts, mixCommands, windowTicks, midPrice,
            gtcPermille, iocPermille, cancelPermille, aggressivePermille);
    }

    public WorkloadConfig withAccounts(final int accounts)
    {
        return new WorkloadConfig(seed, restingOrders, accounts, mixCommands, windowTicks, midPrice,
            gtcPermille, iocPermille, cancelPermille, aggressivePermille);
    }

    public WorkloadConfig withWindowTicks(final int windowTicks)
    {
        return new WorkloadConfig(seed, restingOrders, accounts, mixCommands, windowTicks, midPrice,
            gtcPermille, iocPermille, cancelPermille, aggressivePermille);
    }

    public long seed()
    {
        return seed;
    }

    /** Orders the book holds after the fill phase; the mix keeps it near this size. */
    public int restingOrders()
    {
        return restingOrders;
    }

    /** Accounts (exchange-core: uids) orders are spread over, numbered from 1. */
    public int accounts()
    {
        return accounts;
    }

    /** Commands in the measured mix. */
    public int mixCommands()
    {
        return mixCommands;
    }

    /** Depth, in ticks behind the touch, over which passive orders are spread. */
    public int windowTicks()
    {
        return windowTicks;
    }

    public long midPrice()
    {
        return midPrice;
    }

    /** Share of new GTC orders in the mix, per thousand. */
    public int gtcPermille()
    {
        return gtcPermille;
    }

    public int iocPermille()
    {
        return iocPermille;
    }

    public int cancelPermille()
    {
        return cancelPermille;
    }

    /** Share of GTC orders and of moves priced through the touch, per thousand of each: the traders of the mix. */
    public int aggressivePermille()
    {
        return aggressivePermille;
    }

    public String toString()
    {
        return "WorkloadConfig{seed=" + seed + ", restingOrders=" + restingOrders + ", accounts=" + accounts +
            ", mixCommands=" + mixCommands + ", windowTicks=" + windowTicks + ", midPrice=" + midPrice +
            ", gtc=" + gtcPermille + "‰, ioc=" + iocPermille + "‰, cancel=" + cancelPermille +
            "‰, aggressive=" + aggressivePermille + "‰}";
    }
}
