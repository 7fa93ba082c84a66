package org.mmwinter.engine.cluster;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.mmwinter.engine.process.EngineMain;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Runs {@code engine.jar digest --data DIR} in this JVM and returns what it printed.
 */
final class DigestTool
{
    private DigestTool()
    {
    }

    /**
     * @return the tool's line, {@code commands=N digest=HEX}.
     */
    static String run(final Path dataDir)
    {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final PrintStream previous = System.out;
        final int exit;
        try
        {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            exit = new CommandLine(new EngineMain()).execute("digest", "--data", dataDir.toString());
        }
        finally
        {
            System.setOut(previous);
        }
        assertEquals(0, exit, "digest exit on " + dataDir);
        return out.toString(StandardCharsets.UTF_8).trim();
    }
}
