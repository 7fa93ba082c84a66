package org.mmwinter.engine.fix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import quickfix.Message;
import quickfix.field.ClOrdID;
import quickfix.field.ExecType;
import quickfix.field.MsgType;
import quickfix.field.Side;
import quickfix.field.TimeInForce;

/**
 * Not a test: round-trip latency from a QuickFIX/J client on loopback, NewOrderSingle to its first ExecutionReport,
 * at fixed rates (from each order's planned send time, so a stall counts against every order it delays), and the
 * most orders a second one session gets answered. Orders are IOC limit buys far below any ask: each is journaled,
 * matched, acknowledged (ExecType 0) and expires (ExecType C), leaving the book empty.
 * <p>
 * Run: {@code mvn -q -pl engine test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt} then
 * {@code java -cp engine/target/test-classes:engine/target/classes:$(cat engine/cp.txt) <chronicle flags>
 * org.mmwinter.engine.fix.FixLatencyBench [orders-per-rate]}.
 */
public final class FixLatencyBench
{
    private FixLatencyBench()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final int orders = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        final Path dir = Files.createTempDirectory("fix-bench");
        try (FixEngine engine = new FixEngine(dir, Map.of("fix.session.CLIENT1.max_msgs_per_s",
            "1000000000"));
            FixClient client = engine.logon("CLIENT1"))
        {
            run(client, 2_000, 1_000, false);
            for (final int rate : new int[]{1_000, 10_000})
            {
                run(client, Math.min(orders, rate * 10), rate, true);
            }
            final long start = System.nanoTime();
            final int flat = run(client, orders, 0, true);
            System.out.printf("flat out: %d orders answered in %.2f s = %.0f orders/s%n", flat,
                (System.nanoTime() - start) / 1e9, flat / ((System.nanoTime() - start) / 1e9));
        }
    }

    /**
     * Sends {@code count} orders at {@code rate} a second (0: as fast as the session takes them) and waits for
     * every first report.
     */
    private static int run(final FixClient client, final int count, final int rate, final boolean print)
        throws Exception
    {
        final ConcurrentHashMap<String, Long> planned = new ConcurrentHashMap<>();
        final Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        final AtomicLong answered = new AtomicLong();
        final Thread reader = new Thread(() ->
        {
            try
            {
                while (answered.get() < count)
                {
                    final Message m = client.poll(1, TimeUnit.SECONDS);
                    if (m == null || !MsgType.EXECUTION_REPORT.equals(FixMessages.type(m)))
                    {
                        continue;
                    }
                    final String execType = FixMessages.get(m, ExecType.FIELD);
                    if ("0".equals(execType) || "8".equals(execType))
                    {
                        final Long sent = planned.remove(FixMessages.get(m, ClOrdID.FIELD));
                        if (sent != null)
                        {
                            histogram.recordValue(Math.max(0, System.nanoTime() - sent));
                            answered.incrementAndGet();
                        }
                    }
                }
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }, "bench-reader");
        reader.start();
        final long interval = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) / rate;
        final long start = System.nanoTime();
        final String prefix = "r" + rate + "-" + start + "-";
        for (int i = 0; i < count; i++)
        {
            final long due = start + i * interval;
            while (rate != 0 && System.nanoTime() < due)
            {
                LockSupport.parkNanos(Math.min(50_000, due - System.nanoTime()));
            }
            final String id = prefix + i;
            planned.put(id, rate == 0 ? System.nanoTime() : due);
            client.send(FixMessages.withTif(FixMessages.limit(id, Side.BUY, "0.001", "1"),
                TimeInForce.IMMEDIATE_OR_CANCEL));
        }
        reader.join(TimeUnit.MINUTES.toMillis(2));
        if (print)
        {
            System.out.printf("rate %s: %d orders, round trip p50 %.1f us, p90 %.1f us, p99 %.1f us, p99.9 %.1f us, " +
                "max %.1f us%n", rate == 0 ? "max" : rate + "/s", answered.get(),
                histogram.getValueAtPercentile(50) / 1e3, histogram.getValueAtPercentile(90) / 1e3,
                histogram.getValueAtPercentile(99) / 1e3, histogram.getValueAtPercentile(99.9) / 1e3,
                histogram.getMaxValue() / 1e3);
        }
        return (int)answered.get();
    }
}
