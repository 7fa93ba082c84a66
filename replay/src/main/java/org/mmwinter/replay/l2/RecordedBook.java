package org.mmwinter.replay.l2;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

import org.agrona.collections.Long2ObjectHashMap;
import org.mmwinter.engine.core.BookVisitor;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;

/**
 * Turns recorded level changes and trades into engine commands, against the engine's book as it stands: each
 * recorded level is one or more synthetic GTC orders of the recorded-book account, whose total is set to the
 * recorded amount at every update of the level. A larger amount adds the difference as a new order at the back of
 * the level (behind the bot, if it rests there); a smaller one cancels or amends down (which keeps priority)
 * synthetic orders, behind or ahead of the bot's order as the {@link QueueModel} says; 0 cancels them all. A trade
 * becomes an IOC limit of the recorded-takers account at the trade's price for its amount, on the taker's side:
 * it meets the book in price-time priority, the bot's orders included.
 *
 * <p>It mirrors the engine's book of the instrument, every order in priority order (the synthetic ones and the
 * bot's interleaved), read from the engine between batches when something else changed it ({@link #refresh}: the
 * bot's commands arrived, a command was refused, the order count differs) and followed within a batch by applying
 * its own commands as the core does, matching included: a taker, or a synthetic order that crosses a resting bot
 * order, fills the mirrored queue in price-time priority at the resting orders' prices. So a batch can hold trades
 * and the commands built after them still see the book they will meet.
 *
 * <p>What the bot did to the recorded book: a synthetic order the bot traded with (a recorded taker met the bot
 * first, or a crossing order that is not post-only took it; the reference bot's are post-only) stays consumed until
 * the next update of its level, which re-anchors the level at the recorded amount (the recorded flow does not know
 * the bot was there). A recorded level that crosses a resting bot order trades with it, the synthetic order as
 * the taker, and rests with what is left. A recorded level that crosses the recorded book's other side removes the
 * crossed recorded levels first: the venue's book cannot be crossed, so the older level is the stale one.
 */
final class RecordedBook implements BookVisitor
{
    /** A queue entry that is not a synthetic order (the bot's, or anyone else's). */
    static final long OTHER = 0;
    /** No price: an empty side. */
    static final long NONE = MatchingEngine.NO_PRICE;

    private final int instrumentId;
    private final int bookAccount;
    private final int takerAccount;
    private final QueueModel queue;
    private final NavigableMap<Long, Level> bids = new TreeMap<>();
    private final NavigableMap<Long, Level> asks = new TreeMap<>();
    /** The same levels by price, for the lookups of every row without boxing the price. */
    private final Long2ObjectHashMap<Level> bidIndex = new Long2ObjectHashMap<>();
    private final Long2ObjectHashMap<Level> askIndex = new Long2ObjectHashMap<>();
    private CommandEvent[] pending = new CommandEvent[64];
    private int pendingCount;
    /** Orders in the mirror: the engine's live orders of the instrument, when the mirror is right. */
    private int orders;
    private long nextSyntheticId = 1;
    private long nextTakerId = 1;
    private long otherBestBid = NONE;
    private long otherBestAsk = NONE;

    long resets;
    long levelUpdates;
    long takers;
    long inferredSides;
    long skippedTrades;
    long uncrossedLevels;
    long refreshes;
    long crossingPlacements;
    /** Lots the recorded takers and crossing levels traded with the bot's (anyone else's) orders, in the mirror. */
    long otherLotsTraded;

    RecordedBook(final int instrumentId, final int bookAccount, final int takerAccount, final QueueModel queue)
    {
        this.instrumentId = instrumentId;
        this.bookAccount = bookAccount;
        this.takerAccount = takerAccount;
        this.queue = queue;
        for (int i = 0; i < pending.length; i++)
        {
            pending[i] = new CommandEvent();
        }
    }

    /** Commands built since {@link #clearPending}. */
    int pendingCount()
    {
        return pendingCount;
    }

    CommandEvent pending(final int index)
    {
        return pending[index];
    }

    void clearPending()
    {
        pendingCount = 0;
    }

    /** Orders the mirror holds: equal to the engine's live orders of the instrument unless something else moved. */
    int orderCount()
    {
        return orders;
    }

    /**
     * Reads the engine's book of the instrument (idle between batches): every resting order, in priority order, into
     * the level it rests at. Recorded amounts are kept.
     */
    void refresh(final MatchingEngine engine)
    {
        refreshes++;
        clearQueues(bids);
        clearQueues(asks);
        orders = 0;
        engine.forEachOrder(instrumentId, this);
        dropEmpty(bids);
        dropEmpty(asks);
        otherBests();
    }

    /**
     * Whether the mirror holds exactly the engine's book of the instrument: the same orders (synthetic ones by id,
     * anyone else's as {@link #OTHER}), quantities and queue order at every price. A check for tests and
     * {@code --check-mirror}: it costs a walk of the whole book and allocates.
     */
    boolean mirrors(final MatchingEngine engine)
    {
        final StringBuilder engineBook = new StringBuilder();
        engine.forEachOrder(instrumentId, (instrument, side, price, qty, accountId, clientOrderId, orderId) ->
            engineBook.append(side).append(' ').append(price).append(' ')
                .append(accountId == bookAccount ? clientOrderId.decimalValue() : OTHER).append(' ').append(qty)
                .append('\n'));
        final StringBuilder mirrored = new StringBuilder();
        int mirroredOrders = 0;
        for (final NavigableMap<Long, Level> side : List.of(bids.descendingMap(), asks))
        {
            for (final Level level : side.values())
            {
                for (int i = 0; i < level.count; i++)
                {
                    mirrored.append(level.side).append(' ').append(level.price).append(' ').append(level.ids[i])
                        .append(' ').append(level.qty[i]).append('\n');
                    mirroredOrders++;
                }
            }
        }
        return mirroredOrders == orders && sortedLines(engineBook).equals(sortedLines(mirrored));
    }

    /** The lines grouped by side and price, each price's queue kept in order (the visit order of sides may differ). */
    private static List<String> sortedLines(final StringBuilder text)
    {
        final List<String> lines = new ArrayList<>();
        if (text.length() > 0)
        {
            lines.addAll(List.of(text.toString().split("\n")));
        }
        // Stable: the orders of one price keep their queue order.
        lines.sort(Comparator.comparing((String line) -> line.substring(0, line.indexOf(' ', line.indexOf(' ') + 1))));
        return lines;
    }

    private void otherBests()
    {
        otherBestBid = otherBest(bids.descendingMap());
        otherBestAsk = otherBest(asks);
    }

    private static void clearQueues(final NavigableMap<Long, Level> side)
    {
        for (final Level level : side.values())
        {
            level.count = 0;
        }
    }

    private void dropEmpty(final NavigableMap<Long, Level> side)
    {
        final Iterator<Level> levels = side.values().iterator();
        while (levels.hasNext())
        {
            final Level level = levels.next();
            if (level.count == 0 && level.recorded == 0)
            {
                levels.remove();
                index(level.side).remove(level.price);
            }
        }
    }

    private static long otherBest(final NavigableMap<Long, Level> bestFirst)
    {
        for (final Level level : bestFirst.values())
        {
            if (level.hasOther())
            {
                return level.price;
            }
        }
        return NONE;
    }

    public void onOrder(final int instrument, final int side, final long price, final long qty, final int accountId,
        final ClientOrderId clientOrderId, final long orderId)
    {
        level(side, price, true).append(accountId == bookAccount ? clientOrderId.decimalValue() : OTHER, qty);
        orders++;
    }

    /** A snapshot begins: every synthetic order goes (one mass cancel), every recorded amount is forgotten. */
    void reset(final long nowNs)
    {
        resets++;
        final CommandEvent command = add(nowNs);
        command.type = CommandType.MASS_CANCEL;
        command.accountId = bookAccount;
        command.instrumentId = instrumentId;
        forget(bids);
        forget(asks);
    }

    private void forget(final NavigableMap<Long, Level> side)
    {
        final Iterator<Level> levels = side.values().iterator();
        while (levels.hasNext())
        {
            final Level level = levels.next();
            level.recorded = 0;
            level.traded = 0;
            orders -= level.removeSynthetic();
            if (level.count == 0)
            {
                levels.remove();
                index(level.side).remove(level.price);
            }
        }
    }

    /** The recorded level ({@code side}, {@code price}) now holds {@code amount} lots (0: removed). */
    void level(final long nowNs, final int side, final long price, final long amount)
    {
        levelUpdates++;
        if (amount > 0)
        {
            uncross(nowNs, side, price);
        }
        final Level level = level(side, price, amount > 0);
        if (level == null)
        {
            return;
        }
        final long decrease = level.recorded - amount;
        final long traded = level.traded;
        level.recorded = amount;
        level.traded = 0;
        final long synthetic = level.synthetic();
        if (amount > synthetic)
        {
            place(nowNs, level, amount - synthetic);
        }
        else if (amount < synthetic)
        {
            reduce(nowNs, level, synthetic - amount, decrease - traded);
        }
        if (level.count == 0 && level.recorded == 0)
        {
            book(side).remove(price);
            index(side).remove(price);
        }
    }

    /**
     * A recorded trade: the taker's IOC at its price for its amount. An unknown side is inferred from the recorded
     * book: at or above the best ask a buy, at or below the best bid a sell, between them the nearer side's taker (a
     * trade nearer the ask lifted an offer); at the exact mid, or with no book, the trade is skipped and counted.
     */
    void trade(final long nowNs, final int takerSide, final long price, final long amount)
    {
        int side = takerSide;
        if (side == TradeEvent.UNKNOWN_SIDE)
        {
            side = inferSide(price);
            if (side == TradeEvent.UNKNOWN_SIDE)
            {
                skippedTrades++;
                return;
            }
            inferredSides++;
        }
        takers++;
        final Level resting = index(Side.opposite(side)).get(price);
        if (resting != null)
        {
            resting.traded += amount;
        }
        final CommandEvent command = add(nowNs);
        command.type = CommandType.NEW;
        command.accountId = takerAccount;
        command.clientOrderId.setDecimal(nextTakerId++);
        command.instrumentId = instrumentId;
        command.side = side;
        command.tif = TimeInForce.IOC;
        command.price = price;
        command.qty = amount;
        match(side, price, amount);
    }

    int inferSide(final long price)
    {
        final long bid = bestRecorded(Side.BUY);
        final long ask = bestRecorded(Side.SELL);
        if (ask != NONE && price >= ask)
        {
            return Side.BUY;
        }
        if (bid != NONE && price <= bid)
        {
            return Side.SELL;
        }
        if (ask != NONE && bid != NONE)
        {
            final long twice = 2 * price;
            return twice > bid + ask ? Side.BUY : twice < bid + ask ? Side.SELL : TradeEvent.UNKNOWN_SIDE;
        }
        // One side only, and the trade on the far side of it: it met the unseen side.
        return ask != NONE ? Side.SELL : bid != NONE ? Side.BUY : TradeEvent.UNKNOWN_SIDE;
    }

    /** The best price of the recorded book on a side (the bot's orders left out), or {@link #NONE}. */
    long bestRecorded(final int side)
    {
        final NavigableMap<Long, Level> bestFirst = side == Side.BUY ? bids.descendingMap() : asks;
        for (final Level level : bestFirst.values())
        {
            if (level.recorded > 0)
            {
                return level.price;
            }
        }
        return NONE;
    }

    /** Lots the mirror holds at a level, every account's orders. */
    long mirrored(final int side, final long price)
    {
        final Level level = index(side).get(price);
        long sum = 0;
        for (int i = 0; level != null && i < level.count; i++)
        {
            sum += level.qty[i];
        }
        return sum;
    }

    private void uncross(final long nowNs, final int side, final long price)
    {
        // Nearly always nothing crosses: the opposite side's best level is enough to tell, without a view.
        final NavigableMap<Long, Level> opposite = side == Side.SELL ? bids : asks;
        if (opposite.isEmpty() || (side == Side.SELL ? opposite.lastKey() < price : opposite.firstKey() > price))
        {
            return;
        }
        final NavigableMap<Long, Level> crossed = side == Side.SELL ? bids.tailMap(price, true) :
            asks.headMap(price, true);
        final Iterator<Level> levels = crossed.values().iterator();
        while (levels.hasNext())
        {
            final Level level = levels.next();
            if (level.recorded > 0 || level.synthetic() > 0)
            {
                uncrossedLevels++;
                level.recorded = 0;
                level.traded = 0;
                take(nowNs, level, 0, level.count, level.synthetic());
            }
            if (level.count == 0)
            {
                levels.remove();
                index(level.side).remove(level.price);
            }
        }
    }

    private void place(final long nowNs, final Level level, final long qty)
    {
        final long id = nextSyntheticId++;
        final CommandEvent command = add(nowNs);
        command.type = CommandType.NEW;
        command.accountId = bookAccount;
        command.clientOrderId.setDecimal(id);
        command.instrumentId = instrumentId;
        command.side = level.side;
        command.tif = TimeInForce.GTC;
        command.price = level.price;
        command.qty = qty;
        final boolean crosses = level.side == Side.BUY ? otherBestAsk != NONE && otherBestAsk <= level.price :
            otherBestBid != NONE && otherBestBid >= level.price;
        long rests = qty;
        if (crosses)
        {
            crossingPlacements++;
            rests = match(level.side, level.price, qty);
        }
        if (rests > 0)
        {
            level.append(id, rests);
            orders++;
        }
    }

    /**
     * What the core does with an incoming order of {@code qty} at limit {@code limit}: fills the other side's
     * orders in price-time priority while their price is at or better than the limit, each at its own price.
     *
     * @return what is left of the incoming order.
     */
    private long match(final int takerSide, final long limit, final long qty)
    {
        final NavigableMap<Long, Level> bestFirst = takerSide == Side.BUY ? asks.headMap(limit, true) :
            bids.tailMap(limit, true).descendingMap();
        long left = qty;
        boolean otherTraded = false;
        final Iterator<Level> levels = bestFirst.values().iterator();
        while (left > 0 && levels.hasNext())
        {
            final Level level = levels.next();
            int i = 0;
            while (left > 0 && i < level.count)
            {
                final long take = Math.min(left, level.qty[i]);
                left -= take;
                if (level.ids[i] == OTHER)
                {
                    otherLotsTraded += take;
                    otherTraded = true;
                }
                if (take == level.qty[i])
                {
                    level.remove(i);
                    orders--;
                }
                else
                {
                    level.qty[i] -= take;
                    i++;
                }
            }
            if (level.count == 0 && level.recorded == 0)
            {
                levels.remove();
                index(level.side).remove(level.price);
            }
        }
        if (otherTraded)
        {
            otherBests();
        }
        return left;
    }

    /**
     * Takes {@code qty} lots of synthetic size off a level: the queue model decides how much comes from ahead of the
     * first order that is not synthetic (the bot's); everything else from the back of the level.
     *
     * @param unexplained the recorded decrease less the trades at the level since its last update: cancels.
     */
    private void reduce(final long nowNs, final Level level, final long qty, final long unexplained)
    {
        final int bot = level.firstOther();
        long fromAhead = 0;
        if (bot >= 0 && queue == QueueModel.PROBABILISTIC)
        {
            final long ahead = level.synthetic(0, bot);
            final long behind = level.synthetic(bot + 1, level.count);
            final long cancels = Math.min(qty, Math.max(0, unexplained));
            if (ahead + behind > 0)
            {
                fromAhead = Math.min(ahead, Math.round(cancels * (double)ahead / (ahead + behind)));
            }
            take(nowNs, level, 0, bot, fromAhead);
        }
        take(nowNs, level, 0, level.count, qty - fromAhead);
    }

    /** Takes {@code qty} lots off the synthetic orders among entries [from, to), the last first. */
    private void take(final long nowNs, final Level level, final int from, final int to, final long qty)
    {
        long left = qty;
        for (int i = to - 1; i >= from && left > 0; i--)
        {
            final long id = level.ids[i];
            if (id == OTHER)
            {
                continue;
            }
            final CommandEvent command = add(nowNs);
            command.accountId = bookAccount;
            command.clientOrderId.setDecimal(id);
            command.instrumentId = instrumentId;
            command.side = level.side;
            command.price = level.price;
            if (level.qty[i] <= left)
            {
                command.type = CommandType.CANCEL;
                left -= level.qty[i];
                level.remove(i);
                orders--;
            }
            else
            {
                command.type = CommandType.AMEND;
                level.qty[i] -= left;
                command.qty = level.qty[i];
                left = 0;
            }
        }
    }

    private CommandEvent add(final long nowNs)
    {
        if (pendingCount == pending.length)
        {
            pending = Arrays.copyOf(pending, pendingCount * 2);
            for (int i = pendingCount; i < pending.length; i++)
            {
                pending[i] = new CommandEvent();
            }
        }
        final CommandEvent command = pending[pendingCount++].clear();
        command.nowNs = nowNs;
        command.instrumentId = instrumentId;
        return command;
    }

    private NavigableMap<Long, Level> book(final int side)
    {
        return side == Side.BUY ? bids : asks;
    }

    private Level level(final int side, final long price, final boolean create)
    {
        final Long2ObjectHashMap<Level> index = index(side);
        Level level = index.get(price);
        if (level == null && create)
        {
            level = new Level(side, price);
            book(side).put(price, level);
            index.put(price, level);
        }
        return level;
    }

    private Long2ObjectHashMap<Level> index(final int side)
    {
        return side == Side.BUY ? bidIndex : askIndex;
    }

    /** One price level: its recorded amount and the engine's orders resting there, in priority order. */
    private static final class Level
    {
        final int side;
        final long price;
        /** Recorded amount, lots: what the synthetic orders add up to after each update. */
        long recorded;
        /** Recorded trades at this price since the level's last update, lots. */
        long traded;
        /** Client order id of each synthetic order, {@link #OTHER} for anyone else's. */
        long[] ids = new long[4];
        long[] qty = new long[4];
        int count;

        Level(final int side, final long price)
        {
            this.side = side;
            this.price = price;
        }

        void append(final long id, final long lots)
        {
            if (count == ids.length)
            {
                ids = Arrays.copyOf(ids, count * 2);
                qty = Arrays.copyOf(qty, count * 2);
            }
            ids[count] = id;
            qty[count] = lots;
            count++;
        }

        void remove(final int index)
        {
            System.arraycopy(ids, index + 1, ids, index, count - index - 1);
            System.arraycopy(qty, index + 1, qty, index, count - index - 1);
            count--;
        }

        /** @return how many it removed. */
        int removeSynthetic()
        {
            int kept = 0;
            for (int i = 0; i < count; i++)
            {
                if (ids[i] == OTHER)
                {
                    ids[kept] = ids[i];
                    qty[kept] = qty[i];
                    kept++;
                }
            }
            final int removed = count - kept;
            count = kept;
            return removed;
        }

        long synthetic()
        {
            return synthetic(0, count);
        }

        long synthetic(final int from, final int to)
        {
            long sum = 0;
            for (int i = from; i < to; i++)
            {
                sum += ids[i] == OTHER ? 0 : qty[i];
            }
            return sum;
        }

        int firstOther()
        {
            for (int i = 0; i < count; i++)
            {
                if (ids[i] == OTHER)
                {
                    return i;
                }
            }
            return -1;
        }

        boolean hasOther()
        {
            return firstOther() >= 0;
        }
    }
}
