package org.mmwinter.engine.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.flow.OrderFlowParser;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.pipeline.EngineDirectory;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.Publication;

/**
 * A producer that reads the order-flow CSV (a file or standard input) and publishes each good line into the
 * engine, optionally paced at a fixed rate. The line number travels as the correlation id, so acknowledgements and
 * the journal can be matched back to lines. Bad lines are counted and reported, never published.
 */
public final class FlowSource
{
    /** Source id of the CSV producer in journal records and results. */
    public static final int SOURCE_ID = 1;

    /**
     * Told about every line refused at the edge (it never reaches the engine).
     */
    @FunctionalInterface
    public interface EdgeRejectListener
    {
        void onEdgeReject(long line, int reason, String field);
    }

    private final EnginePipeline pipeline;
    private final long ratePerSecond;
    private final long limit;
    private final EdgeRejectListener rejects;
    // Written by the reader thread alone (lazySet: a store-release, no lock on the hot path), read from others.
    private final AtomicLong linesRead = new AtomicLong();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong edgeRejects = new AtomicLong();

    public FlowSource(final EnginePipeline pipeline, final long ratePerSecond)
    {
        this(pipeline, ratePerSecond, Long.MAX_VALUE, null);
    }

    /**
     * @param limit   stop after this many data lines.
     * @param rejects told about bad lines; null to report them on standard error.
     */
    public FlowSource(
        final EnginePipeline pipeline, final long ratePerSecond, final long limit, final EdgeRejectListener rejects)
    {
        this.pipeline = pipeline;
        this.ratePerSecond = ratePerSecond;
        this.limit = limit;
        this.rejects = rejects;
    }

    /**
     * Reads to the end of {@code reader} (header first).
     *
     * @return false when the engine stopped before the input ended.
     * @throws IOException on a read error or a missing header.
     */
    public boolean run(final BufferedReader reader, final String name) throws IOException
    {
        final String header = reader.readLine();
        if (header == null || !OrderFlowParser.isHeader(header))
        {
            throw new IOException(name + ": missing header, expected the first line to be '" +
                OrderFlowParser.HEADER + "' (optionally followed by ',stp')");
        }
        final EngineDirectory directory = pipeline.directory();
        final OrderFlowParser parser = new OrderFlowParser(directory, directory, directory);
        final CommandEvent command = new CommandEvent();
        final Publication publication = pipeline.publication(SOURCE_ID);
        final long intervalNs = ratePerSecond > 0 ? 1_000_000_000L / ratePerSecond : 0;
        final long start = System.nanoTime();
        long line = 0;
        long publishedCount = published.get();
        long edgeRejectCount = edgeRejects.get();
        String text;
        while (line < limit && (text = reader.readLine()) != null)
        {
            line++;
            linesRead.lazySet(line);
            if (intervalNs > 0)
            {
                final long due = start + (publishedCount + edgeRejectCount) * intervalNs;
                long now;
                while ((now = System.nanoTime()) < due)
                {
                    LockSupport.parkNanos(Math.min(due - now, 1_000_000));
                }
            }
            final int reason = parser.parse(text, command);
            if (reason != RejectReason.NONE)
            {
                edgeRejects.lazySet(++edgeRejectCount);
                if (rejects != null)
                {
                    rejects.onEdgeReject(line, reason, parser.rejectedField());
                }
                else
                {
                    System.err.println(name + ": line " + line + " rejected: " + RejectReason.describe(reason) +
                        " (" + parser.rejectedField() + ")");
                }
                continue;
            }
            long result;
            while ((result = publication.offer(command, line)) == Publication.BUSY)
            {
                LockSupport.parkNanos(20_000);
            }
            if (result < 0)
            {
                return false;
            }
            published.lazySet(++publishedCount);
        }
        return true;
    }

    public long linesRead()
    {
        return linesRead.get();
    }

    public long published()
    {
        return published.get();
    }

    public long edgeRejects()
    {
        return edgeRejects.get();
    }
}
