package org.mmwinter.engine.fix.marketdata;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.pipeline.EnginePipeline;
import quickfix.FieldNotFound;
import quickfix.Group;
import quickfix.Message;
import quickfix.field.MDEntryPx;
import quickfix.field.MDEntrySize;
import quickfix.field.MDEntryType;
import quickfix.field.MDUpdateAction;
import quickfix.field.MsgType;
import quickfix.field.NoMDEntries;
import quickfix.field.NumberOfOrders;

/**
 * The book a FIX client rebuilds from snapshots and incremental refreshes, as any client would, with its own
 * decimal parsing (BigDecimal over the tick and lot, nothing of the engine's); and the engine's own book,
 * aggregated from its resting orders, in the same words: {@code bid 8005x20#1 offer 8010x30#1} in ticks and lots.
 */
final class BookReplica
{
    private final BigDecimal tick;
    private final BigDecimal lot;
    private final TreeMap<Long, long[]> bids = new TreeMap<>(Comparator.reverseOrder());
    private final TreeMap<Long, long[]> offers = new TreeMap<>();
    private final List<String> trades = new ArrayList<>();

    BookReplica(final String tick, final String lot)
    {
        this.tick = new BigDecimal(tick);
        this.lot = new BigDecimal(lot);
    }

    /**
     * Applies a W (replaces the book) or an X (entry by entry).
     *
     * @return the number of entries it carried.
     */
    int apply(final Message message) throws FieldNotFound
    {
        final boolean snapshot = message.getHeader().getString(MsgType.FIELD)
            .equals(MsgType.MARKET_DATA_SNAPSHOT_FULL_REFRESH);
        if (snapshot)
        {
            bids.clear();
            offers.clear();
        }
        final int entries = message.getGroupCount(NoMDEntries.FIELD);
        for (int i = 1; i <= entries; i++)
        {
            final Group entry = message.getGroup(i, NoMDEntries.FIELD);
            final char type = entry.getChar(MDEntryType.FIELD);
            final long price = units(entry.getString(MDEntryPx.FIELD), tick);
            if (type == MDEntryType.TRADE)
            {
                trades.add(price + "x" + units(entry.getString(MDEntrySize.FIELD), lot));
                continue;
            }
            final TreeMap<Long, long[]> side = type == MDEntryType.BID ? bids : offers;
            if (!snapshot && entry.getChar(MDUpdateAction.FIELD) == MDUpdateAction.DELETE)
            {
                if (side.remove(price) == null)
                {
                    throw new AssertionError("delete of a level that is not there: " + price);
                }
                continue;
            }
            final long[] level = {units(entry.getString(MDEntrySize.FIELD), lot), entry.getInt(NumberOfOrders.FIELD)};
            final boolean present = side.put(price, level) != null;
            if (!snapshot && present != (entry.getChar(MDUpdateAction.FIELD) == MDUpdateAction.CHANGE))
            {
                throw new AssertionError("a new level that was there, or a change of one that was not: " + price);
            }
        }
        return entries;
    }

    String book()
    {
        return describe(bids, offers);
    }

    /** Trades seen so far, {@code price x qty} in ticks and lots, and forgets them. */
    List<String> takeTrades()
    {
        final List<String> taken = new ArrayList<>(trades);
        trades.clear();
        return taken;
    }

    /** The engine's book of one instrument, aggregated by price from its resting orders (engine idle). */
    static String engineBook(final EnginePipeline pipeline, final int instrumentId)
    {
        final TreeMap<Long, long[]> engineBids = new TreeMap<>(Comparator.reverseOrder());
        final TreeMap<Long, long[]> engineOffers = new TreeMap<>();
        pipeline.stateWhenIdle().engine().forEachOrder(instrumentId,
            (instrument, side, price, qty, account, clientOrderId, orderId) ->
            {
                final long[] level = (side == Side.BUY ? engineBids : engineOffers)
                    .computeIfAbsent(price, p -> new long[2]);
                level[0] += qty;
                level[1]++;
            });
        return describe(engineBids, engineOffers);
    }

    private static String describe(final TreeMap<Long, long[]> bidLevels, final TreeMap<Long, long[]> offerLevels)
    {
        final StringBuilder sb = new StringBuilder();
        for (final Map.Entry<Long, long[]> level : bidLevels.entrySet())
        {
            sb.append(sb.length() > 0 ? " " : "").append("bid ").append(level.getKey()).append('x')
                .append(level.getValue()[0]).append('#').append(level.getValue()[1]);
        }
        for (final Map.Entry<Long, long[]> level : offerLevels.entrySet())
        {
            sb.append(sb.length() > 0 ? " " : "").append("offer ").append(level.getKey()).append('x')
                .append(level.getValue()[0]).append('#').append(level.getValue()[1]);
        }
        return sb.toString();
    }

    private static long units(final String decimal, final BigDecimal unit)
    {
        return new BigDecimal(decimal).divide(unit).longValueExact();
    }
}
