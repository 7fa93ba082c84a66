package org.mmwinter.quoting.account;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mmwinter.engine.core.Side.BUY;
import static org.mmwinter.engine.core.Side.SELL;

/**
 * The status line and the JSON status, asserted whole for small scenarios worked by hand.
 */
final class StatusLineTest
{
    private static final long MS = 1_000_000L;
    private static final long SECOND = 1_000 * MS;
    private static final int BTC = 7;
    private static final int ETH = 9;
    private static final List<String> PINNED_KEYS = Arrays.asList(
        "fills", "quotes_sent", "fill_ratio", "inventory", "cash", "pnl", "realized_pnl", "unrealized_pnl", "fees",
        "spread_captured", "markout_1s", "markout_10s", "markout_60s", "equity", "peak_equity", "drawdown",
        "max_drawdown", "quote_uptime", "limit_breaches", "kill_switch_events");

    private final StatusLine status = new StatusLine();

    @Test
    void oneInstrumentLine()
    {
        final PortfolioLedger ledger = new PortfolioLedger(2, 16);
        ledger.add(BTC, "BTC");
        btcSession(ledger);
        final StringBuilder out = new StringBuilder();
        status.appendTo(ledger, out);
        // fills 1 of 4 quotes: 0.25. Buy 2 @ 100 fee 0.02: cash -200.02, inventory 2 at 100.
        // Mark 99: unrealized (99 - 100) * 2 = -2; equity -200.02 + 198 = -2.02 = pnl; spread (100.5 - 100) * 2 = 1.
        // markout_1s at the 1 s mid 101: (101 - 100) * 2 = 2. Equity path 0.98 (mid 100.5), 1.98 (101), -2.02 (99):
        // peak 1.98, drawdown 1.98 + 2.02 = 4. Two-sided 0 to 1.5 s of 2 s: uptime 0.75.
        assertEquals("fills=1 quotes_sent=4 fill_ratio=0.25 inventory=2 cash=-200.02 pnl=-2.02 realized_pnl=0 " +
            "unrealized_pnl=-2 fees=0.02 spread_captured=1 markout_1s=2 markout_10s=0 markout_60s=0 equity=-2.02 " +
            "peak_equity=1.98 drawdown=4 max_drawdown=4 quote_uptime=0.75 limit_breaches=1 kill_switch_events=0",
            out.toString());
    }

    @Test
    void severalInstrumentsAddTheirInventoriesAfterThePinnedKeys()
    {
        final PortfolioLedger ledger = new PortfolioLedger(2, 16);
        ledger.add(BTC, "BTC");
        ledger.add(ETH, "ETH");
        ledger.onFill(0, BTC, BUY, 100, 2, 0, 100);
        ledger.onFill(0, ETH, SELL, 10, 3, -0.03, 10.01);
        final StringBuilder out = new StringBuilder();
        status.appendTo(ledger, out);
        // inventory 2 - 3 = -1; cash -200 + 30 + 0.03 = -169.97; fees -0.03 (rebate).
        // unrealized: BTC 0, ETH (10.01 - 10) * -3 = -0.03. spread: ETH (10 - 10.01) * 3 = -0.03.
        // equity: BTC -200 + 200 = 0, ETH 30.03 - 3 * 10.01 = 0; so pnl, peak and drawdown 0.
        assertEquals("fills=2 quotes_sent=0 fill_ratio=0 inventory=-1 cash=-169.97 pnl=0 realized_pnl=0 " +
            "unrealized_pnl=-0.03 fees=-0.03 spread_captured=-0.03 markout_1s=0 markout_10s=0 markout_60s=0 " +
            "equity=0 peak_equity=0 drawdown=0 max_drawdown=0 quote_uptime=0 limit_breaches=0 kill_switch_events=0 " +
            "inventory.BTC=2 inventory.ETH=-3", out.toString());
    }

    @Test
    void lineKeysArePinnedAndAppendedToWhatIsThere()
    {
        final PortfolioLedger ledger = new PortfolioLedger(1, 4);
        final StringBuilder out = new StringBuilder("BOT_STATUS ");
        status.appendTo(ledger, out);
        final String[] pairs = out.substring("BOT_STATUS ".length()).split(" ", -1);
        final List<String> keys = new ArrayList<>();
        for (final String pair : pairs)
        {
            keys.add(pair.substring(0, pair.indexOf('=')));
        }
        assertEquals(PINNED_KEYS, keys);
    }

    @Test
    void jsonHasTheSameFiguresAndOneObjectPerInstrument()
    {
        final PortfolioLedger ledger = new PortfolioLedger(2, 16);
        ledger.add(BTC, "BTC");
        ledger.add(ETH, "ETH");
        // ETH round trip at t = 0: buy 1 @ 10 (mid 10), sell 1 @ 11 (mid 11): cash +1, realized 1, flat, no spread.
        ledger.onFill(0, ETH, BUY, 10, 1, 0, 10);
        ledger.onFill(0, ETH, SELL, 11, 1, 0, 11);
        btcSession(ledger);
        final StringBuilder out = new StringBuilder();
        status.appendJson(ledger, out);
        final String json = out.toString();

        // Totals: BTC as in the one-instrument line plus ETH: fills 3 of 4 quotes 0.75, cash -200.02 + 1 = -199.02,
        // realized 1, equity -2.02 + 1 = -1.02. Equity path 0, 1 (ETH), 1.98 (BTC at 100.5), 2.98 (101), -1.02 (99):
        // peak 2.98, drawdown 4. ETH had no mid after its fills: its markouts are pending, markout_1s stays 2.
        // ETH is flat: average cost NaN, written null.
        assertEquals("{\"fills\":3,\"quotes_sent\":4,\"fill_ratio\":0.75,\"inventory\":2,\"cash\":-199.02," +
            "\"pnl\":-1.02,\"realized_pnl\":1,\"unrealized_pnl\":-2,\"fees\":0.02,\"spread_captured\":1," +
            "\"markout_1s\":2,\"markout_10s\":0,\"markout_60s\":0,\"equity\":-1.02,\"peak_equity\":2.98," +
            "\"drawdown\":4,\"max_drawdown\":4,\"quote_uptime\":0.75,\"limit_breaches\":1,\"kill_switch_events\":0," +
            "\"instruments\":{" +
            "\"BTC\":{\"cash\":-200.02,\"inventory\":2,\"average_cost\":100,\"realized_pnl\":0,\"unrealized_pnl\":-2," +
            "\"fees\":0.02,\"spread_captured\":1,\"markout_1s\":2,\"markout_10s\":0,\"markout_60s\":0,\"fills\":1," +
            "\"volume\":2,\"equity\":-2.02,\"last_mid\":99,\"notional_traded\":200,\"buy_qty\":2,\"sell_qty\":0," +
            "\"markout_count_1s\":1,\"markout_count_10s\":0,\"markout_count_60s\":0,\"markouts_dropped\":0}," +
            "\"ETH\":{\"cash\":1,\"inventory\":0,\"average_cost\":null,\"realized_pnl\":1,\"unrealized_pnl\":0," +
            "\"fees\":0,\"spread_captured\":0,\"markout_1s\":0,\"markout_10s\":0,\"markout_60s\":0,\"fills\":2," +
            "\"volume\":2,\"equity\":1,\"last_mid\":11,\"notional_traded\":21,\"buy_qty\":1,\"sell_qty\":1," +
            "\"markout_count_1s\":0,\"markout_count_10s\":0,\"markout_count_60s\":0,\"markouts_dropped\":0}}}",
            json);

        // And it is JSON, with the pinned keys in order, then the instruments.
        final Map<?, ?> document = (Map<?, ?>)JsonReader.parse(json);
        final List<Object> expectedKeys = new ArrayList<>(PINNED_KEYS);
        expectedKeys.add("instruments");
        assertEquals(expectedKeys, new ArrayList<>(document.keySet()));
        final Map<?, ?> instruments = (Map<?, ?>)document.get("instruments");
        assertEquals(Arrays.asList("BTC", "ETH"), new ArrayList<>(instruments.keySet()));
        final Map<?, ?> eth = (Map<?, ?>)instruments.get("ETH");
        assertSame(JsonReader.NULL, eth.get("average_cost"));
        assertEquals(new BigDecimal("-199.02"), document.get("cash"));
        assertEquals(new BigDecimal("3"), document.get("fills"));
    }

    @Test
    void emptyPortfolioIsValidJson()
    {
        final StringBuilder out = new StringBuilder();
        status.appendJson(new PortfolioLedger(1, 4), out);
        final Map<?, ?> document = (Map<?, ?>)JsonReader.parse(out.toString());
        assertEquals(Map.of(), document.get("instruments"));
    }

    @Test
    void symbolsAreEscapedInJson()
    {
        final PortfolioLedger ledger = new PortfolioLedger(1, 4);
        ledger.add(1, "A\"B\\C");
        final StringBuilder out = new StringBuilder();
        status.appendJson(ledger, out);
        final Map<?, ?> instruments = (Map<?, ?>)((Map<?, ?>)JsonReader.parse(out.toString())).get("instruments");
        assertEquals(Arrays.asList("A\"B\\C"), new ArrayList<>(instruments.keySet()));
    }

    @Test
    void theValidatorRejectsWhatIsNotJson()
    {
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\"a\":NaN}"));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\"a\":1,}"));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\"a\":01}"));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\"a\":1} x"));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\"a\":1,\"a\":2}"));
        assertThrows(IllegalArgumentException.class, () -> JsonReader.parse("{\"a\":\"x}"));
    }

    /**
     * Two-sided from 0, 4 quotes sent; buy 2 @ 100 fee 0.02 at mid 100.5 at 0; mid 101 at 1 s; pulled at 1.5 s;
     * a limit breach; mid 99 at 2 s.
     */
    private static void btcSession(final PortfolioLedger ledger)
    {
        ledger.onQuoting(0, true);
        ledger.onQuoteSent(4);
        ledger.onFill(0, BTC, BUY, 100, 2, 0.02, 100.5);
        ledger.onMid(SECOND, BTC, 101);
        ledger.onQuoting(1_500 * MS, false);
        ledger.onLimitBreach();
        ledger.onMid(2 * SECOND, BTC, 99);
    }
}
