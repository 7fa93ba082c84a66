package org.mmwinter.engine.pipeline;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link OfflineMatcher}: the live publisher's results, DONE last, without the rings' threads; and its tap forwards
 * every callback the core can make (a callback it forgot would silently drop results).
 */
final class OfflineMatcherTest
{
    @Test
    void theTapForwardsEveryCallbackOfTheListener() throws NoSuchMethodException
    {
        int callbacks = 0;
        for (final Method method : MatchingListener.class.getDeclaredMethods())
        {
            if (Modifier.isStatic(method.getModifiers()))
            {
                continue;
            }
            final Method tapped = ResultTap.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            assertEquals(ResultTap.class, tapped.getDeclaringClass(), method.getName());
            // The publisher must implement it too, or the tap forwards to a default that publishes nothing.
            assertEquals(ResultPublisher.class, ResultPublisher.class
                .getMethod(method.getName(), method.getParameterTypes()).getDeclaringClass(), method.getName());
            callbacks++;
        }
        assertEquals(11, callbacks, "accepted, rejected, fill, canceled, reduced, expired, amended, trade, " +
            "book level, status, level changed");
    }

    @Test
    void aCrossingOrderGivesItsResultsInOrderWithFeesAndDoneLast()
    {
        final List<ResultEvent> results = new ArrayList<>();
        final OfflineMatcher matcher = new OfflineMatcher(16, r -> results.add(new ResultEvent().copyFrom(r)));
        final CommandEvent command = new CommandEvent();

        // Prices in cents (scale 2, tick 1), whole lots; maker 1 bps (rate 100), taker 5 bps (rate 500).
        command.clear().setAddInstrument(new Instrument(0, "X-USD", 2, 1, 0, 1, Instrument.NO_BAND, 100, 500));
        command.sequence = 1;
        assertEquals(RejectReason.NONE, matcher.apply(command));
        assertEquals(List.of(ResultType.DONE), types(results, 1));

        command.setLimitOrder(1, "s1", 0, Side.SELL, TimeInForce.GTC, 10_000, 3);
        command.sequence = 2;
        command.nowNs = 2_000;
        assertEquals(RejectReason.NONE, matcher.apply(command));
        assertEquals(List.of(ResultType.ACCEPTED, ResultType.LEVEL, ResultType.DONE), types(results, 2));

        command.setLimitOrder(2, "b1", 0, Side.BUY, TimeInForce.GTC, 10_000, 2);
        command.sequence = 3;
        command.nowNs = 3_000;
        command.sourceId = 9;
        command.correlationId = 44;
        assertEquals(RejectReason.NONE, matcher.apply(command));
        // The buy takes 2 of the 3 resting: its fill, the print, the sell level down to 1, then its DONE.
        assertEquals(List.of(ResultType.ACCEPTED, ResultType.FILL, ResultType.TRADE, ResultType.LEVEL,
            ResultType.DONE), types(results, 3));

        final ResultEvent fill = of(results, 3, ResultType.FILL);
        assertEquals(3, fill.commandSequence);
        assertEquals(9, fill.sourceId);
        assertEquals(44, fill.correlationId);
        assertEquals(3_000, fill.nowNs);
        assertEquals(2, fill.accountId);
        assertEquals("b1", fill.clientOrderId.toString());
        assertEquals(Side.BUY, fill.side);
        assertEquals(10_000, fill.price);
        assertEquals(2, fill.qty);
        assertEquals(0, fill.remaining);
        assertEquals(1, fill.makerAccountId);
        assertEquals("s1", fill.makerClientOrderId.toString());
        assertEquals(1, fill.makerRemaining);
        // Notional 10,000 cents x 2 = 20,000 cents; taker 20,000 x 500 / 10^6 = 10, maker 20,000 x 100 / 10^6 = 2.
        assertEquals(10, fill.takerFee);
        assertEquals(2, fill.makerFee);

        final ResultEvent level = of(results, 3, ResultType.LEVEL);
        assertEquals(Side.SELL, level.side);
        assertEquals(1, level.qty);
        assertEquals(1, level.orderCount);
        final ResultEvent done = of(results, 3, ResultType.DONE);
        assertEquals(2, done.accountId);
        assertEquals(RejectReason.NONE, done.rejectReason);
    }

    private static List<Integer> types(final List<ResultEvent> results, final long sequence)
    {
        final List<Integer> types = new ArrayList<>();
        for (final ResultEvent r : results)
        {
            if (r.commandSequence == sequence)
            {
                types.add(r.type);
            }
        }
        return types;
    }

    private static ResultEvent of(final List<ResultEvent> results, final long sequence, final int type)
    {
        for (final ResultEvent r : results)
        {
            if (r.commandSequence == sequence && r.type == type)
            {
                return r;
            }
        }
        throw new AssertionError("no " + ResultType.name(type) + " for command " + sequence);
    }
}
