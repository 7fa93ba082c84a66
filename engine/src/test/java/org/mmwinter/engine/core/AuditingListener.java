package org.mmwinter.engine.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.mmwinter.engine.flow.FlowAction;
import org.mmwinter.engine.message.CommandEvent;

/**
 * Watches the real core command by command: records its fills and execution reports in {@link ReferenceEngine}'s
 * vocabulary, and checks invariants that need no model. Throws {@link AssertionError} on the first broken one.
 *
 * <p>Invariants, after every command, on each book the command touched (every book when asked for a full check):
 * <ul>
 * <li>the book is sorted (bids down, asks up) and never crossed (best bid &lt; best ask), and
 *     {@link MatchingEngine#bestPrice} agrees with it;</li>
 * <li>each level's quantity and order count as last published by {@code onLevelChanged} equal the sum of its
 *     orders, and no other level is published;</li>
 * <li>every resting order was accepted, is not finished (filled to zero, cancelled or expired) and rests once, on
 *     its own instrument and side; every accepted order not finished rests; the core's live count agrees;</li>
 * <li>quantity is conserved per order: entered = filled + cancelled + expired + remaining + decremented, where
 *     entered is the accepted quantity changed by each amend, and decremented (the one term the listener does not
 *     report) is never negative and grows only for orders of the taker's own account, on its instrument, when the
 *     taker's STP mode is DECREMENT; its growth per order and command is reported as DECREMENTED;</li>
 * <li>every fill is at the maker's resting price, within the taker's limit, between opposite sides, and followed by
 *     its trade print;</li>
 * <li>engine order ids are given in order of acceptance (1, 2, 3, ...), and every later report and book row of an
 *     order carries the id it was given.</li>
 * </ul>
 */
final class AuditingListener implements MatchingListener
{
    private static final class Ledger
    {
        int instrumentId;
        int accountId;
        /** The client's order id, as text (ledger key with the account). */
        String orderId;
        /** The engine's order id, given on acceptance. */
        long engineOrderId;
        int side;
        int stp;
        long entered;
        long out;
        long remaining;
        long price;
        long unexplained;
        boolean open;
        long seenInEpoch = -1;
        long checkedInEpoch = -1;
    }

    private final Map<String, Ledger> ledgers = new HashMap<>();
    private long lastEngineOrderId;
    private final List<Map<Long, long[]>> publishedLevels = new ArrayList<>();
    private final List<BookRows> rows = new ArrayList<>();
    private final List<Ledger> touchedLedgers = new ArrayList<>();
    private final List<ReferenceEngine.Fill> fills = new ArrayList<>();
    private final List<String> reports = new ArrayList<>();
    private int[] openCount = new int[0];
    private boolean[] touched = new boolean[0];
    private int totalOpen;
    private MatchingEngine engine;
    private long epoch;

    // The command being processed and what it means for a taker.
    private CommandEvent command;
    private int takerInstrument;
    private int takerStp;
    private long takerLimit;
    private int takerType;
    private ReferenceEngine.Fill unprintedFill;

    void attach(final MatchingEngine engine)
    {
        this.engine = engine;
        final int count = engine.instrumentCount();
        openCount = new int[count];
        touched = new boolean[count];
        for (int i = 0; i < count; i++)
        {
            publishedLevels.add(new HashMap<>());
            publishedLevels.add(new HashMap<>());
            rows.add(new BookRows());
        }
    }

    List<ReferenceEngine.Fill> fills()
    {
        return fills;
    }

    List<String> reports()
    {
        return reports;
    }

    /** The book of an instrument as seen after the last command that checked it. */
    BookRows rows(final int instrumentId)
    {
        return rows.get(instrumentId);
    }

    boolean wasChecked(final int instrumentId)
    {
        return touched[instrumentId];
    }

    void beginCommand(final CommandEvent command)
    {
        this.command = command;
        epoch++;
        fills.clear();
        reports.clear();
        touchedLedgers.clear();
        unprintedFill = null;
        Arrays.fill(touched, false);
        takerInstrument = command.instrumentId;
        takerStp = command.stp;
        takerLimit = command.price;
        takerType = command.orderType;
        if (command.type == FlowAction.AMEND)
        {
            final Ledger order = ledgers.get(key(command.accountId, command.clientOrderId.toString()));
            if (order != null && order.open)
            {
                takerInstrument = order.instrumentId;
                takerStp = order.stp;
                takerType = OrderType.LIMIT;
            }
        }
        if (command.type != FlowAction.NEW && command.type != FlowAction.AMEND)
        {
            takerStp = StpMode.NONE;
        }
        if (takerInstrument >= 0 && takerInstrument < touched.length)
        {
            touched[takerInstrument] = true;
        }
    }

    /**
     * Checks the invariants after the command ran.
     *
     * @param everyBook check every book, not only those the command touched.
     */
    void endCommand(final boolean everyBook)
    {
        if (unprintedFill != null)
        {
            throw broken("fill without a trade print: " + unprintedFill);
        }
        for (int i = 0; i < touched.length; i++)
        {
            touched[i] |= everyBook;
            if (touched[i])
            {
                checkBook(i);
            }
        }
        if (engine.liveOrderCount() != totalOpen)
        {
            throw broken("core reports " + engine.liveOrderCount() + " live orders, accepted and not finished: " +
                totalOpen);
        }
        for (final Ledger ledger : touchedLedgers)
        {
            checkConservation(ledger);
        }
        for (int i = 0; i < touched.length; i++)
        {
            if (touched[i])
            {
                final BookRows book = rows.get(i);
                for (int row = 0; row < book.size(); row++)
                {
                    checkConservation(ledgers.get(key(book.accountId(row), book.clientOrderId(row))));
                }
            }
        }
        Collections.sort(reports);
    }

    private void checkBook(final int instrumentId)
    {
        final BookRows book = rows.get(instrumentId).clear();
        engine.forEachOrder(instrumentId, book);
        int resting = 0;
        long bestBid = MatchingEngine.NO_PRICE;
        long bestAsk = MatchingEngine.NO_PRICE;
        int levelsSeen = 0;
        for (int row = 0; row < book.size(); row++)
        {
            final int side = book.side(row);
            final long price = book.price(row);
            final long qty = book.qty(row);
            if (!Side.isValid(side))
            {
                throw broken("row with side " + side);
            }
            if (qty <= 0)
            {
                throw broken("resting order with qty " + qty + ": " + book.row(row));
            }
            final boolean newSide = row == 0 || book.side(row - 1) != side;
            if (!newSide)
            {
                final long previous = book.price(row - 1);
                if (!(side == Side.BUY ? previous >= price : previous <= price))
                {
                    throw broken("book not in price order at row " + row + ": " + book.row(row - 1) + " then " +
                        book.row(row));
                }
            }
            if (newSide)
            {
                if (!(row == 0 || book.side(row - 1) == Side.BUY && side == Side.SELL))
                {
                    throw broken("sides out of order");
                }
                if (side == Side.BUY)
                {
                    bestBid = price;
                }
                else
                {
                    bestAsk = price;
                }
            }
            if (newSide || book.price(row - 1) != price)
            {
                // First order of a level: sum the level and compare with what was published.
                long levelQty = 0;
                int levelOrders = 0;
                for (int r = row; r < book.size() && book.side(r) == side && book.price(r) == price; r++)
                {
                    levelQty = Math.addExact(levelQty, book.qty(r));
                    levelOrders++;
                }
                final long[] published = publishedLevels.get(instrumentId * 2 + side).get(price);
                if (!(published != null && published[0] == levelQty && published[1] == levelOrders))
                {
                    throw broken("level " + Side.name(side) + " " + price + " holds " + levelQty + " in " +
                        levelOrders + " orders but was published as " +
                        (published == null ? "absent" : published[0] + " in " + published[1]));
                }
                levelsSeen++;
            }
            final Ledger ledger = ledgers.get(key(book.accountId(row), book.clientOrderId(row)));
            if (ledger == null)
            {
                throw broken("resting order never accepted: " + book.row(row));
            }
            if (ledger.engineOrderId != book.orderId(row))
            {
                throw broken("resting order shows engine id " + book.orderId(row) + " but was given " +
                    ledger.engineOrderId + ": " + book.row(row));
            }
            if (!ledger.open)
            {
                throw broken("finished order still rests: " + book.row(row));
            }
            if (ledger.seenInEpoch == epoch)
            {
                throw broken("order rests twice: " + book.row(row));
            }
            if (ledger.instrumentId != instrumentId || ledger.side != side)
            {
                throw broken("order rests on the wrong book or side: " + book.row(row));
            }
            ledger.seenInEpoch = epoch;
            ledger.remaining = qty;
            ledger.price = price;
            resting++;
        }
        final int sideLevels =
            publishedLevels.get(instrumentId * 2).size() + publishedLevels.get(instrumentId * 2 + 1).size();
        if (sideLevels != levelsSeen)
        {
            throw broken("published levels " + sideLevels + " but the book has " + levelsSeen);
        }
        if (!(bestBid == MatchingEngine.NO_PRICE || bestAsk == MatchingEngine.NO_PRICE || bestBid < bestAsk))
        {
            throw broken("book crossed: best bid " + bestBid + " >= best ask " + bestAsk);
        }
        if (engine.bestPrice(instrumentId, Side.BUY) != bestBid)
        {
            throw broken("bestPrice(BUY) disagrees with the book");
        }
        if (engine.bestPrice(instrumentId, Side.SELL) != bestAsk)
        {
            throw broken("bestPrice(SELL) disagrees with the book");
        }
        if (resting != openCount[instrumentId])
        {
            throw broken("instrument " + instrumentId + " rests " + resting + " orders but " +
                openCount[instrumentId] + " are accepted and not finished");
        }
    }

    private void checkConservation(final Ledger ledger)
    {
        if (ledger.checkedInEpoch == epoch)
        {
            return;
        }
        ledger.checkedInEpoch = epoch;
        final long remaining = ledger.open ? ledger.remaining : 0;
        final long unexplained = ledger.entered - ledger.out - remaining;
        if (unexplained < 0)
        {
            throw broken(ledger.accountId + "/" + ledger.orderId + " lost more than it entered: entered " +
                ledger.entered + ", out " + ledger.out + ", remaining " + remaining);
        }
        final long grown = unexplained - ledger.unexplained;
        if (grown != 0)
        {
            if (grown < 0)
            {
                throw broken(ledger.accountId + "/" + ledger.orderId + ": quantity came back from nowhere (" + grown +
                    ")");
            }
            if (takerStp != StpMode.DECREMENT || ledger.accountId != command.accountId ||
                ledger.instrumentId != takerInstrument)
            {
                throw broken(ledger.accountId + "/" + ledger.orderId + " lost " + grown +
                    " without a fill, cancel or expiry");
            }
            reports.add(ReferenceEngine.decremented(ledger.instrumentId, ledger.accountId, ledger.orderId, grown));
            ledger.unexplained = unexplained;
        }
    }

    // ---- callbacks ----

    public void onAccepted(
        final int instrumentId,
        final int accountId,
        final long engineOrderId,
        final ClientOrderId clientOrderId,
        final int side,
        final long price,
        final long qty)
    {
        if (command.type != FlowAction.NEW)
        {
            throw broken("accepted outside a NEW");
        }
        if (engineOrderId != lastEngineOrderId + 1)
        {
            throw broken("accepted with engine order id " + engineOrderId + " after " + lastEngineOrderId);
        }
        lastEngineOrderId = engineOrderId;
        if (!clientOrderId.equalTo(command.clientOrderId))
        {
            throw broken("accepted " + clientOrderId + " for a NEW of " + command.clientOrderId);
        }
        final String orderId = clientOrderId.toString();
        final String key = key(accountId, orderId);
        final Ledger previous = ledgers.get(key);
        if (previous != null && previous.open)
        {
            throw broken("accepted a duplicate of a live order " + accountId + "/" + orderId);
        }
        final Ledger ledger = new Ledger();
        ledger.instrumentId = instrumentId;
        ledger.accountId = accountId;
        ledger.orderId = orderId;
        ledger.engineOrderId = engineOrderId;
        ledger.side = side;
        ledger.stp = command.stp;
        ledger.entered = qty;
        ledger.price = price;
        ledger.open = true;
        ledgers.put(key, ledger);
        openCount[instrumentId]++;
        totalOpen++;
        touch(instrumentId, ledger);
        reports.add(ReferenceEngine.accepted(instrumentId, accountId, orderId, engineOrderId, side, price, qty));
    }

    public void onRejected(
        final int accountId, final long engineOrderId, final ClientOrderId clientOrderId, final int reason)
    {
        if (reason == RejectReason.NONE)
        {
            throw broken("rejected with reason NONE");
        }
        if (!clientOrderId.equalTo(command.clientOrderId))
        {
            throw broken("rejection names " + clientOrderId + " for a command of " + command.clientOrderId);
        }
        final Ledger named = ledgers.get(key(accountId, clientOrderId.toString()));
        final long expected = named != null && named.open && command.type != FlowAction.NEW ?
            named.engineOrderId : MatchingEngine.NO_ORDER_ID;
        if (engineOrderId != expected)
        {
            throw broken("rejection names engine order id " + engineOrderId + ", expected " + expected);
        }
        reports.add(ReferenceEngine.rejected(accountId, clientOrderId.toString(), reason));
    }

    public void onFill(
        final int instrumentId,
        final long price,
        final long qty,
        final int takerSide,
        final int makerAccountId,
        final long makerEngineOrderId,
        final ClientOrderId makerClientOrderId,
        final long makerRemaining,
        final int takerAccountId,
        final long takerEngineOrderId,
        final ClientOrderId takerClientOrderId,
        final long takerRemaining)
    {
        final String makerOrderId = makerClientOrderId.toString();
        final String takerOrderId = takerClientOrderId.toString();
        final ReferenceEngine.Fill fill = new ReferenceEngine.Fill(instrumentId, price, qty, takerSide,
            makerAccountId, makerOrderId, makerRemaining, takerAccountId, takerOrderId, takerRemaining);
        if (unprintedFill != null)
        {
            throw broken("fill without a trade print: " + unprintedFill);
        }
        if (qty <= 0)
        {
            throw broken("fill of " + qty);
        }
        if (takerAccountId != command.accountId || !takerClientOrderId.equalTo(command.clientOrderId))
        {
            throw broken("taker is not the command's order");
        }
        final Ledger maker = openLedger(makerAccountId, makerEngineOrderId, makerOrderId, "maker of " + fill);
        final Ledger taker = openLedger(takerAccountId, takerEngineOrderId, takerOrderId, "taker of " + fill);
        if (maker.instrumentId != instrumentId || taker.instrumentId != instrumentId)
        {
            throw broken("fill across books: " + fill);
        }
        if (maker.side != Side.opposite(takerSide) || taker.side != takerSide)
        {
            throw broken("fill between wrong sides: " + fill);
        }
        if (maker.seenInEpoch < 0 || maker.price != price)
        {
            throw broken("fill not at the maker's price " + maker.price + ": " + fill);
        }
        if (!(takerType == OrderType.MARKET || (takerSide == Side.BUY ? price <= takerLimit : price >= takerLimit)))
        {
            throw broken("fill beyond the taker's limit " + takerLimit + ": " + fill);
        }
        maker.out += qty;
        taker.out += qty;
        if (makerRemaining == 0)
        {
            close(maker);
        }
        if (takerRemaining == 0)
        {
            close(taker);
        }
        touch(instrumentId, maker);
        touch(instrumentId, taker);
        fills.add(fill);
        unprintedFill = fill;
    }

    public void onTrade(final int instrumentId, final long price, final long qty, final int takerSide)
    {
        final ReferenceEngine.Fill fill = unprintedFill;
        if (fill == null || fill.instrumentId() != instrumentId || fill.price() != price || fill.qty() != qty ||
            fill.takerSide() != takerSide)
        {
            throw broken("trade print " + price + "x" + qty + " does not match the fill " + fill);
        }
        unprintedFill = null;
    }

    public void onCanceled(
        final int instrumentId,
        final int accountId,
        final long engineOrderId,
        final ClientOrderId clientOrderId,
        final long qty,
        final int reason)
    {
        final String orderId = clientOrderId.toString();
        final Ledger ledger = openLedger(accountId, engineOrderId, orderId, "cancelled order");
        if (ledger.instrumentId != instrumentId)
        {
            throw broken("cancel reported on the wrong instrument");
        }
        if (qty <= 0)
        {
            throw broken("cancel of " + qty);
        }
        ledger.out += qty;
        close(ledger);
        touch(instrumentId, ledger);
        reports.add(ReferenceEngine.canceled(instrumentId, accountId, orderId, qty, reason));
    }

    public void onExpired(
        final int instrumentId,
        final int accountId,
        final long engineOrderId,
        final ClientOrderId clientOrderId,
        final long qty)
    {
        final String orderId = clientOrderId.toString();
        final Ledger ledger = openLedger(accountId, engineOrderId, orderId, "expired order");
        if (ledger.instrumentId != instrumentId)
        {
            throw broken("expiry reported on the wrong instrument");
        }
        if (qty <= 0)
        {
            throw broken("expiry of " + qty);
        }
        ledger.out += qty;
        close(ledger);
        touch(instrumentId, ledger);
        reports.add(ReferenceEngine.expired(instrumentId, accountId, orderId, qty));
    }

    public void onAmended(
        final int instrumentId,
        final int accountId,
        final long engineOrderId,
        final ClientOrderId clientOrderId,
        final long price,
        final long qty,
        final boolean priorityKept)
    {
        if (command.type != FlowAction.AMEND)
        {
            throw broken("amended outside an AMEND");
        }
        final String orderId = clientOrderId.toString();
        final Ledger ledger = openLedger(accountId, engineOrderId, orderId, "amended order");
        if (ledger.instrumentId != instrumentId)
        {
            throw broken("amend reported on the wrong instrument");
        }
        // The amend replaces the remaining quantity seen after the last command: that is what it adds or removes.
        ledger.entered += qty - ledger.remaining;
        ledger.remaining = qty;
        ledger.price = price;
        takerLimit = price;
        touch(instrumentId, ledger);
        reports.add(ReferenceEngine.amended(instrumentId, accountId, orderId, price, qty, priorityKept));
    }

    public void onLevelChanged(
        final int instrumentId, final int side, final long price, final long qty, final int orderCount)
    {
        if (instrumentId < 0 || instrumentId >= touched.length || !Side.isValid(side))
        {
            throw broken("level of nowhere");
        }
        if (!((qty == 0) == (orderCount == 0) && qty >= 0 && orderCount >= 0))
        {
            throw broken("level " + price + " published as " + qty + " in " + orderCount + " orders");
        }
        final Map<Long, long[]> levels = publishedLevels.get(instrumentId * 2 + side);
        if (orderCount == 0)
        {
            levels.remove(price);
        }
        else
        {
            levels.put(price, new long[]{qty, orderCount});
        }
        touched[instrumentId] = true;
    }

    // ---- helpers ----

    private Ledger openLedger(
        final int accountId, final long engineOrderId, final String orderId, final String what)
    {
        final Ledger ledger = ledgers.get(key(accountId, orderId));
        if (ledger == null || !ledger.open)
        {
            throw broken(what + " " + accountId + "/" + orderId + " is not a live order");
        }
        if (ledger.engineOrderId != engineOrderId)
        {
            throw broken(what + " " + accountId + "/" + orderId + " reported with engine order id " +
                engineOrderId + " but was given " + ledger.engineOrderId);
        }
        return ledger;
    }

    private void close(final Ledger ledger)
    {
        if (!ledger.open)
        {
            throw broken("finished twice: " + ledger.accountId + "/" + ledger.orderId);
        }
        ledger.open = false;
        openCount[ledger.instrumentId]--;
        totalOpen--;
    }

    private void touch(final int instrumentId, final Ledger ledger)
    {
        touched[instrumentId] = true;
        touchedLedgers.add(ledger);
    }

    private static String key(final int accountId, final String orderId)
    {
        return accountId + "/" + orderId;
    }

    /** Messages are built only on failure: this runs for every order after every command. */
    private static AssertionError broken(final String message)
    {
        return new AssertionError("invariant broken: " + message);
    }
}
