package org.mmwinter.replay.crash;

import java.util.Map;

import org.mmwinter.quoting.account.InstrumentLedger;
import org.mmwinter.quoting.account.PortfolioLedger;

/**
 * The strategy's figures of a run's {@code summary.json}, from its ledger, in the order the summaries list them:
 * one place, so that the crash-day and the recorded-book summaries name and order them alike.
 */
public final class LedgerFigures
{
    private LedgerFigures()
    {
    }

    /**
     * @param maxAbsInventory the largest inventory the run saw in base units (the host samples it, not the ledger).
     */
    public static void put(final Map<String, Object> figures, final PortfolioLedger ledger,
        final double maxAbsInventory)
    {
        figures.put("pnl", ledger.pnl());
        figures.put("realized_pnl", ledger.realizedPnl());
        figures.put("fees", ledger.fees());
        figures.put("max_drawdown", ledger.maxDrawdown());
        figures.put("max_abs_inventory", maxAbsInventory);
        figures.put("final_inventory", ledger.inventory());
        figures.put("fills", ledger.fills());
        figures.put("quotes", ledger.quotesSent());
        figures.put("kill_switch_events", ledger.killSwitchEvents());
        figures.put("limit_breaches", ledger.limitBreaches());
        figures.put("spread_captured", ledger.spreadCaptured());
        figures.put("markout_10s", ledger.markout(InstrumentLedger.MARKOUT_10S));
    }
}
