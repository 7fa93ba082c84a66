package org.mmwinter.replay.crash;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.pipeline.EngineConfig;

/**
 * A crash day's parameters, as a user reads, copies and edits them: the instrument, the start, the crowd (noise
 * traders, informed traders, liquidity providers and how they react to volatility), the phases of the day, the
 * control events and the public record the day is calibrated to. Loaded from a plain JSON file whose every field is
 * checked, so that a bad file is refused with a message naming the field before anything runs.
 */
public final class Scenario
{
    /** Nanoseconds in a second. */
    public static final long NS_PER_S = 1_000_000_000L;

    private static final String[] BUILT_IN = {"terra", "ftx", "exodus"};
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double MAX_RATE = 1e6;
    private static final double MAX_NOTIONAL = 1e12;
    private static final double MAX_DURATION_S = 366.0 * 86_400;

    private final String name;
    private final String description;
    private final EngineConfig.InstrumentSpec instrument;
    private final String start;
    private final long startNs;
    private final double startPrice;
    private final double fullScale;
    private final NoiseTraders noise;
    private final InformedTraders informed;
    private final LiquidityResponse liquidity;
    private final List<ScenarioPhase> phases;
    private final List<ControlEvent> events;
    private final Calibration calibration;

    private Scenario(
        final String name,
        final String description,
        final EngineConfig.InstrumentSpec instrument,
        final String start,
        final double startPrice,
        final double fullScale,
        final NoiseTraders noise,
        final InformedTraders informed,
        final LiquidityResponse liquidity,
        final List<ScenarioPhase> phases,
        final List<ControlEvent> events,
        final Calibration calibration)
    {
        this.name = name;
        this.description = description;
        this.instrument = instrument;
        this.start = start;
        this.startNs = epochNs(Instant.parse(start));
        this.startPrice = startPrice;
        this.fullScale = fullScale;
        this.noise = noise;
        this.informed = informed;
        this.liquidity = liquidity;
        this.phases = List.copyOf(phases);
        this.events = List.copyOf(events);
        this.calibration = calibration;
    }

    /**
     * Reads and checks a scenario file.
     *
     * @throws ScenarioException naming the file and the field when the file is unreadable or any field is wrong.
     */
    public static Scenario load(final Path file)
    {
        final String label = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        final String text;
        try
        {
            text = Files.readString(file);
        }
        catch (final NoSuchFileException ex)
        {
            throw new ScenarioException("scenario " + label + ": no such file: " + file, ex);
        }
        catch (final IOException ex)
        {
            throw new ScenarioException("scenario " + label + ": cannot read " + file + ": " + ex.getMessage(), ex);
        }
        return parse(label, text);
    }

    /**
     * A scenario shipped with the program ({@link #builtInNames()}).
     *
     * @throws ScenarioException for a name that is not built in.
     */
    public static Scenario builtIn(final String name)
    {
        if (!builtInNames().contains(name))
        {
            throw new ScenarioException("no built-in scenario '" + name + "'; built in: " +
                String.join(", ", builtInNames()));
        }
        final String resource = "/scenarios/" + name + ".json";
        try (InputStream in = Scenario.class.getResourceAsStream(resource))
        {
            if (in == null)
            {
                throw new ScenarioException("scenario " + name + ".json: resource " + resource + " is missing");
            }
            return parse(name + ".json", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        catch (final IOException ex)
        {
            throw new ScenarioException("scenario " + name + ".json: cannot read " + resource, ex);
        }
    }

    /** The built-in scenarios, in the order the command lists them. */
    public static List<String> builtInNames()
    {
        return List.of(BUILT_IN);
    }

    /**
     * Checks a scenario document.
     *
     * @param label the file's name, for messages.
     */
    static Scenario parse(final String label, final String text)
    {
        final JsonNode tree;
        try
        {
            tree = JSON.readTree(text);
        }
        catch (final JsonProcessingException ex)
        {
            final String where = ex.getLocation() == null ? "" :
                " at line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr();
            throw new ScenarioException("scenario " + label + ": not valid JSON" + where + ": " +
                ex.getOriginalMessage(), ex);
        }
        return read(ScenarioFields.root(label, tree));
    }

    private static Scenario read(final ScenarioFields root)
    {
        final String name = root.string("name");
        final String description = root.string("description");
        final EngineConfig.InstrumentSpec spec = readInstrument(root.object("instrument"));
        final String start = root.string("start");
        final long startNs;
        try
        {
            startNs = epochNs(Instant.parse(start));
        }
        catch (final DateTimeParseException ex)
        {
            throw root.error("start", "expected a UTC time like \"2022-05-07T00:00:00Z\", got \"" + start + "\"");
        }
        final double startPrice = root.number("start_price", Double.MIN_VALUE, MAX_NOTIONAL);
        final Instrument checked = spec.toInstrument(0);
        final double tick = Double.parseDouble(spec.tick());
        if (startPrice / tick < 1.0 || startPrice / tick > checked.maxPriceTicks())
        {
            throw root.error("start_price", "expected a price of at least one tick (" + spec.tick() +
                ") that fits the engine's range, got " + startPrice);
        }
        final double fullScale = root.number("full_scale", 1, 1e6);
        final NoiseTraders noise = readNoise(root.object("noise"));
        final InformedTraders informed = readInformed(root.object("informed"));
        final LiquidityResponse liquidity = readLiquidity(root.object("liquidity"));
        final List<ScenarioPhase> phases = new ArrayList<>();
        final int phaseCount = root.arrayLength("phases", 1);
        double duration = 0;
        for (int i = 0; i < phaseCount; i++)
        {
            final ScenarioPhase phase = readPhase(root.element("phases", i));
            duration += phase.durationS();
            phases.add(phase);
        }
        final List<ControlEvent> events = new ArrayList<>();
        final int eventCount = root.arrayLength("events", 0);
        double previous = 0;
        for (int i = 0; i < eventCount; i++)
        {
            final ScenarioFields event = root.element("events", i);
            final double atS = event.number("at_s", previous, duration);
            final String type = event.string("type");
            if (!ControlEvent.isType(type))
            {
                throw event.error("type", "expected one of " + String.join(", ", ControlEvent.TYPES) + ", got \"" +
                    type + "\"");
            }
            event.finish();
            events.add(new ControlEvent(atS, type));
            previous = atS;
        }
        final Calibration calibration = readCalibration(root.object("calibration"), startNs, duration);
        root.finish();
        return new Scenario(name, description, spec, start, startPrice, fullScale, noise, informed, liquidity,
            phases, events, calibration);
    }

    private static EngineConfig.InstrumentSpec readInstrument(final ScenarioFields in)
    {
        final String symbol = in.string("symbol");
        final String tick = in.string("tick");
        final String lot = in.string("lot");
        final long band = (long)in.number("band_bps", 0, 1_000_000);
        final long maker = feeRate(in, "maker_fee_bps");
        final long taker = feeRate(in, "taker_fee_bps");
        in.finish();
        checkDecimal(in, "tick", tick);
        checkDecimal(in, "lot", lot);
        final EngineConfig.InstrumentSpec spec = new EngineConfig.InstrumentSpec(symbol, tick, lot, band, maker, taker);
        try
        {
            spec.toInstrument(0);
        }
        catch (final IllegalArgumentException ex)
        {
            throw in.error("tick", ex.getMessage());
        }
        return spec;
    }

    private static void checkDecimal(final ScenarioFields in, final String field, final String value)
    {
        if (!value.matches("[0-9]+(\\.[0-9]+)?") || Double.parseDouble(value) <= 0)
        {
            throw in.error(field, "expected a positive decimal like \"0.01\", got \"" + value + "\"");
        }
    }

    private static long feeRate(final ScenarioFields in, final String field)
    {
        final double bps = in.number(field, -100, 100);
        final double rate = bps * 100;
        if (Math.abs(rate - Math.rint(rate)) > 1e-6)
        {
            throw in.error(field, "expected basis points with at most two decimals, got " + bps);
        }
        return Math.round(rate);
    }

    private static NoiseTraders readNoise(final ScenarioFields in)
    {
        final NoiseTraders noise = new NoiseTraders(
            in.integer("accounts", 1, 10_000),
            in.number("market_share", 0, 1),
            in.number("size_notional", Double.MIN_VALUE, MAX_NOTIONAL),
            in.number("size_alpha", 1.01, 10),
            in.number("size_cap", 1, 1e6),
            in.number("limit_depth_bps", 0, 5_000),
            in.integer("orders_kept", 1, 1_000));
        in.finish();
        return noise;
    }

    private static InformedTraders readInformed(final ScenarioFields in)
    {
        final InformedTraders informed = new InformedTraders(
            in.integer("accounts", 1, 10_000),
            in.number("size_notional", Double.MIN_VALUE, MAX_NOTIONAL));
        in.finish();
        return informed;
    }

    private static LiquidityResponse readLiquidity(final ScenarioFields in)
    {
        final LiquidityResponse liquidity = new LiquidityResponse(
            in.integer("levels", 1, 20),
            in.number("reference_sigma_1m_pct", Double.MIN_VALUE, 100),
            in.number("widen", 0, 100),
            in.number("thin", 0, 100),
            in.number("vol_half_life_s", 1, MAX_DURATION_S));
        in.finish();
        return liquidity;
    }

    private static ScenarioPhase readPhase(final ScenarioFields in)
    {
        final ScenarioPhase phase = new ScenarioPhase(
            in.string("name"),
            in.number("duration_s", 1, MAX_DURATION_S),
            in.number("pressure", -1, 1),
            in.number("noise_rate", 0, MAX_RATE),
            in.number("informed_rate", 0, MAX_RATE),
            in.integer("lp_count", 0, 1_000),
            in.number("lp_spread_bps", Double.MIN_VALUE, 5_000),
            in.number("lp_step_bps", Double.MIN_VALUE, 5_000),
            in.number("lp_level_notional", Double.MIN_VALUE, MAX_NOTIONAL),
            in.number("lp_refresh_rate", Double.MIN_VALUE, MAX_RATE));
        in.finish();
        return phase;
    }

    private static Calibration readCalibration(final ScenarioFields in, final long startNs, final double durationS)
    {
        final String source = in.string("source");
        final LocalDate startDate = Instant.ofEpochSecond(startNs / NS_PER_S).atZone(ZoneOffset.UTC).toLocalDate();
        final long lastDay = (long)Math.ceil(durationS / 86_400) - 1;
        final List<CalibrationDay> days = new ArrayList<>();
        final int dayCount = in.arrayLength("days", 0);
        for (int i = 0; i < dayCount; i++)
        {
            final ScenarioFields day = in.element("days", i);
            final String date = day.string("date");
            final long index;
            try
            {
                index = LocalDate.parse(date).toEpochDay() - startDate.toEpochDay();
            }
            catch (final DateTimeParseException ex)
            {
                throw day.error("date", "expected a date like \"2022-05-07\", got \"" + date + "\"");
            }
            if (index < 0 || index > lastDay)
            {
                throw day.error("date", "expected a day from " + startDate + " to " + startDate.plusDays(lastDay) +
                    " (the scenario's days), got \"" + date + "\"");
            }
            days.add(new CalibrationDay(date, day.number("close", Double.MIN_VALUE, MAX_NOTIONAL),
                day.optionalNumber("sigma_1m_pct", 0, 100, CalibrationDay.NO_FIGURE),
                day.optionalNumber("trades", 0, 1e12, CalibrationDay.NO_FIGURE),
                day.optionalNumber("close_log", 0, 100, Calibration.NO_BAND)));
            day.finish();
        }
        final double recordDrawdown = in.optionalNumber("record_drawdown", 0, 1, Calibration.NO_BAND);
        final ScenarioFields bands = in.object("bands");
        final double closeLog = bands.optionalNumber("close_log", 0, 100, Calibration.NO_BAND);
        final double drawdownMin = bands.optionalNumber("drawdown_min", 0, 1, Calibration.NO_BAND);
        final double drawdownMax = bands.optionalNumber("drawdown_max", Math.max(0, drawdownMin), 1,
            Calibration.NO_BAND);
        final Calibration calibration = new Calibration(source, days, recordDrawdown, closeLog, drawdownMin,
            drawdownMax, bands.optionalNumber("sigma_log", 0, 100, Calibration.NO_BAND),
            bands.optionalNumber("trades_log", 0, 100, Calibration.NO_BAND),
            bands.optionalNumber("spread_ratio_min", 0, 1e6, Calibration.NO_BAND),
            bands.optionalNumber("depth_ratio_max", 0, 1e6, Calibration.NO_BAND));
        bands.finish();
        in.finish();
        return calibration;
    }

    /** The scenario as a JSON document that {@link #load} reads back into an equal scenario. */
    public String toJson()
    {
        final ObjectNode root = JSON.createObjectNode();
        root.put("name", name);
        root.put("description", description);
        final ObjectNode spec = root.putObject("instrument");
        spec.put("symbol", instrument.symbol());
        spec.put("tick", instrument.tick());
        spec.put("lot", instrument.lot());
        spec.put("band_bps", instrument.bandBps());
        spec.put("maker_fee_bps", instrument.makerFeeRate() / 100.0);
        spec.put("taker_fee_bps", instrument.takerFeeRate() / 100.0);
        root.put("start", start);
        root.put("start_price", startPrice);
        root.put("full_scale", fullScale);
        final ObjectNode noiseNode = root.putObject("noise");
        noiseNode.put("accounts", noise.accounts());
        noiseNode.put("market_share", noise.marketShare());
        noiseNode.put("size_notional", noise.sizeNotional());
        noiseNode.put("size_alpha", noise.sizeAlpha());
        noiseNode.put("size_cap", noise.sizeCap());
        noiseNode.put("limit_depth_bps", noise.limitDepthBps());
        noiseNode.put("orders_kept", noise.ordersKept());
        final ObjectNode informedNode = root.putObject("informed");
        informedNode.put("accounts", informed.accounts());
        informedNode.put("size_notional", informed.sizeNotional());
        final ObjectNode liquidityNode = root.putObject("liquidity");
        liquidityNode.put("levels", liquidity.levels());
        liquidityNode.put("reference_sigma_1m_pct", liquidity.referenceSigma1mPct());
        liquidityNode.put("widen", liquidity.widen());
        liquidityNode.put("thin", liquidity.thin());
        liquidityNode.put("vol_half_life_s", liquidity.volHalfLifeS());
        final ArrayNode phaseNodes = root.putArray("phases");
        for (final ScenarioPhase phase : phases)
        {
            final ObjectNode p = phaseNodes.addObject();
            p.put("name", phase.name());
            p.put("duration_s", phase.durationS());
            p.put("pressure", phase.pressure());
            p.put("noise_rate", phase.noiseRate());
            p.put("informed_rate", phase.informedRate());
            p.put("lp_count", phase.lpCount());
            p.put("lp_spread_bps", phase.lpSpreadBps());
            p.put("lp_step_bps", phase.lpStepBps());
            p.put("lp_level_notional", phase.lpLevelNotional());
            p.put("lp_refresh_rate", phase.lpRefreshRate());
        }
        final ArrayNode eventNodes = root.putArray("events");
        for (final ControlEvent event : events)
        {
            eventNodes.addObject().put("at_s", event.atS()).put("type", event.type());
        }
        final ObjectNode cal = root.putObject("calibration");
        cal.put("source", calibration.source());
        final ArrayNode dayNodes = cal.putArray("days");
        for (final CalibrationDay day : calibration.days())
        {
            final ObjectNode d = dayNodes.addObject();
            d.put("date", day.date());
            d.put("close", day.close());
            putFigure(d, "sigma_1m_pct", day.sigma1mPct(), CalibrationDay.NO_FIGURE);
            putFigure(d, "trades", day.trades(), CalibrationDay.NO_FIGURE);
            putFigure(d, "close_log", day.closeLog(), Calibration.NO_BAND);
        }
        putFigure(cal, "record_drawdown", calibration.recordDrawdown(), Calibration.NO_BAND);
        final ObjectNode bands = cal.putObject("bands");
        putFigure(bands, "close_log", calibration.closeLog(), Calibration.NO_BAND);
        putFigure(bands, "drawdown_min", calibration.drawdownMin(), Calibration.NO_BAND);
        putFigure(bands, "drawdown_max", calibration.drawdownMax(), Calibration.NO_BAND);
        putFigure(bands, "sigma_log", calibration.sigmaLog(), Calibration.NO_BAND);
        putFigure(bands, "trades_log", calibration.tradesLog(), Calibration.NO_BAND);
        putFigure(bands, "spread_ratio_min", calibration.spreadRatioMin(), Calibration.NO_BAND);
        putFigure(bands, "depth_ratio_max", calibration.depthRatioMax(), Calibration.NO_BAND);
        try
        {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("a scenario tree always serialises", ex);
        }
    }

    private static void putFigure(final ObjectNode node, final String field, final double value, final double absent)
    {
        if (value != absent)
        {
            node.put(field, value);
        }
    }

    private static long epochNs(final Instant instant)
    {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NS_PER_S), instant.getNano());
    }

    public String name()
    {
        return name;
    }

    public String description()
    {
        return description;
    }

    public String symbol()
    {
        return instrument.symbol();
    }

    public EngineConfig.InstrumentSpec instrument()
    {
        return instrument;
    }

    /** The tick as a number of USD, for turning prices into ticks. */
    public double tickSize()
    {
        return Double.parseDouble(instrument.tick());
    }

    /** The lot as a number of units of the instrument. */
    public double lotSize()
    {
        return Double.parseDouble(instrument.lot());
    }

    public double startPrice()
    {
        return startPrice;
    }

    /** The start of the day as epoch nanoseconds (the real date's). */
    public long startNs()
    {
        return startNs;
    }

    /**
     * The day's length in event time. Both lengths cover the same calendar; {@code full} is denser, not longer.
     */
    public long durationNs(final boolean full)
    {
        double total = 0;
        for (final ScenarioPhase phase : phases)
        {
            total += phase.durationS();
        }
        return Math.round(total * NS_PER_S);
    }

    /** What a full-length day multiplies the arrival rates and the providers' depth by. */
    public double fullScale()
    {
        return fullScale;
    }

    public NoiseTraders noise()
    {
        return noise;
    }

    public InformedTraders informed()
    {
        return informed;
    }

    public LiquidityResponse liquidity()
    {
        return liquidity;
    }

    public List<ScenarioPhase> phases()
    {
        return phases;
    }

    public List<ControlEvent> events()
    {
        return events;
    }

    public Calibration calibration()
    {
        return calibration;
    }

    @Override
    public boolean equals(final Object other)
    {
        return other instanceof Scenario && toJson().equals(((Scenario)other).toJson());
    }

    @Override
    public int hashCode()
    {
        return toJson().hashCode();
    }

    @Override
    public String toString()
    {
        return "Scenario{" + name + ", " + instrument.symbol() + ", " + phases.size() + " phases}";
    }
}
