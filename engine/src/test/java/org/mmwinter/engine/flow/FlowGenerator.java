package org.mmwinter.engine.flow;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.SplittableRandom;

import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.FixedPoint;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.StpMode;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;

/**
 * Seeded source of realistic order flow for randomized tests and benchmarks: a few instruments (some with a tick or
 * lot larger than one unit, some with a price band), 10 to 50 accounts of which a few "hot" ones send much of the
 * flow (so self-trade prevention fires), prices clustered around a drifting mid so that crosses are frequent, every
 * action, time in force and STP mode, and a share of invalid commands. The same seed and options always give the
 * same instruments and commands.
 *
 * <p>The generator does not see the engine: it remembers the resting orders it created and picks cancels, amends and
 * duplicate ids among them, so some of those meet orders that have traded away meanwhile (as real flow does).
 *
 * <p>Client order ids are strings in one of three styles per account, as different clients write them: plain
 * numbers, short alphanumeric names ({@code o1k}) and 36-character UUID-like ids. Each account numbers its orders
 * and the style turns the number into text one-to-one, so reusing a number reuses the id: ids of dead orders come
 * back (a fresh NEW that is fine) as do ids of live ones (a duplicate). A negative number is an empty id.
 */
public final class FlowGenerator
{
    /**
     * What kind of flow to make.
     *
     * @param invalidPercent share of commands built to be rejected (the valid-looking ones are rejected too at times).
     * @param csvFaithful    only commands whose CSV line ({@link #toCsvLine}) means the same to {@code replay match}
     *                       (instruments created on first use with 8 decimals) as the command means to an engine with
     *                       this generator's instruments: no price bands, no unknown instruments, no negative
     *                       accounts, no negative order ids in CANCEL/AMEND, no AMEND without a symbol or price, and
     *                       huge-but-valid prices and quantities only on instruments with 8 decimals.
     * @param priceBands     whether some instruments get a price band (ignored when {@code csvFaithful}).
     */
    public record Options(
        int minInstruments, int maxInstruments, int minAccounts, int maxAccounts, int invalidPercent,
        boolean csvFaithful, boolean priceBands)
    {
        /** Everything the core can be asked, including commands that a CSV line cannot express. */
        public static final Options FULL = new Options(1, 4, 10, 50, 6, false, true);
        /** Flow that can be written with {@link #toCsvLine} and fed to {@code replay match} or the engine process. */
        public static final Options CSV = new Options(1, 4, 10, 50, 6, true, false);
    }

    private static final int HOT_ACCOUNTS = 3;
    private static final int MAX_CANDIDATES = 512;
    /** Ticks the mid must have moved through a remembered order for the generator to count it as traded. */
    private static final long FILLED_DISTANCE = 3;
    private static final long UNKNOWN_ORDER_ID_BASE = 1_000_000_000L;
    private static final int NUMERIC_IDS = 0;
    private static final int SHORT_IDS = 1;
    private static final int ID_STYLES = 3;
    private static final String HEX = "0123456789abcdef";

    private final SplittableRandom random;
    private final Options options;
    private final Instrument[] instruments;
    private final long[] mids;
    private final long[] anchors;
    private final int accountCount;
    private final long[] nextOrderId;
    private final int[] idStyle;

    // Resting orders this generator created and has not cancelled itself (some are filled by now).
    private final int[] candidateAccount = new int[MAX_CANDIDATES];
    private final long[] candidateOrderId = new long[MAX_CANDIDATES];
    private final int[] candidateInstrument = new int[MAX_CANDIDATES];
    private final int[] candidateSide = new int[MAX_CANDIDATES];
    private final long[] candidatePrice = new long[MAX_CANDIDATES];
    private final long[] candidateQty = new long[MAX_CANDIDATES];
    private int candidateCount;

    private long tsNs;
    /** The number behind the client order id last set, for {@link #remember}. */
    private long lastOrderNumber;

    public FlowGenerator(final long seed, final Options options)
    {
        this.random = new SplittableRandom(seed);
        this.options = options;
        final int count = between(options.minInstruments(), options.maxInstruments());
        instruments = new Instrument[count];
        mids = new long[count];
        anchors = new long[count];
        for (int i = 0; i < count; i++)
        {
            final boolean band = options.priceBands() && !options.csvFaithful() && random.nextInt(3) == 0;
            final long bandBps = band ? between(200, 1000) : Instrument.NO_BAND;
            final String symbol = "SYM" + i;
            switch (i == 0 ? 0 : random.nextInt(3))
            {
                case 1:
                    // Tick 0.05 and lot 10.
                    instruments[i] = new Instrument(i, symbol, 2, 5, 0, 10, bandBps);
                    break;
                case 2:
                    // Tick 0.0025 and lot 0.1.
                    instruments[i] = new Instrument(i, symbol, 4, 25, 3, 100, bandBps);
                    break;
                default:
                    instruments[i] = band ?
                        new Instrument(i, symbol, Instrument.DEFAULT_SCALE, 1, Instrument.DEFAULT_SCALE, 1, bandBps) :
                        Instrument.createDefault(i, symbol);
                    break;
            }
            // A banded book trades in a narrow range, so its mid is low enough for the band to be a few ticks wide.
            mids[i] = band ? between(200, 500) : between(100, 20_000);
            anchors[i] = mids[i];
        }
        accountCount = between(options.minAccounts(), options.maxAccounts());
        nextOrderId = new long[accountCount];
        idStyle = new int[accountCount];
        for (int a = 0; a < accountCount; a++)
        {
            nextOrderId[a] = random.nextInt(3) == 0 ? 0 : random.nextInt(1_000);
            idStyle[a] = random.nextInt(ID_STYLES);
        }
        tsNs = 1_000_000_000L + random.nextInt(1_000_000);
    }

    public FlowGenerator(final long seed)
    {
        this(seed, Options.FULL);
    }

    public Instrument[] instruments()
    {
        return instruments.clone();
    }

    public int accountCount()
    {
        return accountCount;
    }

    /**
     * Adds this generator's instruments to an engine (ids 0..k-1).
     */
    public void addInstrumentsTo(final MatchingEngine engine)
    {
        for (final Instrument instrument : instruments)
        {
            engine.addInstrument(instrument);
        }
    }

    public static String accountName(final int accountId)
    {
        return "acct" + accountId;
    }

    public String symbol(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < instruments.length ?
            instruments[instrumentId].symbol() : "UNLISTED" + (instrumentId < 0 ? "M" + -instrumentId : instrumentId);
    }

    /**
     * Fills {@code out} with the next command and returns it.
     */
    public CommandEvent next(final CommandEvent out)
    {
        out.clear();
        tsNs += 1 + random.nextInt(2_000);
        out.clientTsNs = tsNs;
        out.nowNs = tsNs;
        drift();
        final int roll = random.nextInt(100);
        if (roll < options.invalidPercent())
        {
            invalid(out);
        }
        else if (roll < 62)
        {
            newOrder(out);
            remember(out);
        }
        else if (roll < 82)
        {
            cancel(out);
        }
        else if (roll < 99)
        {
            amend(out);
        }
        else
        {
            massCancel(out);
        }
        return out;
    }

    // ---- valid-looking commands ----

    private void newOrder(final CommandEvent out)
    {
        final int instrumentId = random.nextInt(instruments.length);
        final int accountId = pickAccount();
        newOrder(out, instrumentId, accountId, nextOrderId[accountId]++);
        final int roll = random.nextInt(100);
        if (roll < 55)
        {
            limit(out, TimeInForce.GTC, random.nextInt(5) == 0);
        }
        else if (roll < 65)
        {
            limit(out, TimeInForce.IOC, random.nextInt(3) != 0);
        }
        else if (roll < 72)
        {
            limit(out, TimeInForce.FOK, random.nextInt(3) != 0);
        }
        else if (roll < 87)
        {
            limit(out, TimeInForce.POST_ONLY, random.nextInt(8) == 0);
        }
        else
        {
            out.orderType = OrderType.MARKET;
            out.tif = roll < 95 ? TimeInForce.IOC : TimeInForce.FOK;
            out.price = MatchingEngine.NO_PRICE;
        }
    }

    private void newOrder(final CommandEvent out, final int instrumentId, final int accountId, final long orderId)
    {
        out.type = FlowAction.NEW;
        out.instrumentId = instrumentId;
        out.accountId = accountId;
        setOrderId(out, orderId);
        out.side = random.nextBoolean() ? Side.BUY : Side.SELL;
        out.stp = pickStp();
        out.qty = pickQty();
    }

    private void limit(final CommandEvent out, final int tif, final boolean aggressive)
    {
        out.orderType = OrderType.LIMIT;
        out.tif = tif;
        out.price = limitPrice(out.instrumentId, out.side, aggressive);
    }

    private void cancel(final CommandEvent out)
    {
        out.type = FlowAction.CANCEL;
        final int candidate = pickCandidate();
        if (candidate < 0)
        {
            out.accountId = pickAccount();
            setOrderId(out, UNKNOWN_ORDER_ID_BASE + random.nextInt(1_000_000));
            return;
        }
        out.accountId = candidateAccount[candidate];
        setOrderId(out, candidateOrderId[candidate]);
        out.instrumentId = random.nextInt(5) < 2 ? candidateInstrument[candidate] : MatchingEngine.ANY_INSTRUMENT;
        forget(candidate);
    }

    private void amend(final CommandEvent out)
    {
        out.type = FlowAction.AMEND;
        final int candidate = pickCandidate();
        if (candidate < 0)
        {
            out.accountId = pickAccount();
            setOrderId(out, UNKNOWN_ORDER_ID_BASE + random.nextInt(1_000_000));
            out.instrumentId = random.nextInt(instruments.length);
            out.price = mids[out.instrumentId];
            out.qty = pickQty();
            return;
        }
        final int instrumentId = candidateInstrument[candidate];
        out.accountId = candidateAccount[candidate];
        setOrderId(out, candidateOrderId[candidate]);
        final boolean noSymbol = !options.csvFaithful() && random.nextInt(10) == 0;
        out.instrumentId = noSymbol ? MatchingEngine.ANY_INSTRUMENT : instrumentId;
        final int roll = random.nextInt(100);
        if (roll < 35)
        {
            out.price = candidatePrice[candidate];
            out.qty = 1 + random.nextLong(candidateQty[candidate]);
        }
        else if (roll < 50)
        {
            out.price = candidatePrice[candidate];
            out.qty = candidateQty[candidate] + 1 + random.nextInt(20);
        }
        else
        {
            out.price = limitPrice(instrumentId, candidateSide[candidate], random.nextInt(4) == 0);
            out.qty = pickQty();
        }
        candidatePrice[candidate] = out.price;
        candidateQty[candidate] = out.qty;
    }

    private void massCancel(final CommandEvent out)
    {
        out.type = FlowAction.MASS_CANCEL;
        out.accountId = random.nextInt(accountCount);
        setOrderId(out, -1);
        out.instrumentId = random.nextBoolean() ? MatchingEngine.ANY_INSTRUMENT : random.nextInt(instruments.length);
        for (int i = candidateCount - 1; i >= 0; i--)
        {
            if (candidateAccount[i] == out.accountId &&
                (out.instrumentId == MatchingEngine.ANY_INSTRUMENT || candidateInstrument[i] == out.instrumentId))
            {
                forget(i);
            }
        }
    }

    // ---- commands built to be rejected (or to hit an edge) ----

    private void invalid(final CommandEvent out)
    {
        final int kinds = options.csvFaithful() ? 19 : 24;
        final int instrumentId = random.nextInt(instruments.length);
        final int accountId = pickAccount();
        switch (random.nextInt(kinds))
        {
            case 0:
                newOrder(out);
                out.qty = -random.nextInt(3);
                break;
            case 1:
                newOrder(out, instrumentId, accountId, nextOrderId[accountId]++);
                limit(out, TimeInForce.GTC, false);
                out.price = -random.nextInt(3);
                break;
            case 2:
                newOrder(out, instrumentId, accountId, nextOrderId[accountId]++);
                limit(out, TimeInForce.GTC, false);
                out.price = MatchingEngine.NO_PRICE;
                break;
            case 3:
                newOrder(out, instrumentId, accountId, nextOrderId[accountId]++);
                limit(out, TimeInForce.IOC, true);
                out.orderType = OrderType.MARKET;
                break;
            case 4:
                newOrder(out, instrumentId, accountId, nextOrderId[accountId]++);
                out.orderType = OrderType.MARKET;
                out.tif = random.nextBoolean() ? TimeInForce.GTC : TimeInForce.POST_ONLY;
                break;
            case 5:
                newOrder(out);
                out.side = random.nextBoolean() ? 2 : -1;
                break;
            case 6:
                newOrder(out);
                out.orderType = 2;
                break;
            case 7:
                newOrder(out);
                out.tif = random.nextBoolean() ? 4 : -1;
                break;
            case 8:
                newOrder(out);
                out.stp = random.nextBoolean() ? 5 : -1;
                break;
            case 9:
            {
                // Reuses the id of a resting order: a duplicate while it is live, a fine NEW once it is gone.
                final int candidate = pickCandidate();
                newOrder(out);
                if (candidate >= 0)
                {
                    out.accountId = candidateAccount[candidate];
                    setOrderId(out, candidateOrderId[candidate]);
                }
                break;
            }
            case 10:
                out.type = FlowAction.CANCEL;
                out.accountId = accountId;
                setOrderId(out, UNKNOWN_ORDER_ID_BASE + random.nextInt(1_000_000));
                break;
            case 11:
                out.type = FlowAction.AMEND;
                out.accountId = accountId;
                setOrderId(out, random.nextInt(50));
                out.instrumentId = instrumentId;
                out.price = mids[instrumentId];
                out.qty = pickQty();
                break;
            case 12:
                cancel(out);
                out.instrumentId = otherInstrument(out.instrumentId);
                break;
            case 13:
                amend(out);
                out.instrumentId = otherInstrument(out.instrumentId);
                break;
            case 14:
                amend(out);
                if (random.nextBoolean())
                {
                    out.qty = -random.nextInt(2);
                }
                else
                {
                    final boolean noPrice = !options.csvFaithful() && random.nextBoolean();
                    out.price = noPrice ? MatchingEngine.NO_PRICE : -random.nextInt(2);
                }
                break;
            case 15:
                newOrder(out, instrumentId, accountId, nextOrderId[accountId]++);
                limit(out, TimeInForce.POST_ONLY, false);
                out.price = limitPrice(instrumentId, out.side, true) + (out.side == Side.BUY ? 10 : -10);
                out.price = Math.max(1, out.price);
                break;
            case 16:
                hugeQty(out, instrumentId, accountId);
                break;
            case 17:
                hugePrice(out, instrumentId, accountId);
                break;
            case 18:
                newOrder(out);
                setOrderId(out, -1 - random.nextInt(5));
                break;
            case 19:
                newOrder(out);
                out.instrumentId = random.nextBoolean() ?
                    instruments.length + random.nextInt(3) : -1 - random.nextInt(3);
                break;
            case 20:
                out.type = FlowAction.MASS_CANCEL;
                out.accountId = accountId;
                setOrderId(out, -1);
                out.instrumentId = instruments.length + random.nextInt(3);
                break;
            case 21:
                newOrder(out);
                out.accountId = -1 - random.nextInt(3);
                break;
            case 22:
                out.type = random.nextBoolean() ? FlowAction.CANCEL : FlowAction.AMEND;
                out.accountId = accountId;
                setOrderId(out, -1 - random.nextInt(3));
                out.instrumentId = instrumentId;
                out.price = mids[instrumentId];
                out.qty = 1;
                break;
            default:
                amend(out);
                out.instrumentId = MatchingEngine.ANY_INSTRUMENT;
                break;
        }
    }

    private void hugeQty(final CommandEvent out, final int instrumentId, final int accountId)
    {
        final Instrument instrument = instruments[instrumentId];
        final boolean eightDecimals = instrument.priceScale() == Instrument.DEFAULT_SCALE &&
            instrument.qtyScale() == Instrument.DEFAULT_SCALE && instrument.lotUnits() == 1;
        newOrder(out, instrumentId, accountId, nextOrderId[accountId]++);
        switch (random.nextInt(3))
        {
            case 0:
                // Past the fixed-point range where there is one (lot > 1), else the largest quantity there is.
                limit(out, TimeInForce.IOC, true);
                out.qty = instrument.maxQtyLots() == Long.MAX_VALUE ? Long.MAX_VALUE : instrument.maxQtyLots() + 1;
                break;
            case 1:
                // A third of the range resting far from the mid: a few of them make the side's total overflow.
                limit(out, TimeInForce.GTC, false);
                out.price = Math.max(1, out.price + (out.side == Side.BUY ? -40 : 40));
                out.qty = eightDecimals || !options.csvFaithful() ? instrument.maxQtyLots() / 3 : 1;
                remember(out);
                break;
            default:
                out.orderType = OrderType.MARKET;
                out.tif = random.nextBoolean() ? TimeInForce.IOC : TimeInForce.FOK;
                out.price = MatchingEngine.NO_PRICE;
                out.qty = eightDecimals || !options.csvFaithful() ? instrument.maxQtyLots() / 2 : 1_000_000;
                break;
        }
    }

    private void hugePrice(final CommandEvent out, final int instrumentId, final int accountId)
    {
        final Instrument instrument = instruments[instrumentId];
        newOrder(out, instrumentId, accountId, nextOrderId[accountId]++);
        limit(out, TimeInForce.GTC, false);
        if (instrument.maxPriceTicks() < Long.MAX_VALUE)
        {
            // A tick larger than one unit: some prices do not fit the fixed-point range.
            out.price = instrument.maxPriceTicks() + 1 + random.nextInt(3);
        }
        else if (instrument.priceBandBps() == Instrument.NO_BAND)
        {
            // The largest price there is: a sell rests far away, a buy sweeps the asks (IOC, so it does not rest).
            // Not on a banded book, where a trade at this price would put every later order outside the band.
            out.tif = random.nextBoolean() ? TimeInForce.IOC : TimeInForce.GTC;
            out.side = out.tif == TimeInForce.IOC ? Side.BUY : Side.SELL;
            out.price = Long.MAX_VALUE - random.nextInt(2);
            remember(out);
        }
    }

    // ---- choices ----

    private void drift()
    {
        if (random.nextInt(10) < 3)
        {
            final int i = random.nextInt(instruments.length);
            final long step = random.nextInt(200) == 0 ? between(-40, 40) : random.nextInt(3) - 1;
            final long bandBps = instruments[i].priceBandBps();
            if (bandBps == Instrument.NO_BAND)
            {
                mids[i] = Math.max(50, mids[i] + step);
            }
            else
            {
                // The generator cannot see the last trade; a mid that stays within half a band of where it started
                // keeps most orders inside the band, so the book does not freeze with every order refused.
                final long halfBand = Math.max(1, anchors[i] * bandBps / 20_000);
                mids[i] = Math.max(anchors[i] - halfBand, Math.min(anchors[i] + halfBand, mids[i] + step));
            }
        }
    }

    private long limitPrice(final int instrumentId, final int side, final boolean aggressive)
    {
        // Distance from the mid on the order's own side: negative means through the mid, towards the other side.
        final long mid = mids[instrumentId];
        final long bandBps = instruments[instrumentId].priceBandBps();
        // On a banded book most orders stay inside the band (the mid wanders half a band), a few test its edge.
        final int widest = bandBps == Instrument.NO_BAND || random.nextInt(10) == 0 ?
            30 : (int)Math.max(1, Math.min(30, mid * bandBps / 20_000));
        final long distance = aggressive ? -between(1, Math.min(12, widest)) : between(0, widest);
        return Math.max(1, side == Side.BUY ? mid - distance : mid + distance);
    }

    private long pickQty()
    {
        final int roll = random.nextInt(100);
        if (roll < 80)
        {
            return between(1, 20);
        }
        return roll < 95 ? between(1, 200) : between(1, 2_000);
    }

    private int pickAccount()
    {
        return random.nextInt(10) < 4 ? random.nextInt(HOT_ACCOUNTS) : random.nextInt(accountCount);
    }

    private int pickStp()
    {
        return random.nextBoolean() ? StpMode.NONE : StpMode.CANCEL_NEWEST + random.nextInt(4);
    }

    private int otherInstrument(final int instrumentId)
    {
        if (instruments.length == 1)
        {
            return instrumentId;
        }
        final int other = random.nextInt(instruments.length - 1);
        return other >= instrumentId && instrumentId >= 0 ? other + 1 : other;
    }

    private int between(final int min, final int max)
    {
        return min + random.nextInt(max - min + 1);
    }

    /**
     * A remembered resting order, or -1: of two picked at random the one further from the mid on its own side, as
     * a stale order is more likely still there (and more likely to be cancelled or moved in real flow).
     */
    private int pickCandidate()
    {
        for (int attempt = 0; attempt < 4 && candidateCount > 0; attempt++)
        {
            final int a = random.nextInt(candidateCount);
            final int b = random.nextInt(candidateCount);
            final int pick = passiveness(a) >= passiveness(b) ? a : b;
            if (passiveness(pick) >= -FILLED_DISTANCE)
            {
                return pick;
            }
            // The mid has moved well through it: it has almost surely traded, so stop remembering it.
            forget(pick);
        }
        return candidateCount == 0 ? -1 : random.nextInt(candidateCount);
    }

    private long passiveness(final int candidate)
    {
        final long distance = candidatePrice[candidate] - mids[candidateInstrument[candidate]];
        return candidateSide[candidate] == Side.BUY ? -distance : distance;
    }

    private void remember(final CommandEvent command)
    {
        if (command.orderType != OrderType.LIMIT ||
            (command.tif != TimeInForce.GTC && command.tif != TimeInForce.POST_ONLY))
        {
            return;
        }
        final int slot = candidateCount < MAX_CANDIDATES ? candidateCount++ : random.nextInt(MAX_CANDIDATES);
        candidateAccount[slot] = command.accountId;
        candidateOrderId[slot] = lastOrderNumber;
        candidateInstrument[slot] = command.instrumentId;
        candidateSide[slot] = command.side;
        candidatePrice[slot] = command.price;
        candidateQty[slot] = command.qty;
    }

    private void forget(final int candidate)
    {
        final int last = --candidateCount;
        candidateAccount[candidate] = candidateAccount[last];
        candidateOrderId[candidate] = candidateOrderId[last];
        candidateInstrument[candidate] = candidateInstrument[last];
        candidateSide[candidate] = candidateSide[last];
        candidatePrice[candidate] = candidatePrice[last];
        candidateQty[candidate] = candidateQty[last];
    }

    // ---- client order ids ----

    /**
     * Sets the command's client order id to the text of order number {@code number} of its account.
     */
    private void setOrderId(final CommandEvent out, final long number)
    {
        lastOrderNumber = number;
        if (number < 0)
        {
            out.clientOrderId.clear();
            return;
        }
        final int style = out.accountId >= 0 && out.accountId < accountCount ? idStyle[out.accountId] : NUMERIC_IDS;
        out.clientOrderId.parse(idText(style, out.accountId, number), 0, idText.length());
    }

    private final StringBuilder idText = new StringBuilder(ClientOrderId.MAX_LENGTH);

    private StringBuilder idText(final int style, final int accountId, final long number)
    {
        final StringBuilder sb = idText;
        sb.setLength(0);
        switch (style)
        {
            case NUMERIC_IDS:
                return sb.append(number);
            case SHORT_IDS:
                return sb.append('o').append(Long.toString(number, 36));
            default:
            {
                // 8-4-4-4-12 hex: the last twelve digits are the number (one-to-one), the rest a hash of it.
                long mixed = (number + 1) * 0x9E3779B97F4A7C15L ^ accountId * 0xC2B2AE3D27D4EB4FL;
                for (int i = 0; i < 20; i++)
                {
                    if (i == 8 || i == 12 || i == 16)
                    {
                        sb.append('-');
                    }
                    sb.append(HEX.charAt((int)(mixed >>> 60)));
                    mixed = mixed << 4 | mixed >>> 60;
                    if (i == 15)
                    {
                        mixed *= 0xD6E8FEB86659FD93L;
                    }
                }
                sb.append('-');
                for (int shift = 44; shift >= 0; shift -= 4)
                {
                    sb.append(HEX.charAt((int)(number >>> shift) & 0xF));
                }
                return sb;
            }
        }
    }

    // ---- CSV ----

    /**
     * Header line of the order-flow CSV that {@link #toCsvLine} writes (with the optional stp column).
     */
    public static String csvHeader()
    {
        return OrderFlowParser.HEADER_WITH_STP;
    }

    /**
     * The command as a line of the order-flow CSV contract, decimals in the instrument's units. Fields the contract
     * cannot name (a side of 7, say) are written as words it does not know, so the line is rejected for that field.
     */
    public String toCsvLine(final CommandEvent c)
    {
        final StringBuilder sb = new StringBuilder(96);
        sb.append(c.clientTsNs).append(',').append(FlowAction.name(c.type)).append(',')
            .append(accountName(c.accountId)).append(',');
        if (c.type != FlowAction.MASS_CANCEL)
        {
            c.clientOrderId.appendTo(sb);
        }
        sb.append(',');
        if (c.instrumentId != MatchingEngine.ANY_INSTRUMENT)
        {
            sb.append(symbol(c.instrumentId));
        }
        sb.append(',');
        switch (c.type)
        {
            case FlowAction.NEW:
                sb.append(Side.isValid(c.side) ? Side.name(c.side) : "HOLD").append(',')
                    .append(OrderType.isValid(c.orderType) ? OrderType.name(c.orderType) : "STOP").append(',')
                    .append(TimeInForce.isValid(c.tif) ? TimeInForce.name(c.tif) : "GTD").append(',');
                appendPrice(sb, c).append(',');
                appendQty(sb, c).append(',');
                if (c.stp != StpMode.NONE)
                {
                    sb.append(StpMode.isValid(c.stp) ? StpMode.name(c.stp) : "KILL");
                }
                break;
            case FlowAction.AMEND:
                sb.append(",,,");
                appendPrice(sb, c).append(',');
                appendQty(sb, c).append(',');
                break;
            default:
                sb.append(",,,,,");
                break;
        }
        return sb.toString();
    }

    private StringBuilder appendPrice(final StringBuilder sb, final CommandEvent c)
    {
        if (c.price == MatchingEngine.NO_PRICE)
        {
            return sb;
        }
        final boolean known = c.instrumentId >= 0 && c.instrumentId < instruments.length;
        final Instrument instrument = known ? instruments[c.instrumentId] : null;
        return appendDecimal(sb, c.price, known ? instrument.tickUnits() : 1,
            known ? instrument.priceScale() : Instrument.DEFAULT_SCALE);
    }

    private StringBuilder appendQty(final StringBuilder sb, final CommandEvent c)
    {
        final boolean known = c.instrumentId >= 0 && c.instrumentId < instruments.length;
        final Instrument instrument = known ? instruments[c.instrumentId] : null;
        return appendDecimal(sb, c.qty, known ? instrument.lotUnits() : 1,
            known ? instrument.qtyScale() : Instrument.DEFAULT_SCALE);
    }

    private static StringBuilder appendDecimal(
        final StringBuilder sb, final long count, final long unit, final int scale)
    {
        final long high = Math.multiplyHigh(count, unit);
        final long low = count * unit;
        if ((high == 0 && low >= 0) || (high == -1 && low < 0))
        {
            return FixedPoint.append(sb, low, scale);
        }
        // Past the fixed-point range on purpose: the exact text, which a reader must refuse as too large.
        return sb.append(new BigDecimal(BigInteger.valueOf(count).multiply(BigInteger.valueOf(unit)), scale)
            .stripTrailingZeros().toPlainString());
    }
}
