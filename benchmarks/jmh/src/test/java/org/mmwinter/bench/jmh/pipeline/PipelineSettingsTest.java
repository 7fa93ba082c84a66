package org.mmwinter.bench.jmh.pipeline;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mmwinter.engine.pipeline.EngineConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The A/B switches: {@code -Dbench.pipeline.pretouch} unset is the engine as shipped (on), {@code false} turns the
 * pretoucher off, and any other value is refused rather than measured as one or the other; the ring sizes are the
 * engine's unless set, and a value that is not one is refused.
 */
final class PipelineSettingsTest
{
    private static final Path DATA = Path.of("unused-data");

    @AfterEach
    void clearProperty()
    {
        System.clearProperty(PipelineSettings.PRETOUCH_PROPERTY);
        System.clearProperty(PipelineSettings.RING_PROPERTY);
        System.clearProperty(PipelineSettings.OUTPUT_RING_PROPERTY);
    }

    @Test
    void pretouchIsOnUnlessTurnedOffAndAnUnknownValueIsRefused()
    {
        assertTrue(PipelineSettings.config(DATA, "on", "split").journalPretouch());
        System.setProperty(PipelineSettings.PRETOUCH_PROPERTY, "false");
        assertFalse(PipelineSettings.config(DATA, "on", "split").journalPretouch());
        System.setProperty(PipelineSettings.PRETOUCH_PROPERTY, "true");
        assertTrue(PipelineSettings.config(DATA, "on", "split").journalPretouch());
        System.setProperty(PipelineSettings.PRETOUCH_PROPERTY, "off");
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> PipelineSettings.config(DATA, "on", "split"));
        assertEquals("-Dbench.pipeline.pretouch is true or false, not off", refused.getMessage());
    }

    @Test
    void ringSizesAreTheEnginesUnlessSetAndANonNumberIsRefused()
    {
        final EngineConfig engine = EngineConfig.defaults();
        assertEquals(engine.ringSize(), PipelineSettings.config(DATA, "on", "split").ringSize());
        assertEquals(engine.outputRingSize(), PipelineSettings.config(DATA, "on", "split").outputRingSize());
        System.setProperty(PipelineSettings.RING_PROPERTY, "4096");
        System.setProperty(PipelineSettings.OUTPUT_RING_PROPERTY, "1024");
        assertEquals(4096, PipelineSettings.config(DATA, "on", "split").ringSize());
        assertEquals(1024, PipelineSettings.config(DATA, "on", "split").outputRingSize());
        System.setProperty(PipelineSettings.OUTPUT_RING_PROPERTY, "16k");
        final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
            () -> PipelineSettings.config(DATA, "on", "split"));
        assertEquals("-Dbench.pipeline.outputRing is a ring size (a power of two), not 16k", refused.getMessage());
        System.setProperty(PipelineSettings.OUTPUT_RING_PROPERTY, "1000");
        assertThrows(IllegalArgumentException.class, () -> PipelineSettings.config(DATA, "on", "split"));
    }
}
