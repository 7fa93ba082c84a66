package org.mmwinter.bench.jmh.latency;

import java.util.concurrent.atomic.AtomicLong;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import com.lmax.disruptor.util.DaemonThreadFactory;
import org.mmwinter.bench.harness.LatencyHarness;
import org.mmwinter.bench.harness.LatencyOptions;
import org.mmwinter.bench.harness.LatencyRecorder;
import org.mmwinter.bench.harness.LatencyTarget;

/**
 * The yardstick of the pipeline's latency: one Disruptor hop and nothing else, publish on the sending thread,
 * record on the consumer, at the same offered rates and with the same harness as the pipeline. On a 2-core
 * machine its tail is already dominated by scheduling, which is why the issue compares the pipeline to this hop
 * measured in the same run instead of to absolute figures.
 * <p>
 * {@code java -cp benchmarks.jar org.mmwinter.bench.jmh.latency.DisruptorHopLatency --rates 100000,1000000
 * --seconds 5 --variant yielding|busy-spin|blocking --out hop.jsonl}
 */
public final class DisruptorHopLatency implements LatencyTarget
{
    private static final int RING_SIZE = 64 * 1024;

    private final Disruptor<HopEvent> disruptor;
    private final RingBuffer<HopEvent> ring;
    private final AtomicLong completed = new AtomicLong();

    DisruptorHopLatency(final WaitStrategy waitStrategy, final LatencyRecorder recorder)
    {
        disruptor = new Disruptor<>(
            HopEvent::new, RING_SIZE, DaemonThreadFactory.INSTANCE, ProducerType.SINGLE, waitStrategy);
        disruptor.handleEventsWith((event, sequence, endOfBatch) ->
        {
            recorder.record(event.index, System.nanoTime() - event.intendedNs);
            completed.lazySet(completed.get() + 1);
        });
        ring = disruptor.start();
    }

    public void send(final long index, final long intendedNs)
    {
        final long sequence = ring.next();
        final HopEvent event = ring.get(sequence);
        event.index = index;
        event.intendedNs = intendedNs;
        ring.publish(sequence);
    }

    public long completed()
    {
        return completed.get();
    }

    void close()
    {
        disruptor.halt();
    }

    static WaitStrategy waitStrategy(final String name)
    {
        switch (name)
        {
            case "":
            case "yielding":
                return new YieldingWaitStrategy();

            case "busy-spin":
                return new BusySpinWaitStrategy();

            case "blocking":
                return new BlockingWaitStrategy();

            default:
                throw new IllegalArgumentException(
                    "unknown wait strategy " + name + " (yielding, busy-spin, blocking)");
        }
    }

    public static void main(final String[] args)
    {
        final LatencyOptions options = LatencyOptions.parse(args);
        final String variant = options.variant().isEmpty() ? "yielding" : options.variant();
        for (final long rate : options.rates())
        {
            final LatencyRecorder recorder = new LatencyRecorder();
            final DisruptorHopLatency hop = new DisruptorHopLatency(waitStrategy(variant), recorder);
            try
            {
                options.report(LatencyHarness.run("disruptorHop", variant, hop, recorder, rate,
                    options.warmupNs(), options.measureNs(), 30_000_000_000L));
            }
            finally
            {
                hop.close();
            }
        }
    }
}
