package org.mmwinter.bench.workload;


/**
 * Feeds a {@link CommandArrays} to an {@link OrderBookAdapter}. One loop for every side, so that the dispatch
 * cost is identical; in a benchmark fork only one adapter class is loaded, so the calls stay monomorphic.
 */
public final class Replay
{
    private Replay()
    {
    }

    /**
     * Replays commands {@code [from, to)} and returns the sum of what the adapter answered.
     */
    public static long run(final CommandArrays commands, final int from, final int to, final OrderBookAdapter book)
    {
        final byte[] types = commands.types();
        final int[] accounts = commands.accounts();
        final long[] orderIds = commands.orderIds();
        final byte[] sides = commands.sides();
        final long[] prices = commands.prices();
        final long[] sizes = commands.sizes();
        long sink = 0;
        book.replaying(commands, from);
        for (int i = from; i < to; i++)
        {
            switch (types[i])
            {
                case CommandType.GTC:
                    sink += book.gtc(accounts[i], orderIds[i], sides[i], prices[i], sizes[i]);
                    break;

                case CommandType.IOC:
                    sink += book.ioc(accounts[i], orderIds[i], sides[i], prices[i], sizes[i]);
                    break;

                case CommandType.CANCEL:
                    sink += book.cancel(accounts[i], orderIds[i]);
                    break;

                case CommandType.MOVE:
                    sink += book.move(accounts[i], orderIds[i], prices[i], sizes[i]);
                    break;

                case CommandType.MARKET:
                    sink += book.market(accounts[i], orderIds[i], sides[i], sizes[i]);
                    break;

                default:
                    throw new IllegalStateException("unknown command type " + types[i] + " at " + i);
            }
        }
        book.replaying(null, 0);
        return sink;
    }

    public static long run(final CommandArrays commands, final OrderBookAdapter book)
    {
        return run(commands, 0, commands.count(), book);
    }
}
