package org.mmwinter.engine.cluster;

import java.nio.file.Path;

import org.mmwinter.engine.process.EngineConsole;

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
        final EngineConsole digest = EngineConsole.run("digest", "--data", dataDir.toString());
        assertEquals(0, digest.exitCode, "digest exit on " + dataDir);
        return digest.out;
    }
}
