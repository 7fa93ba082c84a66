package org.mmwinter.quoting.account;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.testing.AllocationWindows;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mmwinter.engine.core.Side.BUY;
import static org.mmwinter.engine.core.Side.SELL;
import static org.mmwinter.quoting.account.InstrumentLedger.MARKOUT_60S;

/**
 * Fills and mids allocate nothing on the calling thread: a window of 100,000 of them over two instruments, with
 * positions crossing zero, fills without a mid, markouts settling at every horizon and a ring small enough to
 * overflow, plus the session counters and every figure the kill switch reads, allocates 0 bytes. Counts bytes, not
 * time.
 *
 * <p>The JVM's own one-off work also allocates on the calling thread, whatever the code does: loading and linking
 * classes on the first calls, and a few hundred bytes when the driving loop enters code compiled on the stack
 * (seen with a loop that touches no ledger at all, and late on a loaded machine, when compilation queues). So the
 * same ledger runs {@link #MIN_WARM_UP_WINDOWS} windows first, then windows of the same calls until one allocates
 * nothing, at most {@link #MAX_WINDOWS} ({@link AllocationWindows}). A ledger that allocated on any of its paths,
 * however rarely taken, would allocate in every window (each one overflows the ring and settles every horizon) and
 * fail.
 */
final class AccountingAllocationTest
{
    private static final int CALLS_PER_ROUND = 1_000;
    private static final int ROUNDS_PER_WINDOW = 100;
    private static final int MIN_WARM_UP_WINDOWS = 3;
    private static final int MAX_WINDOWS = 40;
    private static final long STEP_NS = 50_000_000L;

    private final PortfolioLedger ledger = new PortfolioLedger(2, 64);
    private int round;
    private double sink;
    private long fillsInWindow;
    private long droppedInWindow;
    private long settledInWindow;

    @Test
    void fillsAndMidsAllocateNothing()
    {
        ledger.add(1, "BTC");
        ledger.add(2, "ETH");
        for (int window = 0; window < MIN_WARM_UP_WINDOWS; window++)
        {
            window(window);
        }
        AllocationWindows.untilOneAllocatesNothing(ROUNDS_PER_WINDOW * CALLS_PER_ROUND + " fills and mids",
            MAX_WINDOWS, this::window);

        // What the clean window (the last one) did: one call in three is a mid, the others fills, so 100,000
        // consecutive calls hold 66,666 or 66,667 fills.
        assertTrue(!Double.isNaN(sink), "figures stay numbers");
        assertTrue(fillsInWindow >= 66_666L, "fills in the window: " + fillsInWindow);
        assertTrue(droppedInWindow > 0, "the ring overflowed in the window");
        assertTrue(settledInWindow > 0, "60 s markouts settled in the window");
    }

    private void window(final int window)
    {
        final long fillsBefore = ledger.fills();
        final long droppedBefore = ledger.at(0).markoutsDropped();
        final long settledBefore = ledger.markoutCount(MARKOUT_60S);
        for (int i = 0; i < ROUNDS_PER_WINDOW; i++)
        {
            round(round++);
        }
        fillsInWindow = ledger.fills() - fillsBefore;
        droppedInWindow = ledger.at(0).markoutsDropped() - droppedBefore;
        settledInWindow = ledger.markoutCount(MARKOUT_60S) - settledBefore;
    }

    private void round(final int n)
    {
        for (int call = 0; call < CALLS_PER_ROUND; call++)
        {
            final int i = n * CALLS_PER_ROUND + call;
            final long nowNs = i * STEP_NS;
            final int instrumentId = 1 + (i & 1);
            final double mid = 100 + (i % 7) * 0.5;
            if (i % 3 == 0)
            {
                ledger.onMid(nowNs, instrumentId, mid);
            }
            else
            {
                // Runs of buys then sells of varying size: positions go long, short and through zero.
                final int side = (i / 6) % 2 == 0 ? BUY : SELL;
                final double qty = 1 + (i % 4);
                final double fee = (i % 5) == 0 ? -0.01 : 0.02;
                ledger.onFill(nowNs, instrumentId, side, mid + (side == BUY ? -0.5 : 0.5), qty, fee,
                    i % 11 == 0 ? Double.NaN : mid);
                ledger.onQuoteSent(2);
            }
            ledger.onQuoting(nowNs, (i & 3) != 0);
            sink += ledger.equity() + ledger.drawdown() + ledger.grossNotional() + ledger.inventory() +
                ledger.markout(i % 3) + ledger.quoteUptime() + ledger.fillRatio();
        }
    }
}
