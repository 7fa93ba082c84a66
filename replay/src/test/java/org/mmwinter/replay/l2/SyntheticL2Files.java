package org.mmwinter.replay.l2;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes a longer synthetic recording in the exact Tardis layouts, from a seed: an {@code incremental_book_L2} file
 * (a snapshot of {@link #LEVELS} levels a side, then updates) and a {@code trades} file. The mid walks in whole
 * ticks of 0.5; levels sit at 1..LEVELS ticks either side of it (the spread is 2 ticks); each step is one exchange
 * message at its own local_timestamp: a trade at the touch (the taker's side at random, for at most the touch's
 * amount; one in four sweeps 2 to 6 levels) followed 100 us later by the update of the levels it took, a new
 * amount at a random level, or a mid move (the levels that fall out of the window removed, the new ones added, in
 * one message). Amounts are in lots of 0.001.
 */
final class SyntheticL2Files
{
    static final int LEVELS = 10;
    static final String EXCHANGE = "synthetic";
    static final String SYMBOL = "BTC-TEST";
    /** The first step's local_timestamp: 2024-01-01 00:00:00 UTC, microseconds. */
    static final long START_US = 1_704_067_200_000_000L;
    /** Start mid, in half-dollar ticks (10,000.0). */
    static final long START_MID = 20_000;

    private final SplittableRandom random;
    private final TreeMap<Long, Long> bids = new TreeMap<>();
    private final TreeMap<Long, Long> asks = new TreeMap<>();
    private long mid = START_MID;
    private long timeUs = START_US;
    long bookRows;
    long tradeRows;

    SyntheticL2Files(final long seed)
    {
        this.random = new SplittableRandom(seed);
    }

    /** Writes {@code steps} messages after the snapshot. */
    void write(final Path book, final Path trades, final int steps) throws IOException
    {
        try (BufferedWriter b = Files.newBufferedWriter(book, StandardCharsets.UTF_8);
            BufferedWriter t = Files.newBufferedWriter(trades, StandardCharsets.UTF_8))
        {
            b.write("exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount\n");
            t.write("exchange,symbol,timestamp,local_timestamp,id,side,price,amount\n");
            for (int k = 1; k <= LEVELS; k++)
            {
                bids.put(mid - k, amount());
                asks.put(mid + k, amount());
            }
            for (final long price : bids.descendingKeySet())
            {
                row(b, true, "bid", price, bids.get(price));
            }
            for (final long price : asks.keySet())
            {
                row(b, true, "ask", price, asks.get(price));
            }
            for (int i = 0; i < steps; i++)
            {
                timeUs += 1_000 + random.nextInt(49_000);
                final int kind = random.nextInt(10);
                if (kind < 3)
                {
                    trade(b, t, i);
                }
                else if (kind < 7)
                {
                    final boolean bid = random.nextBoolean();
                    final long price = bid ? mid - 1 - random.nextInt(LEVELS) : mid + 1 + random.nextInt(LEVELS);
                    final long amount = amount();
                    (bid ? bids : asks).put(price, amount);
                    row(b, false, bid ? "bid" : "ask", price, amount);
                }
                else
                {
                    move(b, random.nextBoolean() ? 1 : -1);
                }
            }
        }
    }

    /** The book after the last step: bids (then asks) price in ticks of 0.5 to amount in lots of 0.001. */
    TreeMap<Long, Long> bids()
    {
        return new TreeMap<>(bids);
    }

    TreeMap<Long, Long> asks()
    {
        return new TreeMap<>(asks);
    }

    private void trade(final BufferedWriter b, final BufferedWriter t, final int id) throws IOException
    {
        final boolean buy = random.nextBoolean();
        final TreeMap<Long, Long> side = buy ? asks : bids;
        // One trade in four sweeps 2 to 6 levels: a row for each level it took, the last only in part.
        final int levels = random.nextInt(4) == 0 ? 2 + random.nextInt(5) : 1;
        long price = buy ? side.firstKey() : side.lastKey();
        final long first = price;
        for (int k = 0; k < levels; k++)
        {
            final long touch = side.get(price);
            final long qty = k < levels - 1 ? touch : 1 + random.nextLong(Math.min(touch, 2_000));
            t.write(EXCHANGE + "," + SYMBOL + "," + timeUs + "," + timeUs + "," + id + "-" + k + "," +
                (buy ? "buy" : "sell") + "," + price(price) + "," + amount(qty) + "\n");
            tradeRows++;
            side.put(price, touch - qty);
            price += buy ? 1 : -1;
        }
        timeUs += 100;
        // The venue's makers refill what the taker took at once, in the message that reports it.
        for (int k = 0; k < levels; k++)
        {
            final long p = buy ? first + k : first - k;
            final long left = side.get(p);
            side.put(p, left == 0 ? amount() : left);
            row(b, false, buy ? "ask" : "bid", p, side.get(p));
        }
    }

    private void move(final BufferedWriter b, final int direction) throws IOException
    {
        mid += direction;
        if (direction > 0)
        {
            remove(b, asks, "ask", mid);
            remove(b, bids, "bid", mid - 1 - LEVELS);
            add(b, bids, "bid", mid - 1);
            add(b, asks, "ask", mid + LEVELS);
        }
        else
        {
            remove(b, bids, "bid", mid);
            remove(b, asks, "ask", mid + 1 + LEVELS);
            add(b, asks, "ask", mid + 1);
            add(b, bids, "bid", mid - LEVELS);
        }
    }

    private void remove(final BufferedWriter b, final TreeMap<Long, Long> side, final String name, final long price)
        throws IOException
    {
        if (side.remove(price) != null)
        {
            row(b, false, name, price, 0);
        }
    }

    private void add(final BufferedWriter b, final TreeMap<Long, Long> side, final String name, final long price)
        throws IOException
    {
        final long amount = amount();
        side.put(price, amount);
        row(b, false, name, price, amount);
    }

    private void row(final BufferedWriter b, final boolean snapshot, final String side, final long price,
        final long amount) throws IOException
    {
        b.write(EXCHANGE + "," + SYMBOL + "," + timeUs + "," + timeUs + "," + snapshot + "," + side + "," +
            price(price) + "," + amount(amount) + "\n");
        bookRows++;
    }

    private long amount()
    {
        return 1 + random.nextLong(5_000);
    }

    /** Half-dollar ticks as Tardis writes prices: 10000 or 10000.5. */
    static String price(final long ticks)
    {
        return ticks % 2 == 0 ? Long.toString(ticks / 2) : ticks / 2 + ".5";
    }

    /** Lots of 0.001 as Tardis writes amounts: 1.234, 2.5, 3. */
    static String amount(final long lots)
    {
        final String text = lots / 1_000 + "." + String.format("%03d", lots % 1_000);
        String trimmed = text;
        while (trimmed.endsWith("0"))
        {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
