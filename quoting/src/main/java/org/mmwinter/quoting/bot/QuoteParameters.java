package org.mmwinter.quoting.bot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The market maker's parameters for one instrument, as configured ({@code bot.<name>} for every instrument,
 * {@code bot.<SYMBOL>.<name>} for one). Sizes, limits and the risk aversion left {@link #AUTO} are derived from the
 * first mid the bot sees ({@link #orderNotional} at that price), so that one set of defaults suits BTC at 30,000 and
 * a long-tail token at 0.05: a thin or cheap book gets the same rules in its own units, not a special case.
 */
public final class QuoteParameters
{
    /** A value derived from the first mid (see the class comment). */
    public static final double AUTO = Double.NaN;

    /** Parameter names, their defaults and what they mean (the README's table is generated from the same text). */
    static final Map<String, String[]> KEYS = new LinkedHashMap<>();

    static
    {
        key("model", "glft", "glft (Gueant-Lehalle-Fernandez-Tapia, infinite horizon) or as (Avellaneda-Stoikov)");
        key("gamma", "auto", "risk aversion, 1/quote currency; auto = 10 / order_notional");
        key("horizon_s", "60", "as only: the rolling horizon T - t, seconds");
        key("order_notional", "1000", "quote-currency value of one order at the first mid (sets size when auto)");
        key("size", "auto", "base units of the innermost level; auto = order_notional / first mid");
        key("levels", "3", "levels a side");
        key("level_spacing_ticks", "auto", "distance between levels; auto = a quarter of the first half-spread");
        key("size_shape", "flat", "flat, linear (base * (1 + i * factor)) or geometric (base * factor^i)");
        key("size_factor", "1", "the shape's factor");
        key("min_spread_ticks", "2", "innermost bid and ask at least this far apart (and the fee floor)");
        key("requote_ticks", "auto", "re-quote when a target price moved this far; auto = a tenth of the half-spread");
        key("refresh_s", "30", "re-quote at least this often while quoting, seconds");
        key("soft_limit", "auto", "inventory (base units) from which the adding side shrinks; auto = 4 orders");
        key("hard_limit", "auto", "inventory (base units) never exceeded, orders in flight counted; auto = 10 orders");
        key("book_share", "0.25", "a side shows at most this share of the others' depth within book_band_bps of " +
            "its best price (a thin book gets smaller quotes); 0: no such rule");
        key("book_band_bps", "100", "the band behind a side's best price the others' depth is measured in, " +
            "basis points");
        key("vol_half_life_s", "30", "EWMA half-life of the mid's squared log-returns, seconds of event time");
        key("vol_initial", "0.0001", "sigma (per sqrt second, relative) until warm");
        key("vol_warmup", "20", "mid returns before the EWMA is trusted");
        key("vol_min", "0.000001", "sigma floor");
        key("vol_max", "1", "sigma ceiling");
        key("vol_pull", "0.002", "sigma above which every quote is pulled");
        key("vol_reentry", "0.001", "sigma at or below which quoting may resume after the cool-down");
        key("cool_down_s", "30", "seconds after a pull (volatility or halt) before re-entry");
        key("k_default", "0.5", "order-arrival decay per basis point of mid, until the fit is warm");
        key("k_min", "0.01", "lower bound of the fitted decay, per basis point");
        key("k_max", "50", "upper bound of the fitted decay, per basis point");
        key("a_default", "1", "trade arrivals per second at the mid, until the fit is warm");
        key("k_bucket_bps", "1", "depth bucket of the arrival fit, basis points of mid");
        key("k_window_s", "300", "event-time window of the arrival fit, seconds");
        key("k_min_trades", "50", "trades before the fit replaces the defaults");
    }

    final String symbol;
    final boolean glft;
    final double gamma;
    final double horizonSeconds;
    final double orderNotional;
    final double size;
    final int levels;
    final double levelSpacingTicks;
    final String sizeShape;
    final double sizeFactor;
    final long minSpreadTicks;
    final double requoteTicks;
    final double refreshSeconds;
    final double softLimit;
    final double hardLimit;
    final double bookShare;
    final double bookBandBps;
    final double volHalfLifeSeconds;
    final double volInitial;
    final int volWarmup;
    final double volMin;
    final double volMax;
    final double volPull;
    final double volReentry;
    final double coolDownSeconds;
    final double kDefaultPerBps;
    final double kMinPerBps;
    final double kMaxPerBps;
    final double aDefault;
    final double kBucketBps;
    final double kWindowSeconds;
    final int kMinTrades;

    QuoteParameters(final String symbol, final Map<String, String> values)
    {
        this.symbol = symbol;
        final String model = values.get("model");
        if (!model.equals("glft") && !model.equals("as"))
        {
            throw new IllegalArgumentException(where("model") + "=" + model + ": expected glft or as");
        }
        glft = model.equals("glft");
        gamma = positiveOrAuto(values, "gamma");
        horizonSeconds = positive(values, "horizon_s");
        orderNotional = positive(values, "order_notional");
        size = positiveOrAuto(values, "size");
        levels = (int)whole(values, "levels", 1, 10);
        levelSpacingTicks = positiveOrAuto(values, "level_spacing_ticks");
        sizeShape = values.get("size_shape");
        if (!sizeShape.equals("flat") && !sizeShape.equals("linear") && !sizeShape.equals("geometric"))
        {
            throw new IllegalArgumentException(where("size_shape") + "=" + sizeShape +
                ": expected flat, linear or geometric");
        }
        sizeFactor = positive(values, "size_factor");
        minSpreadTicks = whole(values, "min_spread_ticks", 1, Long.MAX_VALUE);
        requoteTicks = positiveOrAuto(values, "requote_ticks");
        refreshSeconds = positive(values, "refresh_s");
        softLimit = positiveOrAuto(values, "soft_limit");
        hardLimit = positiveOrAuto(values, "hard_limit");
        if (!Double.isNaN(softLimit) && !Double.isNaN(hardLimit) && softLimit >= hardLimit)
        {
            throw new IllegalArgumentException(where("soft_limit") + "=" + softLimit + ": must be below " +
                where("hard_limit") + "=" + hardLimit);
        }
        bookShare = nonNegative(values, "book_share");
        bookBandBps = positive(values, "book_band_bps");
        volHalfLifeSeconds = positive(values, "vol_half_life_s");
        volInitial = positive(values, "vol_initial");
        volWarmup = (int)whole(values, "vol_warmup", 1, 1_000_000);
        volMin = positive(values, "vol_min");
        volMax = positive(values, "vol_max");
        volPull = positive(values, "vol_pull");
        volReentry = positive(values, "vol_reentry");
        if (volReentry > volPull)
        {
            throw new IllegalArgumentException(where("vol_reentry") + "=" + volReentry + ": must not exceed " +
                where("vol_pull") + "=" + volPull);
        }
        coolDownSeconds = nonNegative(values, "cool_down_s");
        kDefaultPerBps = positive(values, "k_default");
        kMinPerBps = positive(values, "k_min");
        kMaxPerBps = positive(values, "k_max");
        aDefault = positive(values, "a_default");
        kBucketBps = positive(values, "k_bucket_bps");
        kWindowSeconds = positive(values, "k_window_s");
        kMinTrades = (int)whole(values, "k_min_trades", 2, 1_000_000);
    }

    private static void key(final String name, final String value, final String meaning)
    {
        KEYS.put(name, new String[]{value, meaning});
    }

    /** The defaults, for {@link BotConfig} to lay the configured values over. */
    static Map<String, String> defaults()
    {
        final Map<String, String> values = new LinkedHashMap<>();
        for (final Map.Entry<String, String[]> e : KEYS.entrySet())
        {
            values.put(e.getKey(), e.getValue()[0]);
        }
        return values;
    }

    private String where(final String name)
    {
        return "bot." + symbol + "." + name;
    }

    private double number(final Map<String, String> values, final String name)
    {
        final String text = values.get(name);
        try
        {
            final double value = Double.parseDouble(text);
            if (!Double.isFinite(value))
            {
                throw new NumberFormatException();
            }
            return value;
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(where(name) + "=" + text + ": not a number", ex);
        }
    }

    private double positive(final Map<String, String> values, final String name)
    {
        final double value = number(values, name);
        if (value <= 0)
        {
            throw new IllegalArgumentException(where(name) + "=" + values.get(name) + ": must be positive");
        }
        return value;
    }

    private double nonNegative(final Map<String, String> values, final String name)
    {
        final double value = number(values, name);
        if (value < 0)
        {
            throw new IllegalArgumentException(where(name) + "=" + values.get(name) + ": must not be negative");
        }
        return value;
    }

    private double positiveOrAuto(final Map<String, String> values, final String name)
    {
        return "auto".equals(values.get(name)) ? AUTO : positive(values, name);
    }

    private long whole(final Map<String, String> values, final String name, final long min, final long max)
    {
        final String text = values.get(name);
        final long value;
        try
        {
            value = Long.parseLong(text);
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException(where(name) + "=" + text + ": not a whole number", ex);
        }
        if (value < min || value > max)
        {
            throw new IllegalArgumentException(where(name) + "=" + text + ": must be between " + min + " and " + max);
        }
        return value;
    }
}
