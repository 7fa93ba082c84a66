package org.mmwinter.engine.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.RestingOrderVisitor;
import org.mmwinter.engine.state.AccountRegistry;
import org.mmwinter.engine.state.EngineState;

import static org.mmwinter.engine.journal.SnapshotRecord.BAND_BPS;
import static org.mmwinter.engine.journal.SnapshotRecord.COMMAND_COUNT;
import static org.mmwinter.engine.journal.SnapshotRecord.HALTED;
import static org.mmwinter.engine.journal.SnapshotRecord.LAST_NOW_NS;
import static org.mmwinter.engine.journal.SnapshotRecord.LAST_ORDER_ID;
import static org.mmwinter.engine.journal.SnapshotRecord.LAST_SEQUENCE;
import static org.mmwinter.engine.journal.SnapshotRecord.LAST_TRADE_PRICE;
import static org.mmwinter.engine.journal.SnapshotRecord.LOT_UNITS;
import static org.mmwinter.engine.journal.SnapshotRecord.MAKER_FEE_RATE;
import static org.mmwinter.engine.journal.SnapshotRecord.PRICE_SCALE;
import static org.mmwinter.engine.journal.SnapshotRecord.QTY_SCALE;
import static org.mmwinter.engine.journal.SnapshotRecord.TAKER_FEE_RATE;
import static org.mmwinter.engine.journal.SnapshotRecord.TICK_UNITS;
import static org.mmwinter.engine.journal.SnapshotRecord.TRADES;
import static org.mmwinter.engine.journal.SnapshotRecord.VENUE_STATUS;

/**
 * Encodes the engine's state as one snapshot ({@link Snapshots}' format, version 4) into a buffer it keeps, and
 * writes that buffer to a file. The two halves are apart so that a periodic snapshot holds the matching thread only
 * for {@link #encode}, one pass over the books into memory that is already there, while {@link #writeTo} runs on
 * another thread; the buffer must then be left alone until the write is done.
 * <p>
 * The buffer is kept from one snapshot to the next and sized from the live order count; {@link #makeRoom} grows it
 * ahead of a growing book from the thread that writes the files, so that the matching thread's encode allocates or
 * copies (doubling the buffer) only when the book outgrew that in one snapshot interval.
 * <p>
 * The few position, instrument and account records go through {@link SnapshotRecord#LAYOUT}'s walk. The resting
 * orders, nearly all of a snapshot's bytes, are written by {@link OrderWriter} field by field in the layout's order:
 * the generic walk (a record object, a field table and an access interface per field) took about 350 ns per order, a
 * third of a second for a million. {@code SnapshotEncoderTest} checks the two give the same bytes.
 */
public final class SnapshotEncoder
{
    private static final int KEEP = 2;
    /** Room reserved per live order before a first snapshot: a decimal id takes about 25 bytes in all. */
    private static final int TYPICAL_ORDER_LENGTH = 32;
    /** An order record at most: the type, nine varints of at most ten bytes, the client order id. */
    private static final int MAX_ORDER_LENGTH = 1 + 9 * 10 + JournalBuffer.MAX_CLIENT_ORDER_ID_LENGTH;
    /** Bytes handed to the file channel at once: bounds the direct buffer the JDK copies a heap buffer into. */
    private static final int WRITE_CHUNK = 1 << 20;

    private final JournalBuffer buffer = new JournalBuffer(1 << 16);
    private final SnapshotRecord record = new SnapshotRecord();
    private final long[] noDeltas = new long[RecordLayout.MAX_FIELDS];
    private final OrderWriter orders = new OrderWriter(buffer);
    private long sequence;

    /**
     * Encodes the state, as of its last applied command, into this encoder's buffer (replacing what was there).
     *
     * @return the snapshot's length in bytes.
     */
    public int encode(final EngineState state)
    {
        final MatchingEngine engine = state.engine();
        final AccountRegistry accounts = state.accounts();
        final JournalBuffer b = buffer;
        final SnapshotRecord r = record;
        b.position = 0;
        b.ensure(capacityFor(engine.liveOrderCount()));
        b.writeByte(Snapshots.VERSION);
        write(SnapshotRecord.POSITION, r.set(LAST_SEQUENCE, state.lastSequence())
            .set(LAST_NOW_NS, state.lastNowNs()).set(COMMAND_COUNT, engine.commandCount())
            .set(LAST_ORDER_ID, engine.lastOrderId()).set(VENUE_STATUS, engine.venueStatus()));
        for (int i = 0; i < engine.instrumentCount(); i++)
        {
            final Instrument instrument = engine.instrument(i);
            write(SnapshotRecord.INSTRUMENT, r.name(instrument.symbol())
                .set(PRICE_SCALE, instrument.priceScale()).set(TICK_UNITS, instrument.tickUnits())
                .set(QTY_SCALE, instrument.qtyScale()).set(LOT_UNITS, instrument.lotUnits())
                .set(BAND_BPS, instrument.priceBandBps()).set(MAKER_FEE_RATE, instrument.makerFeeRate())
                .set(TAKER_FEE_RATE, instrument.takerFeeRate()).set(HALTED, engine.isHalted(i) ? 1 : 0)
                .set(LAST_TRADE_PRICE, engine.lastTradePrice(i)).set(TRADES, engine.tradeCount(i)));
        }
        for (int i = 0; i < accounts.size(); i++)
        {
            write(SnapshotRecord.ACCOUNT, r.name(accounts.name(i)));
        }
        for (int i = 0; i < engine.instrumentCount(); i++)
        {
            engine.forEachRestingOrder(i, orders);
        }
        b.seal();
        sequence = state.lastSequence();
        return b.position;
    }

    /**
     * Once the snapshot last encoded has been written (it is dropped): grows the buffer, if it is smaller, to a state
     * of {@code liveOrders} resting orders and half as many again, so that the next encode of a book up to that size
     * neither allocates nor copies. For the thread that writes the files, or the start: not the matching thread.
     */
    public void makeRoom(final int liveOrders)
    {
        buffer.position = 0;
        buffer.ensure(capacityFor(liveOrders + liveOrders / 2));
    }

    /** Journal sequence of the state last encoded. */
    public long sequence()
    {
        return sequence;
    }

    /** Length of the snapshot last encoded. */
    public int length()
    {
        return buffer.position;
    }

    /** A copy of the snapshot last encoded, for a store other than files (the cluster's snapshot publication). */
    public byte[] toBytes()
    {
        return Arrays.copyOf(buffer.bytes, buffer.position);
    }

    /**
     * Writes the snapshot last encoded into {@code directory}, whole to a temporary file then renamed, and deletes all
     * but the newest two. Reads the buffer only, so it may run on another thread as long as nothing encodes meanwhile.
     * <p>
     * The file's bytes are forced to the device before the rename, and the directory after it: without that, a
     * power loss after the rename could leave a snapshot name over missing bytes while the two older snapshots it
     * replaced are already deleted. Load would then refuse the damaged file (its checksum) and replay the whole
     * journal from its start, the restart the snapshots are there to avoid.
     *
     * @return the file written.
     */
    public Path writeTo(final Path directory) throws IOException
    {
        Files.createDirectories(directory);
        final Path file = directory.resolve(
            String.format("%s%020d%s", Snapshots.PREFIX, sequence, Snapshots.SUFFIX));
        final Path tmp = directory.resolve(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING))
        {
            final byte[] bytes = buffer.bytes;
            final int length = buffer.position;
            for (int at = 0; at < length; )
            {
                at += channel.write(ByteBuffer.wrap(bytes, at, Math.min(WRITE_CHUNK, length - at)));
            }
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        forceDirectory(directory);
        final List<Path> all = Snapshots.list(directory);
        for (int i = 0; i < all.size() - KEEP; i++)
        {
            Files.deleteIfExists(all.get(i));
        }
        return file;
    }

    /**
     * Makes the rename durable: a POSIX system syncs a directory opened for reading. A directory that cannot be
     * opened or synced fails the write like any other I/O error (reported, counted, matching goes on), rather than
     * leaving a snapshot whose durability nobody checked.
     */
    private static void forceDirectory(final Path directory) throws IOException
    {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ))
        {
            channel.force(true);
        }
    }

    private static int capacityFor(final int liveOrders)
    {
        return (int)Math.min(Integer.MAX_VALUE - 16, 1024L + (long)liveOrders * TYPICAL_ORDER_LENGTH);
    }

    private void write(final int kind, final SnapshotRecord r)
    {
        SnapshotRecord.LAYOUT.write(buffer, kind, r, r, noDeltas, null);
    }

    /**
     * Writes one order record per resting order: {@link SnapshotRecord}'s ORDER fields, in its order, each a zig-zag
     * varint but the client order id. One instance per encoder, so the books' walk calls one visitor class.
     */
    private static final class OrderWriter implements RestingOrderVisitor
    {
        private final JournalBuffer b;

        OrderWriter(final JournalBuffer b)
        {
            this.b = b;
        }

        public void onOrder(
            final int instrumentId, final int side, final long price, final long qty, final int accountId,
            final ClientOrderId clientOrderId, final long orderId, final int tif, final int stp,
            final long timestampNs)
        {
            final JournalBuffer b = this.b;
            b.ensure(MAX_ORDER_LENGTH);
            b.writeByte(SnapshotRecord.ORDER);
            b.writeZigZag(instrumentId);
            b.writeZigZag(side);
            b.writeZigZag(price);
            b.writeZigZag(qty);
            b.writeZigZag(accountId);
            b.writeClientOrderId(clientOrderId);
            b.writeZigZag(orderId);
            b.writeZigZag(tif);
            b.writeZigZag(stp);
            b.writeZigZag(timestampNs);
        }
    }
}
