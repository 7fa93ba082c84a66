package org.mmwinter.replay.l2;

import java.io.IOException;

/**
 * A recorded level book read as changes, whatever its layout ({@link IncrementalBookReader} for
 * {@code incremental_book_L2}, {@link SnapshotBookReader} for {@code book_snapshot_N}).
 */
interface BookSource extends AutoCloseable
{
    /** @return false at the end of the file. */
    boolean next(BookEvent out) throws IOException;

    /** Data lines read so far. */
    long rows();

    /** Rows skipped before the first snapshot. */
    long skippedRows();

    /** The layout's name, for the summary. */
    String layout();

    void close() throws IOException;
}
