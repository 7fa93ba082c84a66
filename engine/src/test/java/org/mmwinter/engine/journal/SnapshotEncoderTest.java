package org.mmwinter.engine.journal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.StpMode;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.state.AccountRegistry;
import org.mmwinter.engine.state.EngineState;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The snapshot encoder writes the resting orders field by field rather than through {@link SnapshotRecord#LAYOUT}'s
 * walk, into a buffer it keeps: its bytes must be the walk's (the format stays version 4, old snapshots load), a kept
 * buffer must not leak one snapshot into the next, and the loader, which restores orders straight from their records,
 * must still check the whole snapshot before it changes the state.
 */
class SnapshotEncoderTest
{
    @TempDir
    Path dir;

    /**
     * Two books with orders whose ids take each of the id encodings (decimal, lower and upper case UUID, text), on
     * both sides and several levels, every time in force and self-trade mode a resting order can have.
     */
    private static EngineState state(final int orders)
    {
        final EngineState state = new EngineState(MatchingListener.NO_OP, 16);
        final MatchingEngine engine = state.engine();
        engine.addInstrument(new Instrument(0, "ABC-USD", 2, 1, 0, 1, 500, 10, 25));
        engine.addInstrument(new Instrument(1, "XYZ-EUR", 4, 5, 3, 10, 0));
        engine.restoreBook(1, true, 12_345, 17);
        engine.restoreVenueStatus(0);
        state.accounts().register("alice");
        state.accounts().register("bob");
        state.accounts().register("caf\u00e9");
        engine.restoreCounters(99_999, orders * 2L);
        final ClientOrderId id = new ClientOrderId();
        final int[] tifs = {TimeInForce.GTC, TimeInForce.POST_ONLY};
        for (int i = 0; i < orders; i++)
        {
            final String text;
            switch (i % 4)
            {
                case 0:
                    text = Long.toString(1_000_000L + i);
                    break;
                case 1:
                    text = String.format("3f2504e0-4f89-11d3-9a0c-%012x", i);
                    break;
                case 2:
                    text = String.format("3F2504E0-4F89-11D3-9A0C-%012X", i);
                    break;
                default:
                    text = "ord:" + i;
                    break;
            }
            id.parse(text, 0, text.length());
            final int side = i % 3 == 0 ? Side.SELL : Side.BUY;
            final long price = side == Side.BUY ? 1_000 - i % 7 * 5 : 1_100 + i % 5 * 5;
            engine.restoreOrder(i % 2, i % 3, id, 2L * i + 1, side, tifs[i % 2], StpMode.NONE, price, 1 + i % 9,
                1_700_000_000_000_000_000L + i * 1_000L);
        }
        state.restorePosition(123_456, 1_700_000_123_000_000_000L);
        return state;
    }

    /** The snapshot as the layout's walk writes it: what the engine wrote before the encoder, the reference. */
    private static byte[] byTheLayout(final EngineState state)
    {
        final MatchingEngine engine = state.engine();
        final AccountRegistry accounts = state.accounts();
        final JournalBuffer b = new JournalBuffer(1 << 16);
        final SnapshotRecord r = new SnapshotRecord();
        final long[] noDeltas = new long[RecordLayout.MAX_FIELDS];
        b.writeByte(Snapshots.VERSION);
        SnapshotRecord.LAYOUT.write(b, SnapshotRecord.POSITION, r.set(SnapshotRecord.LAST_SEQUENCE,
            state.lastSequence()).set(SnapshotRecord.LAST_NOW_NS, state.lastNowNs())
            .set(SnapshotRecord.COMMAND_COUNT, engine.commandCount())
            .set(SnapshotRecord.LAST_ORDER_ID, engine.lastOrderId())
            .set(SnapshotRecord.VENUE_STATUS, engine.venueStatus()), r, noDeltas, null);
        for (int i = 0; i < engine.instrumentCount(); i++)
        {
            final Instrument instrument = engine.instrument(i);
            SnapshotRecord.LAYOUT.write(b, SnapshotRecord.INSTRUMENT, r.name(instrument.symbol())
                .set(SnapshotRecord.PRICE_SCALE, instrument.priceScale())
                .set(SnapshotRecord.TICK_UNITS, instrument.tickUnits())
                .set(SnapshotRecord.QTY_SCALE, instrument.qtyScale())
                .set(SnapshotRecord.LOT_UNITS, instrument.lotUnits())
                .set(SnapshotRecord.BAND_BPS, instrument.priceBandBps())
                .set(SnapshotRecord.MAKER_FEE_RATE, instrument.makerFeeRate())
                .set(SnapshotRecord.TAKER_FEE_RATE, instrument.takerFeeRate())
                .set(SnapshotRecord.HALTED, engine.isHalted(i) ? 1 : 0)
                .set(SnapshotRecord.LAST_TRADE_PRICE, engine.lastTradePrice(i))
                .set(SnapshotRecord.TRADES, engine.tradeCount(i)), r, noDeltas, null);
        }
        for (int i = 0; i < accounts.size(); i++)
        {
            SnapshotRecord.LAYOUT.write(b, SnapshotRecord.ACCOUNT, r.name(accounts.name(i)), r, noDeltas, null);
        }
        for (int i = 0; i < engine.instrumentCount(); i++)
        {
            engine.forEachRestingOrder(i, (instrumentId, side, price, qty, accountId, clientId, orderId, tif, stp,
                ts) ->
            {
                r.clientOrderId.copyFrom(clientId);
                SnapshotRecord.LAYOUT.write(b, SnapshotRecord.ORDER, r.set(SnapshotRecord.INSTRUMENT_ID, instrumentId)
                    .set(SnapshotRecord.SIDE, side).set(SnapshotRecord.PRICE, price).set(SnapshotRecord.QTY, qty)
                    .set(SnapshotRecord.ACCOUNT_ID, accountId).set(SnapshotRecord.ORDER_ID, orderId)
                    .set(SnapshotRecord.TIF, tif).set(SnapshotRecord.STP, stp)
                    .set(SnapshotRecord.TIMESTAMP_NS, ts), r, noDeltas, null);
            });
        }
        b.seal();
        return Arrays.copyOf(b.bytes, b.position);
    }

    @Test
    void theEncoderWritesTheBytesOfTheLayoutsWalk()
    {
        final EngineState state = state(2_000);
        final byte[] reference = byTheLayout(state);
        assertArrayEquals(reference, Snapshots.encode(state));
        final SnapshotEncoder encoder = new SnapshotEncoder();
        assertEquals(reference.length, encoder.encode(state));
        assertArrayEquals(reference, encoder.toBytes());
        assertEquals(123_456, encoder.sequence());
    }

    @Test
    void aKeptBufferHoldsOnlyTheLatestSnapshot() throws Exception
    {
        final EngineState big = state(5_000);
        final EngineState small = state(10);
        final SnapshotEncoder encoder = new SnapshotEncoder();
        encoder.encode(big);
        encoder.encode(small);
        assertArrayEquals(byTheLayout(small), encoder.toBytes());
        encoder.encode(big);
        // Grown ahead (as the snapshot thread does after a write), then a smaller state again.
        encoder.makeRoom(20_000);
        assertEquals(0, encoder.length(), "the written snapshot is dropped");
        encoder.encode(small);
        assertArrayEquals(byTheLayout(small), encoder.toBytes());
        final Path file = encoder.writeTo(dir);
        assertArrayEquals(byTheLayout(small), Files.readAllBytes(file), "the file is the buffer's snapshot alone");

        final EngineState loaded = new EngineState(MatchingListener.NO_OP, 16);
        final List<String> problems = new ArrayList<>();
        assertEquals(123_456, Snapshots.loadLatest(dir, loaded, problems));
        assertEquals(List.of(), problems);
        assertEquals(small.digest(), loaded.digest());
    }

    @Test
    void aLoadedSnapshotIsTheEncodedState()
    {
        final EngineState state = state(3_000);
        final byte[] bytes = Snapshots.encode(state);
        final EngineState loaded = new EngineState(MatchingListener.NO_OP, 16);
        assertEquals(123_456, Snapshots.load(bytes, bytes.length, loaded, "test"));
        assertEquals(state.digest(), loaded.digest());
        assertEquals(3_000, loaded.engine().liveOrderCount());
        assertEquals(1_700_000_123_000_000_000L, loaded.lastNowNs());
        assertArrayEquals(bytes, Snapshots.encode(loaded), "encoding the loaded state gives the same snapshot");
    }

    @Test
    void aSnapshotCutInItsLastOrderLeavesTheStateUntouched()
    {
        final byte[] whole = Snapshots.encode(state(1_000));
        // The body without its last three bytes (the end of the last order record), sealed again so that the CRC
        // holds: only the record walk can tell, and it must before any order is restored.
        final JournalBuffer cut = new JournalBuffer(whole.length);
        System.arraycopy(whole, 0, cut.bytes, 0, whole.length - 4 - 3);
        cut.position = whole.length - 4 - 3;
        cut.seal();
        final byte[] bytes = Arrays.copyOf(cut.bytes, cut.position);
        final EngineState loaded = new EngineState(MatchingListener.NO_OP, 16);
        final JournalCorruptException ex = assertThrows(JournalCorruptException.class,
            () -> Snapshots.load(bytes, bytes.length, loaded, "cut"));
        assertTrue(ex.getMessage().contains("cut short"), ex.getMessage());
        assertEquals(0, loaded.engine().instrumentCount(), "no instrument was restored");
        assertEquals(0, loaded.accounts().size(), "no account was restored");
        assertEquals(0, loaded.engine().liveOrderCount(), "no order was restored");
        assertEquals(0, loaded.lastSequence());
    }
}
