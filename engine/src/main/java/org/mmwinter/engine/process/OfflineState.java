package org.mmwinter.engine.process;

import java.nio.file.Files;
import java.nio.file.Path;

import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.journal.BatchCodec;
import org.mmwinter.engine.journal.InputJournal;
import org.mmwinter.engine.state.EngineState;

/**
 * Rebuilds the engine's state from a data directory without starting the engine: the {@code digest} and
 * {@code export} tools, which must never write to the journal they inspect.
 */
public final class OfflineState
{
    private OfflineState()
    {
    }

    /**
     * @throws IllegalArgumentException when the directory holds no input journal.
     * @throws org.mmwinter.engine.journal.JournalCorruptException when the journal cannot be trusted.
     */
    public static EngineState rebuild(final Path dataDir)
    {
        final Path input = inputJournal(dataDir);
        final EngineState state = new EngineState(MatchingListener.NO_OP, 1 << 16);
        InputJournal.replayReadOnly(input, state::apply);
        return state;
    }

    /**
     * As {@link #rebuild(Path)}, telling {@code applied} of every journaled command after it is applied (its result
     * set), in the journal's order.
     */
    public static EngineState rebuild(final Path dataDir, final BatchCodec.RecordHandler applied)
    {
        final Path input = inputJournal(dataDir);
        final EngineState state = new EngineState(MatchingListener.NO_OP, 1 << 16);
        InputJournal.replayReadOnly(input, command ->
        {
            command.result = state.apply(command);
            applied.onRecord(command);
        });
        return state;
    }

    private static Path inputJournal(final Path dataDir)
    {
        final Path input = dataDir.resolve("input");
        if (!Files.isDirectory(input))
        {
            throw new IllegalArgumentException("no input journal under " + dataDir.toAbsolutePath() +
                " (expected " + input + ")");
        }
        return input;
    }
}
