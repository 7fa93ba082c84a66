package org.mmwinter.quoting.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.aeron.cluster.service.Cluster;
import org.agrona.CloseHelper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.cluster.ClusterForwarder;
import org.mmwinter.engine.cluster.ClusterMembers;
import org.mmwinter.engine.cluster.ClusterNode;
import org.mmwinter.engine.cluster.EngineClusteredService;
import org.mmwinter.engine.cluster.FreePorts;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.ExecutionReport;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.engine.pipeline.Participant;
import org.mmwinter.engine.pipeline.ParticipantListener;
import org.mmwinter.engine.pipeline.ParticipantSpec;
import org.mmwinter.engine.state.EngineState;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hosted market maker in a gateway in front of the cluster ({@code engine.jar gateway --cluster ... --bot}), as
 * that process hosts it: three members in this JVM, gateway 1 ({@link EnginePipeline#inFrontOf} a
 * {@link ClusterForwarder}) with the {@link BotExtension} configured and started the way the engine's main does, and
 * gateway 2 with a liquidity provider. The bot's ladder rests in the cluster's book (the provider's market data
 * shows it), the provider's sell through gateway 2 fills the bot's best bid, the bot's own accounting shows that
 * fill, and once everything is quiet the members hold exactly the orders the bot believes live, with one digest.
 */
final class ClusterGatewayBotTest
{
    private static final String HOST = "127.0.0.1";
    /** A guard against a hang only (an election that never ends, a report that never comes). */
    private static final long GUARD_NS = TimeUnit.SECONDS.toNanos(30);
    /** Polls without any market data that count as quiet: the bot has stopped re-quoting. */
    private static final int QUIET_POLLS = 100;
    /** {@code OwnOrders.LIVE}: acknowledged by the engine, nothing in flight for it. */
    private static final int LIVE = 2;
    /** The provider's quotes, in ticks of 0.5: 29,950 and 30,050, mid 30,000. */
    private static final long LP_BID = 59_900;
    private static final long LP_ASK = 60_100;
    /** 1,000 BTC in lots of 0.001. */
    private static final long LP_QTY = 1_000_000;

    @TempDir
    Path dir;

    private final ClusterNode[] nodes = new ClusterNode[3];
    private EnginePipeline gateway1;
    private EnginePipeline gateway2;
    private BotExtension bot;

    @AfterEach
    void close()
    {
        // The bot first (it pulls its quotes through its gateway), then the gateways, then the members.
        CloseHelper.quietCloseAll(bot, gateway2, gateway1);
        CloseHelper.quietCloseAll(nodes);
    }

    @Test
    // A guard against a hang (an election that never ends, a report that never comes), not a timed assertion.
    @Timeout(60)
    void theBotInAGatewayQuotesOnTheClustersBookIsFilledThroughAnotherGatewayAndAgreesWithTheMembers()
        throws IOException
    {
        final ClusterMembers members = ClusterMembers.parse(FreePorts.threeLoopbackMembers());
        for (int n = 0; n < nodes.length; n++)
        {
            nodes[n] = ClusterNode.launch(n, members, dir.resolve("node" + n), new EngineClusteredService(1 << 12));
        }

        // Gateway 1 as `engine.jar gateway --cluster MEMBERS --bot --config engine.conf --data gateway1` builds it:
        // the file's configuration with the bot's keys kept for the extension, the data directory set over it.
        final Path configFile = dir.resolve("engine.conf");
        Files.writeString(configFile, String.join("\n",
            "instrument.BTC-USD.tick=0.5",
            "instrument.BTC-USD.lot=0.001",
            "bot.order_notional=300",
            "bot.timer_ms=20",
            ""));
        final EngineConfig config1 = EngineConfig.load(configFile, List.of("bot."));
        bot = new BotExtension();
        bot.configure(config1, config1.extensionProperties());
        config1.dataDir(dir.resolve("gateway1"));
        gateway1 = EnginePipeline.inFrontOf(config1, new ClusterForwarder(members, dir.resolve("gateway1-aeron"),
            HOST, 1));
        gateway1.start();
        // Gateway 1 defines BTC-USD (instrument 0); the bot registers its account MM1 (account 0).
        bot.start(gateway1);
        final LiveHost host = bot.host();
        assertEquals(0, gateway1.directory().resolve("BTC-USD", false));
        assertEquals(0, gateway1.directory().resolve("MM1"));

        // Gateway 2 learns both from the cluster and defines only its provider's account, "lp" (account 1).
        gateway2 = EnginePipeline.inFrontOf(EngineConfig.defaults().clearInstruments().journalEnabled(false)
            .dataDir(dir.resolve("gateway2")), new ClusterForwarder(members, dir.resolve("gateway2-aeron"), HOST, 2));
        gateway2.start();
        assertEquals(0, gateway2.directory().resolve("BTC-USD", false));
        assertEquals("MM1", gateway2.directory().accountName(0));
        final BookWatcher lpSees = new BookWatcher();
        final Participant lp = gateway2.register(ParticipantSpec.of("lp-desk", "lp").withMarketData(), lpSees);
        assertEquals(1, gateway2.directory().resolve("lp"));

        // The provider makes a wide market: bid 1,000 BTC at 29,950, ask 1,000 BTC at 30,050 (mid 30,000).
        lp.publication().offerBlocking(limit(1, "lp-b", Side.BUY, TimeInForce.GTC, LP_BID, LP_QTY), 1);
        lp.publication().offerBlocking(limit(1, "lp-a", Side.SELL, TimeInForce.GTC, LP_ASK, LP_QTY), 2);
        await(() -> lpSees.done(1) && lpSees.done(2), lp);

        // The bot's ladder by hand (defaults: model glft, levels 3, vol_initial 0.0001, k_default 0.5 per bp,
        // a_default 1), from the others' mid 30,000:
        //   size   Delta = order_notional / mid = 300 / 30,000 = 0.01 BTC = 10 lots of 0.001
        //   gamma  = 10 / (Delta x mid) = 10 / 300 = 1/30;  k = 0.5 / (1 bp of 30,000 = 3) = 1/6;  sigma = 3
        //   x = gamma Delta / k = (1/3,000) / (1/6) = 0.002;  c = ln(1.002) / (1/3,000) = 5.99401
        //   omega = sqrt(gamma sigma^2 / (2 A Delta k) x 1.002^(1 + 500)) = sqrt(90 x 2.72100) = 15.6493
        //   half spread = c + Delta omega / 2 = 5.99401 + 0.07825 = 6.07226 = 12.1445 ticks of 0.5
        //   bid 30,000 - 6.07226 = 29,993.928 = 59,987.86 ticks -> floor 59,987;  ask 60,012.14 -> ceil 60,013
        //   spacing = ceil(12.1445 / 4) = 4 ticks: bids 59,987 59,983 59,979, asks 60,013 60,017 60,021
        // book_share 0.25 of the provider's 1,000,000 lots does not cut them. They reach gateway 2 as public market
        // data: they rest in the cluster's book.
        await(() -> lpSees.botLevels(Side.BUY) == 3 && lpSees.botLevels(Side.SELL) == 3, lp);
        settle(lpSees, lp);
        assertFalse(lpSees.gap, "no market data lost: the book seen is the cluster's");
        assertEquals(Map.of(LP_BID, LP_QTY, 59_979L, 10L, 59_983L, 10L, 59_987L, 10L), lpSees.bids,
            "the bids in the cluster's book");
        assertEquals(Map.of(60_013L, 10L, 60_017L, 10L, 60_021L, 10L, LP_ASK, LP_QTY), lpSees.asks,
            "the asks in the cluster's book");
        final long bestBid = 59_987;

        // The provider sells 2 lots IOC at 59,901: above its own bid, so only the bot's bids can take it, and the
        // best of them (10 lots at 59,987) takes all 2 at its own price. The bot's best bid is left with 10 - 2 = 8.
        lpSees.reports.clear();
        lp.publication().offerBlocking(limit(1, "lp-s", Side.SELL, TimeInForce.IOC, LP_BID + 1, 2), 3);
        await(() -> lpSees.done(3), lp);
        assertEquals(List.of(
            "ACCEPTED lp-s acct 1 SELL " + (LP_BID + 1) + "x2 left 2",
            "FILL taker lp-s acct 1 SELL " + bestBid + "x2 left 0",
            "DONE corr=3"), lpSees.reports, "the provider's sell filled the bot's best bid");

        // The bot's own accounting: one fill of its 6 quotes (fill_ratio 1/6), bought 2 lots = 0.002 BTC at
        // 59,987 x 0.5 = 29,993.5, no fees configured: cash = -0.002 x 29,993.5 = -59.987; marked at the mid 30,000
        // pnl = 0.002 x 30,000 - 59.987 = 0.013, all of it spread captured ((30,000 - 29,993.5) x 0.002).
        final String status = awaitStatus(host, "fills", 1);
        assertEquals(1, value(status, "fills"), status);
        assertEquals(6, value(status, "quotes_sent"), status);
        assertEquals(1.0 / 6, value(status, "fill_ratio"), 1e-7, status);
        assertEquals(0.002, value(status, "inventory"), 1e-12, status);
        assertEquals(-59.987, value(status, "cash"), 1e-9, status);
        assertEquals(0.013, value(status, "pnl"), 1e-9, status);
        assertEquals(0.013, value(status, "spread_captured"), 1e-9, status);
        assertEquals(0, value(status, "fees"), 0, status);
        assertEquals(0, value(status, "limit_breaches"), 0, status);
        assertEquals(0, value(status, "kill_switch_events"), 0, status);
        assertEquals(2, host.bot().inventoryLots(0), "inventory in lots");

        // Quiet again. The fill does not move the ladder: the reservation shifts by q omega = 0.002 x 15.6493 =
        // 0.031 (0.06 ticks), so bid 59,987.80 and ask 60,012.08 round as before, and 8 lots against a target of 10
        // is within the 25 % size tolerance: the bot keeps all six orders and sends nothing (commands_sent stays
        // 1 snapshot request + 6 orders = 7). What it believes live is read after a status request (the bot thread's
        // answer orders its writes before this thread's reads).
        settle(lpSees, lp);
        assertFalse(gateway1.failStop().hasFailed(), gateway1.failStop().describe());
        assertFalse(gateway2.failStop().hasFailed(), gateway2.failStop().describe());
        final String quiet = host.status();
        assertEquals(7, value(quiet, "commands_sent"), quiet);
        assertEquals(Map.of(LP_BID, LP_QTY, 59_979L, 10L, 59_983L, 10L, 59_987L, 8L), lpSees.bids);
        final List<String> believed = new ArrayList<>();
        final List<String> believedPrices = new ArrayList<>();
        host.bot().forEachOpenOrder(0, (number, side, price, remaining, state) ->
        {
            believed.add(number + "/" + Side.name(side) + "/" + price + "/" + remaining + "/" + state);
            believedPrices.add(Side.name(side) + "/" + price + "/" + remaining + "/" + state);
        });
        believed.sort(null);
        believedPrices.sort(null);
        assertEquals(List.of("BUY/59979/10/" + LIVE, "BUY/59983/10/" + LIVE, "BUY/59987/8/" + LIVE,
            "SELL/60013/10/" + LIVE, "SELL/60017/10/" + LIVE, "SELL/60021/10/" + LIVE), believedPrices,
            "the bot's open orders, all acknowledged");

        // The members: all three publish one sequence and one digest, at 13 commands (BTC-USD, MM1, the bot's
        // snapshot request, lp, the provider's two orders, the bot's six, the provider's sell). Then a follower is
        // closed (its state is then safe to read from here; the other two still make a quorum, so the bot's gateway
        // stays connected and its close can pull the quotes): it holds the bot's orders exactly as the bot believes
        // them, the provider's two orders untouched (1,000,000 lots each) and one trade (the 2 lots), at that
        // sequence and digest.
        final long[] applied = awaitMembersAgree();
        assertEquals(13, applied[0], "commands the cluster applied");
        final int follower = follower();
        final ClusterNode closed = nodes[follower];
        nodes[follower] = null;
        closed.close();
        final EngineState state = closed.service().state();
        assertEquals(applied[0], state.lastSequence(), "the closed member's last sequence");
        assertEquals(applied[1], state.digest(), "the closed member's digest");
        final int mm = state.accounts().idOf("MM1");
        final int provider = state.accounts().idOf("lp");
        assertEquals(0, mm);
        assertEquals(1, provider);
        final List<String> held = new ArrayList<>();
        final List<String> lpHeld = new ArrayList<>();
        state.engine().forEachRestingOrder(0, (instrument, side, price, qty, owner, id, orderId, tif, stp, ts) ->
        {
            if (owner == mm)
            {
                held.add(id.decimalValue() + "/" + Side.name(side) + "/" + price + "/" + qty + "/" + LIVE);
            }
            else if (owner == provider)
            {
                lpHeld.add(id + "/" + Side.name(side) + "/" + price + "/" + qty);
            }
        });
        held.sort(null);
        lpHeld.sort(null);
        assertEquals(believed, held, "member " + follower + " holds what the bot believes live");
        assertEquals(List.of("lp-a/SELL/" + LP_ASK + "/" + LP_QTY, "lp-b/BUY/" + LP_BID + "/" + LP_QTY), lpHeld,
            "member " + follower + ": the provider's orders");
        assertEquals(1, state.engine().tradeCount(0), "member " + follower + ": one trade");

        // Stopped as the gateway process stops it, the bot pulls its quotes through the two members left: one
        // MASS_CANCEL, and the provider's market data shows only the provider's two orders again.
        bot.close();
        await(() -> lpSees.botLevels(Side.BUY) == 0 && lpSees.botLevels(Side.SELL) == 0, lp);
        settle(lpSees, lp);
        assertEquals(Map.of(LP_BID, LP_QTY), lpSees.bids, "the bids after the bot stopped");
        assertEquals(Map.of(LP_ASK, LP_QTY), lpSees.asks, "the asks after the bot stopped");
        assertFalse(lpSees.gap, "no market data lost");
    }

    /** Waits until the members publish one (sequence, digest) pair, and returns it. */
    private long[] awaitMembersAgree()
    {
        final long guard = System.nanoTime() + GUARD_NS;
        while (true)
        {
            final long[] first = nodes[0].service().applied();
            boolean agree = first[0] > 0;
            for (final ClusterNode node : nodes)
            {
                final long[] applied = node.service().applied();
                agree &= applied[0] == first[0] && applied[1] == first[1];
            }
            if (agree)
            {
                return first;
            }
            assertTrue(System.nanoTime() < guard, "guard against a hang: the members never agreed");
            pause();
        }
    }

    /** A member that is not the leader. */
    private int follower()
    {
        final long guard = System.nanoTime() + GUARD_NS;
        while (true)
        {
            for (int n = 0; n < nodes.length; n++)
            {
                if (nodes[n].service().role() == Cluster.Role.LEADER)
                {
                    return (n + 1) % nodes.length;
                }
            }
            assertTrue(System.nanoTime() < guard, "guard against a hang: no leader");
            pause();
        }
    }

    private static CommandEvent limit(final int account, final String clientOrderId, final int side, final int tif,
        final long price, final long qty)
    {
        return new CommandEvent().setLimitOrder(account, clientOrderId, 0, side, tif, price, qty);
    }

    private static String awaitStatus(final LiveHost host, final String key, final long atLeast)
    {
        final long guard = System.nanoTime() + GUARD_NS;
        String status = host.status();
        while (value(status, key) < atLeast)
        {
            assertTrue(System.nanoTime() < guard, "guard against a hang: " + status);
            pause();
            status = host.status();
        }
        return status;
    }

    private static double value(final String status, final String key)
    {
        assertTrue(status != null, "the bot answered its status");
        final Matcher m = Pattern.compile("(?:^| )" + Pattern.quote(key) + "=(-?[0-9.]+)").matcher(status);
        assertTrue(m.find(), key + " in " + status);
        return Double.parseDouble(m.group(1));
    }

    /** Polls until {@code done}. */
    private static void await(final BooleanSupplier done, final Participant polled)
    {
        final long guard = System.nanoTime() + GUARD_NS;
        while (!done.getAsBoolean())
        {
            if (polled.poll(1_000) == 0)
            {
                assertTrue(System.nanoTime() < guard, "guard against a hang: still waiting after 30 s");
                pause();
            }
        }
    }

    /** Polls until no market data has come for {@link #QUIET_POLLS} polls in a row. */
    private static void settle(final BookWatcher watcher, final Participant polled)
    {
        final long guard = System.nanoTime() + GUARD_NS;
        int quiet = 0;
        while (quiet < QUIET_POLLS)
        {
            final long before = watcher.updates;
            polled.poll(1_000);
            quiet = watcher.updates == before ? quiet + 1 : 0;
            assertTrue(System.nanoTime() < guard, "guard against a hang: the book never went quiet");
            pause();
        }
    }

    private static void pause()
    {
        try
        {
            Thread.sleep(2);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    /**
     * The provider's view: its own reports as lines, and the public book (price to quantity per side) from the
     * level changes of market data.
     */
    private static final class BookWatcher implements ParticipantListener
    {
        final List<String> reports = new ArrayList<>();
        final TreeMap<Long, Long> bids = new TreeMap<>();
        final TreeMap<Long, Long> asks = new TreeMap<>();
        final List<Long> dones = new ArrayList<>();
        long updates;
        boolean gap;

        public void onReport(final ExecutionReport r)
        {
            if (r.type == ResultType.DONE)
            {
                dones.add(r.commandCorrelationId);
                reports.add("DONE corr=" + r.commandCorrelationId);
                return;
            }
            reports.add(ResultType.name(r.type) +
                (r.role == ExecutionReport.NO_ROLE ? "" : r.role == ExecutionReport.TAKER ? " taker" : " maker") +
                " " + r.clientOrderId + " acct " + r.accountId + " " + Side.name(r.side) + " " + r.price + "x" +
                r.qty + " left " + r.remaining);
        }

        public void onMarketData(final ExecutionReport u)
        {
            updates++;
            gap |= u.gap;
            if (u.type == ResultType.LEVEL)
            {
                final TreeMap<Long, Long> book = u.side == Side.BUY ? bids : asks;
                if (u.qty == 0)
                {
                    book.remove(u.price);
                }
                else
                {
                    book.put(u.price, u.qty);
                }
            }
        }

        boolean done(final long correlationId)
        {
            return dones.contains(correlationId);
        }

        /** Levels on a side other than the provider's own price. */
        int botLevels(final int side)
        {
            final TreeMap<Long, Long> book = side == Side.BUY ? bids : asks;
            return book.size() - (book.containsKey(side == Side.BUY ? LP_BID : LP_ASK) ? 1 : 0);
        }
    }
}
