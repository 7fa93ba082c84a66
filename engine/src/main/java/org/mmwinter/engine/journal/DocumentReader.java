package org.mmwinter.engine.journal;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Reads every document of a journal queue from its start, copying each into a codec's buffer: the one loop both
 * journals' readers share, with the errors of a damaged queue turned into {@link JournalCorruptException}.
 */
final class DocumentReader
{
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

    private DocumentReader()
    {
    }

    /**
     * @return the records read in all documents.
     */
    static long readAll(final SingleChronicleQueue queue, final String name, final DocumentHandler handler)
    {
        long records = 0;
        try (ExcerptTailer tailer = queue.createTailer())
        {
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
