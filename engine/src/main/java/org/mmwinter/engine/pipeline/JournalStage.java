package org.mmwinter.engine.pipeline;

import com.lmax.disruptor.EventHandler;
import org.agrona.concurrent.EpochNanoClock;
import org.mmwinter.engine.journal.BatchCodec;
import org.mmwinter.engine.journal.InputJournal;
import org.mmwinter.engine.message.CommandEvent;

/**
 * The sequencer: stamps each command with the next journal sequence and a monotonic engine time (read once per
 * batch; or, in a replay in event time, the command's own {@code clientTsNs}), and appends it to the input journal,
 * one document per Disruptor batch (or per {@code maxBatch} commands).
 * The matching stage runs behind this one, so nothing is matched, let alone acknowledged, before its command is in
 * the journal.
 */
final class JournalStage implements EventHandler<CommandEvent>
{
    private final InputJournal journal;
    private final BatchCodec codec = new BatchCodec(1 << 16);
    private final EpochNanoClock clock;
    private final boolean commandTime;
    private final int maxBatch;
    private final FailStop failStop;
    private long sequence;
    private long lastNowNs;
    private boolean batchOpen;
    private boolean clockDue = true;

    JournalStage(
        final InputJournal journal,
        final EpochNanoClock clock,
        final boolean commandTime,
        final int maxBatch,
        final long lastSequence,
        final long lastNowNs,
        final FailStop failStop)
    {
        this.journal = journal;
        this.clock = clock;
        this.commandTime = commandTime;
        this.maxBatch = maxBatch;
        this.sequence = lastSequence;
        this.lastNowNs = lastNowNs;
        this.failStop = failStop;
    }

    public void onEvent(final CommandEvent event, final long ringSequence, final boolean endOfBatch)
    {
        if (failStop.hasFailed())
        {
            return;
        }
        event.sequence = ++sequence;
        if (commandTime)
        {
            lastNowNs = event.clientTsNs > lastNowNs ? event.clientTsNs : lastNowNs;
        }
        else if (clockDue)
        {
            // Read once per Disruptor batch (Aeron's duty-cycle habit): the wall clock costs more than a command.
            final long now = clock.nanoTime();
            // Monotonic even if the wall clock steps back: recovery and matching rely on time never decreasing.
            lastNowNs = now > lastNowNs ? now : lastNowNs;
            clockDue = false;
        }
        event.nowNs = lastNowNs;
        if (endOfBatch)
        {
            clockDue = true;
        }
        if (journal == null)
        {
            return;
        }
        if (!batchOpen)
        {
            codec.beginBatch(event.sequence);
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
