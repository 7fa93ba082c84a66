package org.mmwinter.bench.harness;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyHarnessTest
{
    @Test
    void measuresEveryCommandOfTheMeasuredPhaseAndDropsTheWarmUp()
    {
        final LatencyRecorder recorder = new LatencyRecorder();
        final InlineTarget target = new InlineTarget(recorder);

        final LatencyResult result = LatencyHarness.run(
            "inline", "test", target, recorder, 100_000, 20_000_000, 50_000_000, 1_000_000_000);

        assertEquals(7_000, target.completed(), "2,000 warm-up and 5,000 measured commands at 100,000/s");
        assertEquals(5_000, result.count());
        assertTrue(result.maxNs() < InlineTarget.WARM_UP_LATENCY_NS, "a warm-up value leaked: " + result);
        assertTrue(result.toJson().startsWith("{\"benchmark\":\"inline\",\"variant\":\"test\",\"offeredRate\":100000"),
            result.toJson());
    }

    /**
     * Completes each command on the sending thread; reports an absurd latency for warm-up commands so that a leak
     * of warm-up values into the result is visible.
     */
    private static final class InlineTarget implements LatencyTarget
    {
        static final long WARM_UP_LATENCY_NS = 50_000_000_000L;

        private final LatencyRecorder recorder;
        private long completed;

        InlineTarget(final LatencyRecorder recorder)
        {
            this.recorder = recorder;
        }

        public void send(final long index, final long intendedNs)
        {
            recorder.record(index, index < 2_000 ? WARM_UP_LATENCY_NS : System.nanoTime() - intendedNs);
            completed++;
        }

        public long completed()
        {
            return completed;
        }
    }
}
