package org.mmwinter.engine.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.journal.OutputJournal;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * {@link OutputJournalThread#stop} keeps every result published before it, however far behind the thread is when it
 * is called. A stop that only halted the thread would lose the tail: all of it when the thread has not run yet (the
 * first test, which fails every time without the drain), what came after its last batch when it is parked or busy
 * (the second, streaming faster than a sleeping consumer wakes, which failed one run in three without it).
 */
final class OutputJournalThreadTest
{
    private static final int RESULTS = 20_000;

    @TempDir
    Path dir;

    @Test
    void stopJournalsWhatWasPublishedBeforeTheThreadEverRan()
    {
        assertStopKeepsAll(3_000, false);
    }

    @Test
    void stopJournalsEverythingStreamedBeforeIt()
    {
        assertStopKeepsAll(RESULTS, true);
    }

    /**
     * Publishes {@code count} results (after starting the thread, or before) and stops it straight after the last;
     * then every one is in the journal, in ring order.
     */
    private void assertStopKeepsAll(final int count, final boolean startFirst)
    {
        final FailStop failStop = new FailStop();
        final RingBuffer<ResultEvent> ring =
            RingBuffer.createSingleProducer(ResultEvent::new, 1 << 12, new SleepingWaitStrategy());
        try (OutputJournal journal = new OutputJournal(dir.resolve("output")))
        {
            final OutputJournalThread thread =
                new OutputJournalThread(ring, new OutputJournalStage(journal, 4096, failStop), failStop);
            if (startFirst)
            {
                thread.start();
            }
            for (int i = 0; i < count; i++)
            {
                publish(ring, i);
            }
            if (!startFirst)
            {
                thread.start();
            }
            thread.stop();
        }
        final List<Long> journaled = new ArrayList<>();
        OutputJournal.replayReadOnly(dir.resolve("output"), r -> journaled.add(r.commandSequence));
        assertFalse(failStop.hasFailed(), failStop.describe());
        assertEquals(count, journaled.size(), "results journaled");
        for (int i = 0; i < count; i++)
        {
            assertEquals(i + 1, journaled.get(i), "result " + i + " in ring order");
        }
    }

    /** Result {@code i}: command sequence {@code i + 1}. The journal thread alone gates the ring. */
    private static void publish(final RingBuffer<ResultEvent> ring, final int i)
    {
        final long seq = ring.next();
        final ResultEvent r = ring.get(seq);
        r.type = ResultType.DONE;
        r.commandSequence = i + 1;
        r.sourceId = 3;
        r.correlationId = i;
        r.instrumentId = 0;
        r.accountId = 1;
        final String id = "c" + i;
        r.clientOrderId.parse(id, 0, id.length());
        ring.publish(seq);
    }
}
