package org.mmwinter.engine.journal;

import org.mmwinter.engine.core.ClientOrderId;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;

import static org.mmwinter.engine.journal.RecordLayout.DELTA;
import static org.mmwinter.engine.journal.RecordLayout.ID;
import static org.mmwinter.engine.journal.RecordLayout.NUMERIC_ID;

/**
 * The output journal's records, described once: a header every result shares (deltas where the results of one
 * command repeat it, a byte or two a result) and only the {@link ResultEvent} fields its type carries. An execution
 * report names its order both ways, the engine's order id and the client's, a FILL its maker's too. A result's
 * remaining quantity is implied, not written, where it equals its quantity (ACCEPTED, AMENDED). Version 3 added
 * the two fees of a FILL and the STATUS record; version 2 is version 3 without them (its fills read with no fees);
 * version 1 had the client's order id only, as a number. Version 4 is version 3 with {@link
 * RecordLayout#repeatingHeaders repeated headers}: a command's results after its first carry no header.
 */
final class ResultLayouts implements RecordLayout.Access<ResultEvent>
{
    static final int COMMAND_SEQUENCE = 1;
    static final int COMMAND_TYPE = 2;
    static final int SOURCE = 3;
    static final int CORRELATION = 4;
    static final int CLIENT_TS = 5;
    static final int NOW_NS = 6;
    static final int INSTRUMENT = 7;
    static final int ACCOUNT = 8;
    static final int ORDER_ID = 9;
    static final int CLIENT_ORDER_ID = 10;
    static final int SIDE = 11;
    static final int PRICE = 12;
    static final int QTY = 13;
    static final int REMAINING = 14;
    static final int MAKER_ACCOUNT = 15;
    static final int MAKER_ORDER_ID = 16;
    static final int MAKER_CLIENT_ORDER_ID = 17;
    static final int MAKER_REMAINING = 18;
    static final int REJECT_REASON = 19;
    static final int CANCEL_REASON = 20;
    static final int PRIORITY_KEPT = 21;
    static final int ORDER_COUNT = 22;
    static final int TAKER_FEE = 23;
    static final int MAKER_FEE = 24;
    static final int STATUS = 25;

    /** Version 4, written. */
    static final RecordLayout CURRENT;
    /** Version 3, read only: every record with its header. */
    static final RecordLayout EVERY_HEADER;
    /** Version 2, read only: before fees and STATUS. */
    static final RecordLayout WITHOUT_FEES;
    /** Version 1, read only. */
    static final RecordLayout NUMERIC_IDS;
    static final ResultLayouts ACCESS = new ResultLayouts();

    static
    {
        final int[] header = {COMMAND_SEQUENCE | DELTA, COMMAND_TYPE, SOURCE, CORRELATION | DELTA, CLIENT_TS | DELTA,
            NOW_NS | DELTA, INSTRUMENT};
        final int[][] bodies = new int[ResultType.STATUS + 1][];
        bodies[ResultType.TRADE] = new int[]{SIDE, PRICE, QTY};
        bodies[ResultType.LEVEL] = new int[]{SIDE, PRICE, QTY, ORDER_COUNT};
        bodies[ResultType.BOOK_LEVEL] = bodies[ResultType.LEVEL];
        bodies[ResultType.ACCEPTED] = order(SIDE, PRICE, QTY);
        bodies[ResultType.FILL] = order(SIDE, PRICE, QTY, REMAINING, MAKER_ACCOUNT, MAKER_ORDER_ID,
            MAKER_CLIENT_ORDER_ID | ID, MAKER_REMAINING, TAKER_FEE, MAKER_FEE);
        bodies[ResultType.AMENDED] = order(PRICE, QTY, PRIORITY_KEPT);
        bodies[ResultType.CANCELED] = order(QTY, REMAINING, CANCEL_REASON);
        bodies[ResultType.REDUCED] = bodies[ResultType.CANCELED];
        bodies[ResultType.EXPIRED] = order(QTY);
        bodies[ResultType.REJECTED] = order(REJECT_REASON);
        bodies[ResultType.DONE] = bodies[ResultType.REJECTED];
        bodies[ResultType.STATUS] = new int[]{STATUS};
        EVERY_HEADER = new RecordLayout(header, bodies, 0);
        CURRENT = EVERY_HEADER.repeatingHeaders(0);
        WITHOUT_FEES = EVERY_HEADER.without(new int[]{TAKER_FEE, MAKER_FEE}, 0)
            .withoutTypes(new int[]{ResultType.STATUS}, 0);
        NUMERIC_IDS = WITHOUT_FEES.without(new int[]{ORDER_ID, MAKER_ORDER_ID}, 0).rewrite(ID, NUMERIC_ID, 0);
    }

    /** An execution report's fields: its order (account, engine id, client id), then its own. */
    private static int[] order(final int... fields)
    {
        final int[] all = new int[3 + fields.length];
        all[0] = ACCOUNT;
        all[1] = ORDER_ID;
        all[2] = CLIENT_ORDER_ID | ID;
        System.arraycopy(fields, 0, all, 3, fields.length);
        return all;
    }

    private ResultLayouts()
    {
    }

    /**
     * Fields a result of its type does not write, as the publisher leaves them.
     */
    static void implied(final ResultEvent r)
    {
        if (r.type == ResultType.ACCEPTED || r.type == ResultType.AMENDED)
        {
            r.remaining = r.qty;
        }
    }

    public long[] numbers(final ResultEvent r, final long[] into)
    {
        into[COMMAND_SEQUENCE] = r.commandSequence;
        into[COMMAND_TYPE] = r.commandType;
        into[SOURCE] = r.sourceId;
        into[CORRELATION] = r.correlationId;
        into[CLIENT_TS] = r.clientTsNs;
        into[NOW_NS] = r.nowNs;
        into[INSTRUMENT] = r.instrumentId;
        into[ACCOUNT] = r.accountId;
        into[ORDER_ID] = r.orderId;
        into[SIDE] = r.side;
        into[PRICE] = r.price;
        into[QTY] = r.qty;
        into[REMAINING] = r.remaining;
        into[MAKER_ACCOUNT] = r.makerAccountId;
        into[MAKER_ORDER_ID] = r.makerOrderId;
        into[MAKER_REMAINING] = r.makerRemaining;
        into[REJECT_REASON] = r.rejectReason;
        into[CANCEL_REASON] = r.cancelReason;
        into[PRIORITY_KEPT] = r.priorityKept ? 1 : 0;
        into[ORDER_COUNT] = r.orderCount;
        into[TAKER_FEE] = r.takerFee;
        into[MAKER_FEE] = r.makerFee;
        into[STATUS] = r.status;
        return into;
    }

    public void set(final ResultEvent r, final int name, final long value)
    {
        switch (name)
        {
            case COMMAND_SEQUENCE: r.commandSequence = value; break;
            case COMMAND_TYPE: r.commandType = (int)value; break;
            case SOURCE: r.sourceId = (int)value; break;
            case CORRELATION: r.correlationId = value; break;
            case CLIENT_TS: r.clientTsNs = value; break;
            case NOW_NS: r.nowNs = value; break;
            case INSTRUMENT: r.instrumentId = (int)value; break;
            case ACCOUNT: r.accountId = (int)value; break;
            case ORDER_ID: r.orderId = value; break;
            case SIDE: r.side = (int)value; break;
            case PRICE: r.price = value; break;
            case QTY: r.qty = value; break;
            case REMAINING: r.remaining = value; break;
            case MAKER_ACCOUNT: r.makerAccountId = (int)value; break;
            case MAKER_ORDER_ID: r.makerOrderId = value; break;
            case MAKER_REMAINING: r.makerRemaining = value; break;
            case REJECT_REASON: r.rejectReason = (int)value; break;
            case CANCEL_REASON: r.cancelReason = (int)value; break;
            case PRIORITY_KEPT: r.priorityKept = value != 0; break;
            case ORDER_COUNT: r.orderCount = (int)value; break;
            case TAKER_FEE: r.takerFee = value; break;
            case MAKER_FEE: r.makerFee = value; break;
            case STATUS: r.status = (int)value; break;
            default: throw new IllegalArgumentException("not a number field of a result: " + name);
        }
    }

    public ClientOrderId id(final ResultEvent r, final int name)
    {
        return name == MAKER_CLIENT_ORDER_ID ? r.makerClientOrderId : r.clientOrderId;
    }

    public byte[] text(final ResultEvent r, final int name)
    {
        throw new IllegalArgumentException("results carry no text");
    }

    public int textLength(final ResultEvent r, final int name)
    {
        throw new IllegalArgumentException("results carry no text");
    }

    public void setTextLength(final ResultEvent r, final int name, final int length)
    {
        throw new IllegalArgumentException("results carry no text");
    }
}
