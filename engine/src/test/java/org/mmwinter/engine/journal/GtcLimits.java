package org.mmwinter.engine.journal;

import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.StpMode;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;

/** The journal tests' command: a GTC limit order of account 1 on instrument 0, its id its sequence. */
final class GtcLimits
{
    private GtcLimits()
    {
    }

    /** Fills {@code e} with a buy of {@code qty} at {@code price}, sequenced {@code sequence}. */
    static CommandEvent buy(final CommandEvent e, final long sequence, final long price, final long qty)
    {
        e.clear();
        e.type = CommandType.NEW;
        e.sequence = sequence;
        e.accountId = 1;
        e.clientOrderId.setDecimal(sequence);
        e.instrumentId = 0;
        e.side = Side.BUY;
        e.orderType = OrderType.LIMIT;
        e.tif = TimeInForce.GTC;
        e.stp = StpMode.NONE;
        e.price = price;
        e.qty = qty;
        return e;
    }
}
