package org.mmwinter.replay.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.core.Instrument;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Loading scenario files: the built-in ones, the JSON round trip that {@code --print-scenario} relies on, and a table
 * of broken files with the exact message each gets.
 */
final class ScenarioTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void builtInScenariosLoad()
    {
        assertEquals(List.of("terra", "ftx", "exodus"), Scenario.builtInNames());
        final Scenario terra = Scenario.builtIn("terra");
        assertEquals("terra", terra.name());
        assertEquals("LUNA-USD", terra.symbol());
        assertEquals("0.00000001", terra.instrument().tick());
        // 1 bps = 100 millionths of notional: maker 1 bps, taker 5 bps.
        assertEquals(100, terra.instrument().makerFeeRate());
        assertEquals(500, terra.instrument().takerFeeRate());
        // 2022-05-07T00:00:00Z is 19 119 days after the epoch: 19 119 * 86 400 = 1 651 881 600 s.
        assertEquals(1_651_881_600L * 1_000_000_000L, terra.startNs());
        // Six days and forty minutes: 6 * 86 400 + 2 400 = 520 800 s, the same calendar in both lengths.
        assertEquals(520_800L * 1_000_000_000L, terra.durationNs(false));
        assertEquals(520_800L * 1_000_000_000L, terra.durationNs(true));
        assertEquals(77.3, terra.startPrice(), 0.0);
        assertEquals("ftx", Scenario.builtIn("ftx").name());
        assertEquals("exodus", Scenario.builtIn("exodus").name());
    }

    @Test
    void terraTickHoldsTheWholeCollapseInALong()
    {
        final Instrument luna = Scenario.builtIn("terra").instrument().toInstrument(0);
        // Tick 0.00000001 at scale 8 is one unit: 77.50 (the week's high) is 7 750 000 000 ticks and 0.00004 (the
        // low) 4 000 ticks, a 0.025 % step; both far inside Long.MAX_VALUE / 1 ticks.
        assertEquals(1, luna.tickUnits());
        assertEquals(Long.MAX_VALUE, luna.maxPriceTicks());
        // Lot 0.01 at scale 8 is 1 000 000 units: the largest quantity is Long.MAX_VALUE / 10^6 lots, about 9.2e12
        // lots (9.2e10 LUNA), more than the 6.5 billion LUNA in circulation at the end.
        assertEquals(1_000_000, luna.lotUnits());
        assertEquals(Long.MAX_VALUE / 1_000_000, luna.maxQtyLots());
    }

    @Test
    void unknownBuiltInNamesTheKnownOnes()
    {
        final ScenarioException ex = assertThrows(ScenarioException.class, () -> Scenario.builtIn("luna"));
        assertEquals("no built-in scenario 'luna'; built in: terra, ftx, exodus", ex.getMessage());
    }

    @Test
    void toJsonLoadsBackEqual() throws IOException
    {
        for (final String name : Scenario.builtInNames())
        {
            final Scenario scenario = Scenario.builtIn(name);
            final Path file = dir.resolve(name + "-copy.json");
            Files.writeString(file, scenario.toJson());
            final Scenario again = Scenario.load(file);
            assertEquals(scenario, again, name);
            assertEquals(scenario.toJson(), again.toJson(), name);
            assertEquals(scenario.phases(), again.phases(), name);
            assertEquals(scenario.calibration(), again.calibration(), name);
            assertEquals(scenario.instrument(), again.instrument(), name);
        }
    }

    @Test
    void anEditedCopyIsADifferentScenario() throws IOException
    {
        final Scenario terra = Scenario.builtIn("terra");
        final Scenario edited = loadEdited("edited.json", root -> phase(root, 0).put("pressure", -0.5));
        assertFalse(terra.equals(edited));
        assertEquals(-0.5, edited.phases().get(0).pressure(), 0.0);
    }

    @Test
    void missingFile()
    {
        final Path file = dir.resolve("nothere.json");
        final ScenarioException ex = assertThrows(ScenarioException.class, () -> Scenario.load(file));
        assertEquals("scenario nothere.json: no such file: " + file, ex.getMessage());
    }

    @Test
    void notJson() throws IOException
    {
        final Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"name\": \"x\",\n  oops\n}\n");
        final ScenarioException ex = assertThrows(ScenarioException.class, () -> Scenario.load(file));
        assertTrue(ex.getMessage().startsWith("scenario broken.json: not valid JSON at line 3, column 3: "),
            ex.getMessage());
    }

    @Test
    void brokenFieldsAreNamed() throws IOException
    {
        final Object[][] table = {
            {(Consumer<ObjectNode>)root -> phase(root, 2).put("pressure", "x"),
                "phases[2].pressure: expected a number between -1 and 1, got \"x\""},
            {(Consumer<ObjectNode>)root -> phase(root, 2).put("pressure", -1.5),
                "phases[2].pressure: expected a number between -1 and 1, got -1.5"},
            {(Consumer<ObjectNode>)root -> root.put("colour", "red"), "colour: unknown field"},
            {(Consumer<ObjectNode>)root -> phase(root, 0).put("presure", -0.5), "phases[0].presure: unknown field"},
            {(Consumer<ObjectNode>)root -> root.remove("start_price"), "start_price: missing"},
            {(Consumer<ObjectNode>)root -> root.put("start_price", 0.000000001),
                "start_price: expected a price of at least one tick (0.00000001) that fits the engine's range, " +
                "got 1.0E-9"},
            {(Consumer<ObjectNode>)root -> ((ObjectNode)root.get("instrument")).put("tick", "0"),
                "instrument.tick: expected a positive decimal like \"0.01\", got \"0\""},
            {(Consumer<ObjectNode>)root -> ((ObjectNode)root.get("instrument")).put("lot", "1e-2"),
                "instrument.lot: expected a positive decimal like \"0.01\", got \"1e-2\""},
            {(Consumer<ObjectNode>)root -> ((ObjectNode)root.get("instrument")).put("taker_fee_bps", 0.123),
                "instrument.taker_fee_bps: expected basis points with at most two decimals, got 0.123"},
            {(Consumer<ObjectNode>)root -> ((ObjectNode)root.get("noise")).put("accounts", 2.5),
                "noise.accounts: expected a whole number between 1 and 10000, got 2.5"},
            {(Consumer<ObjectNode>)root -> ((ObjectNode)root.get("liquidity")).put("levels", 0),
                "liquidity.levels: expected a whole number between 1 and 20, got 0"},
            {(Consumer<ObjectNode>)root -> root.put("start", "7 May 2022"),
                "start: expected a UTC time like \"2022-05-07T00:00:00Z\", got \"7 May 2022\""},
            {(Consumer<ObjectNode>)root -> root.putArray("phases"),
                "phases: expected an array of at least 1 element, got []"},
            {(Consumer<ObjectNode>)root -> ((ArrayNode)root.get("phases")).set(1, JSON.getNodeFactory().textNode("x")),
                "phases[1]: expected an object, got \"x\""},
            {(Consumer<ObjectNode>)root -> event(root).put("type", "PAUSE"),
                "events[0].type: expected one of HALT, RESUME, VENUE_STRESS, WITHDRAWALS_HALTED, VENUE_NORMAL, " +
                "got \"PAUSE\""},
            // The day is 520 800 s long: an event after its end can never happen.
            {(Consumer<ObjectNode>)root -> event(root).put("at_s", 600_000),
                "events[0].at_s: expected a number between 0 and 520800, got 600000"},
            {(Consumer<ObjectNode>)root -> day(root, 0).put("date", "2022-05-20"),
                "calibration.days[0].date: expected a day from 2022-05-07 to 2022-05-13 (the scenario's days), " +
                "got \"2022-05-20\""},
            {(Consumer<ObjectNode>)root -> ((ObjectNode)root.get("calibration").get("bands")).put("drawdown_max", 0.5),
                "calibration.bands.drawdown_max: expected a number between 0.9999 and 1, got 0.5"},
        };
        for (final Object[] row : table)
        {
            @SuppressWarnings("unchecked")
            final Consumer<ObjectNode> edit = (Consumer<ObjectNode>)row[0];
            final ScenarioException ex = assertThrows(ScenarioException.class, () -> loadEdited("bad.json", edit));
            assertEquals("scenario bad.json: " + row[1], ex.getMessage());
        }
    }

    private Scenario loadEdited(final String fileName, final Consumer<ObjectNode> edit) throws IOException
    {
        final ObjectNode root = (ObjectNode)JSON.readTree(Scenario.builtIn("terra").toJson());
        edit.accept(root);
        final Path file = dir.resolve(fileName);
        Files.writeString(file, JSON.writeValueAsString(root));
        return Scenario.load(file);
    }

    private static ObjectNode phase(final ObjectNode root, final int index)
    {
        return (ObjectNode)root.get("phases").get(index);
    }

    private static ObjectNode event(final ObjectNode root)
    {
        return (ObjectNode)root.get("events").get(0);
    }

    private static ObjectNode day(final ObjectNode root, final int index)
    {
        return (ObjectNode)root.get("calibration").get("days").get(index);
    }
}
