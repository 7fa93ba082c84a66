package org.mmwinter.engine.process;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import com.lmax.disruptor.EventHandler;
import org.mmwinter.engine.flow.CsvByteWriter;
import org.mmwinter.engine.flow.FlowCsv;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.pipeline.EngineDirectory;
import org.mmwinter.engine.state.EngineState;

/**
 * Writes the files of the order-flow contract for a flow routed through the engine: trades.csv as fills arrive on
 * the outbound ring, events.csv and book.csv once the flow is done. With it the engine and {@code replay match} can
 * be compared file for file.
 */
public final class FlowOutputCollector implements EventHandler<ResultEvent>, FlowSource.EdgeRejectListener
{
    private EngineDirectory directory;
    private static final int WRITE_BUFFER = 1 << 16;

    private final CsvByteWriter trades;
    private final Map<Long, EdgeReject> edgeRejects = new HashMap<>();
    private int[] engineReasons = new int[1024];
    private long tradeSeq;

    public FlowOutputCollector(final Path outDir) throws IOException
    {
        Files.createDirectories(outDir);
        trades = new CsvByteWriter(Files.newOutputStream(outDir.resolve("trades.csv")), WRITE_BUFFER);
        trades.room(CsvByteWriter.textRoom(FlowCsv.TRADES_HEADER) + 1).put(FlowCsv.TRADES_HEADER).put('\n');
    }

    /**
     * The directory that names ids in the output; set before the pipeline starts.
     */
    public FlowOutputCollector bind(final EngineDirectory directory)
    {
        this.directory = directory;
        return this;
    }

    public void onEvent(final ResultEvent r, final long sequence, final boolean endOfBatch) throws IOException
    {
        if (r.sourceId != FlowSource.SOURCE_ID)
        {
            return;
        }
        if (r.type == ResultType.FILL)
        {
            FlowCsv.writeTrade(trades, ++tradeSeq, r.clientTsNs, directory.instrument(r.instrumentId), r.price, r.qty,
                r.side, directory.accountName(r.makerAccountId), r.makerClientOrderId,
                directory.accountName(r.accountId), r.clientOrderId);
        }
        else if (r.type == ResultType.DONE)
        {
            final int line = (int)r.correlationId;
            if (line >= engineReasons.length)
            {
                engineReasons = Arrays.copyOf(engineReasons, Math.max(line + 1, engineReasons.length * 2));
            }
            engineReasons[line] = r.rejectReason;
        }
    }

    public synchronized void onEdgeReject(final long line, final int reason, final String field)
    {
        edgeRejects.put(line, new EdgeReject(reason, field));
    }

    public long trades()
    {
        return tradeSeq;
    }

    /**
     * Closes trades.csv and writes events.csv and book.csv; call once the engine is idle.
     */
    public synchronized void finish(final Path outDir, final long lines, final EngineState state) throws IOException
    {
        trades.close();
        try (CsvByteWriter events =
            new CsvByteWriter(Files.newOutputStream(outDir.resolve("events.csv")), WRITE_BUFFER))
        {
            events.room(CsvByteWriter.textRoom(FlowCsv.EVENTS_HEADER) + 1).put(FlowCsv.EVENTS_HEADER).put('\n');
            for (long line = 1; line <= lines; line++)
            {
                final EdgeReject edge = edgeRejects.get(line);
                if (edge != null)
                {
                    FlowCsv.writeEvent(events, line, edge.reason(), edge.field());
                }
                else
                {
                    FlowCsv.writeEvent(events, line, line < engineReasons.length ? engineReasons[(int)line] : 0, "");
                }
            }
        }
        try (Writer book = new BufferedWriter(
            Files.newBufferedWriter(outDir.resolve("book.csv"), StandardCharsets.UTF_8), 1 << 16))
        {
            FlowCsv.writeBook(state.engine(), state.accounts(), book);
        }
        catch (final UncheckedIOException ex)
        {
            throw ex.getCause();
        }
    }

    /**
     * A line the parser refused, with the field it was about.
     */
    private record EdgeReject(int reason, String field)
    {
    }
}
