package org.mmwinter.replay.crash;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.TradingStatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The flow as a producer of commands: deterministic for a seed, well-formed (times in order, positive prices and
 * quantities, unique live ids), its control events at their times, and accounts resolved up front.
 */
final class CrashFlowTest
{
    private static final long NS = 1_000_000_000L;

    /** Every command of one day run through a bare core: a digest of the sequence and what was seen on the way. */
    private static final class Day
    {
        final List<String> names = new ArrayList<>();
        final Map<Integer, Long> rejects = new HashMap<>();
        final List<String> controls = new ArrayList<>();
        final MatchingEngine engine = new MatchingEngine(MatchingListener.NO_OP, 1 << 16);
        int namesAtStart;
        long digest = 0xcbf29ce484222325L;
        long commands;
        boolean timesInOrder = true;
        boolean ordersWellFormed = true;
        long lastNs;
        CrashFlow flow;
    }

    private static Day run(final String scenarioName, final long seed)
    {
        final Scenario scenario = Scenario.builtIn(scenarioName);
        final Day day = new Day();
        day.engine.addInstrument(scenario.instrument().toInstrument(0));
        final Map<String, Integer> ids = new HashMap<>();
        day.flow = new CrashFlow(scenario, seed, false, name ->
        {
            day.names.add(name);
            return ids.computeIfAbsent(name, key -> ids.size());
        }, 0);
        day.namesAtStart = day.names.size();
        final MarketView view = new EngineMarketView(day.engine, 0);
        final CommandEvent command = new CommandEvent();
        day.lastNs = day.flow.startNs();
        while (day.flow.next(view, command))
        {
            day.commands++;
            day.timesInOrder &= command.nowNs >= day.lastNs && command.nowNs <= day.flow.endNs() &&
                command.clientTsNs == command.nowNs;
            day.lastNs = command.nowNs;
            if (command.type == CommandType.NEW)
            {
                day.ordersWellFormed &= command.qty > 0 &&
                    (command.price > 0 || command.price == MatchingEngine.NO_PRICE) && !command.clientOrderId.isEmpty();
            }
            day.digest = mix(day.digest, command);
            final int reason;
            if (command.type == CommandType.HALT || command.type == CommandType.RESUME)
            {
                day.controls.add(CommandType.name(command.type) + "@" + Instant.ofEpochSecond(0, command.nowNs));
                reason = day.engine.halt(0, command.type == CommandType.HALT);
            }
            else if (command.type == CommandType.VENUE_STATUS)
            {
                day.controls.add(TradingStatus.venueName(command.status) + "@" +
                    Instant.ofEpochSecond(0, command.nowNs));
                reason = day.engine.setVenueStatus(command.status);
            }
            else
            {
                reason = command.applyTo(day.engine);
            }
            if (reason != RejectReason.NONE)
            {
                day.rejects.merge(reason, 1L, Long::sum);
            }
        }
        return day;
    }

    private static long mix(final long digest, final CommandEvent command)
    {
        long h = digest;
        final long[] fields = {command.nowNs, command.type, command.accountId, command.clientOrderId.decimalValue(),
            command.side, command.orderType, command.tif, command.price, command.qty, command.status,
            command.instrumentId};
        for (final long field : fields)
        {
            h = (h ^ field) * 0x100000001b3L;
        }
        return h;
    }

    @Test
    void sameSeedSameCommandsAnotherSeedOthers()
    {
        final Day first = run("terra", 42);
        final Day again = run("terra", 42);
        final Day other = run("terra", 43);
        assertEquals(first.commands, again.commands);
        assertEquals(first.digest, again.digest);
        assertEquals(first.flow.generated(), first.commands);
        assertNotEquals(first.digest, other.digest);
    }

    @Test
    void terraIsWellFormedAndEndsInTheHalt()
    {
        final Day day = run("terra", 1);
        assertTrue(day.timesInOrder, "event times non-decreasing, inside the day, client time = engine time");
        assertTrue(day.ordersWellFormed, "NEW orders carry an id, a positive quantity and a price or none");
        // Accounts: 20 noise, 4 informed, 5 providers, all resolved in the constructor and none later.
        assertEquals(29, day.namesAtStart);
        assertEquals(29, day.names.size());
        assertEquals("noise-0", day.names.get(0));
        assertEquals("informed-0", day.names.get(20));
        assertEquals("lp-4", day.names.get(28));
        // 2022-05-07T00:00Z + 520 800 s (6 days 40 minutes) is 2022-05-13T00:40Z, when Binance halted LUNA.
        assertEquals(List.of("HALT@2022-05-13T00:40:00Z"), day.controls);
        assertEquals(Instant.parse("2022-05-13T00:40:00Z").getEpochSecond() * NS, day.lastNs);
        assertTrue(day.engine.isHalted(0));
        // Ids are unique among each account's live orders: nothing refused as a duplicate; the only refusals are
        // noise traders' cancels of orders that had already traded ("too late to cancel").
        assertEquals(List.of(RejectReason.UNKNOWN_ORDER), List.copyOf(day.rejects.keySet()));
        assertTrue(day.commands >= 100_000 && day.commands <= 200_000, "compressed terra: " + day.commands);
    }

    @Test
    void ftxHaltsWithdrawalsOnTheEighth()
    {
        final Day day = run("ftx", 1);
        assertTrue(day.timesInOrder);
        // 6 Nov 12:00 (86 400 + 43 200 s after the start) and 8 Nov 12:00 (3.5 days after it).
        assertEquals(List.of("VENUE_STRESS@2022-11-06T12:00:00Z", "WITHDRAWALS_HALTED@2022-11-08T12:00:00Z"),
            day.controls);
        assertEquals(TradingStatus.WITHDRAWALS_HALTED, day.engine.venueStatus());
        assertFalse(day.engine.isHalted(0), "the venue kept matching while withdrawals were halted");
        assertEquals(List.of(RejectReason.UNKNOWN_ORDER), List.copyOf(day.rejects.keySet()));
        assertTrue(day.commands >= 100_000 && day.commands <= 200_000, "compressed ftx: " + day.commands);
    }

    @Test
    void exodusProvidersLeave()
    {
        final Day day = run("exodus", 1);
        assertTrue(day.timesInOrder);
        // Eight providers at the open, one in the last phase: lp-1 .. lp-7 have nothing left in the book.
        final int[] providerOrders = new int[8];
        final Map<Integer, Integer> accountOfLp = new HashMap<>();
        for (int i = 0; i < day.names.size(); i++)
        {
            if (day.names.get(i).startsWith("lp-"))
            {
                accountOfLp.put(i, Integer.parseInt(day.names.get(i).substring(3)));
            }
        }
        day.engine.forEachOrder(0, (instrumentId, side, price, qty, accountId, clientOrderId, orderId) ->
        {
            final Integer lp = accountOfLp.get(accountId);
            if (lp != null)
            {
                providerOrders[lp]++;
            }
        });
        // lp-0 keeps its ladder (up to 4 levels a side); the others left.
        assertTrue(providerOrders[0] > 0 && providerOrders[0] <= 8, "lp-0 orders: " + providerOrders[0]);
        for (int lp = 1; lp < 8; lp++)
        {
            assertEquals(0, providerOrders[lp], "lp-" + lp + " left");
        }
        assertTrue(day.commands >= 80_000 && day.commands <= 200_000, "compressed exodus: " + day.commands);
    }
}
