package org.mmwinter.engine.fix;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mmwinter.engine.pipeline.EngineConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code fix.*} keys: the pinned defaults, per-session settings, and each mistake refused with its key and value.
 */
class FixGatewayConfigTest
{
    @Test
    void defaultsAreTheTwoLoopbackClients()
    {
        final FixGatewayConfig config = FixGatewayConfig.from(EngineConfig.defaults().dataDir(Path.of("d")));
        assertEquals("127.0.0.1", config.host());
        assertEquals(9878, config.port());
        assertFalse(config.allowRemote());
        assertEquals(List.of(new FixSessionSpec("CLIENT1", "CLIENT1", "", false, 5_000),
            new FixSessionSpec("CLIENT2", "CLIENT2", "", false, 5_000)), config.sessions());
        assertEquals(Path.of("d", "fix"), config.storeDir());
    }

    @Test
    void sessionKeysOverrideTheDefaultsAndTheMarketMakerCancelsOnDisconnect()
    {
        final EngineConfig engine = EngineConfig.defaults()
            .fixProperty("fix.sessions", "A,MAKER")
            .fixProperty("fix.session.A.password", "pw")
            .fixProperty("fix.session.A.max_msgs_per_s", "10")
            .fixProperty("fix.session.MAKER.account", "MM1");
        assertEquals(List.of(new FixSessionSpec("A", "A", "pw", false, 10),
            new FixSessionSpec("MAKER", "MM1", "", true, 5_000)), FixGatewayConfig.from(engine).sessions());
    }

    @Test
    void mistakesAreRefusedByName()
    {
        assertRefused("fix.prot", "1", "unknown key fix.prot=1");
        assertRefused("fix.port", "70000", "fix.port=70000: not a whole number from -1 to 65535");
        assertRefused("fix.session.NOBODY.password", "x", "session NOBODY is not in fix.sessions");
        assertRefused("fix.session.CLIENT1.colour", "red", "unknown key fix.session.CLIENT1.colour=red");
        assertRefused("fix.session.CLIENT2.account", "CLIENT1", "already the account of session CLIENT1");
        assertRefused("fix.allow.remote", "yes", "fix.allow.remote=yes: must be true or false");
    }

    @Test
    void aNonLoopbackAddressNeedsAllowRemoteAndPasswords()
    {
        final EngineConfig engine = EngineConfig.defaults().fixProperty("fix.host", "0.0.0.0");
        final IllegalArgumentException closed = assertThrows(IllegalArgumentException.class,
            () -> new FixAcceptor(null, FixGatewayConfig.from(engine), FixMarketDataHandler.NONE).start());
        assertTrue(closed.getMessage().contains("not a loopback address; set fix.allow.remote=true"),
            closed.getMessage());
        engine.fixProperty("fix.allow.remote", "true");
        final IllegalArgumentException open = assertThrows(IllegalArgumentException.class,
            () -> new FixAcceptor(null, FixGatewayConfig.from(engine), FixMarketDataHandler.NONE).start());
        assertTrue(open.getMessage().contains("session CLIENT1 has no password"), open.getMessage());
    }

    private static void assertRefused(final String key, final String value, final String message)
    {
        final IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
            () -> FixGatewayConfig.from(EngineConfig.defaults().fixProperty(key, value)));
        assertTrue(ex.getMessage().contains(message), ex.getMessage());
    }
}
