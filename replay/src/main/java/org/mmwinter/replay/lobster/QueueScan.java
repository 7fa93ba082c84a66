package org.mmwinter.replay.lobster;

import org.mmwinter.engine.core.BookVisitor;
import org.mmwinter.engine.core.ClientOrderId;

/**
 * Reads the rebuilt queue from the core ({@link org.mmwinter.engine.core.MatchingEngine#forEachOrder}, priority
 * order): either the orders ahead of one order on its side, or the orders of one side at prices that satisfy a
 * bound. The results are replay keys ({@link LobsterRebuild#keyOf}), in priority order.
 */
final class QueueScan implements BookVisitor
{
    private static final int AHEAD = 0;
    private static final int AT_OR_BETTER = 1;
    private static final int AT_PRICE = 2;

    private long[] keys = new long[64];
    private int count;
    private int mode;
    private int side;
    private int targetAccount;
    private final ClientOrderId targetId = new ClientOrderId();
    private long price;
    private boolean done;
    private boolean found;

    void ahead(final int side, final long targetKey)
    {
        start(AHEAD, side, 0);
        // Compared as the core holds it (account and id words), so orders not ahead are not decoded.
        targetAccount = targetKey < 0 ? LobsterRebuild.SYNTHETIC_ACCOUNT : LobsterRebuild.LOBSTER_ACCOUNT;
        targetId.setDecimal(targetKey < 0 ? -targetKey : targetKey);
    }

    /** Orders of {@code side} priced at or better than {@code price} (for a bid: at or above it). */
    void atOrBetter(final int side, final long price)
    {
        start(AT_OR_BETTER, side, price);
    }

    void atPrice(final int side, final long price)
    {
        start(AT_PRICE, side, price);
    }

    private void start(final int mode, final int side, final long price)
    {
        this.mode = mode;
        this.side = side;
        this.price = price;
        this.count = 0;
        this.done = false;
        this.found = false;
    }

    int count()
    {
        return count;
    }

    long key(final int index)
    {
        return keys[index];
    }

    /** Whether the order of an {@link #ahead} scan was seen in the book. */
    boolean found()
    {
        return found;
    }

    public void onOrder(
        final int instrumentId,
        final int orderSide,
        final long orderPrice,
        final long qty,
        final int accountId,
        final ClientOrderId clientOrderId,
        final long orderId)
    {
        if (done || orderSide != side)
        {
            return;
        }
        switch (mode)
        {
            case AHEAD:
                if (accountId == targetAccount && clientOrderId.equalTo(targetId))
                {
                    found = true;
                    done = true;
                    return;
                }
                break;

            case AT_OR_BETTER:
                if (LobsterRebuild.worse(side, orderPrice, price))
                {
                    done = true;
                    return;
                }
                break;

            default:
                if (orderPrice != price)
                {
                    return;
                }
                break;
        }
        final long key = LobsterRebuild.keyOf(accountId, clientOrderId);
        if (count == keys.length)
        {
            final long[] bigger = new long[keys.length * 2];
            System.arraycopy(keys, 0, bigger, 0, count);
            keys = bigger;
        }
        keys[count++] = key;
    }
}
