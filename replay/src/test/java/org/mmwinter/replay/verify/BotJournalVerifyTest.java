package org.mmwinter.replay.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.message.ResultEvent;
import org.mmwinter.engine.message.ResultType;
import org.mmwinter.engine.pipeline.EnginePipeline;
import org.mmwinter.replay.ReplayMain;
import org.mmwinter.replay.crash.Scenario;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A journal with the reference market maker in it: a short crash day ({@code replay crash}, lockstep host, event
 * time, a halt and a venue-stress spell in it) then {@code replay verify} on its reference run's data directory.
 */
final class BotJournalVerifyTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theReferenceBotsJournalReplaysExactly() throws IOException
    {
        final Path scenario = tinyDay();
        final Path out = dir.resolve("out");
        assertEquals(0, new CommandLine(new ReplayMain()).execute("crash", "--scenario", scenario.toString(),
            "--reference-only", "--out", out.toString()));
        final Path data = out.resolve("reference");

        final List<ResultEvent> results = RecordedDirectories.recorded(data);
        final Set<Integer> accepting = new HashSet<>();
        int statuses = 0;
        for (final ResultEvent r : results)
        {
            if (r.type == ResultType.ACCEPTED && r.sourceId >= EnginePipeline.FIRST_PARTICIPANT_SOURCE_ID)
            {
                accepting.add(r.sourceId);
            }
            statuses += r.type == ResultType.STATUS ? 1 : 0;
        }
        // The crowd's driver and the bot both have orders in the book; the halt, resume and venue changes told.
        assertTrue(accepting.size() >= 2, "participants with accepted orders: " + accepting);
        assertTrue(statuses >= 4, "status results: " + statuses);

        final JournalVerifier verifier = new JournalVerifier(data, JournalVerifier.NO_LIMIT);
        final Verdict verdict = verifier.run();
        assertTrue(verdict.agreed(), verdict.report());
        assertEquals(RecordedDirectories.commands(data), verdict.commands());
        assertEquals(results.size(), verdict.results());
        assertEquals("verify: commands=" + verdict.commands() + " results=" + results.size() + " ok",
            verdict.report());
    }

    /**
     * The exodus day cut to its first two phases of ten minutes each, with a halt, a resume, venue stress and
     * its end inside them.
     */
    private Path tinyDay() throws IOException
    {
        final ObjectNode day = (ObjectNode)JSON.readTree(Scenario.builtIn("exodus").toJson());
        day.put("name", "tiny");
        final ArrayNode phases = (ArrayNode)day.get("phases");
        while (phases.size() > 2)
        {
            phases.remove(phases.size() - 1);
        }
        for (int i = 0; i < phases.size(); i++)
        {
            ((ObjectNode)phases.get(i)).put("duration_s", 600);
        }
        final ArrayNode events = day.putArray("events");
        events.addObject().put("at_s", 200).put("type", "HALT");
        events.addObject().put("at_s", 260).put("type", "RESUME");
        events.addObject().put("at_s", 700).put("type", "VENUE_STRESS");
        events.addObject().put("at_s", 900).put("type", "VENUE_NORMAL");
        final Path file = dir.resolve("tiny.json");
        Files.writeString(file, JSON.writeValueAsString(day));
        return file;
    }
}
