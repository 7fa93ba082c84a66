package org.mmwinter.replay.lobster;

/**
 * One row of a LOBSTER message file, reused for every row: time, event type, order id, size, price (dollars times
 * 10,000, the engine's ticks here) and direction (the side of the resting order the event is about).
 */
public final class LobsterMessage
{
    /** Submission of a new limit order. */
    public static final int SUBMISSION = 1;
    /** Partial deletion of a limit order. */
    public static final int PARTIAL_CANCEL = 2;
    /** Total deletion of a limit order. */
    public static final int DELETION = 3;
    /** Execution of a visible limit order. */
    public static final int VISIBLE_EXECUTION = 4;
    /** Execution of a hidden limit order. */
    public static final int HIDDEN_EXECUTION = 5;
    /** Cross trade (auction), an aggregated pseudo-order. */
    public static final int CROSS_TRADE = 6;
    /** Trading halt indicator: price -1 halt, 0 quoting resumes, 1 trading resumes. */
    public static final int HALT = 7;

    /** Type 7 price: trading halted. */
    public static final long HALT_PRICE = -1;
    /** Type 7 price: quoting resumes. */
    public static final long QUOTING_RESUMES_PRICE = 0;
    /** Type 7 price: trading resumes. */
    public static final long TRADING_RESUMES_PRICE = 1;

    /** Direction of a buy limit order. */
    public static final int BUY = 1;
    /** Direction of a sell limit order. */
    public static final int SELL = -1;
    /** Direction accepted on a cross trade only (an auction has no resting side). */
    public static final int NO_DIRECTION = 0;

    /** Seconds after midnight, as nanoseconds. */
    public long timeNs;
    public int type;
    public long orderId;
    public long size;
    public long price;
    public int direction;

    public LobsterMessage set(
        final long timeNs, final int type, final long orderId, final long size, final long price, final int direction)
    {
        this.timeNs = timeNs;
        this.type = type;
        this.orderId = orderId;
        this.size = size;
        this.price = price;
        this.direction = direction;
        return this;
    }
}
