package org.mmwinter.engine.process;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.agrona.collections.IntArrayList;
import org.agrona.collections.LongArrayList;
import org.mmwinter.engine.core.FixedPoint;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.flow.DefaultInstruments;
import org.mmwinter.engine.flow.OrderFlowParser;
import org.mmwinter.engine.flow.OrderFlowWriter;
import org.mmwinter.engine.journal.BatchCodec;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.state.AccountRegistry;
import org.mmwinter.engine.state.EngineState;
import org.mmwinter.engine.state.StateDigest;

/**
 * {@code engine.jar export --flow}: what an engine applied (a cluster member's log, a single process's input
 * journal), in its order, as an order-flow CSV for {@code replay match --input}, plus the configuration file that
 * gives {@code replay match --config} the same instruments. Told of each command after it is applied.
 * <p>
 * Order flow becomes one line each ({@link OrderFlowWriter}), rejected commands too (the core counts them). The
 * definitions become what the contract has instead: accounts are named on the lines and registered on first use,
 * instruments are the configuration's. Commands that change nothing matching reads or the digest covers (the venue's
 * status, a book snapshot, a RESUME, which can only meet a running book since a HALT fails the export) are
 * skipped and counted. A HALT the engine applied cannot be said: it fails, naming its sequence. So does any command
 * the contract cannot spell as applied.
 * <p>
 * Then the export checks itself the way {@code replay match} will run it: it reads the written configuration and
 * flow back through {@link OrderFlowParser} into a fresh core, and each line must give the result the engine gave
 * and the end state the engine's digest. Anything else fails with the sequence of the first command that differs;
 * the caller deletes the files then.
 */
final class AppliedFlowExport implements BatchCodec.RecordHandler
{
    private static final String NOT_REFUSED = "";

    private final Path flowFile;
    private final Path configFile;
    private final Writer flow;
    /** Definitions as the engine applied them: instruments by id, account names by id. */
    private final MatchingEngine definitions = new MatchingEngine(MatchingListener.NO_OP, 1);
    private final AccountRegistry accounts = new AccountRegistry();
    /** Per written line: the command's sequence and the engine's result. */
    private final LongArrayList sequences = new LongArrayList();
    private final IntArrayList results = new IntArrayList();
    private final StringBuilder row = new StringBuilder(160);
    private long skipped;
    /** Why the first command the contract cannot say could not be written; {@link #NOT_REFUSED} until one. */
    private String refusal = NOT_REFUSED;

    /**
     * The outcome, for the tool's line.
     *
     * @param lines   order-flow lines written (the engine's command count).
     * @param skipped commands applied that change nothing the flow's replay reads.
     */
    record Summary(long lines, long skipped, long digest, Path flow, Path config)
    {
    }

    private AppliedFlowExport(final Path flowFile, final Path configFile, final Writer flow)
    {
        this.flowFile = flowFile;
        this.configFile = configFile;
        this.flow = flow;
    }

    /**
     * Opens {@code flowFile} for writing (its directory created); the configuration goes beside it
     * ({@link #configFileFor}).
     */
    static AppliedFlowExport open(final Path flowFile) throws IOException
    {
        final Path parent = flowFile.toAbsolutePath().getParent();
        if (parent != null)
        {
            Files.createDirectories(parent);
        }
        final Writer flow = new BufferedWriter(Files.newBufferedWriter(flowFile, StandardCharsets.UTF_8), 1 << 16);
        flow.write(OrderFlowWriter.HEADER);
        flow.write('\n');
        return new AppliedFlowExport(flowFile, configFileFor(flowFile), flow);
    }

    /** {@code NAME.csv} gets {@code NAME.instruments.conf} beside it (another name gets the suffix added). */
    static Path configFileFor(final Path flowFile)
    {
        final String name = flowFile.getFileName().toString();
        final String stem = name.endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
        return flowFile.resolveSibling(stem + ".instruments.conf");
    }

    /**
     * A command the contract cannot say is not thrown from here (a journal reader would report it as its own
     * failure to read): it is kept, everything after it ignored, and {@link #finish} fails with it.
     */
    public void onRecord(final CommandEvent command)
    {
        if (!NOT_REFUSED.equals(refusal))
        {
            return;
        }
        try
        {
            write(command);
        }
        catch (final IllegalArgumentException ex)
        {
            refusal = ex.getMessage();
        }
    }

    private void write(final CommandEvent command)
    {
        final int type = command.type;
        if (CommandType.isOrderFlow(type))
        {
            row.setLength(0);
            try
            {
                OrderFlowWriter.append(row, command, definitions, accounts);
                flow.append(row);
            }
            catch (final IllegalArgumentException ex)
            {
                throw cannotSay(command, ex.getMessage());
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException("writing " + flowFile, ex);
            }
            sequences.addLong(command.sequence);
            results.addInt(command.result);
            return;
        }
        switch (type)
        {
            case CommandType.ADD_INSTRUMENT:
                if (command.result == RejectReason.NONE)
                {
                    defineInstrument(command);
                }
                break;
            case CommandType.REGISTER_ACCOUNT:
                if (command.result == RejectReason.NONE)
                {
                    accounts.register(command.name());
                }
                break;
            case CommandType.HALT:
                if (command.result == RejectReason.NONE)
                {
                    throw cannotSay(command, "the order-flow contract has no halt, and without it the replay " +
                        "would accept the NEW and AMEND orders the halted book refused");
                }
                skipped++;
                break;
            default:
                // RESUME, VENUE_STATUS, BOOK_SNAPSHOT and records no engine applies: nothing matching reads.
                skipped++;
                break;
        }
    }

    private void defineInstrument(final CommandEvent command)
    {
        final Instrument instrument = command.toInstrument();
        final String symbol = instrument.symbol();
        if (!OrderFlowWriter.isPlainField(symbol) || !isPlainKey(symbol))
        {
            throw cannotSay(command, "symbol '" + symbol + "' cannot be a CSV field and a configuration key as " +
                "it is");
        }
        definitions.addInstrument(instrument);
    }

    /** Characters a properties key may hold without escaping, and that keep instrument.SYMBOL.tick parseable. */
    private static boolean isPlainKey(final String symbol)
    {
        for (int i = 0; i < symbol.length(); i++)
        {
            final char c = symbol.charAt(i);
            if (c <= ' ' || c == '=' || c == ':' || c == '#' || c == '!' || c == '\\' || c > '~')
            {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException cannotSay(final CommandEvent command, final String why)
    {
        return new IllegalArgumentException("cannot write command " + command.sequence + " (" +
            CommandType.name(command.type) + ") as order flow: " + why);
    }

    /**
     * Closes the flow, writes the configuration and checks both against {@code state}, the state the engine
     * reached.
     *
     * @throws IllegalArgumentException when {@code replay match} would not reach it.
     */
    Summary finish(final EngineState state) throws IOException
    {
        flow.close();
        if (!NOT_REFUSED.equals(refusal))
        {
            throw new IllegalArgumentException(refusal);
        }
        writeConfig();
        final long digest = replayDigest();
        if (digest != state.digest())
        {
            throw new IllegalArgumentException("the written flow replays to digest " + StateDigest.toHex(digest) +
                ", the engine's is " + StateDigest.toHex(state.digest()));
        }
        return new Summary(sequences.size(), skipped, digest, flowFile, configFile);
    }

    /** Deletes what was written (after a failure), quietly: the failure is what the caller reports. */
    void discard()
    {
        try
        {
            flow.close();
        }
        catch (final IOException ex)
        {
            // Deleted next either way.
        }
        try
        {
            Files.deleteIfExists(flowFile);
            Files.deleteIfExists(configFile);
        }
        catch (final IOException ex)
        {
            // Nothing more to do: the caller reports the failure that brought us here.
        }
    }

    private void writeConfig() throws IOException
    {
        final StringBuilder text = new StringBuilder(256);
        text.append("# The instruments of the engine that applied ").append(flowFile.getFileName())
            .append(", for replay match --config.\n");
        // The flow names only instruments the engine had defined: nothing is created on first use.
        text.append("instruments.create_on_first_use=false\n");
        for (int id = 0; id < definitions.instrumentCount(); id++)
        {
            final Instrument instrument = definitions.instrument(id);
            final String prefix = "instrument." + instrument.symbol() + ".";
            text.append(prefix).append("tick=");
            FixedPoint.append(text, instrument.tickUnits(), instrument.priceScale()).append('\n');
            text.append(prefix).append("lot=");
            FixedPoint.append(text, instrument.lotUnits(), instrument.qtyScale()).append('\n');
            text.append(prefix).append("band_bps=").append(instrument.priceBandBps()).append('\n');
            // Fee rates are millionths of notional: hundredths of a basis point, the file's 2 decimals.
            text.append(prefix).append("maker_fee_bps=");
            FixedPoint.append(text, instrument.makerFeeRate(), 2).append('\n');
            text.append(prefix).append("taker_fee_bps=");
            FixedPoint.append(text, instrument.takerFeeRate(), 2).append('\n');
        }
        Files.writeString(configFile, text, StandardCharsets.UTF_8);
    }

    /**
     * Runs the written files as {@code replay match} does: the configuration's instruments first, then each line
     * parsed and applied at its ts_ns.
     */
    private long replayDigest() throws IOException
    {
        final EngineConfig config = EngineConfig.load(configFile);
        final MatchingEngine engine = new MatchingEngine(MatchingListener.NO_OP);
        for (final EngineConfig.InstrumentSpec spec : config.instruments())
        {
            engine.addInstrument(spec.toInstrument(engine.instrumentCount()));
        }
        final AccountRegistry replayAccounts = new AccountRegistry();
        final DefaultInstruments instruments = new DefaultInstruments(engine, config.createInstrumentsOnFirstUse());
        final OrderFlowParser parser = new OrderFlowParser(instruments, instruments, replayAccounts::register);
        final CommandEvent command = new CommandEvent();
        try (BufferedReader reader = Files.newBufferedReader(flowFile, StandardCharsets.UTF_8))
        {
            reader.readLine();
            for (int i = 0; i < sequences.size(); i++)
            {
                final String line = reader.readLine();
                final int parsed = parser.parse(line, command);
                if (parsed != RejectReason.NONE)
                {
                    throw new IllegalArgumentException("command " + sequences.getLong(i) + " written as '" + line +
                        "' does not parse back: " + RejectReason.describe(parsed) + " (" + parser.rejectedField() +
                        ")");
                }
                final int reason = command.applyTo(engine);
                if (reason != results.getInt(i))
                {
                    throw new IllegalArgumentException("command " + sequences.getLong(i) + " written as '" + line +
                        "' replays as " + RejectReason.describe(reason) + ", the engine's result was " +
                        RejectReason.describe(results.getInt(i)));
                }
            }
        }
        return StateDigest.compute(engine, replayAccounts);
    }
}
