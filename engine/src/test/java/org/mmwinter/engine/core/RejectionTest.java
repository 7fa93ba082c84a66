package org.mmwinter.engine.core;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mmwinter.engine.state.AccountRegistry;
import org.mmwinter.engine.state.StateDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mmwinter.engine.core.MatchingEngine.ANY_INSTRUMENT;
import static org.mmwinter.engine.core.MatchingEngine.NO_PRICE;
import static org.mmwinter.engine.core.MatchingEngine.UNKNOWN_INSTRUMENT;
import static org.mmwinter.engine.core.OrderType.LIMIT;
import static org.mmwinter.engine.core.OrderType.MARKET;
import static org.mmwinter.engine.core.Side.BUY;
import static org.mmwinter.engine.core.Side.SELL;
import static org.mmwinter.engine.core.TimeInForce.GTC;
import static org.mmwinter.engine.core.TimeInForce.IOC;
import static org.mmwinter.engine.core.TimeInForce.POST_ONLY;

/**
 * Every rejection the core can give, each with its reason code, exactly one REJECTED event and no change of state:
 * the books, counters and the state digest (against a twin that got a harmless command instead) are as before.
 */
final class RejectionTest
{
    private static final int A = 0;
    private static final int B = 1;
    private static final int C = 2;

    private static final int BTC = EngineFixture.BTC;
    /** Tick of 100 and lot of 1000 units: the largest price and quantity in ticks and lots are below Long.MAX. */
    private static final int RNG = 1;
    /** 10% price band, last trade 100. */
    private static final int BND = 2;
    /** Halted, with a resting order. */
    private static final int HLT = 3;
    /** Bid side holding Long.MAX_VALUE in total. */
    private static final int CAP = 4;

    private static final long RNG_MAX_PRICE = Long.MAX_VALUE / 100;
    private static final long RNG_MAX_QTY = Long.MAX_VALUE / 1000;

    /**
     * Reasons given before the core (the order-flow parser, a full ring, a gateway, a gateway in front of a cluster
     * without a leader), covered where they are produced, and the one a control command gets from it (a venue status
     * code that is none, {@code TradingStatusTest}).
     */
    private static final Set<Integer> NOT_FROM_THE_CORE = Set.of(
        RejectReason.BAD_ORDER_ID,
        RejectReason.ORDER_ID_TOO_LONG,
        RejectReason.INVALID_DEFINITION,
        RejectReason.ENGINE_STOPPED,
        RejectReason.OFF_TICK,
        RejectReason.OFF_LOT,
        RejectReason.MISSING_QTY,
        RejectReason.BAD_ACTION,
        RejectReason.BAD_NUMBER,
        RejectReason.TOO_MANY_DECIMALS,
        RejectReason.MISSING_FIELD,
        RejectReason.BAD_LINE,
        RejectReason.BUSY,
        RejectReason.ACCOUNT_NOT_ALLOWED,
        RejectReason.LINE_TOO_LONG,
        RejectReason.OPERATOR_NOT_ALLOWED,
        RejectReason.UNKNOWN_VENUE_STATUS,
        RejectReason.NO_LEADER);

    private record Case(String name, int reason, int account, long orderId, ToIntFunction<EngineFixture> command)
    {
        public String toString()
        {
            return name;
        }
    }

    private static List<Case> cases()
    {
        final List<Case> cases = new ArrayList<>();
        // NEW: identity and fields.
        cases.add(newCase("NEW on an instrument id past the end", RejectReason.UNKNOWN_INSTRUMENT, C, 20,
            fx -> fx.newOrder(5, C, 20, BUY, LIMIT, GTC, StpMode.NONE, 100, 1)));
        cases.add(newCase("NEW on ANY_INSTRUMENT", RejectReason.UNKNOWN_INSTRUMENT, C, 20,
            fx -> fx.newOrder(ANY_INSTRUMENT, C, 20, BUY, LIMIT, GTC, StpMode.NONE, 100, 1)));
        cases.add(newCase("NEW on UNKNOWN_INSTRUMENT", RejectReason.UNKNOWN_INSTRUMENT, C, 20,
            fx -> fx.newOrder(UNKNOWN_INSTRUMENT, C, 20, BUY, LIMIT, GTC, StpMode.NONE, 100, 1)));
        cases.add(newCase("NEW with a negative account", RejectReason.BAD_ACCOUNT, -1, 20,
            fx -> fx.limit(-1, 20, BUY, 100, 1)));
        cases.add(newCase("NEW with an empty client order id", RejectReason.MISSING_ORDER_ID, C, -1,
            fx -> fx.limit(C, -1, BUY, 100, 1)));
        cases.add(newCase("NEW with side 2", RejectReason.BAD_SIDE, C, 20,
            fx -> fx.limit(C, 20, 2, 100, 1)));
        cases.add(newCase("NEW with side -1", RejectReason.BAD_SIDE, C, 20,
            fx -> fx.limit(C, 20, -1, 100, 1)));
        cases.add(newCase("NEW with type 2", RejectReason.BAD_TYPE, C, 20,
            fx -> fx.newOrder(BTC, C, 20, BUY, 2, GTC, StpMode.NONE, 100, 1)));
        cases.add(newCase("NEW with tif 4", RejectReason.BAD_TIF, C, 20,
            fx -> fx.limit(C, 20, BUY, 100, 1, 4)));
        cases.add(newCase("NEW with tif -1", RejectReason.BAD_TIF, C, 20,
            fx -> fx.limit(C, 20, BUY, 100, 1, -1)));
        cases.add(newCase("MARKET GTC", RejectReason.BAD_TIF, C, 20,
            fx -> fx.market(C, 20, BUY, 1, GTC)));
        cases.add(newCase("MARKET POST_ONLY", RejectReason.BAD_TIF, C, 20,
            fx -> fx.market(C, 20, BUY, 1, POST_ONLY)));
        cases.add(newCase("NEW with stp 5", RejectReason.BAD_STP, C, 20,
            fx -> fx.limit(C, 20, BUY, 100, 1, GTC, 5)));
        cases.add(newCase("NEW with stp -1", RejectReason.BAD_STP, C, 20,
            fx -> fx.limit(C, 20, BUY, 100, 1, GTC, -1)));
        cases.add(newCase("LIMIT at price 0", RejectReason.BAD_PRICE, C, 20,
            fx -> fx.limit(C, 20, BUY, 0, 1)));
        cases.add(newCase("LIMIT at a negative price", RejectReason.BAD_PRICE, C, 20,
            fx -> fx.limit(C, 20, SELL, -100, 1)));
        cases.add(newCase("LIMIT without a price", RejectReason.MISSING_PRICE, C, 20,
            fx -> fx.limit(C, 20, BUY, NO_PRICE, 1)));
        cases.add(newCase("MARKET with a price", RejectReason.MARKET_WITH_PRICE, C, 20,
            fx -> fx.newOrder(BTC, C, 20, BUY, MARKET, IOC, StpMode.NONE, 100, 1)));
        cases.add(newCase("LIMIT above the largest price in ticks", RejectReason.PRICE_OUT_OF_RANGE, C, 20,
            fx -> fx.newOrder(RNG, C, 20, SELL, LIMIT, GTC, StpMode.NONE, RNG_MAX_PRICE + 1, 1)));
        cases.add(newCase("NEW for 0", RejectReason.BAD_QTY, C, 20,
            fx -> fx.limit(C, 20, BUY, 100, 0)));
        cases.add(newCase("NEW for a negative quantity", RejectReason.BAD_QTY, C, 20,
            fx -> fx.limit(C, 20, BUY, 100, Long.MIN_VALUE)));
        cases.add(newCase("MARKET for 0", RejectReason.BAD_QTY, C, 20,
            fx -> fx.market(C, 20, BUY, 0, IOC)));
        cases.add(newCase("NEW above the largest quantity in lots", RejectReason.QTY_OUT_OF_RANGE, C, 20,
            fx -> fx.newOrder(RNG, C, 20, SELL, LIMIT, GTC, StpMode.NONE, 100, RNG_MAX_QTY + 1)));
        cases.add(newCase("NEW with the id of a live order", RejectReason.DUPLICATE_ORDER_ID, A, 1,
            fx -> fx.limit(A, 1, SELL, 200, 1)));
        cases.add(newCase("NEW IOC with the id of a live order on another instrument",
            RejectReason.DUPLICATE_ORDER_ID, A, 1,
            fx -> fx.newOrder(RNG, A, 1, BUY, LIMIT, IOC, StpMode.NONE, 1, 1)));
        // NEW: book state.
        cases.add(newCase("POST_ONLY buy at the best ask", RejectReason.POST_ONLY_WOULD_CROSS, C, 20,
            fx -> fx.limit(C, 20, BUY, 110, 1, POST_ONLY)));
        cases.add(newCase("POST_ONLY sell below the best bid", RejectReason.POST_ONLY_WOULD_CROSS, C, 20,
            fx -> fx.limit(C, 20, SELL, 90, 1, POST_ONLY)));
        cases.add(newCase("NEW on a halted instrument", RejectReason.INSTRUMENT_HALTED, C, 20,
            fx -> fx.newOrder(HLT, C, 20, BUY, LIMIT, GTC, StpMode.NONE, 10, 1)));
        cases.add(newCase("MARKET on a halted instrument", RejectReason.INSTRUMENT_HALTED, C, 20,
            fx -> fx.newOrder(HLT, C, 20, SELL, MARKET, IOC, StpMode.NONE, NO_PRICE, 1)));
        cases.add(newCase("LIMIT above the band", RejectReason.PRICE_OUTSIDE_BAND, C, 20,
            fx -> fx.newOrder(BND, C, 20, SELL, LIMIT, GTC, StpMode.NONE, 111, 1)));
        cases.add(newCase("LIMIT below the band", RejectReason.PRICE_OUTSIDE_BAND, C, 20,
            fx -> fx.newOrder(BND, C, 20, BUY, LIMIT, GTC, StpMode.NONE, 89, 1)));
        cases.add(newCase("NEW that would take a side past Long.MAX", RejectReason.BOOK_CAPACITY, C, 20,
            fx -> fx.newOrder(CAP, C, 20, BUY, LIMIT, GTC, StpMode.NONE, 1, 1)));

        // CANCEL.
        cases.add(newCase("CANCEL of an id never used", RejectReason.UNKNOWN_ORDER, C, 77,
            fx -> fx.cancel(C, 77)));
        cases.add(newCase("CANCEL of another account's order", RejectReason.UNKNOWN_ORDER, B, 1,
            fx -> fx.cancel(B, 1)));
        cases.add(newCase("CANCEL of a filled order", RejectReason.UNKNOWN_ORDER, A, 5,
            fx -> fx.cancel(A, 5)));
        cases.add(newCase("CANCEL naming another instrument", RejectReason.SYMBOL_MISMATCH, A, 1,
            fx -> fx.cancel(A, 1, RNG)));
        cases.add(newCase("CANCEL naming an unknown instrument", RejectReason.SYMBOL_MISMATCH, A, 1,
            fx -> fx.cancel(A, 1, UNKNOWN_INSTRUMENT)));

        // AMEND.
        cases.add(newCase("AMEND of an id never used", RejectReason.UNKNOWN_ORDER, C, 77,
            fx -> fx.amend(C, 77, 100, 1)));
        cases.add(newCase("AMEND naming another instrument", RejectReason.SYMBOL_MISMATCH, A, 1,
            fx -> fx.amend(A, 1, RNG, 100, 1)));
        cases.add(newCase("AMEND to price 0", RejectReason.BAD_PRICE, A, 1,
            fx -> fx.amend(A, 1, 0, 10)));
        cases.add(newCase("AMEND to a negative price", RejectReason.BAD_PRICE, A, 1,
            fx -> fx.amend(A, 1, -1, 10)));
        cases.add(newCase("AMEND without a price", RejectReason.MISSING_PRICE, A, 1,
            fx -> fx.amend(A, 1, NO_PRICE, 10)));
        cases.add(newCase("AMEND above the largest price in ticks", RejectReason.PRICE_OUT_OF_RANGE, A, 4,
            fx -> fx.amend(A, 4, RNG_MAX_PRICE + 1, 1)));
        cases.add(newCase("AMEND to 0", RejectReason.BAD_QTY, A, 1,
            fx -> fx.amend(A, 1, 100, 0)));
        cases.add(newCase("AMEND to a negative quantity", RejectReason.BAD_QTY, A, 1,
            fx -> fx.amend(A, 1, 100, -5)));
        cases.add(newCase("AMEND above the largest quantity in lots", RejectReason.QTY_OUT_OF_RANGE, A, 4,
            fx -> fx.amend(A, 4, 10, RNG_MAX_QTY + 1)));
        cases.add(newCase("POST_ONLY AMEND across the spread", RejectReason.POST_ONLY_WOULD_CROSS, A, 3,
            fx -> fx.amend(A, 3, 110, 5)));
        cases.add(newCase("AMEND on a halted instrument", RejectReason.INSTRUMENT_HALTED, A, 8,
            fx -> fx.amend(A, 8, 11, 1)));
        cases.add(newCase("AMEND keeping priority on a halted instrument", RejectReason.INSTRUMENT_HALTED, A, 8,
            fx -> fx.amend(A, 8, 10, 1)));
        cases.add(newCase("AMEND outside the band", RejectReason.PRICE_OUTSIDE_BAND, A, 7,
            fx -> fx.amend(A, 7, 111, 1)));
        cases.add(newCase("AMEND that would take a side past Long.MAX", RejectReason.BOOK_CAPACITY, A, 10,
            fx -> fx.amend(A, 10, CAP, 3, 6)));
        cases.add(newCase("AMEND in place that would take a side past Long.MAX", RejectReason.BOOK_CAPACITY, A, 10,
            fx -> fx.amend(A, 10, CAP, 2, 6)));

        // MASS_CANCEL.
        cases.add(newCase("MASS_CANCEL on an unknown instrument", RejectReason.UNKNOWN_INSTRUMENT, A, -1,
            fx -> fx.massCancel(A, 5)));
        return cases;
    }

    private static Case newCase(
        final String name, final int reason, final int account, final long orderId,
        final ToIntFunction<EngineFixture> command)
    {
        return new Case(name, reason, account, orderId, command);
    }

    static Stream<Arguments> rejections()
    {
        return cases().stream().map(Arguments::of);
    }

    /**
     * BTC: bids 100x10 (0/1), POST_ONLY 99x5 (0/3), ask 110x10 (1/2). RNG: bid 10x1 (0/4). BND: last trade 100 (0/5
     * filled), bid 95x1 (0/7). HLT: bid 10x1 (0/8), halted. CAP: bids 1x(Long.MAX - 5) (1/9) and 2x5 (0/10).
     */
    private static EngineFixture bookWithEveryKindOfState()
    {
        final EngineFixture fx = new EngineFixture();
        fx.addInstrument(new Instrument(RNG, "RNG", 2, 100, 3, 1000, Instrument.NO_BAND));
        fx.addInstrument(new Instrument(BND, "BND", 0, 1, 0, 1, 1_000));
        fx.addInstrument(Instrument.createDefault(HLT, "HLT"));
        fx.addInstrument(Instrument.createDefault(CAP, "CAP"));
        expectAccepted(fx.limit(A, 1, BUY, 100, 10));
        expectAccepted(fx.limit(B, 2, SELL, 110, 10));
        expectAccepted(fx.limit(A, 3, BUY, 99, 5, POST_ONLY));
        expectAccepted(fx.newOrder(RNG, A, 4, BUY, LIMIT, GTC, StpMode.NONE, 10, 1));
        expectAccepted(fx.newOrder(BND, A, 5, SELL, LIMIT, GTC, StpMode.NONE, 100, 1));
        expectAccepted(fx.newOrder(BND, B, 6, BUY, LIMIT, GTC, StpMode.NONE, 100, 1));
        expectAccepted(fx.newOrder(BND, A, 7, BUY, LIMIT, GTC, StpMode.NONE, 95, 1));
        expectAccepted(fx.newOrder(HLT, A, 8, BUY, LIMIT, GTC, StpMode.NONE, 10, 1));
        expectAccepted(fx.engine().halt(HLT, true));
        expectAccepted(fx.newOrder(CAP, B, 9, BUY, LIMIT, GTC, StpMode.NONE, 1, Long.MAX_VALUE - 5));
        expectAccepted(fx.newOrder(CAP, A, 10, BUY, LIMIT, GTC, StpMode.NONE, 2, 5));
        fx.drain();
        return fx;
    }

    private static void expectAccepted(final int reason)
    {
        assertEquals(RejectReason.NONE, reason, "set-up command rejected: " + RejectReason.describe(reason));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void rejectedWithItsReasonAndNothingChanges(final Case rejection)
    {
        final EngineFixture fx = bookWithEveryKindOfState();
        final List<String> before = fx.snapshot();
        final long commandsBefore = fx.engine().commandCount();
        final long lastOrderIdBefore = fx.engine().lastOrderId();

        final int reason = rejection.command().applyAsInt(fx);

        assertEquals(RejectReason.describe(rejection.reason()), RejectReason.describe(reason));
        assertEquals(rejection.reason(), reason);
        final String id = rejection.orderId() < 0 ? "" : Long.toString(rejection.orderId());
        assertEquals(List.of("REJECTED " + rejection.account() + "/" + id + " " +
            RejectReason.describe(rejection.reason())), fx.drain());
        assertEquals(before, fx.snapshot());
        assertEquals(lastOrderIdBefore, fx.engine().lastOrderId(), "a rejection gives no engine order id");
        assertEquals(commandsBefore + 1, fx.engine().commandCount());

        // The same digest as a twin that got a command which changes nothing but the command count.
        final EngineFixture twin = bookWithEveryKindOfState();
        twin.massCancel(99, ANY_INSTRUMENT);
        final AccountRegistry accounts = new AccountRegistry();
        accounts.register("a");
        accounts.register("b");
        accounts.register("c");
        assertEquals(StateDigest.compute(twin.engine(), accounts), StateDigest.compute(fx.engine(), accounts));
    }

    @Test
    void everyReasonTheCoreCanGiveIsInTheTable() throws IllegalAccessException
    {
        final Set<Integer> expected = new TreeSet<>();
        for (final Field field : RejectReason.class.getFields())
        {
            if (field.getType() == int.class && Modifier.isStatic(field.getModifiers()))
            {
                expected.add(field.getInt(null));
            }
        }
        expected.remove(RejectReason.NONE);
        expected.removeAll(NOT_FROM_THE_CORE);

        final Set<Integer> covered = new TreeSet<>();
        for (final Case rejection : cases())
        {
            covered.add(rejection.reason());
        }

        assertEquals(expected, covered);
    }

    @Test
    void rejectedNewLeavesItsOrderIdFree()
    {
        final EngineFixture fx = bookWithEveryKindOfState();

        assertEquals(RejectReason.BAD_PRICE, fx.limit(C, 20, BUY, 0, 1));
        assertEquals(RejectReason.POST_ONLY_WOULD_CROSS, fx.limit(C, 20, BUY, 110, 1, POST_ONLY));

        assertEquals(RejectReason.NONE, fx.limit(C, 20, BUY, 98, 1));
    }

    @Test
    void rejectedAmendLeavesTheOrderWhereItWas()
    {
        final EngineFixture fx = bookWithEveryKindOfState();
        fx.limit(C, 21, BUY, 100, 1);

        assertEquals(RejectReason.BAD_QTY, fx.amend(A, 1, 101, 0));
        fx.limit(C, 22, SELL, 100, 10);

        assertEquals(List.of("BUY 100x1 2/21", "BUY 99x5 0/3", "SELL 110x10 1/2"), fx.book(BTC));
    }

    @Test
    void haltLiftedAcceptsOrdersAgain()
    {
        final EngineFixture fx = bookWithEveryKindOfState();

        assertEquals(RejectReason.NONE, fx.engine().halt(HLT, false));

        assertEquals(RejectReason.NONE, fx.amend(A, 8, 11, 1));
        assertEquals(RejectReason.NONE, fx.newOrder(HLT, C, 20, SELL, LIMIT, GTC, StpMode.NONE, 11, 1));
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, fx.engine().halt(5, true));
        assertEquals(RejectReason.UNKNOWN_INSTRUMENT, fx.engine().halt(-1, true));
    }

    @Test
    void cancelOnAHaltedInstrumentWorks()
    {
        final EngineFixture fx = bookWithEveryKindOfState();

        assertEquals(RejectReason.NONE, fx.cancel(A, 8, HLT));
        assertEquals(List.of(), fx.book(HLT));
    }
}
