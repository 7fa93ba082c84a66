package org.mmwinter.quoting.bot;

import org.mmwinter.engine.core.Instrument;
import org.mmwinter.quoting.account.InstrumentLedger;
import org.mmwinter.quoting.model.ArrivalRateEstimator;
import org.mmwinter.quoting.model.AvellanedaStoikov;
import org.mmwinter.quoting.model.EwmaVolatility;
import org.mmwinter.quoting.model.GueantLehalleFernandezTapia;
import org.mmwinter.quoting.model.Ladder;
import org.mmwinter.quoting.model.QuoteLadder;
import org.mmwinter.quoting.model.QuoteModel;
import org.mmwinter.quoting.model.QuoteResult;

/**
 * Everything the market maker keeps about one instrument it quotes: the public book it sees, its signals, its own
 * orders, its inventory in lots, and the state of its guards. Parameters left to {@code auto} are fixed at the
 * first mid (see {@link QuoteParameters}); until then the instrument is not quoted.
 */
final class QuotedInstrument
{
    static final int ORDER_SLOTS = 64;
    static final double BPS = 1e-4;

    final Instrument instrument;
    final int instrumentId;
    final QuoteParameters parameters;
    final double tickSize;
    final double lotSize;
    /** Maker fee as a fraction of notional (negative: a rebate). */
    final double makerFeeRate;
    final LocalBook book = new LocalBook();
    /** Lots of one side's full ladder (every level at full size), for the thin-book rule. */
    double ladderLots = 1;
    final OwnOrders orders = new OwnOrders(ORDER_SLOTS);
    final EwmaVolatility volatility;
    final QuoteResult quote = new QuoteResult();
    final Ladder target;
    final InstrumentLedger ledger;

    /** Set at the first mid. */
    boolean sized;
    QuoteModel model;
    QuoteLadder ladder;
    ArrivalRateEstimator arrivals;
    long sizeLots;
    long softLots;
    long hardLots;
    double requoteTicks;

    /** Signed inventory in lots, from the engine's fills. */
    long inventoryLots;
    double mid = Double.NaN;
    double lastTradePrice = Double.NaN;
    /** The aggressive order being printed: its command, deepest trade price and distance from the mid. */
    long tradeSequence;
    double tradePrice;
    double tradeDepth;
    long tradeNs;
    long bestBidTicks;
    long bestAskTicks;

    boolean halted;
    /** Market data was lost: the book is not trusted until the snapshot asked for has arrived. */
    boolean stale;
    boolean snapshotWanted;
    /** A MASS_CANCEL the engine has not yet answered (its DONE). */
    boolean massCancelInFlight;
    /** Pull every quote at the next decision, even if the mass cancel could not be sent at once (busy). */
    boolean pullWanted;
    /** A command of the last decision was refused (busy): decide again at the next tick of time. */
    boolean retryWanted;
    /** Pulled because of volatility; re-entry waits for sigma to come down to vol_reentry as well. */
    boolean volatilityPulled;
    /** Volatility-pull episodes so far: a pull that starts while not already pulled, counted once until re-entry. */
    long volatilityPulls;
    /** Event time the latest volatility-pull episode started, {@link MarketMaker#NO_PULL} before the first. */
    long lastVolatilityPullNs = MarketMaker.NO_PULL;
    long coolDownUntilNs;
    long lastQuoteNs = Long.MIN_VALUE;
    int lastReason;
    boolean dirty;

    QuotedInstrument(final Instrument instrument, final QuoteParameters parameters, final InstrumentLedger ledger,
        final double makerFeeRate)
    {
        this.instrument = instrument;
        this.instrumentId = instrument.id();
        this.parameters = parameters;
        this.tickSize = instrument.tickUnits() / Math.pow(10, instrument.priceScale());
        this.lotSize = instrument.lotUnits() / Math.pow(10, instrument.qtyScale());
        this.makerFeeRate = makerFeeRate;
        this.ledger = ledger;
        this.volatility = new EwmaVolatility(parameters.volHalfLifeSeconds, parameters.volInitial,
            parameters.volWarmup, parameters.volMin, parameters.volMax);
        this.target = new Ladder(parameters.levels);
    }

    /**
     * Fixes what was left to {@code auto} from the first mid: order size, limits, risk aversion, the arrival fit's
     * units (basis points of this mid), the ladder's spacing and the re-quote tolerance.
     */
    void size(final double firstMid)
    {
        final QuoteParameters p = parameters;
        final double size = Double.isNaN(p.size) ? p.orderNotional / firstMid : p.size;
        sizeLots = Math.max(1, (long)Math.floor(size / lotSize + 1e-9));
        final double orderSize = sizeLots * lotSize;
        softLots = Double.isNaN(p.softLimit) ? 4 * sizeLots : (long)Math.floor(p.softLimit / lotSize + 1e-9);
        hardLots = Double.isNaN(p.hardLimit) ? 10 * sizeLots : (long)Math.floor(p.hardLimit / lotSize + 1e-9);
        if (softLots >= hardLots)
        {
            softLots = hardLots - 1;
        }
        final double gamma = Double.isNaN(p.gamma) ? 10.0 / (orderSize * firstMid) : p.gamma;
        final double bpsInPrice = firstMid * BPS;
        model = p.glft ? new GueantLehalleFernandezTapia(gamma, orderSize) :
            new AvellanedaStoikov(gamma, p.horizonSeconds, orderSize);
        arrivals = new ArrivalRateEstimator(p.kBucketBps * bpsInPrice, 32, p.kWindowSeconds, p.kMinTrades,
            p.kDefaultPerBps / bpsInPrice, p.aDefault, p.kMinPerBps / bpsInPrice, p.kMaxPerBps / bpsInPrice);
        // A first look at the half-spread, with the default signals, sets the auto spacing and tolerance.
        model.quote(firstMid, 0, p.volInitial * firstMid, arrivals.k(), arrivals.a(), quote);
        final double halfSpreadTicks = Math.max(1, (quote.bidHalfSpread + quote.askHalfSpread) / 2 / tickSize);
        final double spacing = Double.isNaN(p.levelSpacingTicks) ? Math.max(1, Math.ceil(halfSpreadTicks / 4)) :
            p.levelSpacingTicks;
        requoteTicks = Double.isNaN(p.requoteTicks) ? Math.max(1, Math.floor(halfSpreadTicks / 10)) : p.requoteTicks;
        final QuoteLadder.SizeShape shape = p.sizeShape.equals("linear") ? QuoteLadder.SizeShape.LINEAR :
            p.sizeShape.equals("geometric") ? QuoteLadder.SizeShape.GEOMETRIC : QuoteLadder.SizeShape.FLAT;
        ladder = new QuoteLadder(p.levels, spacing, shape, orderSize, p.sizeFactor, p.levels);
        double total = 0;
        for (int i = 0; i < p.levels; i++)
        {
            total += shape.size(orderSize, p.sizeFactor, i);
        }
        ladderLots = Math.max(1, total / lotSize);
        sized = true;
    }

    double inventory()
    {
        return inventoryLots * lotSize;
    }

    double price(final long ticks)
    {
        return ticks * tickSize;
    }
}
