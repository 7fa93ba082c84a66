/**
 * The market maker's accounting: what its own fills and the mid say about its money, position and quoting, for the
 * kill switch, the {@code BOT_STATUS} line and {@code data/bot/status.json}.
 *
 * <p>{@link org.mmwinter.quoting.account.InstrumentLedger} keeps one instrument,
 * {@link org.mmwinter.quoting.account.PortfolioLedger} all of the bot's instruments plus the session figures, and
 * {@link org.mmwinter.quoting.account.StatusLine} renders them as text. All of it is deterministic (time arrives as
 * {@code nowNs}, event-time nanoseconds; no clock is read) and allocates nothing after construction. Prices are
 * decimal prices, quantities base units and money quote currency, all as {@code double}.
 *
 * <h2>Conventions</h2>
 * <ul>
 * <li>{@code side} is {@code Side.BUY} or {@code Side.SELL}, the bot's side of the fill; {@code sign} is +1 for a
 * buy and -1 for a sell; {@code qty} is positive.</li>
 * <li>{@code fee} is quote currency, positive when paid, negative for a rebate received.</li>
 * <li>{@code mid} passed with a fill is the mid just before it; NaN when unknown, in which case the fill adds 0 to
 * spread captured and the position is marked at the fill price until the next mid. A NaN mid on its own changes
 * nothing.</li>
 * <li>The mark of an instrument ({@code lastMid}) is the latest mid, or the price of a later fill that came without
 * one. The ledgers start flat with no cash, so starting equity is 0.</li>
 * <li>Positive P&amp;L, spread captured and markouts are good for the bot.</li>
 * </ul>
 *
 * <h2>Per instrument ({@code InstrumentLedger})</h2>
 * <ul>
 * <li>{@code cash} = sum over fills of -sign * price * qty - fee (buys spend, sells receive, fees cost).</li>
 * <li>{@code inventory} = sum of sign * qty, base units: positive long, negative short.</li>
 * <li>{@code averageCost}: average entry price of the open position, NaN when flat. A fill on the side of the
 * position (or from flat) moves it to the quantity-weighted average of the old position and the fill. A fill against
 * the position leaves it unchanged and realizes the closed part; a fill that crosses through zero closes the whole
 * position and opens the rest at the fill price. A closing quantity within one part in 10^9 of the position closes
 * it exactly, so decimal quantities that do not cancel in binary still come back flat.</li>
 * <li>{@code realizedPnl} = sum over closing fills of closedQty * (price - averageCost) * (sign of the position
 * closed), before fees.</li>
 * <li>{@code unrealizedPnl} = (mark - averageCost) * inventory, 0 when flat.</li>
 * <li>{@code fees} = sum of fee: net fees paid, rebates negative.</li>
 * <li>{@code equity} = cash + inventory * mark: the mark-to-market value. From flat it equals realizedPnl +
 * unrealizedPnl - fees.</li>
 * <li>{@code spreadCaptured} = sum over fills with a known mid of (mid - price) * qty for buys and (price - mid) *
 * qty for sells, i.e. sign * (mid - price) * qty: what the bot earned against the mid at the moment of the
 * fill.</li>
 * <li>{@code markout(h)} for h = {@code MARKOUT_1S}, {@code MARKOUT_10S}, {@code MARKOUT_60S} (1 s, 10 s, 60 s of
 * event time) = sum over the fills settled at h of (mid at fillTime + h - price) * qty * sign, where that mid is the
 * one of the first {@code onMid} at or after fillTime + h. Positive when the market moved the bot's way after the
 * fill; negative is adverse selection. {@code markoutCount(h)} counts the fills settled at h.</li>
 * <li>Pending markouts wait in a ring of {@code markoutCapacity} fills. A fill that arrives when the ring is full
 * settles the oldest pending fill early, at the current mark, for every horizon still pending on it (it enters the
 * sums and counts) and adds one to {@code markoutsDropped}. {@code markoutsPending} is how many fills still wait for
 * at least one horizon.</li>
 * <li>{@code fills} counts fills; {@code volume} = sum of qty; {@code notionalTraded} = sum of price * qty;
 * {@code buyQty} and {@code sellQty} = sum of qty by side; {@code lastMid} is the mark, NaN before any mid or
 * fill.</li>
 * </ul>
 *
 * <h2>Portfolio ({@code PortfolioLedger})</h2>
 * <ul>
 * <li>{@code cash}, {@code inventory}, {@code fees}, {@code realizedPnl}, {@code unrealizedPnl},
 * {@code spreadCaptured}, {@code markout(h)}, {@code markoutCount(h)}, {@code fills}: sums over instruments
 * ({@code inventory} as a sum is meaningful for one instrument only).</li>
 * <li>{@code equity} = sum of the instruments' equities after each fill or mid fed through the portfolio;
 * {@code pnl} = equity - starting equity = equity.</li>
 * <li>{@code peakEquity} = the highest equity seen, starting at 0 (a session that only loses has peak 0);
 * {@code drawdown} = peakEquity - equity, never negative, measured from the peak of mark-to-market equity and not
 * from the start; {@code maxDrawdown} = the largest drawdown seen.</li>
 * <li>{@code grossNotional} = sum over instruments of |inventory| * mark, for a notional cap.</li>
 * <li>{@code quotesSent} = sum of the counts passed to {@code onQuoteSent}; {@code fillRatio} = fills /
 * quotesSent, 0 when none sent; {@code limitBreaches} and {@code killSwitchEvents} count {@code onLimitBreach} and
 * {@code onKillSwitch}.</li>
 * <li>{@code quoteUptime} = time with two-sided quotes live / time since the first {@code onQuoting} call, in
 * [0, 1]. Time runs to the latest event seen ({@code onQuoting}, or a fill or mid fed through the portfolio, which
 * keep the state as it was); 0 before any time has passed; time that goes backwards is not counted.</li>
 * </ul>
 *
 * <h2>Text ({@code StatusLine})</h2>
 * <ul>
 * <li>{@code appendTo}: {@code fills quotes_sent fill_ratio inventory cash pnl realized_pnl unrealized_pnl fees
 * spread_captured markout_1s markout_10s markout_60s equity peak_equity drawdown max_drawdown quote_uptime
 * limit_breaches kill_switch_events} as {@code key=value} separated by single spaces, in that order; with more than
 * one instrument {@code inventory} is the sum and {@code inventory.<SYMBOL>=...} follows per instrument, in the order
 * added. No prefix, no line break.</li>
 * <li>{@code appendJson}: one JSON object with the same keys, then {@code "instruments"}: an object keyed by symbol
 * with {@code cash inventory average_cost realized_pnl unrealized_pnl fees spread_captured markout_1s markout_10s
 * markout_60s fills volume equity last_mid notional_traded buy_qty sell_qty markout_count_1s markout_count_10s
 * markout_count_60s markouts_dropped}.</li>
 * <li>Numbers: counts as integers; other figures as plain decimals, rounded half-even to at most 8 decimals with
 * trailing zeros trimmed, no exponent, no locale ({@code -200.02}, {@code 4}, {@code 0.25}); anything that rounds
 * to zero is {@code 0}. NaN is {@code NaN} in the line and {@code null} in JSON.</li>
 * </ul>
 */
package org.mmwinter.quoting.account;
