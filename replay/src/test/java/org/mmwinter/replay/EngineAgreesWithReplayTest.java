package org.mmwinter.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmwinter.engine.flow.FlowFiles;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.process.EngineMain;
import org.mmwinter.engine.process.PipelineFlowRun;
import org.mmwinter.engine.state.StateDigest;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same flows through the full engine (Disruptor rings, sequencer, Chronicle journal, matching stage) and through
 * {@code replay match}: the three output files must be identical and the digests equal. Conformance cases and the
 * golden flow are checked against their expected files through the engine too. Both sides get the same instruments:
 * the built-in ones ({@code new MatchRun()} and {@link EngineConfig#defaults()}), or one configuration file given to
 * both.
 */
final class EngineAgreesWithReplayTest
{
    private static final String HEADER = "ts_ns,action,account,order_id,symbol,side,type,tif,price,qty,stp\n";

    /**
     * Replaces the built-in list with two coarse instruments and turns creation on first use off: every
     * {@link FlowFiles} flow uses SYM0 (10^-8 in the generator, so about half its prices and half its quantities
     * are off this 2-unit tick and lot), and lines on its other symbols are rejected as unknown instruments.
     */
    private static final String SYM_CONFIG = "instruments.create_on_first_use=false\n" +
        "instrument.SYM0.tick=0.00000002\ninstrument.SYM0.lot=0.00000002\n" +
        "instrument.SYM1.tick=0.00000002\ninstrument.SYM1.lot=0.00000002\n";

    private static EngineConfig engineConfig(final Path data)
    {
        // The built-in instruments, which replay match also uses unless given a configuration file.
        return EngineConfig.defaults().dataDir(data).ringSize(1024);
    }

    private static Path write(final Path file, final String text) throws IOException
    {
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    static List<String> conformanceCases() throws IOException
    {
        return ConformanceTest.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conformanceCases")
    void conformanceCasesPassThroughTheEngine(final String name, @TempDir final Path tmp) throws IOException
    {
        final Path dir = CsvOutputs.resource("conformance/" + name);
        final PipelineFlowRun.Result engine = PipelineFlowRun.run(engineConfig(tmp.resolve("data")),
            dir.resolve("flow.csv"), tmp.resolve("engine"), Long.MAX_VALUE);
        CsvOutputs.assertEquivalent(dir.resolve("expected"), tmp.resolve("engine"));
        final MatchRun.Result replay = new MatchRun().run(dir.resolve("flow.csv"), tmp.resolve("replay"),
            Long.MAX_VALUE);
        CsvOutputs.assertIdentical(tmp.resolve("replay"), tmp.resolve("engine"));
        assertEquals(StateDigest.toHex(replay.digest()), StateDigest.toHex(engine.digest()));
    }

    @Test
    void theGoldenFlowPassesThroughTheEngine(@TempDir final Path tmp) throws IOException
    {
        final Path dir = CsvOutputs.resource("golden");
        final PipelineFlowRun.Result engine = PipelineFlowRun.run(engineConfig(tmp.resolve("data")),
            dir.resolve("flow.csv"), tmp.resolve("engine"), Long.MAX_VALUE);
        CsvOutputs.assertIdentical(dir.resolve("expected"), tmp.resolve("engine"));
        final MatchRun.Result replay = new MatchRun().run(dir.resolve("flow.csv"), tmp.resolve("replay"),
            Long.MAX_VALUE);
        assertEquals(StateDigest.toHex(replay.digest()), StateDigest.toHex(engine.digest()));
    }

    static LongStream seeds()
    {
        return LongStream.rangeClosed(1, 12);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomFlowsGiveIdenticalFilesThroughBothFrontEnds(final long seed, @TempDir final Path tmp)
        throws IOException
    {
        final Path flow = FlowFiles.write(tmp.resolve("flow.csv"), seed, 4_000);
        final MatchRun.Result replay = new MatchRun().run(flow, tmp.resolve("replay"), Long.MAX_VALUE);
        final PipelineFlowRun.Result engine = PipelineFlowRun.run(engineConfig(tmp.resolve("data")), flow,
            tmp.resolve("engine"), Long.MAX_VALUE);
        CsvOutputs.assertIdentical(tmp.resolve("replay"), tmp.resolve("engine"));
        assertEquals(replay.commands(), engine.commands(), "seed " + seed);
        assertEquals(replay.trades(), engine.trades(), "seed " + seed);
        assertEquals(StateDigest.toHex(replay.digest()), StateDigest.toHex(engine.digest()), "seed " + seed);
    }

    @Test
    void limitStopsBothFrontEndsAtTheSameLine(@TempDir final Path tmp) throws IOException
    {
        final Path flow = FlowFiles.write(tmp.resolve("flow.csv"), 99, 3_000);
        final MatchRun.Result replay = new MatchRun().run(flow, tmp.resolve("replay"), 1_234);
        final PipelineFlowRun.Result engine = PipelineFlowRun.run(engineConfig(tmp.resolve("data")), flow,
            tmp.resolve("engine"), 1_234);
        CsvOutputs.assertIdentical(tmp.resolve("replay"), tmp.resolve("engine"));
        assertEquals(StateDigest.toHex(replay.digest()), StateDigest.toHex(engine.digest()));
    }

    @Test
    void theEnginesExportOfItsJournalsMatchesReplayMatch(@TempDir final Path tmp) throws IOException
    {
        final Path flow = FlowFiles.write(tmp.resolve("flow.csv"), 21, 5_000);
        final MatchRun.Result replay = new MatchRun().run(flow, tmp.resolve("replay"), Long.MAX_VALUE);
        final Path data = tmp.resolve("data");
        PipelineFlowRun.run(engineConfig(data), flow, tmp.resolve("engine"), Long.MAX_VALUE);

        final int exit = new CommandLine(new EngineMain())
            .execute("export", "--data", data.toString(), "--out", tmp.resolve("export").toString());
        assertEquals(0, exit);
        assertEquals(CsvOutputs.text(tmp.resolve("replay").resolve(CsvOutputs.TRADES)),
            CsvOutputs.text(tmp.resolve("export").resolve(CsvOutputs.TRADES)), "trades.csv from the output journal");
        assertEquals(CsvOutputs.text(tmp.resolve("replay").resolve(CsvOutputs.BOOK)),
            CsvOutputs.text(tmp.resolve("export").resolve(CsvOutputs.BOOK)), "book.csv rebuilt from the input journal");
        assertEquals(replay.trades(), CsvOutputs.dataRows(tmp.resolve("export").resolve(CsvOutputs.TRADES)));
    }

    @Test
    void bothFrontEndsRejectLinesOffTheBuiltInTicksAndLotsAlike(@TempDir final Path tmp) throws IOException
    {
        final Path flow = write(tmp.resolve("flow.csv"), HEADER +
            // 8-decimal prices and quantities, valid at 10^-8 but off BTC-USD's 0.01 tick and 0.0001 lot.
            "1000,NEW,a,1,BTC-USD,SELL,LIMIT,GTC,30000.00000001,0.5,\n" +
            "2000,NEW,a,2,BTC-USD,SELL,LIMIT,GTC,30000.5,0.00000001,\n" +
            "3000,NEW,a,3,BTC-USD,SELL,LIMIT,GTC,30000.5,0.5,\n" +
            // Half a cent on ETH-USD's 0.01 tick; 0.0005 SOL is 1/20 of its 0.01 lot.
            "4000,NEW,b,4,ETH-USD,BUY,LIMIT,GTC,3000.005,1,\n" +
            "5000,NEW,b,5,SOL-USD,BUY,LIMIT,GTC,145.001,0.0005,\n" +
            // Takes 0.2 of order 3 at 30000.5, leaving 0.3.
            "6000,NEW,b,6,BTC-USD,BUY,MARKET,IOC,,0.2,\n");

        final MatchRun.Result replay = new MatchRun().run(flow, tmp.resolve("replay"), Long.MAX_VALUE);
        final PipelineFlowRun.Result engine = PipelineFlowRun.run(engineConfig(tmp.resolve("data")), flow,
            tmp.resolve("engine"), Long.MAX_VALUE);

        assertEquals(List.of(
            "line,result,reason",
            "1,REJECTED,price not a multiple of the tick size (price)",
            "2,REJECTED,quantity not a multiple of the lot size (qty)",
            "3,OK,",
            "4,REJECTED,price not a multiple of the tick size (price)",
            "5,REJECTED,quantity not a multiple of the lot size (qty)",
            "6,OK,"), CsvOutputs.text(tmp.resolve("replay").resolve(CsvOutputs.EVENTS)).lines().toList());
        assertEquals(List.of("symbol,side,price,qty,account,order_id", "BTC-USD,SELL,30000.5,0.3,a,3"),
            CsvOutputs.text(tmp.resolve("replay").resolve(CsvOutputs.BOOK)).lines().toList());
        assertEquals(4, replay.rejects());
        assertEquals(1, replay.trades());
        CsvOutputs.assertIdentical(tmp.resolve("replay"), tmp.resolve("engine"));
        assertEquals(StateDigest.toHex(replay.digest()), StateDigest.toHex(engine.digest()));
    }

    @Test
    void oneConfigurationFileGivesBothFrontEndsTheSameInstruments(@TempDir final Path tmp) throws IOException
    {
        final Path config = write(tmp.resolve("venue.conf"), "instruments.create_on_first_use=false\n" +
            "instrument.BTC-USD.tick=0.5\ninstrument.BTC-USD.lot=0.001\n" +
            "instrument.XYZ.tick=0.05\ninstrument.XYZ.lot=10\n");
        final Path flow = write(tmp.resolve("flow.csv"), HEADER +
            "1000,NEW,a,1,BTC-USD,SELL,LIMIT,GTC,30000.5,0.002,\n" +
            // A quarter dollar is on the built-in 0.01 tick but half of this file's 0.5.
            "2000,NEW,a,2,BTC-USD,SELL,LIMIT,GTC,30000.25,0.002,\n" +
            // 0.0015 is 15 built-in lots but one and a half of this file's 0.001.
            "3000,NEW,b,3,BTC-USD,BUY,LIMIT,GTC,30001,0.0015,\n" +
            // ETH-USD is built in but not listed here, and nothing is created on first use.
            "4000,NEW,b,4,ETH-USD,BUY,LIMIT,GTC,3000,1,\n" +
            // Buys order 1's 0.002 at 30000.5; the other 0.001 rests at 30001.
            "5000,NEW,b,5,BTC-USD,BUY,LIMIT,GTC,30001,0.003,\n" +
            "6000,NEW,c,6,XYZ,SELL,LIMIT,GTC,1.05,20,\n" +
            // 25 is two and a half lots of 10.
            "7000,NEW,c,7,XYZ,SELL,LIMIT,GTC,1.1,25,\n");

        final MatchRun.Result replay = new MatchRun(EngineConfig.load(config)).run(flow, tmp.resolve("replay"),
            Long.MAX_VALUE);
        final PipelineFlowRun.Result engine = PipelineFlowRun.run(
            EngineConfig.load(config).dataDir(tmp.resolve("data")).ringSize(1024), flow, tmp.resolve("engine"),
            Long.MAX_VALUE);

        assertEquals(List.of(
            "line,result,reason",
            "1,OK,",
            "2,REJECTED,price not a multiple of the tick size (price)",
            "3,REJECTED,quantity not a multiple of the lot size (qty)",
            "4,REJECTED,unknown instrument",
            "5,OK,",
            "6,OK,",
            "7,REJECTED,quantity not a multiple of the lot size (qty)"),
            CsvOutputs.text(tmp.resolve("replay").resolve(CsvOutputs.EVENTS)).lines().toList());
        assertEquals(List.of(
            "seq,ts_ns,symbol,price,qty,taker_side,maker_account,maker_order_id,taker_account,taker_order_id",
            "1,5000,BTC-USD,30000.5,0.002,BUY,a,1,b,5"),
            CsvOutputs.text(tmp.resolve("replay").resolve(CsvOutputs.TRADES)).lines().toList());
        assertEquals(List.of(
            "symbol,side,price,qty,account,order_id",
            "BTC-USD,BUY,30001,0.001,b,5",
            "XYZ,SELL,1.05,20,c,6"), CsvOutputs.text(tmp.resolve("replay").resolve(CsvOutputs.BOOK)).lines().toList());
        CsvOutputs.assertIdentical(tmp.resolve("replay"), tmp.resolve("engine"));
        assertEquals(StateDigest.toHex(replay.digest()), StateDigest.toHex(engine.digest()));

        // The built-in instruments take lines 2, 3, 4 and 7; only XYZ, created on first use, is new to them.
        final MatchRun.Result builtIn = new MatchRun().run(flow, tmp.resolve("built-in"), Long.MAX_VALUE);
        assertEquals(0, builtIn.rejects());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomFlowsAgreeUnderOneConfigurationFile(final long seed, @TempDir final Path tmp) throws IOException
    {
        final Path config = write(tmp.resolve("coarse.conf"), SYM_CONFIG);
        final Path flow = FlowFiles.write(tmp.resolve("flow.csv"), seed, 4_000);
        final MatchRun.Result replay = new MatchRun(EngineConfig.load(config)).run(flow, tmp.resolve("replay"),
            Long.MAX_VALUE);
        final PipelineFlowRun.Result engine = PipelineFlowRun.run(
            EngineConfig.load(config).dataDir(tmp.resolve("data")).ringSize(1024), flow, tmp.resolve("engine"),
            Long.MAX_VALUE);
        CsvOutputs.assertIdentical(tmp.resolve("replay"), tmp.resolve("engine"));
        assertEquals(replay.trades(), engine.trades(), "seed " + seed);
        assertEquals(StateDigest.toHex(replay.digest()), StateDigest.toHex(engine.digest()), "seed " + seed);

        // The file's instruments took effect: more lines are refused than with the built-in ones, and some trade.
        final MatchRun.Result builtIn = new MatchRun().run(flow, tmp.resolve("built-in"), Long.MAX_VALUE);
        assertTrue(replay.rejects() > builtIn.rejects(), replay.rejects() + " vs " + builtIn.rejects());
        assertTrue(replay.trades() > 0, "seed " + seed + " trades under the file's instruments");
    }
}
