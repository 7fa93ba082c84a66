package org.mmwinter.engine.pipeline;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.flow.AccountResolver;
import org.mmwinter.engine.flow.InstrumentLookup;
import org.mmwinter.engine.flow.SymbolResolver;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.state.AccountRegistry;

/**
 * Names to ids for every producer thread. A new account or instrument is given its id and its definition is published
 * through the ring under one lock, so definitions reach the journal in id order and before any command that another
 * producer could send with the new id.
 */
public final class EngineDirectory implements SymbolResolver, InstrumentLookup, AccountResolver
{
    private final Publication publication;
    /** Used only under this directory's lock. */
    private final CommandEvent definition = new CommandEvent();
    private final boolean createOnFirstUse;
    private final ConcurrentHashMap<String, Instrument> instrumentsBySymbol = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> accountIds = new ConcurrentHashMap<>();
    private volatile Instrument[] instrumentsById = new Instrument[0];
    private volatile String[] accountNames = new String[16];
    private int accountCount;

    EngineDirectory(final EnginePipeline pipeline, final boolean createOnFirstUse)
    {
        this.publication = pipeline.publication(EnginePipeline.ENGINE_SOURCE_ID);
        this.createOnFirstUse = createOnFirstUse;
    }

    /**
     * Seeds the directory from a recovered state, before any producer runs.
     */
    synchronized void load(final MatchingEngine engine, final AccountRegistry accounts)
    {
        final List<Instrument> list = new ArrayList<>();
        for (int i = 0; i < engine.instrumentCount(); i++)
        {
            final Instrument instrument = engine.instrument(i);
            list.add(instrument);
            instrumentsBySymbol.put(instrument.symbol(), instrument);
        }
        instrumentsById = list.toArray(new Instrument[0]);
        for (int i = 0; i < accounts.size(); i++)
        {
            accountIds.put(accounts.name(i), i);
            rememberName(i, accounts.name(i));
        }
        accountCount = accounts.size();
    }

    public int resolve(final String symbol, final boolean create)
    {
        final Instrument known = instrumentsBySymbol.get(symbol);
        if (known != null)
        {
            return known.id();
        }
        if (!create || !createOnFirstUse || !fits(symbol))
        {
            return MatchingEngine.UNKNOWN_INSTRUMENT;
        }
        return define(symbol, null);
    }

    /**
     * Defines an instrument if its symbol is new (the configured list at start).
     *
     * @param spec definition, or null for the first-use default.
     * @return its id, or {@link MatchingEngine#UNKNOWN_INSTRUMENT} if the engine stopped.
     * @throws IllegalStateException if the symbol already exists with another definition.
     */
    public synchronized int define(final String symbol, final EngineConfig.InstrumentSpec spec)
    {
        final int id = instrumentsById.length;
        return define(spec == null ? Instrument.createDefault(id, symbol) : spec.toInstrument(id));
    }

    /**
     * Defines an instrument exactly as given (its id must be the next one) unless its symbol exists with the same
     * definition.
     *
     * @return its id, or {@link MatchingEngine#UNKNOWN_INSTRUMENT} if the engine stopped.
     * @throws IllegalStateException if the symbol exists with another definition, or the id is not the next one.
     */
    public synchronized int define(final Instrument instrument)
    {
        final String symbol = instrument.symbol();
        final Instrument existing = instrumentsBySymbol.get(symbol);
        if (existing != null)
        {
            requireSame(existing, instrument);
            return existing.id();
        }
        final int id = instrumentsById.length;
        if (instrument.id() != id)
        {
            throw new IllegalStateException("next instrument id is " + id + ", not " + instrument.id());
        }
        if (publication.offerBlocking(definition.clear().setAddInstrument(instrument), 0) < 0)
        {
            return MatchingEngine.UNKNOWN_INSTRUMENT;
        }
        final Instrument[] bigger = Arrays.copyOf(instrumentsById, id + 1);
        bigger[id] = instrument;
        instrumentsById = bigger;
        instrumentsBySymbol.put(symbol, instrument);
        return id;
    }

    /**
     * Checks that every spec either names a new symbol or matches its symbol's definition, so that a list can be
     * refused before any of it is defined.
     *
     * @throws IllegalStateException for the first spec that contradicts an existing definition.
     */
    public synchronized void checkDefinable(final List<EngineConfig.InstrumentSpec> specs)
    {
        for (final EngineConfig.InstrumentSpec spec : specs)
        {
            final Instrument existing = instrumentsBySymbol.get(spec.symbol());
            if (existing != null)
            {
                requireSame(existing, spec.toInstrument(existing.id()));
            }
        }
    }

    private static void requireSame(final Instrument existing, final Instrument configured)
    {
        if (!existing.sameDefinition(configured))
        {
            throw new IllegalStateException("instrument " + existing.symbol() + " is journaled as " + existing +
                " but configured as " + configured + "; a journaled definition cannot change");
        }
    }

    public Instrument instrument(final int instrumentId)
    {
        return instrumentsById[instrumentId];
    }

    public int instrumentCount()
    {
        return instrumentsById.length;
    }

    public int resolve(final String name)
    {
        final Integer known = accountIds.get(name);
        if (known != null)
        {
            return known;
        }
        if (!fits(name))
        {
            return AccountRegistry.UNKNOWN;
        }
        synchronized (this)
        {
            final Integer again = accountIds.get(name);
            if (again != null)
            {
                return again;
            }
            final int id = accountCount;
            if (publication.offerBlocking(definition.clear().setRegisterAccount(id, name), 0) < 0)
            {
                return AccountRegistry.UNKNOWN;
            }
            accountCount++;
            rememberName(id, name);
            accountIds.put(name, id);
            return id;
        }
    }

    /**
     * Name of an account id this directory gave out (or recovered).
     */
    public String accountName(final int accountId)
    {
        final String[] names = accountNames;
        return accountId >= 0 && accountId < names.length ? names[accountId] : null;
    }

    private void rememberName(final int id, final String name)
    {
        String[] names = accountNames;
        if (id >= names.length)
        {
            names = Arrays.copyOf(names, Math.max(id + 1, names.length * 2));
        }
        names[id] = name;
        accountNames = names;
    }

    private static boolean fits(final String name)
    {
        return name.getBytes(StandardCharsets.UTF_8).length <= CommandEvent.MAX_NAME_LENGTH;
    }
}
