package org.mmwinter.replay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.agrona.CloseHelper;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.SleepingMillisIdleStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.cluster.ClusterClient;
import org.mmwinter.engine.cluster.ClusterMembers;
import org.mmwinter.engine.cluster.ClusterNode;
import org.mmwinter.engine.cluster.EngineClusteredService;
import org.mmwinter.engine.cluster.FreePorts;
import org.mmwinter.engine.core.Instrument;
import org.mmwinter.engine.core.MatchingEngine;
import org.mmwinter.engine.core.OrderType;
import org.mmwinter.engine.core.RejectReason;
import org.mmwinter.engine.core.Side;
import org.mmwinter.engine.core.TimeInForce;
import org.mmwinter.engine.message.CommandEvent;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.process.EngineConsole;
import org.mmwinter.engine.state.StateDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue 14's "each member's digest equals a single-process {@code replay match} of the commands in the cluster's
 * order", end to end: three members in this JVM apply a small flow (orders that rest and cross, an amend, cancels,
 * one rejected, and a command re-sent after its acknowledgement, which the cluster acknowledges again without
 * applying it); stopped, each member's directory is exported with {@code engine.jar export --flow}, and
 * {@code replay match} of that flow, with the instruments file written beside it, reaches the member's digest.
 */
final class ClusterFlowExportTest
{
    private static final String HEADER = "ts_ns,action,account,order_id,symbol,side,type,tif,price,qty,stp";
    private static final int SOURCE = 1;
    /** The DONE of a re-send the cluster had applied before: sequence 0, nothing applied. */
    private static final long ALREADY_APPLIED = 0;
    private static final int RESENT = 7;
    private static final long NOT_ACKED = -1;

    @TempDir
    Path dir;

    private final ClusterNode[] nodes = new ClusterNode[3];
    private ClusterClient client;
    private final IdleStrategy idle = new SleepingMillisIdleStrategy(1);
    private final List<CommandEvent> commands = new ArrayList<>();
    /** By correlation id: the sequence, engine time and result of its DONE. */
    private final long[] sequence = new long[16];
    private final long[] nowNs = new long[16];
    private final int[] result = new int[16];
    private int alreadyApplied;

    @AfterEach
    void close()
    {
        CloseHelper.quietClose(client);
        for (final ClusterNode node : nodes)
        {
            CloseHelper.quietClose(node);
        }
    }

    @Test
    // A guard against a hang (a member that never reaches the sequence waited for), not a timed assertion.
    @Timeout(60)
    void eachMembersLogReplaysThroughReplayMatchToItsDigest() throws Exception
    {
        // BTC-USD: tick 0.01 (1 unit of 10^-2), lot 0.001 (1 unit of 10^-3).
        add(new CommandEvent().setAddInstrument(new Instrument(0, "BTC-USD", 2, 1, 3, 1, 0)));
        add(new CommandEvent().setRegisterAccount(0, "ALICE"));
        add(new CommandEvent().setRegisterAccount(1, "BOB"));
        // 4, 5, 6 rest: ALICE bids 5 at 100 and 3 at 99.5, BOB offers 4 at 101.
        add(limit(0, "a1", Side.BUY, TimeInForce.GTC, 10_000, 5_000));
        add(limit(0, "a2", Side.BUY, TimeInForce.GTC, 9_950, 3_000));
        add(limit(1, "b1", Side.SELL, TimeInForce.GTC, 10_100, 4_000));
        // 7 crosses a1: 2 at 100, a1 keeps 3.
        add(limit(1, "b2", Side.SELL, TimeInForce.IOC, 10_000, 2_000));
        // 8: a2 to 6 at 99.75.
        add(order(CommandType.AMEND, 0, "a2", 9_975, 6_000));
        // 9 cancels b1; 10 names no live order and is rejected.
        add(order(CommandType.CANCEL, 1, "b1", MatchingEngine.NO_PRICE, 0));
        add(order(CommandType.CANCEL, 1, "zz", MatchingEngine.NO_PRICE, 0));
        // 11 sells 4 at market: 3 at 100 (a1, done), 1 at 99.75 (a2 keeps 5).
        final CommandEvent market = limit(1, "b3", Side.SELL, TimeInForce.IOC, MatchingEngine.NO_PRICE, 4_000);
        market.orderType = OrderType.MARKET;
        add(market);
        // 12 rests after the re-send of 7.
        add(limit(0, "a3", Side.BUY, TimeInForce.GTC, 9_800, 1_000));

        final ClusterMembers members = ClusterMembers.parse(FreePorts.threeLoopbackMembers());
        for (int n = 0; n < nodes.length; n++)
        {
            nodes[n] = ClusterNode.launch(n, members, dir.resolve("node" + n), new EngineClusteredService(1 << 12));
        }
        Arrays.fill(sequence, NOT_ACKED);
        client = ClusterClient.connect(members, dir.resolve("client"), "127.0.0.1", this::onResult);
        // One at a time, each acknowledged before the next: the cluster's order is the order sent.
        for (int i = 0; i < commands.size() - 1; i++)
        {
            sendAndAwait(commands.get(i), i + 1);
        }
        final int repeats = alreadyApplied;
        offer(commands.get(RESENT - 1));
        while (alreadyApplied == repeats)
        {
            poll();
        }
        sendAndAwait(commands.get(commands.size() - 1), commands.size());

        for (int c = 1; c <= commands.size(); c++)
        {
            assertEquals(c, sequence[c], "command " + c + " applied once, in the order sent");
        }
        assertEquals(RejectReason.UNKNOWN_ORDER, result[10]);
        final long[] digests = new long[nodes.length];
        for (int n = 0; n < nodes.length; n++)
        {
            digests[n] = awaitApplied(nodes[n], commands.size());
            assertEquals(1, nodes[n].service().duplicates(), "member " + n + " did not apply the re-send");
        }
        CloseHelper.quietClose(client);
        for (final ClusterNode node : nodes)
        {
            node.close();
        }

        // ts_ns is the engine time the cluster gave each command (its DONE's), prices and quantities as decimals
        // without trailing zeros; the re-send of 7 is not there, and the definitions are in the instruments file.
        final List<String> expectedFlow = List.of(HEADER,
            nowNs[4] + ",NEW,ALICE,a1,BTC-USD,BUY,LIMIT,GTC,100,5,NONE",
            nowNs[5] + ",NEW,ALICE,a2,BTC-USD,BUY,LIMIT,GTC,99.5,3,NONE",
            nowNs[6] + ",NEW,BOB,b1,BTC-USD,SELL,LIMIT,GTC,101,4,NONE",
            nowNs[7] + ",NEW,BOB,b2,BTC-USD,SELL,LIMIT,IOC,100,2,NONE",
            nowNs[8] + ",AMEND,ALICE,a2,BTC-USD,,,,99.75,6,",
            nowNs[9] + ",CANCEL,BOB,b1,BTC-USD,,,,,,",
            nowNs[10] + ",CANCEL,BOB,zz,BTC-USD,,,,,,",
            nowNs[11] + ",NEW,BOB,b3,BTC-USD,SELL,MARKET,IOC,,4,NONE",
            nowNs[12] + ",NEW,ALICE,a3,BTC-USD,BUY,LIMIT,GTC,98,1,NONE");
        for (int n = 0; n < nodes.length; n++)
        {
            final Path flow = dir.resolve("export").resolve("node" + n + ".csv");
            final Path config = dir.resolve("export").resolve("node" + n + ".instruments.conf");
            final String printed = export(nodes[n].dataDir(), flow);
            assertEquals(expectedFlow, Files.readAllLines(flow), "flow of member " + n);
            assertEquals(List.of(
                "# The instruments of the engine that applied node" + n + ".csv, for replay match --config.",
                "instruments.create_on_first_use=false",
                "instrument.BTC-USD.tick=0.01",
                "instrument.BTC-USD.lot=0.001",
                "instrument.BTC-USD.band_bps=0",
                "instrument.BTC-USD.maker_fee_bps=0",
                "instrument.BTC-USD.taker_fee_bps=0"), Files.readAllLines(config));
            assertEquals("engine export: flow=" + flow.toAbsolutePath().normalize() + " lines=9 skipped=0 config=" +
                config.toAbsolutePath().normalize() + " (instruments: give it to replay match --config) " +
                "commands=9 digest=" + StateDigest.toHex(digests[n]), printed);

            final Path out = dir.resolve("replay" + n);
            final MatchRun.Result replay = new MatchRun(EngineConfig.load(config)).run(flow, out, Long.MAX_VALUE);
            assertEquals(StateDigest.toHex(digests[n]), StateDigest.toHex(replay.digest()), "member " + n);
            assertEquals(9, replay.lines());
            assertEquals(9, replay.commands());
            assertEquals(3, replay.trades());
            assertEquals(1, replay.rejects());
            assertEquals(List.of(MatchRun.TRADES_HEADER,
                "1," + nowNs[7] + ",BTC-USD,100,2,SELL,ALICE,a1,BOB,b2",
                "2," + nowNs[11] + ",BTC-USD,100,3,SELL,ALICE,a1,BOB,b3",
                "3," + nowNs[11] + ",BTC-USD,99.75,1,SELL,ALICE,a2,BOB,b3"),
                Files.readAllLines(out.resolve("trades.csv")));
            assertEquals(List.of(MatchRun.BOOK_HEADER, "BTC-USD,BUY,99.75,5,ALICE,a2", "BTC-USD,BUY,98,1,ALICE,a3"),
                Files.readAllLines(out.resolve("book.csv")));
        }
    }

    private void add(final CommandEvent command)
    {
        command.sourceId = SOURCE;
        command.correlationId = commands.size() + 1;
        commands.add(command);
    }

    private static CommandEvent limit(final int account, final String id, final int side, final int tif,
        final long price, final long qty)
    {
        return new CommandEvent().setLimitOrder(account, id, 0, side, tif, price, qty);
    }

    private static CommandEvent order(final int type, final int account, final String id, final long price,
        final long qty)
    {
        final CommandEvent command = limit(account, id, Side.BUY, TimeInForce.GTC, price, qty);
        command.type = type;
        return command;
    }

    private void onResult(final ResultEvent r)
    {
        if (r.type != ResultType.DONE)
        {
            return;
        }
        final int c = (int)r.correlationId;
        if (r.commandSequence == ALREADY_APPLIED)
        {
            alreadyApplied++;
            return;
        }
        sequence[c] = r.commandSequence;
        nowNs[c] = r.nowNs;
        result[c] = r.rejectReason;
    }

    private void sendAndAwait(final CommandEvent command, final int correlationId)
    {
        offer(command);
        while (sequence[correlationId] == NOT_ACKED)
        {
            poll();
        }
    }

    private void offer(final CommandEvent command)
    {
        while (client.offer(command) <= 0)
        {
            poll();
        }
    }

    private void poll()
    {
        if (client.poll() == 0)
        {
            idle.idle();
        }
    }

    /**
     * @return the member's published digest once it has applied {@code applied} commands.
     */
    private long awaitApplied(final ClusterNode node, final long applied)
    {
        while (true)
        {
            final long[] published = node.service().applied();
            if (published[0] == applied)
            {
                return published[1];
            }
            client.sendKeepAlive();
            idle.idle();
        }
    }

    /**
     * Runs {@code engine.jar export --data DATA --flow FLOW} in this JVM.
     *
     * @return the line it printed.
     */
    private static String export(final Path data, final Path flow)
    {
        final EngineConsole export = EngineConsole.run("export", "--data", data.toString(), "--flow", flow.toString());
        assertEquals(0, export.exitCode, "export of " + data);
        return export.out;
    }
}
