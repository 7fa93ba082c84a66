package org.mmwinter.replay.verify;

import java.util.Arrays;

import org.mmwinter.engine.journal.ResultCodec;
import org.mmwinter.engine.message.ResultEvent;

/**
 * A result as the output journal records it: encoded alone with the engine's own {@link ResultCodec}, and read
 * back. Two results the journal cannot tell apart have the same encoding, whatever their unrecorded fields hold (a
 * LEVEL's stale client order id, say), which is what makes the comparison exact and only as strict as the journal.
 */
final class JournalForm
{
    /** Far above one result's encoding (a FILL with two 36-character ids is under 150 bytes). */
    private static final int CAPACITY = 1 << 12;

    private final ResultCodec expected = new ResultCodec(CAPACITY);
    private final ResultCodec actual = new ResultCodec(CAPACITY);
    private final ResultCodec decoder = new ResultCodec(CAPACITY);
    private final ResultEvent readBack = new ResultEvent();

    /**
     * @return whether the journal would record the two results identically.
     */
    boolean same(final ResultEvent recorded, final ResultEvent replayed)
    {
        encode(expected, recorded);
        encode(actual, replayed);
        return Arrays.equals(expected.buffer(), 0, expected.length(), actual.buffer(), 0, actual.length());
    }

    /**
     * The result as the journal would read it back (valid until the next call): the fields it does not record
     * cleared as the reader clears them.
     */
    ResultEvent asRecorded(final ResultEvent replayed)
    {
        encode(actual, replayed);
        final int length = actual.length();
        System.arraycopy(actual.buffer(), 0, decoder.wrapForDecode(length), 0, length);
        decoder.decode(length, readBack, r ->
        {
        }, "the replayed result");
        return readBack;
    }

    private static void encode(final ResultCodec codec, final ResultEvent r)
    {
        codec.beginBatch();
        codec.add(r);
        codec.endBatch();
    }
}
