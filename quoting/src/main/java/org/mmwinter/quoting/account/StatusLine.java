package org.mmwinter.quoting.account;

/**
 * The ledger's figures as text for tools: one line of {@code key=value} pairs (the bot's {@code BOT_STATUS} line)
 * and a JSON object ({@code data/bot/status.json}). Keys and their order are pinned because scripts read them;
 * numbers are plain decimals (no exponent, no locale, at most 8 decimals, trailing zeros trimmed). Runs off the hot
 * path, on an operator command or at shutdown.
 */
public final class StatusLine
{
    private static final String[] MARKOUT_KEYS = {"markout_1s", "markout_10s", "markout_60s"};

    /**
     * Appends the pairs {@code fills quotes_sent fill_ratio inventory cash pnl realized_pnl unrealized_pnl fees
     * spread_captured markout_1s markout_10s markout_60s equity peak_equity drawdown max_drawdown quote_uptime
     * limit_breaches kill_switch_events}, in that order, separated by single spaces; with more than one instrument,
     * {@code inventory} is their sum and {@code inventory.<SYMBOL>=...} follows for each, in the order added. No
     * prefix, no line break.
     */
    public void appendTo(final PortfolioLedger ledger, final StringBuilder out)
    {
        out.append("fills=").append(ledger.fills());
        out.append(" quotes_sent=").append(ledger.quotesSent());
        number(out, " fill_ratio=", ledger.fillRatio());
        number(out, " inventory=", ledger.inventory());
        number(out, " cash=", ledger.cash());
        number(out, " pnl=", ledger.pnl());
        number(out, " realized_pnl=", ledger.realizedPnl());
        number(out, " unrealized_pnl=", ledger.unrealizedPnl());
        number(out, " fees=", ledger.fees());
        number(out, " spread_captured=", ledger.spreadCaptured());
        for (int h = 0; h < InstrumentLedger.MARKOUT_HORIZONS; h++)
        {
            out.append(' ').append(MARKOUT_KEYS[h]).append('=');
            PlainDecimal.append(out, ledger.markout(h));
        }
        number(out, " equity=", ledger.equity());
        number(out, " peak_equity=", ledger.peakEquity());
        number(out, " drawdown=", ledger.drawdown());
        number(out, " max_drawdown=", ledger.maxDrawdown());
        number(out, " quote_uptime=", ledger.quoteUptime());
        out.append(" limit_breaches=").append(ledger.limitBreaches());
        out.append(" kill_switch_events=").append(ledger.killSwitchEvents());
        if (ledger.count() > 1)
        {
            for (int i = 0; i < ledger.count(); i++)
            {
                final InstrumentLedger instrument = ledger.at(i);
                out.append(" inventory.").append(instrument.symbol()).append('=');
                PlainDecimal.append(out, instrument.inventory());
            }
        }
    }

    /**
     * Appends one JSON object with the keys of {@link #appendTo} (numbers, NaN as {@code null}) and then
     * {@code "instruments"}: an object keyed by symbol, in the order added, each with {@code cash inventory
     * average_cost realized_pnl unrealized_pnl fees spread_captured markout_1s markout_10s markout_60s fills volume}
     * followed by {@code equity last_mid notional_traded buy_qty sell_qty markout_count_1s markout_count_10s
     * markout_count_60s markouts_dropped}. No whitespace, no line break.
     */
    public void appendJson(final PortfolioLedger ledger, final StringBuilder out)
    {
        out.append("{\"fills\":").append(ledger.fills());
        out.append(",\"quotes_sent\":").append(ledger.quotesSent());
        json(out, "fill_ratio", ledger.fillRatio());
        json(out, "inventory", ledger.inventory());
        json(out, "cash", ledger.cash());
        json(out, "pnl", ledger.pnl());
        json(out, "realized_pnl", ledger.realizedPnl());
        json(out, "unrealized_pnl", ledger.unrealizedPnl());
        json(out, "fees", ledger.fees());
        json(out, "spread_captured", ledger.spreadCaptured());
        for (int h = 0; h < InstrumentLedger.MARKOUT_HORIZONS; h++)
        {
            json(out, MARKOUT_KEYS[h], ledger.markout(h));
        }
        json(out, "equity", ledger.equity());
        json(out, "peak_equity", ledger.peakEquity());
        json(out, "drawdown", ledger.drawdown());
        json(out, "max_drawdown", ledger.maxDrawdown());
        json(out, "quote_uptime", ledger.quoteUptime());
        out.append(",\"limit_breaches\":").append(ledger.limitBreaches());
        out.append(",\"kill_switch_events\":").append(ledger.killSwitchEvents());
        out.append(",\"instruments\":{");
        for (int i = 0; i < ledger.count(); i++)
        {
            if (i > 0)
            {
                out.append(',');
            }
            instrumentJson(ledger.at(i), out);
        }
        out.append("}}");
    }

    private static void instrumentJson(final InstrumentLedger instrument, final StringBuilder out)
    {
        jsonString(out, instrument.symbol());
        out.append(":{\"cash\":");
        PlainDecimal.appendJson(out, instrument.cash());
        json(out, "inventory", instrument.inventory());
        json(out, "average_cost", instrument.averageCost());
        json(out, "realized_pnl", instrument.realizedPnl());
        json(out, "unrealized_pnl", instrument.unrealizedPnl());
        json(out, "fees", instrument.fees());
        json(out, "spread_captured", instrument.spreadCaptured());
        for (int h = 0; h < InstrumentLedger.MARKOUT_HORIZONS; h++)
        {
            json(out, MARKOUT_KEYS[h], instrument.markout(h));
        }
        out.append(",\"fills\":").append(instrument.fills());
        json(out, "volume", instrument.volume());
        json(out, "equity", instrument.equity());
        json(out, "last_mid", instrument.lastMid());
        json(out, "notional_traded", instrument.notionalTraded());
        json(out, "buy_qty", instrument.buyQty());
        json(out, "sell_qty", instrument.sellQty());
        out.append(",\"markout_count_1s\":").append(instrument.markoutCount(InstrumentLedger.MARKOUT_1S));
        out.append(",\"markout_count_10s\":").append(instrument.markoutCount(InstrumentLedger.MARKOUT_10S));
        out.append(",\"markout_count_60s\":").append(instrument.markoutCount(InstrumentLedger.MARKOUT_60S));
        out.append(",\"markouts_dropped\":").append(instrument.markoutsDropped());
        out.append('}');
    }

    private static void number(final StringBuilder out, final String separatorAndKey, final double value)
    {
        out.append(separatorAndKey);
        PlainDecimal.append(out, value);
    }

    private static void json(final StringBuilder out, final String key, final double value)
    {
        out.append(",\"").append(key).append("\":");
        PlainDecimal.appendJson(out, value);
    }

    /**
     * A JSON string; symbols carry no whitespace or control characters (see {@link PortfolioLedger#add}), but a
     * quote or backslash would still break the document, so those are escaped.
     */
    private static void jsonString(final StringBuilder out, final String text)
    {
        out.append('"');
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            if (c == '"' || c == '\\')
            {
                out.append('\\').append(c);
            }
            else if (c < 0x20)
            {
                out.append("\\u00");
                out.append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            }
            else
            {
                out.append(c);
            }
        }
        out.append('"');
    }
}
