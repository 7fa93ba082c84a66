package org.mmwinter.engine.core;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.mmwinter.engine.flow.FlowAction;
import org.mmwinter.engine.flow.FlowGenerator;
import org.mmwinter.engine.message.CommandEvent;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Randomized differential test of the matching core: seeded flows from {@link FlowGenerator} go command by command
 * through {@link MatchingEngine} (watched by {@link AuditingListener}, which checks the invariants that need no
 * model) and through {@link ReferenceEngine}; after every command the reject reason, the fills in execution order,
 * the execution reports and the books must be the same. A failure names the seed and the command, with the last
 * commands as CSV lines; {@link #main} replays one seed.
 *
 * <p>{@code -Ddiff.seeds=N -Ddiff.commands=M} run longer locally; {@code -Ddiff.firstSeed=S} starts elsewhere.
 */
class MatchingEngineDifferentialTest
{
    private static final long FIRST_SEED = Long.getLong("diff.firstSeed", 1);
    private static final int SEEDS = Integer.getInteger("diff.seeds", 200);
    private static final int COMMANDS = Integer.getInteger("diff.commands", 5_000);
    /** Books are compared after every command that touches them, and all of them this often and at the end. */
    private static final int FULL_CHECK_EVERY = 1;
    private static final int HISTORY = 12;

    /** A seed to replay alone (edit it to chase a failure). */
    private static final long REPLAY_SEED = 0xC0FFEEL;

    /**
     * What the seeds exercised, so that a generator change that stops producing a case is noticed.
     */
    private static final Map<String, Long> COVERAGE = new TreeMap<>();
    private static final AtomicInteger PASSED_SEEDS = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> coreAgreesWithTheReferenceOnRandomFlows()
    {
        synchronized (COVERAGE)
        {
            COVERAGE.clear();
        }
        PASSED_SEEDS.set(0);
        final Stream<DynamicTest> seeds = LongStream.range(FIRST_SEED, FIRST_SEED + SEEDS)
            .mapToObj(seed -> DynamicTest.dynamicTest("seed " + seed,
                () ->
                {
                    new Run(seed, FlowGenerator.Options.FULL).run(COMMANDS);
                    PASSED_SEEDS.incrementAndGet();
                }));
        return Stream.concat(seeds, Stream.of(DynamicTest.dynamicTest("the flows covered every rule",
            MatchingEngineDifferentialTest::assertCoverage)));
    }

    @Test
    void csvFaithfulFlowsAgreeToo()
    {
        for (long seed = 1; seed <= 10; seed++)
        {
            new Run(seed, FlowGenerator.Options.CSV).run(COMMANDS);
        }
    }

    @Test
    void replaysOneSeed()
    {
        new Run(REPLAY_SEED, FlowGenerator.Options.FULL).run(COMMANDS);
    }

    /**
     * Replays one seed: {@code main(seed [commands [CSV]])}; prints what the run covered.
     */
    public static void main(final String[] args)
    {
        final long seed = args.length > 0 ? Long.decode(args[0]) : REPLAY_SEED;
        final int commands = args.length > 1 ? Integer.parseInt(args[1]) : COMMANDS;
        final FlowGenerator.Options options = args.length > 2 && "CSV".equalsIgnoreCase(args[2]) ?
            FlowGenerator.Options.CSV : FlowGenerator.Options.FULL;
        new Run(seed, options).run(commands);
        System.out.println("seed " + seed + ": " + commands + " commands agree; covered " + COVERAGE);
    }

    private static void assertCoverage()
    {
        assumeTrue(PASSED_SEEDS.get() == SEEDS, "coverage is only meaningful when every seed ran to the end");
        final String[] expected = {
            "fill", "fill at several prices", "FOK filled", "FOK expired", "IOC expired", "MARKET filled",
            "rested", "amend kept priority", "amend lost priority", "amend traded",
            "canceled user", "canceled mass cancel", "canceled self-trade prevention", "decremented",
            "STP CANCEL_NEWEST", "STP CANCEL_OLDEST", "STP CANCEL_BOTH", "STP DECREMENT", "self-trade allowed",
            "rejected unknown order", "rejected duplicate order id", "rejected missing order id",
            "rejected bad account",
            "id numeric accepted", "id short accepted", "id 36 characters accepted", "id of a dead order reused",
            "rejected symbol does not match the order", "rejected bad side", "rejected bad type",
            "rejected bad time in force", "rejected bad self-trade prevention mode", "rejected non-positive price",
            "rejected non-positive quantity", "rejected market order with a price", "rejected missing price",
            "rejected price too large for the fixed-point range",
            "rejected quantity too large for the fixed-point range", "rejected post-only order would cross",
            "rejected unknown instrument", "rejected price outside the instrument's band",
            "rejected book quantity would exceed the fixed-point range",
        };
        synchronized (COVERAGE)
        {
            for (final String key : expected)
            {
                assertTrue(COVERAGE.getOrDefault(key, 0L) > 0, "no seed exercised '" + key + "': " + COVERAGE);
            }
        }
    }

    /**
     * One seed: generator, core, auditor and model side by side.
     */
    private static final class Run
    {
        private final long seed;
        private final FlowGenerator generator;
        private final AuditingListener auditor = new AuditingListener();
        // A small start so that the pool, the index and the account table grow (and rehash) during the run.
        private final MatchingEngine engine = new MatchingEngine(auditor, 16);
        private final ReferenceEngine reference = new ReferenceEngine();
        private final CommandEvent command = new CommandEvent();
        private final BookRows expectedRows = new BookRows();
        private final ArrayDeque<CommandEvent> history = new ArrayDeque<>();
        private int historyStart;
        private final Map<String, Long> covered = new TreeMap<>();
        /** (account, client order id) of every NEW accepted so far: accepting one again reuses a dead id. */
        private final Set<String> acceptedIds = new HashSet<>();

        Run(final long seed, final FlowGenerator.Options options)
        {
            this.seed = seed;
            this.generator = new FlowGenerator(seed, options);
            generator.addInstrumentsTo(engine);
            for (final Instrument instrument : generator.instruments())
            {
                reference.addInstrument(instrument);
            }
            auditor.attach(engine);
        }

        void run(final int commands)
        {
            for (int index = 0; index < commands; index++)
            {
                generator.next(command);
                // Kept as commands and written out only on a failure: text for every command costs more than a run.
                history.addLast(history.size() == HISTORY ? history.removeFirst().copyFrom(command) :
                    new CommandEvent().copyFrom(command));
                historyStart = index + 1 - history.size();
                final boolean everyBook = index % FULL_CHECK_EVERY == 0 || index == commands - 1;

                final int actual;
                try
                {
                    auditor.beginCommand(command);
                    actual = command.applyTo(engine);
                    auditor.endCommand(everyBook);
                }
                catch (final AssertionError | RuntimeException ex)
                {
                    throw failure(index, "the core broke an invariant or threw: " + ex, ex);
                }
                final int expected = reference.apply(command);

                if (actual != expected)
                {
                    throw failure(index, "reject reason: core " + describe(actual) + ", reference " +
                        describe(expected) + "\n  core reports " + auditor.reports() +
                        "\n  reference reports " + reference.reports(), null);
                }
                compare(index, "fills", auditor.fills(), reference.fills());
                compare(index, "execution reports", auditor.reports(), reference.reports());
                for (int i = 0; i < engine.instrumentCount(); i++)
                {
                    if (auditor.wasChecked(i))
                    {
                        reference.writeRows(i, expectedRows.clear());
                        final BookRows actualRows = auditor.rows(i);
                        final int row = actualRows.firstDifference(expectedRows);
                        if (row >= 0)
                        {
                            throw failure(index, "book of instrument " + i + " differs at row " + row +
                                ": core " + actualRows.row(row) + ", reference " + expectedRows.row(row) +
                                "\n  core book:\n" + actualRows + "  reference book:\n" + expectedRows, null);
                        }
                    }
                }
                if (everyBook && engine.liveOrderCount() != reference.liveOrderCount())
                {
                    throw failure(index, "live orders: core " + engine.liveOrderCount() + ", reference " +
                        reference.liveOrderCount(), null);
                }
                count(actual);
            }
            synchronized (COVERAGE)
            {
                covered.forEach((key, n) -> COVERAGE.merge(key, n, Long::sum));
            }
        }

        private void compare(
            final int index, final String what, final List<?> actual, final List<?> expected)
        {
            if (!actual.equals(expected))
            {
                throw failure(
                    index, what + " differ\n  core:      " + actual + "\n  reference: " + expected, null);
            }
        }

        private AssertionError failure(final int index, final String problem, final Throwable cause)
        {
            final StringBuilder sb = new StringBuilder(1024);
            sb.append("seed ").append(seed).append(", command #").append(index).append(": ")
                .append(generator.toCsvLine(command))
                .append("\n  (").append(command).append(")\n").append(problem).append("\nlast commands (")
                .append(FlowGenerator.csvHeader()).append("):\n");
            int at = historyStart;
            for (final CommandEvent previous : history)
            {
                sb.append("  #").append(at++).append(' ').append(generator.toCsvLine(previous)).append('\n');
            }
            sb.append("instruments:");
            for (final Instrument instrument : generator.instruments())
            {
                sb.append(' ').append(instrument);
            }
            sb.append("\nreplay: MatchingEngineDifferentialTest.main(\"").append(seed).append("\", \"")
                .append(index + 1).append("\")");
            return new AssertionError(sb.toString(), cause);
        }

        private static String describe(final int reason)
        {
            return reason == RejectReason.NONE ? "accepted" : reason + " (" + RejectReason.describe(reason) + ")";
        }

        private void count(final int reason)
        {
            final List<ReferenceEngine.Fill> fills = reference.fills();
            final List<String> reports = reference.reports();
            if (reason != RejectReason.NONE)
            {
                add("rejected " + RejectReason.describe(reason));
                return;
            }
            if (!fills.isEmpty())
            {
                add("fill");
                if (fills.get(0).price() != fills.get(fills.size() - 1).price())
                {
                    add("fill at several prices");
                }
                for (final ReferenceEngine.Fill fill : fills)
                {
                    if (fill.makerAccountId() == fill.takerAccountId())
                    {
                        add("self-trade allowed");
                    }
                }
            }
            boolean selfTradePrevented = false;
            boolean expired = false;
            for (final String report : reports)
            {
                if (report.startsWith("CANCELED"))
                {
                    final String why = report.substring(report.lastIndexOf(' ', report.length() - 1));
                    if (report.endsWith("self-trade prevention"))
                    {
                        add("canceled self-trade prevention");
                        selfTradePrevented = true;
                    }
                    else if (report.endsWith("mass cancel"))
                    {
                        add("canceled mass cancel");
                    }
                    else
                    {
                        add("canceled" + why);
                    }
                }
                else if (report.startsWith("DECREMENTED"))
                {
                    add("decremented");
                    selfTradePrevented = true;
                }
                else if (report.startsWith("EXPIRED"))
                {
                    expired = true;
                }
                else if (report.startsWith("AMENDED"))
                {
                    add(report.endsWith("kept") ? "amend kept priority" : "amend lost priority");
                    if (!fills.isEmpty())
                    {
                        add("amend traded");
                    }
                }
            }
            if (command.type == FlowAction.NEW)
            {
                final String id = command.clientOrderId.toString();
                final int length = id.length();
                add(command.clientOrderId.decimalValue() >= 0 ? "id numeric accepted" :
                    length == ClientOrderId.MAX_LENGTH ? "id 36 characters accepted" : "id short accepted");
                if (!acceptedIds.add(command.accountId + "/" + id))
                {
                    add("id of a dead order reused");
                }
                if (selfTradePrevented)
                {
                    add("STP " + StpMode.name(command.stp));
                }
                if (command.tif == TimeInForce.FOK)
                {
                    add(expired ? "FOK expired" : "FOK filled");
                }
                else if (command.tif == TimeInForce.IOC && expired)
                {
                    add("IOC expired");
                }
                if (command.orderType == OrderType.MARKET && !fills.isEmpty())
                {
                    add("MARKET filled");
                }
                if (rests(command.instrumentId, command.accountId, command.clientOrderId.toString()))
                {
                    add("rested");
                }
            }
        }

        private boolean rests(final int instrumentId, final int accountId, final String orderId)
        {
            final BookRows rows = auditor.rows(instrumentId);
            for (int row = 0; row < rows.size(); row++)
            {
                if (rows.accountId(row) == accountId && rows.clientOrderId(row).equals(orderId))
                {
                    return true;
                }
            }
            return false;
        }

        private void add(final String key)
        {
            covered.merge(key, 1L, Long::sum);
        }
    }
}
