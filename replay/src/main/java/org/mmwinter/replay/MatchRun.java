package org.mmwinter.replay;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.flow.ByteLineReader;
import org.mmwinter.engine.flow.CsvByteWriter;
import org.mmwinter.engine.flow.DefaultInstruments;
import org.mmwinter.engine.flow.FlowCsv;
import org.mmwinter.engine.flow.OrderFlowParser;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.state.AccountRegistry;
import org.mmwinter.engine.state.StateDigest;

/**
 * {@code replay match}: drives an order-flow CSV straight through the matching core and writes
 * {@code trades.csv}, {@code book.csv} and {@code events.csv}. A bad line is recorded and skipped, never fatal.
 * <p>
 * The instruments are the engine's: those of an {@link EngineConfig} (the built-in ones unless a file is given),
 * defined before the first line, then symbols created on first use if that configuration allows it. Given the same
 * configuration, the engine process and this run therefore write the same files and the same digest for any flow.
 * <p>
 * Lines are read and rows written as bytes ({@link ByteLineReader}, {@link CsvByteWriter}): a {@code String} per
 * line and a {@code StringBuilder} per row, decoded and encoded again, were a third of a run.
 */
public final class MatchRun implements MatchingListener
{
    public static final String TRADES_HEADER = FlowCsv.TRADES_HEADER;
    public static final String BOOK_HEADER = FlowCsv.BOOK_HEADER;
    public static final String EVENTS_HEADER = FlowCsv.EVENTS_HEADER;

    /**
     * Bytes read, and written, at a time. Small enough that refilling and flushing happen within the first thousand
     * lines, while the JIT still profiles them: a branch first taken after compilation costs a deoptimization and a
     * recompile of the whole loop, more than fewer system calls save. A longer line grows the reader's buffer.
     */
    private static final int READ_BUFFER = 1 << 16;
    private static final int WRITE_BUFFER = 1 << 15;

    private final MatchingEngine engine = new MatchingEngine(this);
    private final AccountRegistry accounts = new AccountRegistry();
    private final DefaultInstruments instruments;
    private final OrderFlowParser parser;
    private final CommandEvent command = new CommandEvent();

    private final PendingFills fills = new PendingFills();
    private long tradeSeq;
    private long currentTsNs;

    /**
     * Outcome of a run, for the summary line and for tests.
     */
    public record Result(long lines, long commands, long trades, long rejects, long elapsedNs, long digest, Path out)
    {
        public String summary()
        {
            final double seconds = elapsedNs / 1e9;
            final long rate = elapsedNs == 0 ? 0 : (long)(lines / seconds);
            return "replay match: lines=" + lines + " commands=" + commands + " trades=" + trades +
                " rejects=" + rejects + " elapsed=" + String.format("%.3fs", seconds) + " commands/s=" + rate +
                " digest=" + StateDigest.toHex(digest) + " out=" + out.toAbsolutePath();
        }
    }

    /**
     * With the engine's built-in instruments ({@link EngineConfig#defaults()}).
     */
    public MatchRun()
    {
        this(EngineConfig.defaults());
    }

    /**
     * With the instruments of {@code config}: its listed ones, and symbols created on first use when it allows it.
     * Only the instrument settings are read; journals, rings and the gateway do not apply to a run in one thread.
     */
    public MatchRun(final EngineConfig config)
    {
        for (final EngineConfig.InstrumentSpec spec : config.instruments())
        {
            engine.addInstrument(spec.toInstrument(engine.instrumentCount()));
        }
        instruments = new DefaultInstruments(engine, config.createInstrumentsOnFirstUse());
        parser = new OrderFlowParser(instruments, instruments, accounts::register);
    }

    /**
     * @param limit stop after this many data lines ({@code Long.MAX_VALUE} for all).
     * @throws FlowFileException for an unreadable input or a missing header; outputs are then not written.
     */
    public Result run(final Path input, final Path outDir, final long limit) throws IOException
    {
        if (!Files.isRegularFile(input) || !Files.isReadable(input))
        {
            throw new FlowFileException("cannot read input file: " + input);
        }
        final long start = System.nanoTime();
        long lines = 0;
        long rejects = 0;
        try (InputStream in = Files.newInputStream(input))
        {
            final ByteLineReader reader = new ByteLineReader(in, READ_BUFFER);
            if (!reader.next() || !OrderFlowParser.isHeader(new String(reader.buffer(), reader.start(),
                reader.end() - reader.start(), StandardCharsets.UTF_8)))
            {
                throw new FlowFileException(input + ": missing header, expected the first line to be '" +
                    OrderFlowParser.HEADER + "' (optionally followed by ',stp')");
            }
            Files.createDirectories(outDir);
            try (CsvByteWriter trades = newWriter(outDir.resolve("trades.csv"));
                CsvByteWriter events = newWriter(outDir.resolve("events.csv")))
            {
                trades.room(CsvByteWriter.textRoom(TRADES_HEADER) + 1).put(TRADES_HEADER).put('\n');
                events.room(CsvByteWriter.textRoom(EVENTS_HEADER) + 1).put(EVENTS_HEADER).put('\n');
                while (lines < limit && reader.next())
                {
                    lines++;
                    int reason = parser.parse(reader.buffer(), reader.start(), reader.end(), command);
                    String field = parser.rejectedField();
                    if (reason == RejectReason.NONE)
                    {
                        currentTsNs = command.clientTsNs;
                        reason = command.applyTo(engine);
                        field = "";
                        if (fills.count() > 0)
                        {
                            writeFills(trades);
                        }
                    }
                    if (reason != RejectReason.NONE)
                    {
                        rejects++;
                    }
                    FlowCsv.writeEvent(events, lines, reason, field);
                }
            }
            writeBook(outDir.resolve("book.csv"));
        }
        final long elapsed = System.nanoTime() - start;
        return new Result(lines, engine.commandCount(), tradeSeq, rejects, elapsed,
            StateDigest.compute(engine, accounts), outDir);
    }

    private static CsvByteWriter newWriter(final Path path) throws IOException
    {
        return new CsvByteWriter(Files.newOutputStream(path), WRITE_BUFFER);
    }

    private static Writer newTextWriter(final Path path) throws IOException
    {
        return new BufferedWriter(Files.newBufferedWriter(path, StandardCharsets.UTF_8), 1 << 16);
    }

    public void onFill(
        final int instrumentId,
        final long price,
        final long qty,
        final int takerSide,
        final int makerAccountId,
        final long makerOrderId,
        final ClientOrderId makerClientOrderId,
        final long makerRemaining,
        final int takerAccountId,
        final long takerOrderId,
        final ClientOrderId takerClientOrderId,
        final long takerRemaining)
    {
        fills.add(instrumentId, price, qty, takerSide, makerAccountId, makerClientOrderId, takerAccountId,
            takerClientOrderId);
    }

    /**
     * Writes the trades.csv rows of the command just applied, in execution order.
     */
    private void writeFills(final CsvByteWriter trades) throws IOException
    {
        final PendingFills pending = fills;
        final int count = pending.count();
        for (int i = 0; i < count; i++)
        {
            FlowCsv.writeTrade(trades, ++tradeSeq, currentTsNs, engine.instrument(pending.instrumentId(i)),
                pending.price(i), pending.qty(i), pending.takerSide(i), accounts.name(pending.makerAccountId(i)),
                pending.makerOrderId(i), accounts.name(pending.takerAccountId(i)), pending.takerOrderId(i));
        }
        pending.clear();
    }

    private void writeBook(final Path path) throws IOException
    {
        try (Writer book = newTextWriter(path))
        {
            FlowCsv.writeBook(engine, accounts, book);
        }
    }
}
