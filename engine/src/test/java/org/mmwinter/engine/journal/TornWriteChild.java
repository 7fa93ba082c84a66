package org.mmwinter.engine.journal;

import java.nio.file.Path;

import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.mmwinter.engine.message.CommandEvent;

/**
 * Child process for {@code JournalDamageTest}: writes one complete batch, then dies in the middle of the next
 * document (header claimed, half the bytes written, never committed), the way kill -9 tears a write.
 */
public final class TornWriteChild
{
    private TornWriteChild()
    {
    }

    public static void main(final String[] args)
    {
        ChronicleSettings.apply();
        final Path dir = Path.of(args[0]);
        final BatchCodec codec = new BatchCodec(1024);
        final CommandEvent event = new CommandEvent();
        try (InputJournal journal = new InputJournal(dir, Durability.NONE))
        {
            codec.beginBatch(1);
            event.clear();
            event.setRegisterAccount(0, "torn");
            event.sequence = 1;
            codec.add(event);
            codec.endBatch();
            journal.write(codec);
        }
        final SingleChronicleQueue queue = InputJournal.openQueue(dir, false);
        final ExcerptAppender appender = queue.createAppender();
        final DocumentContext dc = appender.writingDocument();
        dc.wire().bytes().write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        System.out.println("torn");
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
