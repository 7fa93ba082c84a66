package org.mmwinter.quoting.bot;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code bot.*} keys: defaults, values for every instrument, for one instrument, and errors that name the key
 * and the value.
 */
final class BotConfigTest
{
    private static final List<String> SYMBOLS = List.of("BTC-USD", "ETH-USD", "SOL-USD");

    @Test
    void defaultsQuoteEveryConfiguredInstrumentAsMm1WithGlft()
    {
        final BotConfig config = BotConfig.defaults(SYMBOLS);
        assertEquals("MM1", config.account());
        assertEquals(SYMBOLS, config.instruments());
        assertFalse(config.enabled());
        final QuoteParameters p = config.parameters("ETH-USD");
        assertTrue(p.glft);
        assertEquals(3, p.levels);
        assertTrue(Double.isNaN(p.hardLimit), "auto until the first mid");
        assertEquals(100_000_000L, config.timerNs());
    }

    @Test
    void aKeyForOneInstrumentOverridesTheKeyForAll()
    {
        final BotConfig config = BotConfig.parse(Map.of("bot.levels", "4", "bot.SOL-USD.levels", "6",
            "bot.SOL-USD.model", "as", "bot.instruments", "BTC-USD,SOL-USD", "bot.enabled", "true"), SYMBOLS);
        assertEquals(List.of("BTC-USD", "SOL-USD"), config.instruments());
        assertEquals(4, config.parameters("BTC-USD").levels);
        assertEquals(6, config.parameters("SOL-USD").levels);
        assertFalse(config.parameters("SOL-USD").glft);
        assertTrue(config.parameters("BTC-USD").glft);
        assertTrue(config.enabled());
    }

    @Test
    void errorsNameTheKeyAndTheValue()
    {
        assertEquals("bot.levles=3: unknown key", message(Map.of("bot.levles", "3")).substring(0, 25));
        assertEquals("bot.DOGE-USD.levels=3: DOGE-USD is not a configured instrument (BTC-USD, ETH-USD, SOL-USD)",
            message(Map.of("bot.DOGE-USD.levels", "3")));
        assertEquals("bot.BTC-USD.levels=11: must be between 1 and 10", message(Map.of("bot.levels", "11")));
        assertEquals("bot.BTC-USD.model=hummingbot: expected glft or as", message(Map.of("bot.model", "hummingbot")));
        assertEquals("bot.kill.max_drawdown=-5: must be a positive number",
            message(Map.of("bot.kill.max_drawdown", "-5")));
        assertEquals("bot.BTC-USD.soft_limit=2.0: must be below bot.BTC-USD.hard_limit=1.0",
            message(Map.of("bot.soft_limit", "2", "bot.hard_limit", "1")));
        assertEquals("bot.enabled=yes: expected true or false", message(Map.of("bot.enabled", "yes")));
    }

    private static String message(final Map<String, String> keys)
    {
        return assertThrows(IllegalArgumentException.class, () -> BotConfig.parse(keys, SYMBOLS)).getMessage();
    }
}
