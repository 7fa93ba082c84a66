package org.mmwinter.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import org.mmwinter.engine.journal.OutputJournal;
import org.mmwinter.engine.journal.ResultCodec;
import org.mmwinter.engine.message.ResultEvent;

/**
 * Appends every result to the output journal, one document per Disruptor batch.
 */
final class OutputJournalStage implements EventHandler<ResultEvent>
{
    private final OutputJournal journal;
    private final ResultCodec codec = new ResultCodec(1 << 16);
    private final int maxBatch;
    private final FailStop failStop;
    private boolean batchOpen;

    OutputJournalStage(final OutputJournal journal, final int maxBatch, final FailStop failStop)
    {
        this.journal = journal;
        this.maxBatch = maxBatch;
        this.failStop = failStop;
    }

    public void onEvent(final ResultEvent event, final long sequence, final boolean endOfBatch)
    {
        if (failStop.hasFailed())
        {
            return;
        }
        if (!batchOpen)
        {
            codec.beginBatch();
            batchOpen = true;
        }
        codec.add(event);
        if (endOfBatch || codec.count() >= maxBatch)
        {
            codec.endBatch();
            journal.write(codec);
            batchOpen = false;
        }
    }
}
