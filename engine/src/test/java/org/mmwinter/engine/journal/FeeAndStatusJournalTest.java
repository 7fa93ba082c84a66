package org.mmwinter.engine.journal;

import java.nio.charset.StandardCharsets;
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
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.message.TradingStatus;
import org.mmwinter.engine.state.EngineState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fees and the venue's status in every journal: the input journal (version 3) records an instrument's fee rates and
 * VENUE_STATUS, the output journal (version 3) a fill's two fees and STATUS results, snapshots (version 4) the fee
 * rates and the venue's status. The versions before them still read, with no fees (and a normal venue), which is
 * exactly what the engine that wrote them had; and none of them knows the new record types.
 */
final class FeeAndStatusJournalTest
{
    @TempDir
    Path dir;

    @Test
    void instrumentFeesAndTheVenueStatusRoundTripThroughTheInputJournal()
    {
        final BatchCodec codec = new BatchCodec(64);
        codec.beginBatch(41);
        final CommandEvent add = new CommandEvent().setAddInstrument(
            new Instrument(2, "ETH-USD", 8, 1_000_000, 8, 10_000, 500, -25, 250));
        codec.add(add);
        final CommandEvent venue = new CommandEvent().setVenueStatus(TradingStatus.WITHDRAWALS_HALTED);
        venue.nowNs = 5;
        codec.add(venue);
        codec.endBatch();

        final List<String> read = decode(Arrays.copyOf(codec.buffer(), codec.length()));
        assertEquals(List.of(
            "41 ADD_INSTRUMENT Instrument{id=2, symbol=ETH-USD, tick=0.01, lot=0.0001, bandBps=500, " +
                "makerFeeBps=-0.25, takerFeeBps=2.5}",
            "42 VENUE_STATUS 2"), read);
    }

    @Test
    void aVersionTwoInputDocumentReadsItsInstrumentsWithoutFees()
    {
        final JournalBuffer b = new JournalBuffer(256);
        b.beginFrame(2);
        b.writeVarLong(1);
        // ADD_INSTRUMENT: type, header (now, client ts, source, correlation), id, scales, tick, lot, band, name.
        b.writeByte(CommandType.ADD_INSTRUMENT);
        for (final long value : new long[]{10, 0, 0, 0, 0, 8, 1_000_000, 8, 10_000, 1_000})
        {
            b.writeZigZag(value);
        }
        writeText(b, "BTC-USD");
        b.endFrame(1);
        assertEquals(List.of("1 ADD_INSTRUMENT Instrument{id=0, symbol=BTC-USD, tick=0.01, lot=0.0001, " +
            "bandBps=1000}"), decode(Arrays.copyOf(b.bytes, b.position)));

        final JournalBuffer venue = new JournalBuffer(64);
        venue.beginFrame(2);
        venue.writeVarLong(2);
        venue.writeByte(CommandType.VENUE_STATUS);
        for (final long value : new long[]{10, 0, 0, 0, 1})
        {
            venue.writeZigZag(value);
        }
        venue.endFrame(1);
        final JournalCorruptException refused = assertThrows(JournalCorruptException.class,
            () -> decode(Arrays.copyOf(venue.bytes, venue.position)));
        assertTrue(refused.getMessage().contains("unknown record type 15"), refused.getMessage());
    }

    @Test
    void fillFeesAndStatusesRoundTripThroughTheOutputJournal()
    {
        final ResultCodec codec = new ResultCodec(64);
        codec.beginBatch();
        final ResultEvent fill = result(ResultType.FILL);
        fill.accountId = 4;
        fill.orderId = 9;
        fill.clientOrderId.setDecimal(77);
        fill.price = 1_000;
        fill.qty = 3;
        fill.makerAccountId = 2;
        fill.makerOrderId = 8;
        fill.makerClientOrderId.setDecimal(15);
        fill.takerFee = 750_000_000;
        fill.makerFee = -75_000_000;
        codec.add(fill);
        final ResultEvent halted = result(ResultType.STATUS);
        halted.status = TradingStatus.HALTED;
        codec.add(halted);
        final ResultEvent venue = result(ResultType.STATUS);
        venue.instrumentId = MatchingEngine.ANY_INSTRUMENT;
        venue.status = TradingStatus.VENUE_STRESS;
        codec.add(venue);
        codec.endBatch();

        assertEquals(List.of(
            "FILL 4/77#9 maker 2/15#8 1000x3 fees 750000000/-75000000",
            "STATUS instrument 0 HALTED",
            "STATUS instrument -1 VENUE_STRESS"), decodeResults(Arrays.copyOf(codec.buffer(), codec.length())));
    }

    @Test
    void aVersionTwoOutputDocumentReadsItsFillsWithoutFees()
    {
        final JournalBuffer b = new JournalBuffer(256);
        b.beginFrame(2);
        // FILL: header (type, sequence, command type, source, correlation, times, instrument), the taker's account,
        // engine order id and client order id, side, price, qty, remaining, then the maker's account, engine order
        // id, client order id and remaining.
        b.writeByte(ResultType.FILL);
        for (final long value : new long[]{12, CommandType.NEW, 1, 5, 100, 200, 0, 4, 9})
        {
            b.writeZigZag(value);
        }
        b.writeClientOrderId(ClientOrderId.of("77"));
        for (final long value : new long[]{Side.BUY, 1_000, 3, 0, 2, 8})
        {
            b.writeZigZag(value);
        }
        b.writeClientOrderId(ClientOrderId.of("15"));
        b.writeZigZag(7);
        b.endFrame(1);
        assertEquals(List.of("FILL 4/77#9 maker 2/15#8 1000x3 fees 0/0"),
            decodeResults(Arrays.copyOf(b.bytes, b.position)));
    }

    @Test
    void snapshotsKeepFeeRatesAndTheVenueStatus() throws Exception
    {
        final EngineState state = new EngineState(MatchingListener.NO_OP, 64);
        state.engine().addInstrument(new Instrument(0, "BTC-USD", 8, 1, 8, 1, Instrument.NO_BAND, -25, 250));
        state.engine().setVenueStatus(TradingStatus.WITHDRAWALS_HALTED);
        state.engine().halt(0, true);
        Snapshots.write(state, dir);

        final EngineState loaded = new EngineState(MatchingListener.NO_OP, 64);
        final List<String> problems = new ArrayList<>();
        Snapshots.loadLatest(dir, loaded, problems);
        assertEquals(List.of(), problems);
        assertEquals(-25, loaded.engine().instrument(0).makerFeeRate());
        assertEquals(250, loaded.engine().instrument(0).takerFeeRate());
        assertEquals(TradingStatus.WITHDRAWALS_HALTED, loaded.engine().venueStatus());
        assertTrue(loaded.engine().isHalted(0));
    }

    @Test
    void aVersionThreeSnapshotLoadsWithoutFeesAndANormalVenue() throws Exception
    {
        final JournalBuffer b = new JournalBuffer(256);
        b.ensure(256);
        b.writeByte(3);
        // POSITION: last sequence 6, last time 600, 1 command, last engine order id 1.
        b.writeByte(SnapshotRecord.POSITION);
        for (final long value : new long[]{6, 600, 1, 1})
        {
            b.writeZigZag(value);
        }
        // INSTRUMENT: name, scales, tick, lot, band, halted, last trade price (none), trades.
        b.writeByte(SnapshotRecord.INSTRUMENT);
        writeText(b, "BTC-USD");
        for (final long value : new long[]{8, 1_000_000, 8, 10_000, 1_000, 0, MatchingEngine.NO_PRICE, 0})
        {
            b.writeZigZag(value);
        }
        b.writeByte(SnapshotRecord.ACCOUNT);
        writeText(b, "mm");
        // ORDER: instrument, side, price, qty, account, client order id, engine order id, tif (GTC), stp, time.
        b.writeByte(SnapshotRecord.ORDER);
        for (final long value : new long[]{0, Side.BUY, 3_000_000, 2, 0})
        {
            b.writeZigZag(value);
        }
        b.writeClientOrderId(ClientOrderId.of("bid-1"));
        for (final long value : new long[]{1, 0, 0, 500})
        {
            b.writeZigZag(value);
        }
        b.seal();
        Files.write(dir.resolve("snapshot-00000000000000000006.bin"), Arrays.copyOf(b.bytes, b.position));

        final EngineState loaded = new EngineState(MatchingListener.NO_OP, 64);
        final List<String> problems = new ArrayList<>();
        assertEquals(6, Snapshots.loadLatest(dir, loaded, problems));
        assertEquals(List.of(), problems);
        final Instrument btc = loaded.engine().instrument(0);
        assertEquals("Instrument{id=0, symbol=BTC-USD, tick=0.01, lot=0.0001, bandBps=1000}", btc.toString());
        assertEquals(Instrument.NO_FEE, btc.makerFeeRate());
        assertEquals(Instrument.NO_FEE, btc.takerFeeRate());
        assertEquals(TradingStatus.VENUE_NORMAL, loaded.engine().venueStatus());
        assertEquals(1, loaded.engine().liveOrderCount());
        assertEquals(3_000_000, loaded.engine().bestPrice(0, Side.BUY));
    }

    private static ResultEvent result(final int type)
    {
        final ResultEvent r = new ResultEvent();
        r.type = type;
        r.commandSequence = 12;
        r.commandType = type == ResultType.FILL ? CommandType.NEW : CommandType.HALT;
        r.accountId = -1;
        r.makerAccountId = -1;
        return r;
    }

    private static void writeText(final JournalBuffer b, final String text)
    {
        final byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        b.writeZigZag(bytes.length);
        b.write(bytes, bytes.length);
    }

    private static List<String> decode(final byte[] bytes)
    {
        final BatchCodec codec = new BatchCodec(16);
        System.arraycopy(bytes, 0, codec.wrapForDecode(bytes.length), 0, bytes.length);
        final List<String> records = new ArrayList<>();
        codec.decode(bytes.length, new CommandEvent(), e -> records.add(e.sequence + " " + CommandType.name(e.type) +
            " " + (e.type == CommandType.ADD_INSTRUMENT ? e.toInstrument().toString() : Integer.toString(e.status))),
            "test");
        return records;
    }

    private static List<String> decodeResults(final byte[] bytes)
    {
        final ResultCodec codec = new ResultCodec(16);
        System.arraycopy(bytes, 0, codec.wrapForDecode(bytes.length), 0, bytes.length);
        final List<String> results = new ArrayList<>();
        codec.decode(bytes.length, new ResultEvent(), r -> results.add(r.type == ResultType.STATUS ?
            "STATUS instrument " + r.instrumentId + " " + TradingStatus.name(r.instrumentId, r.status) :
            ResultType.name(r.type) + " " + r.accountId + "/" + r.clientOrderId + "#" + r.orderId + " maker " +
            r.makerAccountId + "/" + r.makerClientOrderId + "#" + r.makerOrderId + " " + r.price + "x" + r.qty +
            " fees " + r.takerFee + "/" + r.makerFee), "test");
        return results;
    }
}
