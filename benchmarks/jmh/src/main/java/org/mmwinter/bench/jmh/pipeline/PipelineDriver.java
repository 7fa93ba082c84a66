package org.mmwinter.bench.jmh.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.lmax.disruptor.EventHandler;
import org.agrona.concurrent.OffsetEpochNanoClock;
import org.mmwinter.bench.harness.LatencyRecorder;
import org.mmwinter.bench.jmh.ClientOrderIdTable;
import org.mmwinter.bench.jmh.EngineBookAdapter;
import org.mmwinter.bench.workload.CommandArrays;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.Publication;

/**
 * Our {@link EnginePipeline} set up for the workload (its instrument, and its accounts registered so that the
 * workload's account numbers are the engine's ids), fed from one producer thread and counting the DONE result that
 * ends each command it sent. The counterpart of exchange-core's side {@code ExchangeCorePipeline}.
 */
public final class PipelineDriver implements AutoCloseable
{
    /** {@link org.mmwinter.engine.message.CommandEvent#sourceId} of the commands this driver sends. */
    public static final int SOURCE_ID = 7;
    private static final long AWAIT_TIMEOUT_NS = TimeUnit.MINUTES.toNanos(5);

    private final EnginePipeline pipeline;
    private final Publication publication;
    private final CommandEvent command = new CommandEvent();
    private final DoneCounter done = new DoneCounter();
    private final int instrumentId;
    private long published;

    private PipelineDriver(final EngineConfig config, final int accounts, final List<EventHandler<ResultEvent>> more)
    {
        if (config.journalEnabled())
        {
            JvmFlags.requireChronicleAccess();
        }
        final List<EventHandler<ResultEvent>> handlers = new ArrayList<>();
        handlers.add(done);
        handlers.addAll(more);
        pipeline = new EnginePipeline(config, handlers, List.of(), new OffsetEpochNanoClock());
        pipeline.start();
        publication = pipeline.publication(SOURCE_ID);
        instrumentId = pipeline.directory().define(EngineBookAdapter.instrument(0));
        if (instrumentId == MatchingEngine.UNKNOWN_INSTRUMENT)
        {
            throw new IllegalStateException("the pipeline stopped while defining the instrument: " +
                pipeline.failStop().describe());
        }
        for (int account = 0; account <= accounts; account++)
        {
            final int id = pipeline.directory().resolve("bench-" + account);
            if (id != account)
            {
                throw new IllegalStateException("account bench-" + account + " got id " + id + ", expected " +
                    account + ": the pipeline must start from an empty journal");
            }
        }
    }

    /**
     * Starts a pipeline with the instrument and accounts {@code 0 .. accounts} (the workload numbers them from 1).
     */
    public static PipelineDriver start(final EngineConfig config, final int accounts)
    {
        return new PipelineDriver(config, accounts, List.of());
    }

    /**
     * As {@link #start(EngineConfig, int)}, with {@code results} seeing every result too (on a thread of its own, as
     * any result handler of a threaded pipeline).
     */
    public static PipelineDriver start(
        final EngineConfig config, final int accounts, final EventHandler<ResultEvent> results)
    {
        return new PipelineDriver(config, accounts, List.of(results));
    }

    /**
     * Sends command {@code index} of {@code commands} with the id {@code ids} has for its order.
     */
    public void publish(
        final CommandArrays commands, final int index, final ClientOrderIdTable ids, final long clientTsNs)
    {
        publish(commands, index, ids.get(commands.orderIds()[index]), clientTsNs);
    }

    /**
     * Sends command {@code index} of {@code commands} naming {@code clientOrderId}, yielding while the inbound ring
     * is full (on 2 cores a producer spinning on a full ring takes the core the engine needs).
     *
     * @param clientTsNs carried to the command's results (the latency mains put its planned send time there).
     */
    public void publish(
        final CommandArrays commands, final int index, final ClientOrderId clientOrderId, final long clientTsNs)
    {
        final CommandEvent command = this.command;
        WorkloadCommands.write(commands, index, clientOrderId, command, instrumentId, SOURCE_ID, published, clientTsNs);
        long result;
        while ((result = publication.offer(command, published)) == Publication.BUSY)
        {
            Thread.yield();
        }
        if (result < 0)
        {
            throw new IllegalStateException("the pipeline stopped: " + pipeline.failStop().describe());
        }
        published++;
    }

    /**
     * Sends every command of {@code commands} and waits for all their results.
     */
    public void publishAndAwait(final CommandArrays commands, final ClientOrderIdTable ids)
    {
        for (int i = 0; i < commands.count(); i++)
        {
            publish(commands, i, ids, 0);
        }
        awaitCompleted(published);
    }

    /**
     * Waits (yielding) until {@code count} of this driver's commands have their DONE result.
     *
     * @throws IllegalStateException if the pipeline failed, or after five minutes without getting there.
     */
    public void awaitCompleted(final long count)
    {
        final long deadline = System.nanoTime() + AWAIT_TIMEOUT_NS;
        while (done.completed.get() < count)
        {
            if (pipeline.failStop().hasFailed())
            {
                throw new IllegalStateException("the pipeline failed: " + pipeline.failStop().describe());
            }
            if (System.nanoTime() > deadline)
            {
                throw new IllegalStateException("only " + done.completed.get() + " of " + count +
                    " commands completed after five minutes");
            }
            Thread.yield();
        }
    }

    /** Commands sent so far (called from the producer thread only). */
    public long published()
    {
        return published;
    }

    /** Commands whose DONE result came out. */
    public long completed()
    {
        return done.completed.get();
    }

    /** Commands the engine refused (DONE with a reject reason): the workload is built so that there are none. */
    public long rejects()
    {
        return done.rejects.get();
    }

    /**
     * From now on, records the latency of each DONE (now minus the command's {@code clientTsNs}) under index
     * {@code completed() - base}, the index the latency harness gave the command.
     */
    public void recordLatency(final LatencyRecorder recorder, final long base)
    {
        done.latencyBase = base;
        done.latencyRecorder = recorder;
    }

    public EnginePipeline pipeline()
    {
        return pipeline;
    }

    public void close()
    {
        pipeline.close();
    }

    /**
     * Runs on the pipeline's result thread; sees every result, counts the DONE of this driver's commands.
     */
    private static final class DoneCounter implements EventHandler<ResultEvent>
    {
        private final AtomicLong completed = new AtomicLong();
        private final AtomicLong rejects = new AtomicLong();
        private volatile LatencyRecorder latencyRecorder;
        private volatile long latencyBase;

        public void onEvent(final ResultEvent event, final long sequence, final boolean endOfBatch)
        {
            if (event.type != ResultType.DONE || event.sourceId != SOURCE_ID)
            {
                return;
            }
            if (event.rejectReason != 0)
            {
                rejects.lazySet(rejects.get() + 1);
            }
            final long count = completed.get();
            final LatencyRecorder recorder = latencyRecorder;
            if (recorder != null)
            {
                recorder.record(count - latencyBase, System.nanoTime() - event.clientTsNs);
            }
            completed.lazySet(count + 1);
        }
    }
}
