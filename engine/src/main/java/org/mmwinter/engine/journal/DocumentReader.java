package org.mmwinter.engine.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.TailerDirection;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads the documents of a journal queue, from its start or from a given document, copying each into a codec's
 * buffer: the one loop both journals' readers share, with the errors of a damaged queue turned into
 * {@link JournalCorruptException}.
 */
final class DocumentReader
{
    /** Start index meaning the queue's first document. */
    static final long FROM_START = -1;

    /**
     * Receives one document's bytes, copied into the array it asked for.
     */
    interface DocumentHandler
    {
        byte[] buffer(int length);

        /**
         * @return the number of records in the document.
         */
        int onDocument(int length, String where);
    }

    /**
     * Reads the sequence a document's first record carries from the first bytes of the document.
     */
    interface HeaderReader
    {
        byte[] buffer(int length);

        long firstSequence(int available, String where);
    }

    private DocumentReader()
    {
    }

    /**
     * @return the records read in all documents.
     */
    static long readAll(final SingleChronicleQueue queue, final String name, final DocumentHandler handler)
    {
        return readFrom(queue, name, FROM_START, handler);
    }

    /**
     * Walks back from the queue's end over the headers of its documents (a few bytes each, nothing decoded or
     * checked) to the last document whose first record's sequence is at most {@code sequence}: the one a replay of
     * what follows {@code sequence - 1} must start from. The cost is the number of documents after it, whatever the
     * length of the queue before it.
     *
     * @return that document's index, or {@link #FROM_START} when every document starts after {@code sequence}, there
     * is none, or the queue cannot be walked back (then the caller reads and checks it all).
     */
    static long lastDocumentStartingBy(
        final SingleChronicleQueue queue, final String name, final long sequence, final int headerBytes,
        final HeaderReader reader)
    {
        try (ExcerptTailer tailer = queue.createTailer())
        {
            tailer.direction(TailerDirection.BACKWARD).toEnd();
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        return FROM_START;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    final int available = (int)Math.min(bytes.readRemaining(), headerBytes);
                    bytes.read(reader.buffer(available), 0, available);
                    final String where = name + " " + queue.fileAbsolutePath() + " document index 0x" +
                        Long.toHexString(dc.index());
                    if (reader.firstSequence(available, where) <= sequence)
                    {
                        return dc.index();
                    }
                }
            }
        }
        catch (final RuntimeException | InternalError | AssertionError ex)
        {
            // The walk back is a shortcut: a queue it cannot walk (a cut file makes Chronicle's backward tailer fail
            // in its own ways, an AssertionError among them) is read from its start instead, where every document
            // is checked and a damaged one refused with the reader's own message.
            return FROM_START;
        }
    }

    /**
     * @param startIndex the index of the first document to read, or {@link #FROM_START}.
     * @return the records read in the documents from {@code startIndex} to the end.
     */
    static long readFrom(
        final SingleChronicleQueue queue, final String name, final long startIndex, final DocumentHandler handler)
    {
        long records = 0;
        try (ExcerptTailer tailer = queue.createTailer())
        {
            if (startIndex != FROM_START && !tailer.moveToIndex(startIndex))
            {
                throw new JournalCorruptException(name + " " + queue.fileAbsolutePath() + " has no document at " +
                    "index 0x" + Long.toHexString(startIndex) + ", which it had a moment ago");
            }
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    final int length = (int)bytes.readRemaining();
                    bytes.read(handler.buffer(length), 0, length);
                    records += handler.onDocument(length,
                        name + " " + queue.fileAbsolutePath() + " document index 0x" + Long.toHexString(dc.index()));
                }
            }
        }
        catch (final JournalCorruptException ex)
        {
            throw ex;
        }
        catch (final RuntimeException ex)
        {
            throw new JournalCorruptException(name + " " + queue.fileAbsolutePath() + " cannot be read after " +
                records + " records: " + ex, ex);
        }
        catch (final InternalError ex)
        {
            // The JVM's answer to touching a memory-mapped page that the file no longer has (a cut file).
            throw new JournalCorruptException(name + " " + queue.fileAbsolutePath() + " is shorter than its " +
                "own layout says (a truncated file?) after " + records + " records: " + ex.getMessage(), ex);
        }
        return records;
    }
}
