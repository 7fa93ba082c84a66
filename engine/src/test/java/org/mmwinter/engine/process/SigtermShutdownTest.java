package org.mmwinter.engine.process;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mmwinter.engine.flow.FlowFiles;
import org.mmwinter.engine.state.StateDigest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine process started the way users start it, stopped with SIGTERM: it drains, writes a snapshot, prints its
 * digest, and the journal it leaves rebuilds that digest offline.
 */
class SigtermShutdownTest
{
    @TempDir
    Path dir;

    @Test
    void sigtermDrainsSnapshotsAndReportsTheDigest() throws Exception
    {
        final Path flow = FlowFiles.write(dir.resolve("flow.csv"), 77, 3_000);
        final Path data = dir.resolve("data");
        final Process engine = ChildJvm.command(EngineMain.class, "--input", flow.toString(), "--data",
            data.toString(), "--progress-ms", "20", "--port", "0", "--fix-port", "0").redirectErrorStream(true).start();
        final List<String> output = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
            new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = out.readLine()) != null)
            {
                output.add(line);
                if (line.startsWith("engine: input done"))
                {
                    // What an operator or a service manager sends; Process.destroy would also close our pipe.
                    new ProcessBuilder("kill", "-TERM", Long.toString(engine.pid())).start().waitFor();
                }
            }
        }
        assertTrue(engine.waitFor(30, TimeUnit.SECONDS), "engine stopped on SIGTERM: " + output);
        final String shutdown = output.stream().filter(l -> l.startsWith("engine: shut down")).findFirst()
            .orElseThrow(() -> new AssertionError("no shutdown line: " + output));
        final String digest = StateDigest.toHex(FlowFiles.direct(flow, Long.MAX_VALUE).digest());
        assertTrue(shutdown.endsWith("digest=" + digest), shutdown);
        assertTrue(output.stream().anyMatch(l -> l.contains("journal input=" + data.resolve("input").toAbsolutePath())),
            "says where it journals: " + output);
        assertTrue(output.stream().anyMatch(l -> l.startsWith("engine: listening on tcp://127.0.0.1:")),
            "says where it listens: " + output);
        try (Stream<Path> snapshots = Files.list(data.resolve("snapshots")))
        {
            assertEquals(1, snapshots.count(), "a snapshot written at shutdown");
        }
        assertEquals(digest, StateDigest.toHex(OfflineState.rebuild(data).digest()));
    }
}
