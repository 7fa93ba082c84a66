package org.mmwinter.quoting.account;

import org.agrona.collections.Hashing;
import org.agrona.collections.Int2IntHashMap;

/**
 * The bot's books over all its instruments plus the session figures its kill switch and status report read:
 * mark-to-market equity with its peak and drawdown, gross notional, quotes sent, fill ratio, limit breaches, kill
 * switch events and quote uptime. Allocates nothing after construction and {@link #add}.
 *
 * <p>Feed fills and mids through this class, not through the instrument ledgers it hands out: the totals, the peak
 * and the drawdown are brought up to date only here. Starting equity is 0 (every ledger starts flat with no cash).
 * The formulas and sign conventions of every figure are in the package documentation.
 */
public final class PortfolioLedger
{
    /** What {@link #indexOf(int)} returns for an instrument that was never added. */
    public static final int NOT_FOUND = -1;

    private final InstrumentLedger[] ledgers;
    private final Int2IntHashMap indexById;
    private final int markoutCapacity;
    private int count;

    private double equity;
    private double peakEquity;
    private double maxDrawdown;

    private long quotesSent;
    private long limitBreaches;
    private long killSwitchEvents;

    private boolean quotingClockStarted;
    private boolean twoSidedLive;
    private long quotingStartNs;
    private long quotingLastNs;
    private long twoSidedLiveNs;

    /**
     * @param maxInstruments  how many instruments {@link #add} accepts (at least 1).
     * @param markoutCapacity the pending-markout ring of each instrument, see {@link InstrumentLedger}.
     */
    public PortfolioLedger(final int maxInstruments, final int markoutCapacity)
    {
        if (maxInstruments < 1)
        {
            throw new IllegalArgumentException("maxInstruments=" + maxInstruments + ": must be at least 1");
        }
        if (markoutCapacity < 1)
        {
            throw new IllegalArgumentException("markoutCapacity=" + markoutCapacity + ": must be at least 1");
        }
        this.ledgers = new InstrumentLedger[maxInstruments];
        // Sized so that it never rehashes: add() is the only writer.
        this.indexById = new Int2IntHashMap(2 * maxInstruments, Hashing.DEFAULT_LOAD_FACTOR, NOT_FOUND);
        this.markoutCapacity = markoutCapacity;
    }

    /**
     * Adds an instrument, flat. Configuration, not the hot path.
     *
     * @param instrumentId the engine's instrument id, not yet added.
     * @param symbol       its symbol: non-empty, no whitespace and no '=' (it becomes a status-line key).
     * @return the instrument's ledger, to read; feed it through this class.
     */
    public InstrumentLedger add(final int instrumentId, final String symbol)
    {
        if (count == ledgers.length)
        {
            throw new IllegalArgumentException(
                "instrumentId=" + instrumentId + ": maxInstruments=" + ledgers.length + " already added");
        }
        if (indexById.get(instrumentId) != NOT_FOUND)
        {
            throw new IllegalArgumentException("instrumentId=" + instrumentId + ": already added");
        }
        if (symbol == null || symbol.isEmpty())
        {
            throw new IllegalArgumentException("symbol=" + symbol + ": an instrument needs a non-empty symbol");
        }
        for (int i = 0; i < symbol.length(); i++)
        {
            final char c = symbol.charAt(i);
            if (Character.isWhitespace(c) || c == '=' || Character.isISOControl(c))
            {
                throw new IllegalArgumentException(
                    "symbol=" + symbol + ": no whitespace, control character or '=' (the status line is key=value)");
            }
        }
        for (int i = 0; i < count; i++)
        {
            if (ledgers[i].symbol().equals(symbol))
            {
                throw new IllegalArgumentException("symbol=" + symbol + ": already used by instrumentId=" +
                    ledgers[i].instrumentId());
            }
        }
        final InstrumentLedger ledger = new InstrumentLedger(instrumentId, symbol, markoutCapacity);
        ledgers[count] = ledger;
        indexById.put(instrumentId, count);
        count++;
        return ledger;
    }

    /**
     * The position of an instrument in {@link #at(int)}, or {@link #NOT_FOUND}.
     */
    public int indexOf(final int instrumentId)
    {
        return indexById.get(instrumentId);
    }

    /**
     * The ledger of an instrument, or {@code null} when it was never added (use {@link #indexOf(int)} to test).
     */
    public InstrumentLedger ledger(final int instrumentId)
    {
        final int index = indexById.get(instrumentId);
        return index == NOT_FOUND ? null : ledgers[index];
    }

    /**
     * How many instruments were added.
     */
    public int count()
    {
        return count;
    }

    /**
     * The ledger added {@code index}-th, from 0 to {@link #count()} - 1.
     */
    public InstrumentLedger at(final int index)
    {
        if (index < 0 || index >= count)
        {
            throw new IndexOutOfBoundsException("index=" + index + ": count=" + count);
        }
        return ledgers[index];
    }

    /**
     * Books one of the bot's fills on an instrument (see {@link InstrumentLedger#onFill}), then the totals.
     */
    public void onFill(
        final long nowNs, final int instrumentId, final int side, final double price, final double qty,
        final double fee, final double mid)
    {
        ledgerFor(instrumentId).onFill(nowNs, side, price, qty, fee, mid);
        afterEvent(nowNs);
    }

    /**
     * Marks an instrument to a new mid (see {@link InstrumentLedger#onMid}), then the totals.
     */
    public void onMid(final long nowNs, final int instrumentId, final double mid)
    {
        ledgerFor(instrumentId).onMid(nowNs, mid);
        afterEvent(nowNs);
    }

    private InstrumentLedger ledgerFor(final int instrumentId)
    {
        final int index = indexById.get(instrumentId);
        if (index == NOT_FOUND)
        {
            throw new IllegalArgumentException("instrumentId=" + instrumentId + ": not added to this ledger");
        }
        return ledgers[index];
    }

    private void afterEvent(final long nowNs)
    {
        final InstrumentLedger[] ledgers = this.ledgers;
        double sum = 0;
        for (int i = 0, n = count; i < n; i++)
        {
            sum += ledgers[i].equity();
        }
        equity = sum;
        if (sum > peakEquity)
        {
            peakEquity = sum;
        }
        final double drawdown = peakEquity - sum;
        if (drawdown > maxDrawdown)
        {
            maxDrawdown = drawdown;
        }
        advanceQuotingClock(nowNs);
    }

    /**
     * Counts orders the bot sent (new orders and amends that put a quote on the book).
     */
    public void onQuoteSent(final int count)
    {
        if (count < 0)
        {
            throw new IllegalArgumentException("count=" + count + ": cannot unsend quotes");
        }
        quotesSent += count;
    }

    /**
     * Counts a risk limit the bot found breached.
     */
    public void onLimitBreach()
    {
        limitBreaches++;
    }

    /**
     * Counts a kill switch trip.
     */
    public void onKillSwitch()
    {
        killSwitchEvents++;
    }

    /**
     * Tells whether the bot has quotes live on both sides from {@code nowNs} on. Call it whenever that may have
     * changed; the first call starts the uptime clock. Fills and mids also move the clock on (with the state
     * unchanged), so uptime stays current between calls.
     */
    public void onQuoting(final long nowNs, final boolean twoSidedLive)
    {
        if (!quotingClockStarted)
        {
            quotingClockStarted = true;
            quotingStartNs = nowNs;
            quotingLastNs = nowNs;
        }
        else
        {
            advanceQuotingClock(nowNs);
        }
        this.twoSidedLive = twoSidedLive;
    }

    private void advanceQuotingClock(final long nowNs)
    {
        // Time that goes backwards is not counted, so uptime stays within [0, 1].
        if (quotingClockStarted && nowNs > quotingLastNs)
        {
            if (twoSidedLive)
            {
                twoSidedLiveNs += nowNs - quotingLastNs;
            }
            quotingLastNs = nowNs;
        }
    }

    /**
     * Time with two-sided quotes live over time since the first {@link #onQuoting} call, up to the latest event;
     * 0 before any time has passed.
     */
    public double quoteUptime()
    {
        final long elapsed = quotingLastNs - quotingStartNs;
        return elapsed <= 0 ? 0 : (double)twoSidedLiveNs / elapsed;
    }

    /**
     * Whether the last {@link #onQuoting} call said two-sided quotes were live.
     */
    public boolean twoSidedLive()
    {
        return twoSidedLive;
    }

    /**
     * Orders sent, as counted by {@link #onQuoteSent(int)}.
     */
    public long quotesSent()
    {
        return quotesSent;
    }

    /**
     * Fills per quote sent, 0 when none were sent.
     */
    public double fillRatio()
    {
        return quotesSent == 0 ? 0 : (double)fills() / quotesSent;
    }

    /**
     * Risk limit breaches counted.
     */
    public long limitBreaches()
    {
        return limitBreaches;
    }

    /**
     * Kill switch trips counted.
     */
    public long killSwitchEvents()
    {
        return killSwitchEvents;
    }

    /**
     * Sum of the instruments' mark-to-market equities, as of the latest fill or mid.
     */
    public double equity()
    {
        return equity;
    }

    /**
     * Highest equity seen, starting from the starting equity 0.
     */
    public double peakEquity()
    {
        return peakEquity;
    }

    /**
     * Takes the current equity as the new peak: an operator who resets the kill switch accepts the loss that fired
     * it, and drawdown is measured from there on (the maximum drawdown seen is kept).
     */
    public void resetPeak()
    {
        peakEquity = equity;
    }

    /**
     * peakEquity - equity, never negative: how far mark-to-market equity is below its peak.
     */
    public double drawdown()
    {
        return peakEquity - equity;
    }

    /**
     * Largest drawdown seen.
     */
    public double maxDrawdown()
    {
        return maxDrawdown;
    }

    /**
     * equity - starting equity, which is 0.
     */
    public double pnl()
    {
        return equity;
    }

    /**
     * Sum over instruments of |inventory| * mid, quote currency: the exposure a notional cap limits.
     */
    public double grossNotional()
    {
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            final InstrumentLedger ledger = ledgers[i];
            final double inventory = ledger.inventory();
            if (inventory != 0)
            {
                sum += Math.abs(inventory) * ledger.lastMid();
            }
        }
        return sum;
    }

    /**
     * Sum of the instruments' cash.
     */
    public double cash()
    {
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += ledgers[i].cash();
        }
        return sum;
    }

    /**
     * Sum of the instruments' inventories, base units (meaningful as one number only for one instrument).
     */
    public double inventory()
    {
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += ledgers[i].inventory();
        }
        return sum;
    }

    /**
     * Sum of the instruments' net fees paid.
     */
    public double fees()
    {
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += ledgers[i].fees();
        }
        return sum;
    }

    /**
     * Sum of the instruments' realized P&amp;L, before fees.
     */
    public double realizedPnl()
    {
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += ledgers[i].realizedPnl();
        }
        return sum;
    }

    /**
     * Sum of the instruments' unrealized P&amp;L.
     */
    public double unrealizedPnl()
    {
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += ledgers[i].unrealizedPnl();
        }
        return sum;
    }

    /**
     * Sum of the instruments' spread captured.
     */
    public double spreadCaptured()
    {
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += ledgers[i].spreadCaptured();
        }
        return sum;
    }

    /**
     * Sum of the instruments' markouts at a horizon.
     *
     * @param horizon {@link InstrumentLedger#MARKOUT_1S}, {@link InstrumentLedger#MARKOUT_10S} or
     *                {@link InstrumentLedger#MARKOUT_60S}.
     */
    public double markout(final int horizon)
    {
        InstrumentLedger.checkHorizon(horizon);
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += ledgers[i].markout(horizon);
        }
        return sum;
    }

    /**
     * Sum of the instruments' settled markout counts at a horizon.
     */
    public long markoutCount(final int horizon)
    {
        InstrumentLedger.checkHorizon(horizon);
        long sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += ledgers[i].markoutCount(horizon);
        }
        return sum;
    }

    /**
     * Sum of the instruments' fill counts.
     */
    public long fills()
    {
        long sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += ledgers[i].fills();
        }
        return sum;
    }
}
