package org.mmwinter.engine.pipeline;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mmwinter.engine.core.Instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fee keys of the configuration: {@code instrument.SYMBOL.maker_fee_bps} and {@code .taker_fee_bps}, basis points
 * with at most two decimals (0 when absent, at most 100 either way), become rates in millionths of notional
 * (bps x 100); a bad one is refused naming the file, the key and the value.
 */
final class EngineConfigFeesTest
{
    @TempDir
    Path dir;

    private EngineConfig load(final String text) throws Exception
    {
        final Path file = dir.resolve("fees.conf");
        Files.writeString(file, text);
        return EngineConfig.load(file);
    }

    @ParameterizedTest(name = "{0} bps")
    @CsvSource({"-0.25, -25", "2.5, 250", "2.50, 250", "0, 0", "0.01, 1", "100, 10000", "-100, -10000", "+1, 100"})
    void basisPointsBecomeMillionthsOfNotional(final String bps, final long rate) throws Exception
    {
        final EngineConfig config = load("instrument.BTC-USD.tick=0.01\ninstrument.BTC-USD.maker_fee_bps=" + bps +
            "\ninstrument.BTC-USD.taker_fee_bps=" + bps + "\n");
        final Instrument btc = config.instruments().get(0).toInstrument(0);
        assertEquals(rate, btc.makerFeeRate());
        assertEquals(rate, btc.takerFeeRate());
    }

    @Test
    void anInstrumentWithoutFeeKeysHasNoFees() throws Exception
    {
        final Instrument eth = load("instrument.ETH-USD.tick=0.01\n").instruments().get(0).toInstrument(0);
        assertEquals(Instrument.NO_FEE, eth.makerFeeRate());
        assertEquals(Instrument.NO_FEE, eth.takerFeeRate());
        for (final EngineConfig.InstrumentSpec builtIn : EngineConfig.defaults().instruments())
        {
            assertEquals(Instrument.NO_FEE, builtIn.makerFeeRate(), "built-in instruments keep no fees");
            assertEquals(Instrument.NO_FEE, builtIn.takerFeeRate());
        }
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource({
        "2.555, at most 2 decimals",
        "100.01, beyond 100 bps either way",
        "-150, beyond 100 bps either way",
        "two, not a number of basis points",
        "'', not a number of basis points"})
    void aBadFeeIsRefusedNamingTheKeyAndValue(final String bps, final String why)
    {
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> load("instrument.SOL-USD.taker_fee_bps=" + bps + "\n"));
        assertEquals(dir.resolve("fees.conf") + ": instrument.SOL-USD.taker_fee_bps=" + bps + ": " + why,
            refused.getMessage());
    }

    @Test
    void theExampleConfigurationGivesItsInstrumentsFees() throws Exception
    {
        final EngineConfig example = EngineConfig.load(Path.of("config", "example.conf"));
        final StringBuilder fees = new StringBuilder();
        for (final EngineConfig.InstrumentSpec spec : example.instruments())
        {
            fees.append(spec.symbol()).append(' ').append(spec.makerFeeRate()).append('/')
                .append(spec.takerFeeRate()).append(';');
        }
        // BTC and ETH: a 0.25 bps maker rebate, 2.5 bps taker; LUNA 1 / 5 bps; FTT as FTX's base tier, 2 / 7 bps.
        final String text = fees.toString();
        assertTrue(text.contains("BTC-USD -25/250;") && text.contains("ETH-USD -25/250;") &&
            text.contains("LUNA-USD 100/500;") && text.contains("FTT-USD 200/700;"), text);
    }
}
