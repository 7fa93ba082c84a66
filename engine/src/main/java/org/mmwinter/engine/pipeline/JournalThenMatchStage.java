package org.mmwinter.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import org.mmwinter.engine.message.CommandEvent;

/**
 * The sequencer and the matching stage on one thread ({@code pipeline.stages=combined}): each Disruptor batch is
 * stamped and journaled as one document, then matched. One thread fewer than the split default; the journal-before-
 * match order, and so the acknowledgement rule, is the same. On 2 cores the split stages measured faster (they
 * overlap journaling one batch with matching the previous), so this is the option, not the default.
 */
final class JournalThenMatchStage implements EventHandler<CommandEvent>
{
    private final JournalStage journal;
    private final MatchStage match;
    private final RingBuffer<CommandEvent> ring;
    private final int maxBatch;
    private long batchStart = -1;

    JournalThenMatchStage(
        final JournalStage journal, final MatchStage match, final RingBuffer<CommandEvent> ring, final int maxBatch)
    {
        this.journal = journal;
        this.match = match;
        this.ring = ring;
        this.maxBatch = maxBatch;
    }

    public void onEvent(final CommandEvent event, final long sequence, final boolean endOfBatch) throws Exception
    {
        if (batchStart < 0)
        {
            batchStart = sequence;
        }
        final boolean flush = endOfBatch || sequence - batchStart + 1 >= maxBatch;
        journal.onEvent(event, sequence, flush);
        if (flush)
        {
            final long start = batchStart;
            batchStart = -1;
            for (long s = start; s <= sequence; s++)
            {
                match.onEvent(ring.get(s), s, s == sequence);
            }
        }
    }
}
