package org.mmwinter.engine.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.StpMode;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.journal.BatchCodec;
import org.mmwinter.engine.journal.ChronicleSettings;
import org.mmwinter.engine.journal.Durability;
import org.mmwinter.engine.journal.InputJournal;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.TradingStatus;
import org.mmwinter.engine.state.EngineState;
import org.mmwinter.engine.state.StateDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code engine.jar export --flow} on a single process's data directory: an input journal written here command by
 * command (the sequences 1, 2, 3, ... and the engine times the sequencer would have given), exported as an
 * order-flow CSV and an instruments file, compared line by line with what the contract says those commands are;
 * and the commands the contract cannot say, each refused with its sequence and no file left behind.
 */
final class FlowExportTest
{
    private static final String HEADER = "ts_ns,action,account,order_id,symbol,side,type,tif,price,qty,stp";

    @TempDir
    Path dir;

    private final List<CommandEvent> journal = new ArrayList<>();

    @Test
    void orderFlowBecomesLinesAndDefinitionsTheInstrumentsFile() throws Exception
    {
        // BTC-USD: tick 5 units of 10^-2 (0.05), lot 1 unit of 10^-3 (0.001); fees -25 and 250 millionths, which
        // the file says in basis points (1 bps = 100 millionths): -0.25 and 2.5.
        add(new CommandEvent().setAddInstrument(new Instrument(0, "BTC-USD", 2, 5, 3, 1, 0, -25, 250)));
        add(new CommandEvent().setRegisterAccount(0, "ALICE"));
        add(new CommandEvent().setRegisterAccount(1, "BOB"));
        // 2000 ticks x 0.05 = 100 (written without trailing zeros), 1500 lots x 0.001 = 1.5.
        add(order(1_000, 0, "a1", Side.BUY, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, 2000, 1500));
        add(new CommandEvent().setVenueStatus(TradingStatus.VENUE_STRESS));
        // 1999 ticks = 99.95 crosses a1 at 100 for 0.5; a1 keeps 1000 lots.
        add(order(2_000, 1, "b1", Side.SELL, OrderType.LIMIT, TimeInForce.IOC, StpMode.CANCEL_NEWEST, 1999, 500));
        // a1 to 1990 ticks = 99.5, 800 lots = 0.8.
        add(amend(3_000, 0, "a1", 0, 1990, 800, ""));
        // No such order: rejected by the core, still a line (the core counts it).
        add(cancel(4_000, 1, "nope", MatchingEngine.ANY_INSTRUMENT));
        add(massCancel(5_000, 1, MatchingEngine.ANY_INSTRUMENT));
        // Takes 0.3 of a1 at 99.5; a1 keeps 500 lots = 0.5.
        add(order(6_000, 1, "b2", Side.SELL, OrderType.MARKET, TimeInForce.IOC, StpMode.NONE,
            MatchingEngine.NO_PRICE, 300));
        add(bookSnapshot(7_000, 0));
        final Path data = writeJournal();

        final Path flow = dir.resolve("out").resolve("flow.csv");
        final String[] printed = export(data, flow, 0);

        assertEquals(List.of(HEADER,
            "1000,NEW,ALICE,a1,BTC-USD,BUY,LIMIT,GTC,100,1.5,NONE",
            "2000,NEW,BOB,b1,BTC-USD,SELL,LIMIT,IOC,99.95,0.5,CANCEL_NEWEST",
            "3000,AMEND,ALICE,a1,BTC-USD,,,,99.5,0.8,",
            "4000,CANCEL,BOB,nope,,,,,,,",
            "5000,MASS_CANCEL,BOB,,,,,,,,",
            "6000,NEW,BOB,b2,BTC-USD,SELL,MARKET,IOC,,0.3,NONE"), Files.readAllLines(flow));
        final Path config = dir.resolve("out").resolve("flow.instruments.conf");
        assertEquals(List.of(
            "# The instruments of the engine that applied flow.csv, for replay match --config.",
            "instruments.create_on_first_use=false",
            "instrument.BTC-USD.tick=0.05",
            "instrument.BTC-USD.lot=0.001",
            "instrument.BTC-USD.band_bps=0",
            "instrument.BTC-USD.maker_fee_bps=-0.25",
            "instrument.BTC-USD.taker_fee_bps=2.5"), Files.readAllLines(config));

        // Six order-flow commands, two trades (0.5 at 100, 0.3 at 99.5); the venue status and the book snapshot
        // change nothing the flow's replay reads and are skipped.
        final EngineState state = OfflineState.rebuild(data);
        assertEquals(6, state.engine().commandCount());
        assertEquals(2, state.engine().tradeCount());
        assertEquals("engine export: flow=" + flow.toAbsolutePath().normalize() + " lines=6 skipped=2 config=" +
            config.toAbsolutePath().normalize() + " (instruments: give it to replay match --config) commands=6 " +
            "digest=" + StateDigest.toHex(state.digest()), printed[0]);
        assertEquals("", printed[1]);
    }

    @Test
    void commandsOnAnInstrumentNeverDefinedNameNoInstrumentAndAreRejectedAlike() throws Exception
    {
        // What an engine creating nothing on first use journals for a symbol it does not list: the unknown id.
        definitions();
        final CommandEvent unknownNew = order(1_000, 0, "a1", Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
            StpMode.NONE, 2000, 1500);
        unknownNew.instrumentId = MatchingEngine.UNKNOWN_INSTRUMENT;
        add(unknownNew);
        add(cancel(2_000, 1, "b1", MatchingEngine.UNKNOWN_INSTRUMENT));
        add(amend(3_000, 0, "a1", MatchingEngine.UNKNOWN_INSTRUMENT, 2000, 1000, ""));
        add(massCancel(4_000, 1, MatchingEngine.UNKNOWN_INSTRUMENT));
        final Path flow = dir.resolve("flow.csv");
        final String[] printed = export(writeJournal(), flow, 0);
        // The parser reads no price or quantity without a definition; the core rejects all four (the export checks
        // that the replay does too, or it fails).
        assertEquals(List.of(HEADER,
            "1000,NEW,ALICE,a1,(no such instrument),BUY,LIMIT,GTC,,,NONE",
            "2000,CANCEL,BOB,b1,(no such instrument),,,,,,",
            "3000,AMEND,ALICE,a1,(no such instrument),,,,,,",
            "4000,MASS_CANCEL,BOB,,(no such instrument),,,,,,"), Files.readAllLines(flow));
        assertTrue(printed[0].contains(" lines=4 skipped=0 "), printed[0]);
        assertTrue(printed[0].contains(" commands=4 "), printed[0]);
    }

    @Test
    void anAppliedHaltFailsNamingItsSequenceAndLeavesNoFile() throws Exception
    {
        definitions();
        add(order(1_000, 0, "a1", Side.BUY, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, 2000, 1500));
        add(halt(2_000, 0));
        assertRefused("cannot write command 5 (HALT) as order flow: the order-flow contract has no halt, and " +
            "without it the replay would accept the NEW and AMEND orders the halted book refused");
    }

    @Test
    void aHaltOfAnUnknownInstrumentChangedNothingAndIsSkipped() throws Exception
    {
        definitions();
        add(halt(1_000, 7));
        add(order(2_000, 0, "a1", Side.BUY, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, 2000, 1500));
        final Path flow = dir.resolve("flow.csv");
        final String[] printed = export(writeJournal(), flow, 0);
        assertEquals(List.of(HEADER, "2000,NEW,ALICE,a1,BTC-USD,BUY,LIMIT,GTC,100,1.5,NONE"),
            Files.readAllLines(flow));
        assertTrue(printed[0].contains(" lines=1 skipped=1 "), printed[0]);
    }

    @Test
    void anAmendThatRenamesItsOrderFails() throws Exception
    {
        definitions();
        add(order(1_000, 0, "a1", Side.BUY, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, 2000, 1500));
        add(amend(2_000, 0, "a1", 0, 2000, 1000, "a2"));
        assertRefused("cannot write command 5 (AMEND) as order flow: renames order a1 to a2 (a contract AMEND " +
            "keeps the order's id)");
    }

    @Test
    void anOrderOnAnUndefinedInstrumentFails() throws Exception
    {
        definitions();
        add(order(1_000, 0, "a1", Side.BUY, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, 2000, 1500));
        add(order(2_000, 1, "b1", Side.SELL, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, 2000, 1500));
        journal.get(journal.size() - 1).instrumentId = 3;
        assertRefused("cannot write command 5 (NEW) as order flow: instrument id 3 is not defined (the contract " +
            "names instruments by symbol)");
    }

    @Test
    void anOrderOfAnUnregisteredAccountFails() throws Exception
    {
        definitions();
        add(order(1_000, 9, "a1", Side.BUY, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, 2000, 1500));
        assertRefused("cannot write command 4 (NEW) as order flow: account id 9 has no registered name (the " +
            "contract names accounts)");
    }

    @Test
    void aLineThatWouldNotParseBackFails() throws Exception
    {
        // A tick of 10^-10: its prices need 10 decimals and the contract allows 8, so the written line is refused
        // by the parser that replay match uses, and the export says so instead of writing it.
        add(new CommandEvent().setAddInstrument(new Instrument(0, "FINE", 10, 1, 0, 1, 0)));
        add(new CommandEvent().setRegisterAccount(0, "ALICE"));
        add(order(1_000, 0, "a1", Side.BUY, OrderType.LIMIT, TimeInForce.GTC, StpMode.NONE, 3, 2));
        assertRefused("command 3 written as '1000,NEW,ALICE,a1,FINE,BUY,LIMIT,GTC,0.0000000003,2,NONE' does not " +
            "parse back: too many decimal places (price)");
    }

    private void definitions()
    {
        add(new CommandEvent().setAddInstrument(new Instrument(0, "BTC-USD", 2, 5, 3, 1, 0)));
        add(new CommandEvent().setRegisterAccount(0, "ALICE"));
        add(new CommandEvent().setRegisterAccount(1, "BOB"));
    }

    private void assertRefused(final String message) throws Exception
    {
        final Path flow = dir.resolve("flow.csv");
        final String[] printed = export(writeJournal(), flow, 1);
        assertEquals("", printed[0]);
        assertEquals("engine export: " + message, printed[1]);
        assertFalse(Files.exists(flow), "no flow left behind");
        assertFalse(Files.exists(dir.resolve("flow.instruments.conf")), "no instruments file left behind");
    }

    private void add(final CommandEvent command)
    {
        journal.add(command);
    }

    private static CommandEvent order(final long nowNs, final int account, final String id, final int side,
        final int type, final int tif, final int stp, final long price, final long qty)
    {
        final CommandEvent c = new CommandEvent().setLimitOrder(account, id, 0, side, tif, price, qty);
        c.orderType = type;
        c.stp = stp;
        c.nowNs = nowNs;
        return c;
    }

    private static CommandEvent amend(final long nowNs, final int account, final String id, final int instrument,
        final long price, final long qty, final String renameTo)
    {
        final CommandEvent c = named(nowNs, CommandType.AMEND, account, id, instrument);
        c.price = price;
        c.qty = qty;
        if (!renameTo.isEmpty())
        {
            c.newClientOrderId.parse(renameTo, 0, renameTo.length());
        }
        return c;
    }

    private static CommandEvent cancel(final long nowNs, final int account, final String id, final int instrument)
    {
        return named(nowNs, CommandType.CANCEL, account, id, instrument);
    }

    private static CommandEvent massCancel(final long nowNs, final int account, final int instrument)
    {
        final CommandEvent c = new CommandEvent().clear();
        c.type = CommandType.MASS_CANCEL;
        c.nowNs = nowNs;
        c.accountId = account;
        c.instrumentId = instrument;
        return c;
    }

    private static CommandEvent halt(final long nowNs, final int instrument)
    {
        final CommandEvent c = new CommandEvent().clear();
        c.type = CommandType.HALT;
        c.nowNs = nowNs;
        c.instrumentId = instrument;
        return c;
    }

    private static CommandEvent bookSnapshot(final long nowNs, final int instrument)
    {
        final CommandEvent c = halt(nowNs, instrument);
        c.type = CommandType.BOOK_SNAPSHOT;
        return c;
    }

    private static CommandEvent named(final long nowNs, final int type, final int account, final String id,
        final int instrument)
    {
        final CommandEvent c = new CommandEvent().clear();
        c.type = type;
        c.nowNs = nowNs;
        c.accountId = account;
        if (c.clientOrderId.parse(id, 0, id.length()) != ClientOrderId.OK)
        {
            throw new IllegalArgumentException(id);
        }
        c.instrumentId = instrument;
        return c;
    }

    /** The commands as one batch of an input journal, sequences 1..n, as the sequencer journals them. */
    private Path writeJournal()
    {
        ChronicleSettings.apply();
        final Path data = dir.resolve("data");
        final BatchCodec codec = new BatchCodec(1 << 12);
        codec.beginBatch(1);
        for (final CommandEvent command : journal)
        {
            codec.add(command);
        }
        codec.endBatch();
        try (InputJournal input = new InputJournal(data.resolve("input"), Durability.NONE))
        {
            input.write(codec);
        }
        return data;
    }

    /**
     * Runs {@code engine.jar export --data DATA --flow FLOW} in this JVM.
     *
     * @return what it printed on standard output and on standard error, trimmed.
     */
    private static String[] export(final Path data, final Path flow, final int expectedExit)
    {
        final EngineConsole export = EngineConsole.run("export", "--data", data.toString(), "--flow", flow.toString());
        final String[] printed = {export.out, export.err};
        assertEquals(expectedExit, export.exitCode, String.join("\n", printed));
        return printed;
    }
}
