package org.mmwinter.engine.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
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
 * Snapshots of the engine's state, so that a restart replays only the journal after them. A snapshot is written
 * whole to a temporary file, forced to disk and renamed, checked by CRC when read; a damaged one is reported and
 * skipped for an older one or the full journal, which stays the source of truth. Its records are described once, in
 * {@link SnapshotRecord}: writing and reading are the same walk over that description, but for the resting orders,
 * which {@link SnapshotEncoder} writes and {@link #load} reads field by field in that description's order (nearly
 * all of a snapshot is orders, and the walk cost several times the bytes' own encoding).
 */
public final class Snapshots
{
    /**
     * Version 4: records described by {@link SnapshotRecord}, with string client order ids, engine order ids, each
     * instrument's fee rates and the venue's status. Version 3 (before fees) is still read, exactly: the engine
     * that wrote it had no fees and no venue status, so its instruments have none and its venue is normal. Anything
     * older is reported and skipped for the journal.
     */
    static final int VERSION = 4;
    private static final int WITHOUT_FEES_VERSION = 3;
    static final String PREFIX = "snapshot-";
    static final String SUFFIX = ".bin";

    private Snapshots()
    {
    }

    /**
     * Writes the state (as of its last applied command) into {@code directory}; keeps the newest two.
     *
     * @return the file written.
     */
    public static Path write(final EngineState state, final Path directory) throws IOException
    {
        final SnapshotEncoder encoder = new SnapshotEncoder();
        encoder.encode(state);
        return encoder.writeTo(directory);
    }

    /**
     * The state (as of its last applied command) as one snapshot, the bytes {@link #write} puts in a file and
     * {@link #load} reads back: for a store other than files (the cluster's snapshot publication).
     */
    public static byte[] encode(final EngineState state)
    {
        final SnapshotEncoder encoder = new SnapshotEncoder();
        encoder.encode(state);
        return encoder.toBytes();
    }

    /**
     * Loads one snapshot made by {@link #encode} into an empty state, checked first (CRC, version, every record) so
     * that a damaged one leaves the state untouched. The bytes are read in place (not copied) and twice: once to
     * check them, keeping only the few position, instrument and account records, then again to restore each resting
     * order straight from its record. Parsing the orders into objects first, as this did, kept a million of them
     * alive through the young collections for the length of the load.
     *
     * @param where names the snapshot in error messages.
     * @return the sequence the snapshot was taken at.
     * @throws JournalCorruptException when the bytes are not a readable snapshot (state untouched).
     * @throws IllegalStateException when the snapshot parsed but could not be applied: the state is then dirty.
     */
    public static long load(final byte[] bytes, final int length, final EngineState state, final String where)
    {
        final JournalBuffer b = new JournalBuffer(0);
        b.wrap(bytes);
        b.open(length, 4, where);
        final Loaded loaded = check(b);
        try
        {
            loaded.applyTo(state);
            state.engine().reserveOrders(loaded.orders);
            b.position = 1;
            restoreOrders(b, loaded.layout, state.engine());
        }
        catch (final IllegalStateException | IllegalArgumentException ex)
        {
            throw new IllegalStateException(where + " parsed but does not describe a valid state (" +
                ex.getMessage() + "); the partly loaded state must be discarded", ex);
        }
        return loaded.lastSequence;
    }

    /**
     * Loads the newest readable snapshot into an empty state.
     *
     * @param problems receives one line per snapshot that could not be used.
     * @return the sequence the snapshot was taken at, or 0 when none was loaded (state untouched).
     * @throws IllegalStateException when a snapshot parsed but could not be applied: the state is then dirty.
     */
    public static long loadLatest(final Path directory, final EngineState state, final List<String> problems)
        throws IOException
    {
        final List<Path> all = list(directory);
        Collections.reverse(all);
        for (final Path file : all)
        {
            try
            {
                final byte[] bytes = Files.readAllBytes(file);
                return load(bytes, bytes.length, state, "snapshot " + file);
            }
            catch (final JournalCorruptException | IllegalArgumentException ex)
            {
                problems.add("snapshot " + file + " not used: " + ex.getMessage());
            }
        }
        return 0;
    }

    static List<Path> list(final Path directory) throws IOException
    {
        if (!Files.isDirectory(directory))
        {
            return new ArrayList<>();
        }
        try (Stream<Path> files = Files.list(directory))
        {
            final List<Path> result = new ArrayList<>();
            files.filter(p ->
            {
                final String name = p.getFileName().toString();
                return name.startsWith(PREFIX) && name.endsWith(SUFFIX);
            }).sorted().forEach(result::add);
            return result;
        }
    }

    /**
     * The first pass: every record read and checked, the position, instruments and accounts kept, the orders counted.
     */
    private static Loaded check(final JournalBuffer b)
    {
        final int version = b.readByte();
        if (version != VERSION && version != WITHOUT_FEES_VERSION)
        {
            throw new JournalCorruptException("snapshot version " + version + " is not readable by this engine " +
                "(it reads versions " + WITHOUT_FEES_VERSION + " and " + VERSION + ")");
        }
        final RecordLayout layout = version == VERSION ? SnapshotRecord.LAYOUT : SnapshotRecord.WITHOUT_FEES;
        final Loaded s = new Loaded(layout);
        final SnapshotRecord r = new SnapshotRecord();
        final long[] noDeltas = new long[RecordLayout.MAX_FIELDS];
        boolean positioned = false;
        while (!b.fullyRead())
        {
            final int kind = b.readByte();
            if (!layout.knows(kind) || (kind == SnapshotRecord.POSITION) == positioned)
            {
                throw new JournalCorruptException("unexpected snapshot record " + kind +
                    (positioned ? "" : " before the position record"));
            }
            switch (kind)
            {
                case SnapshotRecord.POSITION:
                    layout.read(b, kind, r, r, noDeltas);
                    positioned = true;
                    s.lastSequence = r.value(LAST_SEQUENCE);
                    s.lastNowNs = r.value(LAST_NOW_NS);
                    s.commandCount = r.value(COMMAND_COUNT);
                    s.lastOrderId = r.value(LAST_ORDER_ID);
                    s.venueStatus = (int)r.value(VENUE_STATUS);
                    break;
                case SnapshotRecord.INSTRUMENT:
                    layout.read(b, kind, r, r, noDeltas);
                    s.instruments.add(new Instrument(s.instruments.size(), r.name(), (int)r.value(PRICE_SCALE),
                        r.value(TICK_UNITS), (int)r.value(QTY_SCALE), r.value(LOT_UNITS), r.value(BAND_BPS),
                        r.value(MAKER_FEE_RATE), r.value(TAKER_FEE_RATE)));
                    s.books.add(new long[]{r.value(HALTED), r.value(LAST_TRADE_PRICE), r.value(TRADES)});
                    break;
                case SnapshotRecord.ACCOUNT:
                    layout.read(b, kind, r, r, noDeltas);
                    s.accounts.add(r.name());
                    break;
                default:
                    skipOrder(b, r.clientOrderId);
                    s.orders++;
                    break;
            }
        }
        if (!positioned)
        {
            throw new JournalCorruptException("no position record");
        }
        return s;
    }

    /**
     * The second pass over a checked snapshot, from its first record: each resting order restored from its record
     * as it is read, the other records (already applied) read past.
     */
    private static void restoreOrders(final JournalBuffer b, final RecordLayout layout, final MatchingEngine engine)
    {
        final SnapshotRecord r = new SnapshotRecord();
        final long[] noDeltas = new long[RecordLayout.MAX_FIELDS];
        final ClientOrderId clientOrderId = r.clientOrderId;
        while (!b.fullyRead())
        {
            final int kind = b.readByte();
            if (kind != SnapshotRecord.ORDER)
            {
                layout.read(b, kind, r, r, noDeltas);
                continue;
            }
            // The fields of SnapshotRecord's ORDER body, in its order (the same in versions 3 and 4).
            final int instrumentId = (int)b.readZigZag();
            final int side = (int)b.readZigZag();
            final long price = b.readZigZag();
            final long qty = b.readZigZag();
            final int accountId = (int)b.readZigZag();
            b.readClientOrderId(clientOrderId);
            final long orderId = b.readZigZag();
            final int tif = (int)b.readZigZag();
            final int stp = (int)b.readZigZag();
            final long timestampNs = b.readZigZag();
            engine.restoreOrder(instrumentId, accountId, clientOrderId, orderId, side, tif, stp, price, qty,
                timestampNs);
        }
    }

    /** Reads one order record's fields, which checks them, and keeps nothing. */
    private static void skipOrder(final JournalBuffer b, final ClientOrderId scratch)
    {
        for (int i = 0; i < 5; i++)
        {
            b.readZigZag();
        }
        b.readClientOrderId(scratch);
        for (int i = 0; i < 4; i++)
        {
            b.readZigZag();
        }
    }

    /**
     * What the first pass keeps of a snapshot: all but its orders, applied once the whole snapshot has been checked.
     */
    private static final class Loaded
    {
        final RecordLayout layout;
        long lastSequence;
        long lastNowNs;
        long commandCount;
        long lastOrderId;
        int venueStatus;
        int orders;
        final List<Instrument> instruments = new ArrayList<>();
        final List<long[]> books = new ArrayList<>();
        final List<String> accounts = new ArrayList<>();

        Loaded(final RecordLayout layout)
        {
            this.layout = layout;
        }

        /** Everything but the orders, and room for those; the position last, as the orders follow. */
        void applyTo(final EngineState state)
        {
            final MatchingEngine engine = state.engine();
            for (int i = 0; i < instruments.size(); i++)
            {
                engine.addInstrument(instruments.get(i));
                engine.restoreBook(i, books.get(i)[0] != 0, books.get(i)[1], books.get(i)[2]);
            }
            for (final String name : accounts)
            {
                state.accounts().register(name);
            }
            engine.restoreCounters(commandCount, lastOrderId);
            engine.restoreVenueStatus(venueStatus);
            state.restorePosition(lastSequence, lastNowNs);
        }
    }
}
