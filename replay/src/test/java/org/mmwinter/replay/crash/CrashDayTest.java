package org.mmwinter.replay.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.MatchingListener;
import org.mmwinter.engine.journal.InputJournal;
import org.mmwinter.engine.state.EngineState;
import org.mmwinter.quoting.journal.Decision;
import org.mmwinter.quoting.journal.DecisionReader;
import org.mmwinter.quoting.journal.DecisionReason;
import org.mmwinter.replay.ReplayMain;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole crash days through {@code replay crash}: the same seed gives the same journals and summary (timings aside);
 * on both crash days the reference bot breaches no limit, pulls or kills before its
 * drawdown cap and loses far less than the naive quoter; the report and summary are written.
 */
final class CrashDayTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void terraIsDeterministicAndTheReferenceBotSurvivesIt() throws IOException
    {
        final JsonNode first = crash("terra", 7, dir.resolve("a"));
        // The repeat runs the reference bot alone (each run is its own engine, so the others change nothing of it):
        // its figures, the price, the book and the AMM marked on its path, and its journal must be the same.
        final JsonNode second = crash("terra", 7, dir.resolve("b"), "--reference-only");
        final ObjectNode expected = withoutTimings(first);
        ((ObjectNode)expected.path("bots")).remove(List.of("reference_constant_latency", "naive"));
        assertEquals(expected, withoutTimings(second), "same seed, same summary");
        assertEquals(digest(dir.resolve("a").resolve("reference")), digest(dir.resolve("b").resolve("reference")),
            "reference: same input journal");
        // Another seed gives another flow: CrashFlowTest (the flow alone, cheaper than another whole day).

        final JsonNode reference = first.path("bots").path("reference");
        final JsonNode naive = first.path("bots").path("naive");
        assertEquals(0, reference.path("limit_breaches").asLong());
        assertTrue(reference.path("max_drawdown").asDouble() < naive.path("max_drawdown").asDouble() / 10,
            "reference drawdown " + reference.path("max_drawdown") + " vs naive " + naive.path("max_drawdown"));
        assertTrue(reference.path("max_abs_inventory").asDouble() < naive.path("max_abs_inventory").asDouble());
        assertTrue(first.path("price").path("low").asDouble() < first.path("price").path("open").asDouble() / 1000,
            "LUNA fell by orders of magnitude: " + first.path("price"));
        assertTrue(pulled(dir.resolve("a").resolve("reference"), DecisionReason.VOLATILITY_PULL),
            "the volatility pull fired");
        assertTrue(first.path("bots").path("amm").path("impermanent_loss").asDouble() < -0.5);
        assertTrue(Files.readString(dir.resolve("a").resolve("report.html")).contains("data-") ||
            Files.size(dir.resolve("a").resolve("report.html")) > 50_000);
    }

    @Test
    void onFtxsDayTheReferenceBotStopsAddingExposureWhenWithdrawalsHalt()
    {
        // The two runs the assertions need, as the command makes them (same scenario, seed and latency), without
        // the command's constant-latency comparison run: the terra test above goes through the command.
        final Scenario ftx = Scenario.builtIn("ftx");
        final CrashRun reference = new CrashRun(CrashRun.REFERENCE);
        reference.run(ftx, 7, false, dir.resolve("ftx").resolve("reference"), CrashCommand.latency(1_000, 500, 1, 7),
            null);
        final CrashRun naive = new CrashRun(CrashRun.NAIVE);
        naive.run(ftx, 7, false, dir.resolve("ftx").resolve("naive"), CrashCommand.latency(1_000, 500, 1, 7), null);
        assertEquals(0L, reference.figures.get("limit_breaches"));
        final double referenceDrawdown = (double)reference.figures.get("max_drawdown");
        final double naiveDrawdown = (double)naive.figures.get("max_drawdown");
        assertTrue(referenceDrawdown < naiveDrawdown / 10, "reference " + referenceDrawdown + " vs naive " +
            naiveDrawdown);
        assertTrue(pulled(dir.resolve("ftx").resolve("reference"), DecisionReason.WITHDRAWALS_HALTED),
            "decisions under WITHDRAWALS_HALTED");
    }

    private static JsonNode crash(final String scenario, final long seed, final Path out, final String... more)
        throws IOException
    {
        final List<String> args = new ArrayList<>(List.of("crash", "--scenario", scenario, "--seed",
            Long.toString(seed), "--out", out.toString()));
        args.addAll(List.of(more));
        final int exit = new CommandLine(new ReplayMain()).execute(args.toArray(new String[0]));
        assertEquals(0, exit);
        return JSON.readTree(out.resolve("summary.json").toFile());
    }

    private static ObjectNode withoutTimings(final JsonNode summary)
    {
        final ObjectNode copy = summary.deepCopy();
        copy.remove("elapsed_s");
        copy.remove("commands_per_s");
        copy.remove("latency_ns");
        return copy;
    }

    private static long digest(final Path dataDir)
    {
        final EngineState state = new EngineState(MatchingListener.NO_OP, 1 << 16);
        InputJournal.replayReadOnly(dataDir.resolve("input"), state::apply);
        return state.digest();
    }

    /** Whether a decision had this reason, as its main one or among its flags. */
    private static boolean pulled(final Path dataDir, final int reason)
    {
        try (DecisionReader reader = DecisionReader.open(dataDir.resolve("bot").resolve("decisions")))
        {
            final Decision d = new Decision();
            while (reader.next(d))
            {
                if (d.reason == reason || (d.flags & (1 << reason)) != 0)
                {
                    return true;
                }
            }
        }
        return false;
    }
}
