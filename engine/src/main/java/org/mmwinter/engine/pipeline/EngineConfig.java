package org.mmwinter.engine.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;

import org.mmwinter.engine.core.Fees;
import org.mmwinter.engine.core.FixedPoint;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.journal.Durability;

/**
 * Configuration of the engine process (Aeron's Context habit: one object, defaults built in, validated once).
 * Read from a properties file; see {@code engine-default.conf} in the jar for every key.
 */
public final class EngineConfig
{
    public static final String DEFAULT_RESOURCE = "/engine-default.conf";
    /** Keys of the FIX gateway start with this. */
    public static final String FIX_PREFIX = "fix.";
    /** Room for a few acknowledgement lines: a smaller bound would disconnect a client for one long line. */
    public static final int MIN_GATEWAY_OUTPUT = 4096;

    private Path dataDir = Path.of("data");
    private int ringSize = 1 << 14;
    private int outputRingSize = 1 << 14;
    private int marketDataRingSize = 1 << 16;
    private String waitStrategy = WaitStrategies.DEFAULT;
    private Durability durability = Durability.NONE;
    private boolean journalEnabled = true;
    private boolean outputJournalEnabled = true;
    private boolean journalPretouch = true;
    private int maxBatch = 4096;
    private boolean createInstrumentsOnFirstUse = true;
    private int expectedLiveOrders = 1 << 16;
    private boolean snapshotsEnabled = true;
    private boolean combinedStages = false;
    private boolean steppedStages;
    private boolean outputJournalThread;
    private boolean singleThreadStages;
    private boolean commandTime;
    private long snapshotEvery;
    private int gatewayMaxConnections = 256;
    private int gatewayOutputMaxBytes = 1 << 20;
    private List<String> gatewayAccounts = List.of();
    private boolean gatewayAllowRemote;
    private final List<InstrumentSpec> instruments = new ArrayList<>();
    /** Keys owned by extensions hosted in the process (e.g. {@code bot.*}), checked by the extension itself. */
    private final Map<String, String> extensionProperties = new TreeMap<>();
    private List<String> extensionPrefixes = List.of();
    /** The FIX gateway's keys ({@code fix.*}), checked by the gateway, which lives in a layer above this one. */
    private final Map<String, String> fixProperties = new TreeMap<>();

    /**
     * An instrument as configured: symbol, tick and lot as decimals, band in basis points, maker and taker fee rates
     * in millionths of notional ({@link Fees}: 1 bps = 100).
     */
    public record InstrumentSpec(
        String symbol, String tick, String lot, long bandBps, long makerFeeRate, long takerFeeRate)
    {
        /** Without fees. */
        public InstrumentSpec(final String symbol, final String tick, final String lot, final long bandBps)
        {
            this(symbol, tick, lot, bandBps, Instrument.NO_FEE, Instrument.NO_FEE);
        }

        /**
         * The instrument with the given id; scales are at least 8 decimals so that any finer price is off-tick.
         */
        public Instrument toInstrument(final int id)
        {
            final int priceScale = Math.max(Instrument.DEFAULT_SCALE, decimals(tick));
            final int qtyScale = Math.max(Instrument.DEFAULT_SCALE, decimals(lot));
            return new Instrument(id, symbol, priceScale, units(tick, priceScale, "tick"), qtyScale,
                units(lot, qtyScale, "lot"), bandBps, makerFeeRate, takerFeeRate);
        }

        private long units(final String text, final int scale, final String what)
        {
            final FixedPoint parser = new FixedPoint();
            if (parser.parse(text, 0, text.length(), scale) != FixedPoint.OK || parser.value() <= 0)
            {
                throw new IllegalArgumentException(symbol + ": " + what + " must be a positive decimal: " + text);
            }
            return parser.value();
        }

        private static int decimals(final String text)
        {
            final int dot = text.indexOf('.');
            return dot < 0 ? 0 : text.length() - dot - 1;
        }
    }

    public static EngineConfig defaults()
    {
        try (InputStream in = EngineConfig.class.getResourceAsStream(DEFAULT_RESOURCE))
        {
            if (in == null)
            {
                return new EngineConfig();
            }
            final Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new EngineConfig().apply(properties, DEFAULT_RESOURCE);
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException("cannot read the built-in configuration", ex);
        }
    }

    /**
     * Loads a configuration file over the built-in defaults.
     *
     * @throws IllegalArgumentException with the file and key for anything wrong.
     */
    public static EngineConfig load(final Path file) throws IOException
    {
        return load(file, List.of());
    }

    /**
     * Loads a configuration file over the built-in defaults, keeping the keys under {@code extensionPrefixes} (such
     * as {@code bot.}) for the extensions that own them: see {@link #extensionProperties()}.
     *
     * @throws IllegalArgumentException with the file and key for anything wrong.
     */
    public static EngineConfig load(final Path file, final List<String> extensionPrefixes) throws IOException
    {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            properties.load(reader);
        }
        final EngineConfig config = defaults();
        config.extensionPrefixes = List.copyOf(extensionPrefixes);
        if (properties.stringPropertyNames().stream().anyMatch(k -> k.startsWith("instrument.")))
        {
            // A file that lists instruments replaces the built-in list rather than adding to it.
            config.instruments.clear();
        }
        return config.apply(properties, file.toString());
    }

    private EngineConfig apply(final Properties p, final String source)
    {
        final TreeSet<String> symbols = new TreeSet<>();
        for (final String key : p.stringPropertyNames())
        {
            final String value = p.getProperty(key).trim();
            try
            {
                switch (key)
                {
                    case "data.dir": dataDir = Path.of(value); break;
                    case "ring.size": ringSize = powerOfTwo(value); break;
                    case "output.ring.size": outputRingSize = powerOfTwo(value); break;
                    case "marketdata.ring.size": marketDataRingSize = powerOfTwo(value); break;
                    case "wait.strategy": WaitStrategies.create(value); waitStrategy = value; break;
                    case "durability": durability = durability(value); break;
                    case "journal.enabled": journalEnabled = bool(value); break;
                    case "journal.output.enabled": outputJournalEnabled = bool(value); break;
                    case "journal.pretouch": journalPretouch = bool(value); break;
                    case "journal.batch.max": maxBatch = positive(value); break;
                    case "instruments.create_on_first_use": createInstrumentsOnFirstUse = bool(value); break;
                    case "orders.expected": expectedLiveOrders = positive(value); break;
                    case "snapshot.enabled": snapshotsEnabled = bool(value); break;
                    case "pipeline.stages": stages(value); break;
                    case "snapshot.every": snapshotEvery = Long.parseLong(value); break;
                    case "gateway.max.connections": gatewayMaxConnections = positive(value); break;
                    case "gateway.output.max.bytes": gatewayOutputMaxBytes = atLeast(value, MIN_GATEWAY_OUTPUT); break;
                    case "gateway.accounts": gatewayAccounts = names(value); break;
                    case "gateway.allow.remote": gatewayAllowRemote = bool(value); break;
                    default:
                        if (key.startsWith("instrument.") && key.lastIndexOf('.') > "instrument.".length())
                        {
                            symbols.add(key.substring("instrument.".length(), key.lastIndexOf('.')));
                        }
                        else if (key.startsWith(FIX_PREFIX))
                        {
                            fixProperties.put(key, value);
                        }
                        else if (ownedByExtension(key))
                        {
                            extensionProperties.put(key, value);
                        }
                        else
                        {
                            throw new IllegalArgumentException("unknown key");
                        }
                }
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(source + ": " + key + "=" + value + ": " + ex.getMessage(), ex);
            }
        }
        for (final String symbol : symbols)
        {
            final String prefix = "instrument." + symbol + ".";
            for (final String key : p.stringPropertyNames())
            {
                if (key.startsWith(prefix) && !key.equals(prefix + "tick") && !key.equals(prefix + "lot") &&
                    !key.equals(prefix + "band_bps") && !key.equals(prefix + "maker_fee_bps") &&
                    !key.equals(prefix + "taker_fee_bps"))
                {
                    throw new IllegalArgumentException(source + ": unknown key " + key +
                        " (an instrument takes tick, lot, band_bps, maker_fee_bps and taker_fee_bps)");
                }
            }
            final InstrumentSpec spec = new InstrumentSpec(
                symbol,
                p.getProperty(prefix + "tick", "0.00000001").trim(),
                p.getProperty(prefix + "lot", "0.00000001").trim(),
                Long.parseLong(p.getProperty(prefix + "band_bps", "0").trim()),
                feeRate(p, prefix + "maker_fee_bps", source),
                feeRate(p, prefix + "taker_fee_bps", source));
            try
            {
                spec.toInstrument(0);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException(source + ": " + ex.getMessage(), ex);
            }
            instruments.removeIf(existing -> existing.symbol().equals(symbol));
            instruments.add(spec);
        }
        return this;
    }

    private boolean ownedByExtension(final String key)
    {
        for (final String prefix : extensionPrefixes)
        {
            if (key.startsWith(prefix))
            {
                return true;
            }
        }
        return false;
    }

    /**
     * The FIX gateway's keys ({@code fix.host}, {@code fix.sessions}, {@code fix.session.NAME.*}, ...), the built-in
     * ones overlaid by the file's, as written (values trimmed).
     */
    public Map<String, String> fixProperties()
    {
        return Collections.unmodifiableMap(fixProperties);
    }

    /** Sets one FIX gateway key, as a configuration file would (for tests and tools that build a config in code). */
    public EngineConfig fixProperty(final String key, final String value)
    {
        if (!key.startsWith(FIX_PREFIX))
        {
            throw new IllegalArgumentException("not a FIX gateway key: " + key);
        }
        fixProperties.put(key, value.trim());
        return this;
    }

    /** The keys of the configuration file that belong to hosted extensions, as written (values trimmed). */
    public Map<String, String> extensionProperties()
    {
        return Collections.unmodifiableMap(extensionProperties);
    }

    /**
     * A fee in basis points with at most two decimals ({@code -0.25}, {@code 2.5}; 0 when absent) as a rate in
     * millionths of notional: two decimals of a basis point are exactly whole millionths.
     */
    private static long feeRate(final Properties p, final String key, final String source)
    {
        final String value = p.getProperty(key, "0").trim();
        final FixedPoint parser = new FixedPoint();
        final int parsed = parser.parse(value, 0, value.length(), 2);
        if (parsed == FixedPoint.TOO_MANY_DECIMALS)
        {
            throw new IllegalArgumentException(source + ": " + key + "=" + value + ": at most 2 decimals");
        }
        if (parsed != FixedPoint.OK)
        {
            throw new IllegalArgumentException(source + ": " + key + "=" + value + ": not a number of basis points");
        }
        if (parser.value() > Fees.MAX_RATE || parser.value() < -Fees.MAX_RATE)
        {
            throw new IllegalArgumentException(source + ": " + key + "=" + value + ": beyond 100 bps either way");
        }
        return parser.value();
    }

    private static int powerOfTwo(final String value)
    {
        final int n = Integer.parseInt(value);
        if (n <= 0 || Integer.bitCount(n) != 1)
        {
            throw new IllegalArgumentException("must be a power of two");
        }
        return n;
    }

    private static int positive(final String value)
    {
        final int n = Integer.parseInt(value);
        if (n <= 0)
        {
            throw new IllegalArgumentException("must be positive");
        }
        return n;
    }

    private static int atLeast(final String value, final int least)
    {
        final int n = Integer.parseInt(value);
        if (n < least)
        {
            throw new IllegalArgumentException("must be at least " + least);
        }
        return n;
    }

    /**
     * A comma-separated list of account names, blanks dropped; empty for none.
     */
    private static List<String> names(final String value)
    {
        final List<String> names = new ArrayList<>();
        for (final String name : value.split(","))
        {
            final String trimmed = name.trim();
            if (!trimmed.isEmpty() && !names.contains(trimmed))
            {
                names.add(trimmed);
            }
        }
        return List.copyOf(names);
    }

    private static boolean bool(final String value)
    {
        if (!"true".equals(value) && !"false".equals(value))
        {
            throw new IllegalArgumentException("must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    /**
     * The stage layout by its configuration name ({@code pipeline.stages}): split, combined or single.
     *
     * @throws IllegalArgumentException for another name.
     */
    public EngineConfig stageLayout(final String name)
    {
        stages(name);
        return this;
    }

    private void stages(final String value)
    {
        switch (value)
        {
            case "combined": combinedStages = true; singleThreadStages = false; break;
            case "split": combinedStages = false; singleThreadStages = false; break;
            case "single": combinedStages = true; singleThreadStages = true; break;
            default: throw new IllegalArgumentException("use split, combined or single");
        }
    }

    private static Durability durability(final String value)
    {
        switch (value)
        {
            case "none": return Durability.NONE;
            case "sync-batch": return Durability.SYNC_BATCH;
            default: throw new IllegalArgumentException("use none or sync-batch");
        }
    }

    public Path dataDir()
    {
        return dataDir;
    }

    public EngineConfig dataDir(final Path dataDir)
    {
        this.dataDir = dataDir;
        return this;
    }

    public int ringSize()
    {
        return ringSize;
    }

    public EngineConfig ringSize(final int ringSize)
    {
        this.ringSize = powerOfTwo(Integer.toString(ringSize));
        return this;
    }

    public int outputRingSize()
    {
        return outputRingSize;
    }

    public EngineConfig outputRingSize(final int size)
    {
        this.outputRingSize = powerOfTwo(Integer.toString(size));
        return this;
    }

    public int marketDataRingSize()
    {
        return marketDataRingSize;
    }

    public EngineConfig marketDataRingSize(final int size)
    {
        this.marketDataRingSize = powerOfTwo(Integer.toString(size));
        return this;
    }

    public String waitStrategy()
    {
        return waitStrategy;
    }

    public EngineConfig waitStrategy(final String waitStrategy)
    {
        WaitStrategies.create(waitStrategy);
        this.waitStrategy = waitStrategy;
        return this;
    }

    public Durability durability()
    {
        return durability;
    }

    public EngineConfig durability(final Durability durability)
    {
        this.durability = durability;
        return this;
    }

    public boolean journalEnabled()
    {
        return journalEnabled;
    }

    public EngineConfig journalEnabled(final boolean journalEnabled)
    {
        this.journalEnabled = journalEnabled;
        return this;
    }

    /**
     * Whether results are journaled too (an audit trail; recovery needs only the input journal).
     */
    public boolean outputJournalEnabled()
    {
        return journalEnabled && outputJournalEnabled;
    }

    public EngineConfig outputJournalEnabled(final boolean enabled)
    {
        this.outputJournalEnabled = enabled;
        return this;
    }

    /**
     * Whether a thread of its own writes to the journals' next pages ahead of their writers
     * ({@link org.mmwinter.engine.journal.JournalPretoucher}), so that the engine thread does not take the first-write
     * page faults itself.
     */
    public boolean journalPretouch()
    {
        return journalPretouch;
    }

    public EngineConfig journalPretouch(final boolean pretouch)
    {
        this.journalPretouch = pretouch;
        return this;
    }

    public int maxBatch()
    {
        return maxBatch;
    }

    public boolean createInstrumentsOnFirstUse()
    {
        return createInstrumentsOnFirstUse;
    }

    public EngineConfig createInstrumentsOnFirstUse(final boolean create)
    {
        this.createInstrumentsOnFirstUse = create;
        return this;
    }

    public int expectedLiveOrders()
    {
        return expectedLiveOrders;
    }

    public List<InstrumentSpec> instruments()
    {
        return Collections.unmodifiableList(instruments);
    }

    public EngineConfig clearInstruments()
    {
        instruments.clear();
        return this;
    }

    public EngineConfig addInstrument(final InstrumentSpec spec)
    {
        spec.toInstrument(0);
        instruments.removeIf(existing -> existing.symbol().equals(spec.symbol()));
        instruments.add(spec);
        return this;
    }

    /**
     * Journal and match on one thread ({@code combined}) or as two stages on two threads ({@code split}).
     */
    public boolean combinedStages()
    {
        return combinedStages;
    }

    public EngineConfig combinedStages(final boolean combined)
    {
        this.combinedStages = combined;
        return this;
    }

    /**
     * Whether the stages run on the caller's thread, each time it asks ({@link EnginePipeline#awaitProgress}),
     * instead of on threads of their own: for a replay in lockstep, where every command is a round trip and the
     * hand-offs between threads, not the work, set the pace. The journal and match stages are then one
     * ({@link #combinedStages} is implied). Nothing moves unless the thread that started the pipeline drives it,
     * so a live engine never runs this way: set in code only.
     */
    public boolean steppedStages()
    {
        return steppedStages;
    }

    /**
     * Whether every stage runs on one engine thread ({@code pipeline.stages=single}): the journal, the match, the
     * output journal, the routing and the result handlers, in that order, command after command. Less throughput
     * than stages on threads of their own (one core's worth of work), but on a machine with fewer cores than busy
     * threads it is the layout in which no stage waits for the scheduler to hand it a core: for latency.
     */
    public boolean singleThreadStages()
    {
        return singleThreadStages;
    }

    public EngineConfig singleThreadStages(final boolean single)
    {
        this.singleThreadStages = single;
        if (single)
        {
            this.combinedStages = true;
        }
        return this;
    }

    public EngineConfig steppedStages(final boolean stepped)
    {
        this.steppedStages = stepped;
        return this;
    }

    /**
     * Whether the output journal runs on a thread of its own when the other stages are polled by one thread
     * ({@link #steppedStages} or {@link #singleThreadStages}; with stages on threads of their own it has one
     * already): a stepped replay is bound by its one thread's work, and this moves the output journal's encoding
     * and appends (about a seventh of a full-length Terra day) to the core it leaves idle. The journal holds the same
     * results in the same order. Set in code only; off by default, since on a live engine's single thread it would
     * be one more thread competing for two cores.
     */
    public boolean outputJournalThread()
    {
        return outputJournalThread;
    }

    public EngineConfig outputJournalThread(final boolean ownThread)
    {
        this.outputJournalThread = ownThread;
        return this;
    }

    /**
     * Whether the sequencer stamps each command with its own {@code clientTsNs} (kept monotonic) instead of the
     * clock: replays in event time, where commands offered together must keep their own times whatever the
     * Disruptor's batching. Never for a live venue, where that time is the client's word. Set in code only.
     */
    public boolean commandTime()
    {
        return commandTime;
    }

    public EngineConfig commandTime(final boolean fromCommands)
    {
        this.commandTime = fromCommands;
        return this;
    }

    public boolean snapshotsEnabled()
    {
        return snapshotsEnabled;
    }

    public EngineConfig snapshotsEnabled(final boolean enabled)
    {
        this.snapshotsEnabled = enabled;
        return this;
    }

    /** Commands between snapshots taken by the matching thread; 0 for a snapshot at shutdown only. */
    public long snapshotEvery()
    {
        return snapshotEvery;
    }

    public EngineConfig snapshotEvery(final long every)
    {
        this.snapshotEvery = every;
        return this;
    }

    /** Connections the order-flow gateway holds at once; one more is told so and closed. */
    public int gatewayMaxConnections()
    {
        return gatewayMaxConnections;
    }

    public EngineConfig gatewayMaxConnections(final int max)
    {
        this.gatewayMaxConnections = positive(Integer.toString(max));
        return this;
    }

    /** Bytes of acknowledgements a gateway session may leave unsent before it is disconnected as a slow client. */
    public int gatewayOutputMaxBytes()
    {
        return gatewayOutputMaxBytes;
    }

    public EngineConfig gatewayOutputMaxBytes(final int max)
    {
        this.gatewayOutputMaxBytes = atLeast(Integer.toString(max), MIN_GATEWAY_OUTPUT);
        return this;
    }

    /** Accounts the gateway port accepts commands for; empty for any account. */
    public List<String> gatewayAccounts()
    {
        return gatewayAccounts;
    }

    public EngineConfig gatewayAccounts(final List<String> accounts)
    {
        this.gatewayAccounts = names(String.join(",", accounts));
        return this;
    }

    /** Whether the gateway may listen on an address other than loopback (it has no authentication and no TLS). */
    public boolean gatewayAllowRemote()
    {
        return gatewayAllowRemote;
    }

    public EngineConfig gatewayAllowRemote(final boolean allow)
    {
        this.gatewayAllowRemote = allow;
        return this;
    }

    public Path snapshotDir()
    {
        return dataDir.resolve("snapshots");
    }

    public Path inputJournalDir()
    {
        return dataDir.resolve("input");
    }

    public Path outputJournalDir()
    {
        return dataDir.resolve("output");
    }

    public String toString()
    {
        return "data=" + dataDir.toAbsolutePath().normalize() + " ring=" + ringSize + " wait=" + waitStrategy +
            " durability=" + durability + " journal=" + (journalEnabled ? "on" : "off") +
            (journalEnabled ? " pretouch=" + (journalPretouch ? "on" : "off") : "") +
            " stages=" + (steppedStages ? "stepped" : singleThreadStages ? "single" : combinedStages ? "combined" :
            "split") +
            " instruments=" + instruments.size() + (createInstrumentsOnFirstUse ? " (+created on first use)" : "");
    }
}
