package org.mmwinter.quoting.journal;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

final class DecisionPrinterTest
{
    @TempDir
    Path dataDir;

    private static final String HEADER = "ts_ns,seq,symbol,reason,flags,mid,sigma,k,a,inventory,reservation," +
        "bid_half_spread,ask_half_spread,best_bid,best_ask,bid_levels,ask_levels,bids,asks,commands_sent,equity," +
        "drawdown";

    @Test
    void csvIsExact()
    {
        writeSmallJournal();

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int printed = DecisionPrinter.print(dataDir, true, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertEquals(4, printed);
        final String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n", -1);
        assertEquals(6, lines.length, "header, four decisions, and the empty rest after the last newline");
        assertEquals(HEADER, lines[0]);
        // BTC-USD: tick 0.5, lot 0.001. Book 60000 and 60001 ticks = 30000 and 30000.5; bids 59994 * 0.5 = 29997
        // for 100 * 0.001 = 0.1, 59993 * 0.5 = 29996.5 for 0.25; ask 60007 * 0.5 = 30003.5 for 0.1.
        // Flags: INVENTORY_SOFT (3) and FILL (15), lowest first. 140.0 prints as 140, 0.0 as 0.
        assertEquals("1700000000000000000,41,BTC-USD,REQUOTE,INVENTORY_SOFT|FILL,30000.25,0.0002,1.5,140,-0.25," +
            "30000.5,2.75,3.25,30000,30000.5,2,1,29997@0.1|29996.5@0.25,30003.5@0.1,3,100012.5,0", lines[1]);
        // ETH-USD with nothing known: every model figure NaN, no book (empty fields), empty ladders; 1e-7 without
        // an exponent.
        assertEquals("1700000000500000000,0,ETH-USD,NO_MARKET,,NaN,NaN,NaN,NaN,NaN,NaN,NaN,NaN,,,0,0,,,0,100012.5," +
            "0.0000001", lines[2]);
        // Instrument 7 never defined: "#7", ticks and lots printed as counts. 1e7 as 10000000, -2.5e-3 as -0.0025.
        assertEquals("1700000001000000000,99,#7,KILL_SWITCH,HALT|VENUE_STRESS,10000000,NaN,NaN,NaN,NaN,NaN,NaN,NaN," +
            "123,,1,0,120@5,,4,-0.0025,12345678.9", lines[3]);
        // ETH-USD: tick 0.01, lot 0.1. 299999 * 0.01 = 2999.99 for 3 * 0.1 = 0.3 exactly (a double product would
        // print 0.30000000000000004); 300004 * 0.01 = 3000.04 for 0.1; book 3000 and 3000.03. 1.5e-4 as 0.00015.
        assertEquals("1700000001500000000,123456789012,ETH-USD,REQUOTE,,3000.015,0.00015,2,55.5,1.2,3000.01,0.02," +
            "0.03,3000,3000.03,1,1,2999.99@0.3,3000.04@0.1,2,100000,12.5", lines[4]);
        assertEquals("", lines[5]);
    }

    @Test
    void textShowsEveryField()
    {
        writeSmallJournal();

        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int printed = DecisionPrinter.print(dataDir, false, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertEquals(4, printed);
        final String text = bytes.toString(StandardCharsets.UTF_8);
        final String[] expected =
        {
            "1700000000000000000  seq 41", "BTC-USD", "REQUOTE", "flags INVENTORY_SOFT|FILL",
            "bid 30000  ask 30000.5  mid 30000.25", "sigma 0.0002  k 1.5  a 140",
            "inventory -0.25  reservation 30000.5  half spreads bid 2.75  ask 3.25",
            "bids     29997@0.1  29996.5@0.25", "asks     30003.5@0.1", "3 commands  equity 100012.5  drawdown 0",
            "NO_MARKET", "flags -", "bid -  ask -  mid NaN", "bids     -", "drawdown 0.0000001",
            "#7", "KILL_SWITCH", "HALT|VENUE_STRESS", "bids     120@5",
            "seq 123456789012", "2999.99@0.3", "3000.04@0.1", "sigma 0.00015  k 2  a 55.5",
        };
        for (final String field : expected)
        {
            assertTrue(text.contains(field), "'" + field + "' in:\n" + text);
        }
        assertEquals(4 * 7, text.split("\n").length, "seven lines a decision");
        assertTrue(text.startsWith("1700000000000000000  seq 41            BTC-USD       REQUOTE             flags "),
            "the first line's columns are padded: " + text.substring(0, text.indexOf('\n')));
    }

    @Test
    void aMissingJournalIsNamed()
    {
        final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        final IllegalArgumentException error =
            assertThrows(IllegalArgumentException.class, () -> DecisionPrinter.print(dataDir, true, out));
        assertEquals("no decision journal under " + dataDir.resolve("bot").resolve("decisions"), error.getMessage());
    }

    @Test
    void anEmptyJournalPrintsTheHeaderAlone()
    {
        DecisionJournal.open(DecisionPrinter.journalDirectory(dataDir)).close();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertEquals(0, DecisionPrinter.print(dataDir, true, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        assertEquals(HEADER + "\n", bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aSymbolWithACommaIsQuoted()
    {
        try (DecisionJournal journal = DecisionJournal.open(DecisionPrinter.journalDirectory(dataDir)))
        {
            journal.defineInstrument(3, "A,\"B\"", 1, 1);
            final Decision d = new Decision();
            d.instrumentId = 3;
            journal.append(d);
        }
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DecisionPrinter.print(dataDir, true, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        final String line = bytes.toString(StandardCharsets.UTF_8).split("\n")[1];
        assertTrue(line.startsWith("0,0,\"A,\"\"B\"\"\",NONE,,NaN,"), line);
    }

    @Test
    void numbersArePlain()
    {
        assertEquals("0", DecisionPrinter.number(0.0));
        assertEquals("0", DecisionPrinter.number(-0.0));
        assertEquals("-1", DecisionPrinter.number(-1.0));
        assertEquals("0.000000000123", DecisionPrinter.number(1.23e-10));
        assertEquals("123000000000000000000000", DecisionPrinter.number(1.23e23));
        assertEquals("Infinity", DecisionPrinter.number(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", DecisionPrinter.number(Double.NEGATIVE_INFINITY));
        // 0.1 + 0.2 is not 0.3 in binary; the shortest text that reads back as it is printed.
        assertEquals("0.30000000000000004", DecisionPrinter.number(0.1 + 0.2));
        // 7 ticks of 0.1 is 0.7 exactly (the double product is 0.7000000000000001); -3 lots of 0.001.
        assertEquals("0.7", DecisionPrinter.scaled(7, 0.1));
        assertEquals("-0.003", DecisionPrinter.scaled(-3, 0.001));
        assertEquals("42", DecisionPrinter.scaled(42, DecisionReader.UNKNOWN_SIZE));
    }

    @Test
    void unknownFlagBitsPrintAsNumbers()
    {
        // Bits 1 (REQUOTE), 18 (NO_MARKET), 20 and 31.
        final int flags = (1 << 1) | (1 << 18) | (1 << 20) | (1 << 31);
        assertEquals("REQUOTE|NO_MARKET|20|31", DecisionPrinter.flagNames(flags, ""));
    }

    private void writeSmallJournal()
    {
        try (DecisionJournal journal = DecisionJournal.open(DecisionPrinter.journalDirectory(dataDir)))
        {
            journal.defineInstrument(1, "BTC-USD", 0.5, 0.001);
            journal.defineInstrument(2, "ETH-USD", 0.01, 0.1);
            final Decision d = new Decision();

            d.nowNs = 1_700_000_000_000_000_000L;
            d.commandSequence = 41;
            d.instrumentId = 1;
            d.reason = DecisionReason.REQUOTE;
            d.flags = DecisionReason.flag(DecisionReason.INVENTORY_SOFT) | DecisionReason.flag(DecisionReason.FILL);
            d.mid = 30_000.25;
            d.sigma = 0.0002;
            d.k = 1.5;
            d.a = 140.0;
            d.inventory = -0.25;
            d.reservation = 30_000.5;
            d.bidHalfSpread = 2.75;
            d.askHalfSpread = 3.25;
            d.bestBidTicks = 60_000;
            d.bestAskTicks = 60_001;
            d.addBid(59_994, 100);
            d.addBid(59_993, 250);
            d.addAsk(60_007, 100);
            d.commandsSent = 3;
            d.equity = 100_012.5;
            d.drawdown = 0.0;
            journal.append(d);

            d.clear();
            d.nowNs = 1_700_000_000_500_000_000L;
            d.instrumentId = 2;
            d.reason = DecisionReason.NO_MARKET;
            d.equity = 100_012.5;
            d.drawdown = 1e-7;
            journal.append(d);

            d.clear();
            d.nowNs = 1_700_000_001_000_000_000L;
            d.commandSequence = 99;
            d.instrumentId = 7;
            d.reason = DecisionReason.KILL_SWITCH;
            d.flags = DecisionReason.flag(DecisionReason.HALT) | DecisionReason.flag(DecisionReason.VENUE_STRESS);
            d.mid = 1e7;
            d.bestBidTicks = 123;
            d.addBid(120, 5);
            d.commandsSent = 4;
            d.equity = -2.5e-3;
            d.drawdown = 12_345_678.9;
            journal.append(d);

            d.clear();
            d.nowNs = 1_700_000_001_500_000_000L;
            d.commandSequence = 123_456_789_012L;
            d.instrumentId = 2;
            d.reason = DecisionReason.REQUOTE;
            d.mid = 3_000.015;
            d.sigma = 1.5e-4;
            d.k = 2;
            d.a = 55.5;
            d.inventory = 1.2;
            d.reservation = 3_000.01;
            d.bidHalfSpread = 0.02;
            d.askHalfSpread = 0.03;
            d.bestBidTicks = 300_000;
            d.bestAskTicks = 300_003;
            d.addBid(299_999, 3);
            d.addAsk(300_004, 1);
            d.commandsSent = 2;
            d.equity = 100_000;
            d.drawdown = 12.5;
            journal.append(d);
        }
    }
}
