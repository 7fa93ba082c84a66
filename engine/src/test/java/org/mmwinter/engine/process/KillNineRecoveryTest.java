package org.mmwinter.engine.process;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.flow.FlowFiles;
import org.mmwinter.engine.journal.InputJournal;
import org.mmwinter.engine.message.CommandType;
import org.mmwinter.engine.pipeline.EngineConfig;
import org.mmwinter.engine.state.EngineState;
import org.mmwinter.engine.state.StateDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a real engine process with SIGKILL while it takes a paced flow, then checks the pinned recovery contract:
 * every acknowledged command is in the journal, the journal holds a prefix of the flow, the offline digest equals
 * the bare core's over that prefix, and a restarted engine finishes the flow at the uninterrupted digest.
 */
class KillNineRecoveryTest
{
    private static final Pattern ACKED = Pattern.compile("acked_line=(\\d+)");

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedCommandSurvivesKillNine() throws Exception
    {
        final int lines = 40_000;
        final Path flow = FlowFiles.write(dir.resolve("flow.csv"), 2024, lines);
        final String text = Files.readString(flow);
        assertTrue(Pattern.compile(",NEW,acct\\d+,[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12},")
            .matcher(text).find() && Pattern.compile(",NEW,acct\\d+,o[0-9a-z]+,").matcher(text).find(),
            "the flow names orders with 36-character and short string ids");
        final Path data = dir.resolve("data");
        final Process engine = ChildJvm.command(EngineMain.class,
            "--input", flow.toString(), "--data", data.toString(), "--rate", "10000", "--progress-ms", "5",
            "--port", "0", "--fix-port", "0")
            .redirectErrorStream(true)
            .start();
        long acked = 0;
        final List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = out.readLine()) != null)
            {
                output.add(line);
                final Matcher m = ACKED.matcher(line);
                if (m.find())
                {
                    acked = Long.parseLong(m.group(1));
                    if (acked >= 6_000)
                    {
                        engine.destroyForcibly();
                        break;
                    }
                }
            }
        }
        assertTrue(engine.waitFor(30, TimeUnit.SECONDS), "engine process ended");
        assertTrue(acked >= 6_000, "engine acknowledged enough before the kill: " + output);
        assertTrue(acked < lines, "killed mid-stream, not after the end");

        // The journal holds the flow's commands in order, from line 1 up to line K >= every acknowledged line.
        final long[] lastLine = {0};
        final boolean[] inOrder = {true};
        InputJournal.replayReadOnly(data.resolve("input"), event ->
        {
            if (CommandType.isOrderFlow(event.type))
            {
                inOrder[0] &= event.correlationId > lastLine[0];
                lastLine[0] = event.correlationId;
            }
        });
        final long journaled = lastLine[0];
        assertTrue(inOrder[0], "journal holds the flow's lines in order");
        assertTrue(journaled >= acked, "acknowledged line " + acked + " but journaled only up to " + journaled);

        final EngineState recovered = OfflineState.rebuild(data);
        final FlowFiles.Direct direct = FlowFiles.direct(flow, journaled);
        assertEquals(direct.commands(), recovered.engine().commandCount(), "every command up to line " + journaled);
        assertEquals(StateDigest.toHex(direct.digest()), StateDigest.toHex(recovered.digest()),
            "digest over the acknowledged prefix");

        // A restarted engine takes the rest of the flow and ends where an uninterrupted run ends.
        FlowFiles.split(flow, journaled, dir.resolve("done.csv"), dir.resolve("rest.csv"));
        final PipelineFlowRun.Result rest = PipelineFlowRun.run(
            EngineConfig.defaults().dataDir(data), dir.resolve("rest.csv"), dir.resolve("out"), Long.MAX_VALUE);
        assertEquals(StateDigest.toHex(FlowFiles.direct(flow, Long.MAX_VALUE).digest()),
            StateDigest.toHex(rest.digest()));
    }
}
