package org.mmwinter.engine.journal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.state.AccountRegistry;
import org.mmwinter.engine.state.EngineState;

/**
 * Snapshots of the engine's state, so that a restart replays only the journal after them. A snapshot is written
 * whole to a temporary file and renamed, checked by CRC when read; a damaged one is reported and skipped for an older
 * one or the full journal, which stays the source of truth. The layout mirrors itself: what {@link #write} writes in
 * one order, {@link #load} reads in the same order.
 */
public final class Snapshots
{
    /** Version 2: string client order ids and engine order ids; a version 1 snapshot is skipped for the journal. */
    private static final int VERSION = 2;
    private static final String PREFIX = "snapshot-";
    private static final String SUFFIX = ".bin";
    private static final int KEEP = 2;

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
        Files.createDirectories(directory);
        final MatchingEngine engine = state.engine();
        final AccountRegistry accounts = state.accounts();
        final JournalBuffer b = new JournalBuffer(1 << 16);
        b.ensure(64);
        b.writeByte(VERSION);
        b.writeZigZag(state.lastSequence());
        b.writeZigZag(state.lastNowNs());
        b.writeZigZag(engine.commandCount());
        b.writeZigZag(engine.lastOrderId());
        b.ensure(16);
        b.writeZigZag(engine.instrumentCount());
        for (int i = 0; i < engine.instrumentCount(); i++)
        {
            final Instrument instrument = engine.instrument(i);
            b.ensure(128);
            writeText(b, instrument.symbol());
            b.ensure(128);
            b.writeZigZag(instrument.priceScale());
            b.writeZigZag(instrument.tickUnits());
            b.writeZigZag(instrument.qtyScale());
            b.writeZigZag(instrument.lotUnits());
            b.writeZigZag(instrument.priceBandBps());
            b.writeZigZag(engine.isHalted(i) ? 1 : 0);
            b.writeZigZag(engine.lastTradePrice(i));
            b.writeZigZag(engine.tradeCount(i));
        }
        b.ensure(16);
        b.writeZigZag(accounts.size());
        for (int i = 0; i < accounts.size(); i++)
        {
            b.ensure(16);
            writeText(b, accounts.name(i));
        }
        b.ensure(16);
        b.writeZigZag(engine.liveOrderCount());
        for (int i = 0; i < engine.instrumentCount(); i++)
        {
            engine.forEachRestingOrder(i, (instrumentId, side, price, qty, accountId, clientId, orderId, tif, stp,
                ts) ->
            {
                b.ensure(100 + JournalBuffer.MAX_CLIENT_ORDER_ID_LENGTH);
                b.writeZigZag(instrumentId);
                b.writeZigZag(side);
                b.writeZigZag(price);
                b.writeZigZag(qty);
                b.writeZigZag(accountId);
                b.writeClientOrderId(clientId);
                b.writeZigZag(orderId);
                b.writeZigZag(tif);
                b.writeZigZag(stp);
                b.writeZigZag(ts);
            });
        }
        b.seal();

        final Path file = directory.resolve(String.format("%s%020d%s", PREFIX, state.lastSequence(), SUFFIX));
        final Path tmp = directory.resolve(file.getFileName() + ".tmp");
        Files.write(tmp, Arrays.copyOf(b.bytes, b.position));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        final List<Path> all = list(directory);
        for (int i = 0; i < all.size() - KEEP; i++)
        {
            Files.deleteIfExists(all.get(i));
        }
        return file;
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
                final JournalBuffer b = new JournalBuffer(bytes.length);
                System.arraycopy(bytes, 0, b.wrapForDecode(bytes.length), 0, bytes.length);
                b.open(bytes.length, 4, "snapshot " + file);
                // Parse fully before touching the state, so a bad snapshot leaves it empty.
                final Loaded loaded = parse(b);
                try
                {
                    loaded.applyTo(state);
                }
                catch (final IllegalStateException | IllegalArgumentException ex)
                {
                    throw new IllegalStateException("snapshot " + file + " parsed but does not describe a valid " +
                        "state (" + ex.getMessage() + "); the partly loaded state must be discarded", ex);
                }
                return loaded.lastSequence;
            }
            catch (final JournalCorruptException | IllegalArgumentException ex)
            {
                problems.add("snapshot " + file + " not used: " + ex.getMessage());
            }
        }
        return 0;
    }

    private static List<Path> list(final Path directory) throws IOException
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

    private static void writeText(final JournalBuffer b, final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        b.writeZigZag(bytes.length);
        b.write(bytes, bytes.length);
    }

    private static String readText(final JournalBuffer b)
    {
        final int length = (int)b.readZigZag();
        if (length < 0 || length > 1024)
        {
            throw new JournalCorruptException("bad text length " + length);
        }
        final byte[] bytes = new byte[length];
        b.read(bytes, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Loaded parse(final JournalBuffer b)
    {
        final int version = b.readByte();
        if (version != VERSION)
        {
            throw new JournalCorruptException("snapshot version " + version + " is not readable by this engine " +
                "(it reads version " + VERSION + ")");
        }
        final Loaded s = new Loaded();
        s.lastSequence = b.readZigZag();
        s.lastNowNs = b.readZigZag();
        s.commandCount = b.readZigZag();
        s.lastOrderId = b.readZigZag();
        final int instruments = (int)b.readZigZag();
        s.instruments = new Instrument[instruments];
        s.books = new long[instruments][3];
        for (int i = 0; i < instruments; i++)
        {
            final String symbol = readText(b);
            s.instruments[i] = new Instrument(i, symbol, (int)b.readZigZag(), b.readZigZag(), (int)b.readZigZag(),
                b.readZigZag(), b.readZigZag());
            s.books[i][0] = b.readZigZag();
            s.books[i][1] = b.readZigZag();
            s.books[i][2] = b.readZigZag();
        }
        final int accounts = (int)b.readZigZag();
        s.accounts = new String[accounts];
        for (int i = 0; i < accounts; i++)
        {
            s.accounts[i] = readText(b);
        }
        final int orders = (int)b.readZigZag();
        if (orders < 0)
        {
            throw new JournalCorruptException("negative order count " + orders);
        }
        s.orders = new RestingOrder[orders];
        for (int i = 0; i < orders; i++)
        {
            final RestingOrder order = new RestingOrder();
            order.instrumentId = (int)b.readZigZag();
            order.side = (int)b.readZigZag();
            order.price = b.readZigZag();
            order.qty = b.readZigZag();
            order.accountId = (int)b.readZigZag();
            b.readClientOrderId(order.clientOrderId);
            order.orderId = b.readZigZag();
            order.tif = (int)b.readZigZag();
            order.stp = (int)b.readZigZag();
            order.timestampNs = b.readZigZag();
            s.orders[i] = order;
        }
        if (!b.fullyRead())
        {
            throw new JournalCorruptException(b.remaining() + " unexpected bytes at the end");
        }
        return s;
    }

    /**
     * A parsed snapshot, applied only once it parsed completely.
     */
    private static final class Loaded
    {
        long lastSequence;
        long lastNowNs;
        long commandCount;
        long lastOrderId;
        Instrument[] instruments;
        long[][] books;
        String[] accounts;
        RestingOrder[] orders;

        void applyTo(final EngineState state)
        {
            final MatchingEngine engine = state.engine();
            for (int i = 0; i < instruments.length; i++)
            {
                engine.addInstrument(instruments[i]);
                engine.restoreBook(i, books[i][0] != 0, books[i][1], books[i][2]);
            }
            for (final String name : accounts)
            {
                state.accounts().register(name);
            }
            engine.restoreCounters(commandCount, lastOrderId);
            for (final RestingOrder o : orders)
            {
                engine.restoreOrder(o.instrumentId, o.accountId, o.clientOrderId, o.orderId, o.side, o.tif, o.stp,
                    o.price, o.qty, o.timestampNs);
            }
            state.restorePosition(lastSequence, lastNowNs);
        }
    }

    /**
     * One resting order as a snapshot keeps it, in the order {@link #write} writes its fields.
     */
    private static final class RestingOrder
    {
        int instrumentId;
        int side;
        long price;
        long qty;
        int accountId;
        final ClientOrderId clientOrderId = new ClientOrderId();
        long orderId;
        int tif;
        int stp;
        long timestampNs;
    }
}
