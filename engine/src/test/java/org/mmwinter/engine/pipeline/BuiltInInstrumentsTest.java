package org.mmwinter.engine.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.process.PipelineFlowRun;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The instruments of {@code engine-default.conf}: BTC-USD, ETH-USD and SOL-USD with venue-like ticks and lots (BTC-USD
 * at tick 0.01 and lot 0.0001 is pinned by outside tools), no band, no fees; any other symbol is still created on
 * first use at tick and lot 10^-8. The engine process enforces them on order flow.
 */
final class BuiltInInstrumentsTest
{
    private static final String HEADER = "ts_ns,action,account,order_id,symbol,side,type,tif,price,qty,stp\n";

    @TempDir
    Path dir;

    @Test
    void theBuiltInListIsBtcEthAndSolWithVenueTicksAndLots()
    {
        final EngineConfig defaults = EngineConfig.defaults();
        assertEquals(List.of(
            new EngineConfig.InstrumentSpec("BTC-USD", "0.01", "0.0001", 0, 0, 0),
            new EngineConfig.InstrumentSpec("ETH-USD", "0.01", "0.001", 0, 0, 0),
            new EngineConfig.InstrumentSpec("SOL-USD", "0.001", "0.01", 0, 0, 0)), defaults.instruments());
        assertTrue(defaults.createInstrumentsOnFirstUse());
    }

    @Test
    void theBuiltInTicksAndLotsInUnitsOfTenToTheMinusEight()
    {
        final List<EngineConfig.InstrumentSpec> specs = EngineConfig.defaults().instruments();
        // Scales stay at 8 decimals (none of these has more), so a tick of 0.01 is 0.01 x 10^8 = 10^6 units,
        // 0.001 is 10^5, and lots 0.0001, 0.001, 0.01 are 10^4, 10^5, 10^6 units.
        final long[][] expected = {{1_000_000, 10_000}, {1_000_000, 100_000}, {100_000, 1_000_000}};
        for (int i = 0; i < expected.length; i++)
        {
            final Instrument instrument = specs.get(i).toInstrument(i);
            assertEquals(Instrument.DEFAULT_SCALE, instrument.priceScale(), instrument.symbol());
            assertEquals(Instrument.DEFAULT_SCALE, instrument.qtyScale(), instrument.symbol());
            assertEquals(expected[i][0], instrument.tickUnits(), instrument.symbol() + " tick");
            assertEquals(expected[i][1], instrument.lotUnits(), instrument.symbol() + " lot");
            assertEquals(Instrument.NO_BAND, instrument.priceBandBps(), instrument.symbol());
            assertEquals(Instrument.NO_FEE, instrument.makerFeeRate(), instrument.symbol());
            assertEquals(Instrument.NO_FEE, instrument.takerFeeRate(), instrument.symbol());
        }
    }

    @Test
    void theEngineRejectsPricesAndQuantitiesOffTheBuiltInTicksAndLots() throws Exception
    {
        final Path flow = dir.resolve("flow.csv");
        Files.writeString(flow, HEADER +
            // On tick (30000.01 = 3,000,001 cents) and on lot (0.0001 = one lot).
            "1000,NEW,a,1,BTC-USD,SELL,LIMIT,GTC,30000.01,0.0001,\n" +
            // 30000.001 is a tenth of a cent: off the 0.01 tick.
            "2000,NEW,a,2,BTC-USD,SELL,LIMIT,GTC,30000.001,0.0001,\n" +
            // 0.00015 is one and a half lots of 0.0001.
            "3000,NEW,a,3,BTC-USD,SELL,LIMIT,GTC,30000.02,0.00015,\n" +
            // ETH's lot is 0.001: 0.0005 is half a lot.
            "4000,NEW,a,4,ETH-USD,SELL,LIMIT,GTC,3000.01,0.0005,\n" +
            // SOL's tick is 0.001 (145.001 is on it) and its lot 0.01 (2.5 = 250 lots).
            "5000,NEW,a,5,SOL-USD,SELL,LIMIT,GTC,145.001,2.5,\n" +
            // SOL at 145.0005 is half a tick.
            "6000,NEW,a,6,SOL-USD,SELL,LIMIT,GTC,145.0005,2.5,\n" +
            // An unlisted symbol is created on first use at 10^-8: eight decimals are on tick and lot.
            "7000,NEW,a,7,DOGE-USD,SELL,LIMIT,GTC,0.12345678,100.00000001,\n" +
            // Buys one BTC lot at 30000.01 from order 1.
            "8000,NEW,b,8,BTC-USD,BUY,LIMIT,IOC,30000.01,0.0001,\n");

        final PipelineFlowRun.Result result = PipelineFlowRun.run(EngineConfig.defaults().dataDir(dir.resolve("data"))
            .ringSize(1024), flow, dir.resolve("out"), Long.MAX_VALUE);

        assertEquals(8, result.lines());
        assertEquals(1, result.trades());
        assertEquals(List.of(
            "line,result,reason",
            "1,OK,",
            "2,REJECTED,price not a multiple of the tick size (price)",
            "3,REJECTED,quantity not a multiple of the lot size (qty)",
            "4,REJECTED,quantity not a multiple of the lot size (qty)",
            "5,OK,",
            "6,REJECTED,price not a multiple of the tick size (price)",
            "7,OK,",
            "8,OK,"), Files.readAllLines(dir.resolve("out").resolve("events.csv")));
        assertEquals(List.of(
            "symbol,side,price,qty,account,order_id",
            "DOGE-USD,SELL,0.12345678,100.00000001,a,7",
            "SOL-USD,SELL,145.001,2.5,a,5"), Files.readAllLines(dir.resolve("out").resolve("book.csv")));
    }
}
