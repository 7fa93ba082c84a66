package org.mmwinter.replay.crash;

import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.StpMode;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.quoting.account.PortfolioLedger;
import org.mmwinter.quoting.bot.LocalBook;
import org.mmwinter.quoting.bot.OrderEntry;
import org.mmwinter.quoting.bot.Strategy;

/**
 * The comparison the reference bot is measured against: one bid and one ask a fixed spread around the mid of the
 * others' book, the same size whatever happens. No skew, no inventory limit, no volatility pull, no kill switch; it
 * keeps quoting through a crash, which is what most market makers' losses in May 2022 looked like. Hosted like the
 * reference bot (same account rules, latency and engine), so the difference in outcome is the strategy's.
 */
public final class NaiveQuoter implements Strategy
{
    private static final int NONE = -1;

    private final Instrument instrument;
    private final int instrumentId;
    private final int accountId;
    private final OrderEntry entry;
    private final double tickSize;
    private final double lotSize;
    private final double halfSpread;
    private final double orderNotional;
    private final LocalBook book = new LocalBook();
    private final PortfolioLedger ledger = new PortfolioLedger(1, 4096);
    private final CommandEvent command = new CommandEvent();
    /** Own orders: [0] the bid, [1] the ask; price, remaining, id number; 0 remaining when none. */
    private final long[] prices = new long[2];
    private final long[] remaining = new long[2];
    private final long[] ids = new long[2];
    private final boolean[] live = new boolean[2];
    private long nextId = 1;
    private long nowNs;
    private double mid = Double.NaN;
    private long inventoryLots;
    private long quotes;
    private boolean dirty;

    /**
     * @param spreadBps     the full spread, basis points of the mid.
     * @param orderNotional the quote-currency value of each order at the current mid.
     */
    public NaiveQuoter(final Instrument instrument, final int accountId, final OrderEntry entry,
        final double spreadBps, final double orderNotional)
    {
        this.instrument = instrument;
        this.instrumentId = instrument.id();
        this.accountId = accountId;
        this.entry = entry;
        this.tickSize = instrument.tickUnits() / Math.pow(10, instrument.priceScale());
        this.lotSize = instrument.lotUnits() / Math.pow(10, instrument.qtyScale());
        this.halfSpread = spreadBps / 2e4;
        this.orderNotional = orderNotional;
        ledger.add(instrumentId, instrument.symbol());
    }

    public void onMarketData(final ExecutionReport r)
    {
        nowNs = Math.max(nowNs, r.nowNs);
        if (r.instrumentId == instrumentId && (r.type == ResultType.LEVEL || r.type == ResultType.BOOK_LEVEL))
        {
            book.set(r.side, r.price, r.qty);
            dirty = true;
        }
    }

    public void onReport(final ExecutionReport r)
    {
        nowNs = Math.max(nowNs, r.nowNs);
        final int slot = slot(r.clientOrderId.decimalValue());
        switch (r.type)
        {
            case ResultType.FILL:
                inventoryLots += r.side == Side.BUY ? r.qty : -r.qty;
                ledger.onFill(nowNs, instrumentId, r.side, r.price * tickSize, r.qty * lotSize,
                    r.fee / Math.pow(10, instrument.priceScale()), mid);
                if (slot != NONE)
                {
                    remaining[slot] = r.remaining;
                    live[slot] = r.remaining > 0;
                }
                dirty = true;
                break;
            case ResultType.CANCELED:
            case ResultType.EXPIRED:
                if (slot != NONE)
                {
                    live[slot] = false;
                }
                dirty = true;
                break;
            case ResultType.REJECTED:
                // A refused quote (a halt, a band, post-only crossing): quote again at the next decision.
                final int rejected = (int)r.commandCorrelationId;
                if (rejected == 0 || rejected == 1)
                {
                    if (r.rejectReason != RejectReason.NONE && ids[rejected] == r.clientOrderId.decimalValue())
                    {
                        live[rejected] = false;
                    }
                }
                dirty = true;
                break;
            default:
                break;
        }
    }

    public void onTime(final long eventNowNs)
    {
        nowNs = Math.max(nowNs, eventNowNs);
    }

    public void decide()
    {
        if (!dirty)
        {
            return;
        }
        dirty = false;
        final long bid = best(Side.BUY);
        final long ask = best(Side.SELL);
        if (bid == 0 || ask == 0 || bid >= ask)
        {
            return;
        }
        mid = (bid + ask) * tickSize / 2;
        ledger.onMid(nowNs, instrumentId, mid);
        final long lots = Math.max(1, (long)Math.floor(orderNotional / mid / lotSize));
        requote(0, Side.BUY, (long)Math.floor(mid * (1 - halfSpread) / tickSize), lots);
        requote(1, Side.SELL, (long)Math.ceil(mid * (1 + halfSpread) / tickSize), lots);
    }

    private void requote(final int slot, final int side, final long price, final long lots)
    {
        if (price <= 0 || (live[slot] && prices[slot] == price))
        {
            return;
        }
        if (live[slot])
        {
            command.clear();
            command.type = CommandType.CANCEL;
            command.accountId = accountId;
            command.instrumentId = instrumentId;
            command.clientOrderId.setDecimal(ids[slot]);
            command.nowNs = nowNs;
            if (!entry.send(command, slot))
            {
                dirty = true;
                return;
            }
            live[slot] = false;
        }
        command.clear();
        command.type = CommandType.NEW;
        command.accountId = accountId;
        command.instrumentId = instrumentId;
        command.clientOrderId.setDecimal(nextId);
        command.side = side;
        command.orderType = OrderType.LIMIT;
        command.tif = TimeInForce.POST_ONLY;
        command.stp = StpMode.CANCEL_OLDEST;
        command.price = price;
        command.qty = lots;
        command.nowNs = nowNs;
        if (entry.send(command, slot))
        {
            ids[slot] = nextId++;
            prices[slot] = price;
            remaining[slot] = lots;
            live[slot] = true;
            quotes++;
            ledger.onQuoteSent(1);
        }
        else
        {
            dirty = true;
        }
    }

    private int slot(final long id)
    {
        return id == ids[0] ? 0 : id == ids[1] ? 1 : NONE;
    }

    /** Best price of others on a side: the quoter's own resting quantity is taken out first. */
    private long best(final int side)
    {
        final int levels = book.levels(side);
        final int own = side == Side.BUY ? 0 : 1;
        for (int i = 0; i < levels; i++)
        {
            final long price = book.price(side, i);
            final long mine = live[own] && prices[own] == price ? remaining[own] : 0;
            if (book.qty(side, i) > mine)
            {
                return price;
            }
        }
        return 0;
    }

    public PortfolioLedger ledger()
    {
        return ledger;
    }

    public long inventoryLots()
    {
        return inventoryLots;
    }

    public long quotes()
    {
        return quotes;
    }

    /** The quoter's own bid and ask, {@code 0} when it has none on that side. */
    public long quotedPrice(final int side)
    {
        final int slot = side == Side.BUY ? 0 : 1;
        return live[slot] ? prices[slot] : 0;
    }

    /** What is left of the quoter's order on a side (lots), {@code 0} when it has none there. */
    public long quotedQty(final int side)
    {
        final int slot = side == Side.BUY ? 0 : 1;
        return live[slot] ? remaining[slot] : 0;
    }
}
