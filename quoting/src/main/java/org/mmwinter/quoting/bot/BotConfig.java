package org.mmwinter.quoting.bot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.pipeline.EngineDirectory;

/**
 * The market maker's configuration from the engine config's {@code bot.*} keys: which account and instruments, the
 * limits across instruments (notional cap, venue exposure cap, kill switch) and the {@link QuoteParameters} of each
 * instrument. Every key is checked here, before the engine starts, and a wrong one is named with its value.
 */
public final class BotConfig
{
    /** Keys that are not per instrument, with their defaults and meaning. */
    static final Map<String, String[]> GLOBAL_KEYS = new LinkedHashMap<>();

    static
    {
        global("enabled", "false", "true hosts the bot without --bot");
        global("account", "MM1", "the participant account the bot trades for");
        global("instruments", "", "comma-separated symbols to quote; empty = every configured instrument");
        global("max_notional", "100000", "cap on the sum over instruments of |inventory| x mid, quote currency");
        global("venue.max_exposure", "250000",
            "cap on capital at risk on the venue: |inventory| x mid plus open orders' notional, quote currency");
        global("kill.max_drawdown", "5000", "kill switch: equity this far below its peak, quote currency");
        global("kill.adverse_run", "25",
            "kill switch: this many fills in a row on one side, each at a worse price than the last");
        global("decisions.hold", "false", "also journal decisions that sent nothing (HOLD)");
        global("timer_ms", "100", "live host: how often time advances the bot when no event arrives");
    }

    final String account;
    final List<String> instruments;
    final double maxNotional;
    final double venueMaxExposure;
    final double killMaxDrawdown;
    final int killAdverseRun;
    final boolean journalHolds;
    final long timerNs;
    final boolean enabled;
    private final Map<String, Map<String, String>> perSymbol;
    private final Map<String, String> common;

    private BotConfig(final Map<String, String> properties, final List<String> knownSymbols)
    {
        final Map<String, String> globals = new LinkedHashMap<>();
        for (final Map.Entry<String, String[]> e : GLOBAL_KEYS.entrySet())
        {
            globals.put(e.getKey(), e.getValue()[0]);
        }
        common = QuoteParameters.defaults();
        perSymbol = new TreeMap<>();
        for (final Map.Entry<String, String> e : new TreeMap<>(properties).entrySet())
        {
            final String key = e.getKey();
            if (!key.startsWith("bot."))
            {
                continue;
            }
            final String name = key.substring("bot.".length());
            final String value = e.getValue().trim();
            if (GLOBAL_KEYS.containsKey(name))
            {
                globals.put(name, value);
            }
            else if (QuoteParameters.KEYS.containsKey(name))
            {
                common.put(name, value);
            }
            else
            {
                final int dot = name.lastIndexOf('.');
                final String parameter = dot < 0 ? name : name.substring(dot + 1);
                if (dot <= 0 || !QuoteParameters.KEYS.containsKey(parameter))
                {
                    throw new IllegalArgumentException(key + "=" + value + ": unknown key (the bot takes " +
                        String.join(", ", GLOBAL_KEYS.keySet()) + " and, for all or bot.<SYMBOL>. one instrument, " +
                        String.join(", ", QuoteParameters.KEYS.keySet()) + ")");
                }
                final String symbol = name.substring(0, dot);
                if (!knownSymbols.contains(symbol))
                {
                    throw new IllegalArgumentException(key + "=" + value + ": " + symbol +
                        " is not a configured instrument (" + String.join(", ", knownSymbols) + ")");
                }
                perSymbol.computeIfAbsent(symbol, s -> new LinkedHashMap<>()).put(parameter, value);
            }
        }
        enabled = bool(globals, "enabled");
        account = globals.get("account");
        if (account.isEmpty())
        {
            throw new IllegalArgumentException("bot.account is empty");
        }
        final List<String> listed = new ArrayList<>();
        for (final String symbol : globals.get("instruments").split(","))
        {
            if (!symbol.trim().isEmpty())
            {
                if (!knownSymbols.contains(symbol.trim()))
                {
                    throw new IllegalArgumentException("bot.instruments=" + globals.get("instruments") + ": " +
                        symbol.trim() + " is not a configured instrument (" + String.join(", ", knownSymbols) + ")");
                }
                listed.add(symbol.trim());
            }
        }
        instruments = listed.isEmpty() ? List.copyOf(knownSymbols) : List.copyOf(listed);
        if (instruments.isEmpty())
        {
            throw new IllegalArgumentException("the bot has no instrument to quote (configure instrument.* keys)");
        }
        maxNotional = positive(globals, "max_notional");
        venueMaxExposure = positive(globals, "venue.max_exposure");
        killMaxDrawdown = positive(globals, "kill.max_drawdown");
        killAdverseRun = (int)positive(globals, "kill.adverse_run");
        journalHolds = bool(globals, "decisions.hold");
        timerNs = (long)(positive(globals, "timer_ms") * 1_000_000L);
        for (final String symbol : instruments)
        {
            parameters(symbol);
        }
    }

    /**
     * @param properties   the engine config's {@code bot.*} keys (others are ignored).
     * @param knownSymbols the engine's configured instruments.
     * @throws IllegalArgumentException naming the key and value that are wrong.
     */
    public static BotConfig parse(final Map<String, String> properties, final List<String> knownSymbols)
    {
        return new BotConfig(properties, knownSymbols);
    }

    /** Defaults over the given instruments (what {@code --bot} runs without {@code bot.*} keys). */
    public static BotConfig defaults(final List<String> symbols)
    {
        return new BotConfig(Map.of(), symbols);
    }

    public String account()
    {
        return account;
    }

    public List<String> instruments()
    {
        return instruments;
    }

    public boolean enabled()
    {
        return enabled;
    }

    /** How often the live host advances event time when no event comes. */
    public long timerNs()
    {
        return timerNs;
    }

    /**
     * The engine's definitions of the instruments to quote, in configured order.
     *
     * @throws IllegalArgumentException naming a symbol the engine does not define.
     */
    public List<Instrument> resolve(final EngineDirectory directory)
    {
        final List<Instrument> resolved = new ArrayList<>();
        for (final String symbol : instruments)
        {
            final int id = directory.resolve(symbol, false);
            if (id == MatchingEngine.UNKNOWN_INSTRUMENT)
            {
                throw new IllegalArgumentException("bot: instrument " + symbol + " is not defined in the engine");
            }
            resolved.add(directory.instrument(id));
        }
        return resolved;
    }

    /** The parameters of one instrument: its own keys over the common ones over the defaults. */
    public QuoteParameters parameters(final String symbol)
    {
        final Map<String, String> values = new LinkedHashMap<>(common);
        final Map<String, String> own = perSymbol.get(symbol);
        if (own != null)
        {
            values.putAll(own);
        }
        return new QuoteParameters(symbol, values);
    }

    private static void global(final String name, final String value, final String meaning)
    {
        GLOBAL_KEYS.put(name, new String[]{value, meaning});
    }

    private static boolean bool(final Map<String, String> values, final String name)
    {
        final String text = values.get(name);
        if (!text.equals("true") && !text.equals("false"))
        {
            throw new IllegalArgumentException("bot." + name + "=" + text + ": expected true or false");
        }
        return text.equals("true");
    }

    private static double positive(final Map<String, String> values, final String name)
    {
        final String text = values.get(name);
        try
        {
            final double value = Double.parseDouble(text);
            if (!(value > 0) || Double.isInfinite(value))
            {
                throw new IllegalArgumentException("bot." + name + "=" + text + ": must be a positive number");
            }
            return value;
        }
        catch (final NumberFormatException ex)
        {
            throw new IllegalArgumentException("bot." + name + "=" + text + ": not a number", ex);
        }
    }
}
