package org.mmwinter.engine.core;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.testing.AllocationWindows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mmwinter.engine.core.MatchingEngine.ANY_INSTRUMENT;
import static org.mmwinter.engine.core.MatchingEngine.NO_PRICE;
import static org.mmwinter.engine.core.OrderType.LIMIT;
import static org.mmwinter.engine.core.OrderType.MARKET;
import static org.mmwinter.engine.core.Side.BUY;
import static org.mmwinter.engine.core.Side.SELL;
import static org.mmwinter.engine.core.TimeInForce.FOK;
import static org.mmwinter.engine.core.TimeInForce.GTC;
import static org.mmwinter.engine.core.TimeInForce.IOC;
import static org.mmwinter.engine.core.TimeInForce.POST_ONLY;

/**
 * The hot path allocates nothing in steady state: after a warm-up, a window of loops over every kind of command
 * (rest, amend in place and to the back, cancel, a sweep and its refill, a market order, a crossing amend, STP, an
 * expired FOK, a rejection, a mass cancel) must not allocate a single byte on the matching thread (windows run until
 * one is clean, {@link AllocationWindows} says why; every window takes every path). Counts bytes, not time.
 * Client order ids are strings of mixed lengths: numeric for the deep book, one character for the passive account
 * (reused once dead), eight for the maker and 36 for the taker; the test builds each in a reused buffer.
 */
final class AllocationFreeTest
{
    private static final int WARM_UP_ROUNDS = 40_000;
    private static final int WINDOW_ROUNDS = 5_000;
    private static final int MAX_WINDOWS = 8;

    @Test
    void steadyStateCommandsAllocateNothing()
    {
        final SteadyState flow = new SteadyState();
        for (int round = 0; round < WARM_UP_ROUNDS; round++)
        {
            flow.round(round);
        }
        final long[] commandsInWindow = new long[1];
        AllocationWindows.untilOneAllocatesNothing(WINDOW_ROUNDS + " rounds of commands in steady state", MAX_WINDOWS,
            (final int window) ->
            {
                final long commandsBefore = flow.engine.commandCount();
                for (int round = 0; round < WINDOW_ROUNDS; round++)
                {
                    flow.round(round);
                }
                commandsInWindow[0] = flow.engine.commandCount() - commandsBefore;
            });

        assertEquals(0, flow.unexpected, "commands answered other than expected");
        assertTrue(commandsInWindow[0] >= 100_000L, "the clean window held " + commandsInWindow[0] + " commands");
        assertEquals(SteadyState.LIVE_BETWEEN_ROUNDS, flow.engine.liveOrderCount(), "the book returns to its shape");
    }

    /**
     * A book that every round disturbs and puts back: deep levels that never trade, two best bid levels that are
     * swept and refilled, one best ask level that is hit and refilled, and passive orders that come and go.
     */
    private static final class SteadyState
    {
        static final int DEEP = 0;
        static final int MAKER = 1;
        static final int PASSIVE = 2;
        static final int TAKER = 3;
        static final int LIVE_BETWEEN_ROUNDS = 40 + 4 + 2;

        final MatchingEngine engine = new MatchingEngine(MatchingListener.NO_OP, 1 << 12);
        final long[] bidIds = new long[4];
        final long[] askIds = new long[2];
        long nextId = 1;
        long nowNs;
        int unexpected;
        private final StringBuilder text = new StringBuilder(64);
        private final ClientOrderId id = new ClientOrderId();

        SteadyState()
        {
            engine.addInstrument(Instrument.createDefault(0, "BTC"));
            for (int level = 0; level < 20; level++)
            {
                add(DEEP, BUY, 900 + level, 100);
                add(DEEP, SELL, 1_100 + level, 100);
            }
            refillBids();
            refillAsks();
        }

        void round(final int round)
        {
            // Passive bid: rest, shrink in place, move to the back of another level, cancel.
            final long price = 980 + (round & 7);
            final long passive = add(PASSIVE, BUY, price, 5);
            expect(engine.amend(nowNs++, PASSIVE, id(PASSIVE, passive), ANY_INSTRUMENT, price, 3));
            expect(engine.amend(nowNs++, PASSIVE, id(PASSIVE, passive), ANY_INSTRUMENT, price - 10, 4));
            expect(engine.cancel(nowNs++, PASSIVE, id(PASSIVE, passive), ANY_INSTRUMENT));

            // Aggressive sell sweeping both best bid levels, then the makers refill them.
            expect(newOrder(TAKER, SELL, LIMIT, IOC, StpMode.NONE, 998, 40));
            refillBids();

            // Market buy through one and a half asks; the maker puts the level back.
            expect(newOrder(TAKER, BUY, MARKET, IOC, StpMode.NONE, NO_PRICE, 15));
            expect(engine.cancel(nowNs++, MAKER, id(MAKER, askIds[1]), ANY_INSTRUMENT));
            refillAsks();

            // FOK that cannot fill expires; POST_ONLY that would cross is rejected.
            expect(newOrder(TAKER, BUY, LIMIT, FOK, StpMode.NONE, 1_001, 1_000));
            if (newOrder(TAKER, BUY, LIMIT, POST_ONLY, StpMode.NONE, 1_001, 1) != RejectReason.POST_ONLY_WOULD_CROSS)
            {
                unexpected++;
            }

            // A resting bid amended across the spread takes the first ask.
            final long crossing = add(PASSIVE, BUY, 990, 10);
            expect(engine.amend(nowNs++, PASSIVE, id(PASSIVE, crossing), ANY_INSTRUMENT, 1_001, 10));
            expect(engine.cancel(nowNs++, MAKER, id(MAKER, askIds[1]), ANY_INSTRUMENT));
            refillAsks();

            // The maker meets its own asks: decrement one, then cancel-oldest removes both.
            expect(newOrder(MAKER, BUY, LIMIT, IOC, StpMode.DECREMENT, 1_001, 4));
            expect(newOrder(MAKER, BUY, LIMIT, IOC, StpMode.CANCEL_OLDEST, 1_001, 4));
            refillAsks();

            // Passive asks away from the touch, then a mass cancel of that account.
            add(PASSIVE, SELL, 1_050, 1);
            add(PASSIVE, SELL, 1_051, 1);
            expect(engine.massCancel(nowNs++, PASSIVE, 0));
        }

        private void refillBids()
        {
            bidIds[0] = add(MAKER, BUY, 999, 10);
            bidIds[1] = add(MAKER, BUY, 999, 10);
            bidIds[2] = add(MAKER, BUY, 998, 10);
            bidIds[3] = add(MAKER, BUY, 998, 10);
        }

        private void refillAsks()
        {
            askIds[0] = add(MAKER, SELL, 1_001, 10);
            askIds[1] = add(MAKER, SELL, 1_001, 10);
        }

        private long add(final int account, final int side, final long price, final long qty)
        {
            final long orderId = nextId;
            expect(newOrder(account, side, LIMIT, GTC, StpMode.NONE, price, qty));
            return orderId;
        }

        private int newOrder(
            final int account, final int side, final int type, final int tif, final int stp, final long price,
            final long qty)
        {
            return engine.newOrder(nowNs++, 0, account, id(account, nextId++), side, type, tif, stp, price, qty);
        }

        /**
         * The client order id of order number {@code n} of an account, written into a reused buffer.
         */
        private ClientOrderId id(final int account, final long n)
        {
            text.setLength(0);
            switch (account)
            {
                case PASSIVE:
                    text.append((char)('A' + n % 26));
                    break;
                case MAKER:
                    appendBase36(n, 8);
                    break;
                case TAKER:
                    text.append("taker-");
                    appendBase36(n, 30);
                    break;
                default:
                    text.append(n);
                    break;
            }
            if (id.parse(text, 0, text.length()) != ClientOrderId.OK)
            {
                unexpected++;
            }
            return id;
        }

        private void appendBase36(final long n, final int digits)
        {
            final int start = text.length();
            long v = n;
            for (int i = 0; i < digits; i++)
            {
                text.append(Character.forDigit((int)(v % 36), 36));
                v /= 36;
            }
            // Most significant digit first; the padding zeros lead.
            for (int i = start, j = text.length() - 1; i < j; i++, j--)
            {
                final char c = text.charAt(i);
                text.setCharAt(i, text.charAt(j));
                text.setCharAt(j, c);
            }
        }

        private void expect(final int reason)
        {
            if (reason != RejectReason.NONE)
            {
                unexpected++;
            }
        }
    }
}
